"""How fopinfo's time and memory grow with the size of the knowledge file.

    python benchmarks/scale.py [--sizes 2000,20000,100000] [--runs N] [--fopinfo PATH]

For each size N, make_large.py writes a synthetic N-statement file into a temporary
folder (removed afterwards); then, interleaved and in reversed order every other round,
this measures:

- ``yaml``: the C YAML loader alone parsing the file
  (``python -c "import gc, yaml; gc.disable(); yaml.load(open(P), Loader=yaml.CSafeLoader)"``,
  the collector off as in fopinfo);
- the text floor, ``python -c "import rich.console, yaml"``, once per round;
- ``fopinfo --data P`` with every command (COMMANDS), ``handout --json/--html`` and ``check --source`` included.

Each fopinfo row is compared with (yaml parse + text floor) of the same size; the goal is
≤ 1.5×. "ms / 1k stmts" divides the median by N/1000: flat across sizes means linear.
Prints Markdown tables and always exits 0. Standard library only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (
    Launcher,
    Sample,
    child_env,
    environment_line,
    find_fopinfo,
    measure,
    print_verdict,
    script_interpreter,
    table,
)

GOAL = 1.5
TEXT_FLOOR = "import rich.console, yaml"
# With the cyclic collector off, as fopinfo runs: otherwise the baseline pays for the
# collector and fopinfo would look faster than the parser it is built on.
PARSE = "import gc, sys, yaml; gc.disable(); yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
SOURCE = str(Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "what-is-fop.txt")
# Every command, each view it has: a quadratic path anywhere shows as a ratio growing with N.
COMMANDS: tuple[tuple[str, list[str]], ...] = (
    ("overview", []),
    ("facts", ["facts"]),
    ("topics", ["topics"]),
    ("topic what", ["topic", "what"]),
    ("cite 7", ["cite", "7"]),
    ("sources", ["sources"]),
    ("search bone", ["search", "bone"]),
    ("define hallux", ["define", "hallux"]),
    ("handout", ["handout"]),
    ("handout --json", ["handout", "--json"]),
    ("handout --html", ["handout", "--html"]),
    ("check", ["check"]),
    ("check --source", ["check", "--source", SOURCE]),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="2000,20000,100000", help="comma-separated statement counts")
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each command per size (default 5)")
    parser.add_argument("--fopinfo", metavar="PATH", help="fopinfo console script (default: beside python, else PATH)")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, not {args.sizes!r}")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes must be positive integers")
    runs = max(1, args.runs)

    fopinfo = find_fopinfo(args.fopinfo)
    python = script_interpreter(fopinfo)
    env = child_env()
    make_large = Path(__file__).resolve().parent / "make_large.py"

    print(f"# fopinfo scale benchmark ({runs} runs each, interleaved, stdout to /dev/null)\n")
    print(environment_line(python))
    print(f"\nfopinfo: {fopinfo} · python: {python} · files from {make_large.name} (seeded)\n")

    header = [
        "N",
        "command",
        "median ms",
        "ratio to yaml+floor",
        "goal",
        "ms / 1k stmts",
        "Δ ms / 1k stmts",
        "max RSS MB",
        "ok",
    ]
    rows: list[list[str]] = []
    failing: list[str] = []
    previous: tuple[int, dict[str, Sample]] | None = None
    tmp = Path(tempfile.mkdtemp(prefix="fopinfo-scale-"))
    try:
        with Launcher(python, env) as launcher:
            for n in sizes:
                path = tmp / f"large-{n}.yaml"
                started = time.perf_counter()
                subprocess.run([str(python), str(make_large), str(n), "-o", str(path)], check=True, env=env)
                size_mb = path.stat().st_size / 1e6
                print(
                    f"N={n}: {size_mb:.1f} MB file written in {time.perf_counter() - started:.1f} s; measuring…",
                    file=sys.stderr,
                    flush=True,
                )
                commands = {
                    "yaml": [str(python), "-c", PARSE, str(path)],
                    "floor": [str(python), "-c", TEXT_FLOOR],
                    **{label: [str(fopinfo), "--data", str(path), *cmd] for label, cmd in COMMANDS},
                }
                samples = measure(launcher, commands, runs)
                rows += _rows(n, size_mb, samples, previous, failing)
                previous = (n, samples)
                path.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(table(header, rows, left=2))
    print_verdict(failing)
    return 0


def _rows(
    n: int,
    size_mb: float,
    samples: dict[str, Sample],
    previous: tuple[int, dict[str, Sample]] | None,
    failing: list[str],
) -> list[list[str]]:
    per_k = n / 1000

    def slope(name: str) -> str:
        """Marginal cost per 1,000 statements since the previous size: start-up cancels out."""
        if previous is None or previous[0] == n or previous[1][name].failure or samples[name].failure:
            return "—"
        return f"{(samples[name].median - previous[1][name].median) / ((n - previous[0]) / 1000):.2f}"

    parse, floor = samples["yaml"], samples["floor"]
    base = parse.median + floor.median
    label = f"{n:,} ({size_mb:.0f} MB)"
    rows = [
        [
            label,
            "yaml parse (C loader)",
            f"{parse.median:.0f}",
            "—",
            "—",
            f"{parse.median / per_k:.2f}",
            slope("yaml"),
            f"{parse.max_rss_mb:.0f}",
            parse.failure or "",
        ],
        [
            label,
            "text floor",
            f"{floor.median:.0f}",
            "—",
            "—",
            "—",
            "—",
            f"{floor.max_rss_mb:.0f}",
            floor.failure or "",
        ],
    ]
    for name, _ in COMMANDS:
        s = samples[name]
        if s.failure:
            failing.append(f"N={n} `fopinfo {name}` failed ({s.failure})")
            rows.append([label, f"fopinfo {name}", "failed", "", f"≤ {GOAL}×", "", "", "", f"✗ {s.failure}"])
            continue
        ratio = s.median / base
        ok = ratio <= GOAL
        if not ok:
            failing.append(
                f"N={n:,} `fopinfo {name}`: {s.median:.0f} ms = {ratio:.2f}× (yaml parse + text floor = "
                f"{base:.0f} ms), goal ≤ {GOAL}×; max RSS {s.max_rss_mb:.0f} MB"
            )
        rows.append(
            [
                label,
                f"fopinfo {name}",
                f"{s.median:.0f}",
                f"{ratio:.2f}×",
                f"≤ {GOAL}×",
                f"{s.median / per_k:.2f}",
                slope(name),
                f"{s.max_rss_mb:.0f}",
                "✓" if ok else "✗",
            ]
        )
    return rows


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)
    except subprocess.CalledProcessError as exc:
        print(f"scale.py: {exc}", file=sys.stderr)
        sys.exit(0)

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

Each fopinfo row is compared with (yaml parse + text floor) of the same size: the goal is
≤ 1.5× for commands that show a part of the file, ≤ 5× for those that show or check every
statement (WHOLE). "ms / 1k stmts" divides the median by N/1000; "Δ ms / 1k stmts" is the
marginal cost since the previous size, and "Δ / Δ yaml" that over the parser's marginal
cost: constant means linear, and the goal is that it grows at most 1.3× from the first
size step (give three sizes or more). Prints Markdown tables and a verdict; exits 1 when a
goal is missed, else 0. Standard library only.
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

GOAL = 1.5  # commands that show a part of the file: ≤ 1.5× (yaml parse + text floor)
# Commands that show every statement (Rich, Markdown, HTML, JSON of all of it) or match every
# quote against the source do real work per statement beyond the parse: a looser ceiling.
WHOLE_GOAL = 5.0
WHOLE = frozenset({"facts", "handout", "handout --json", "handout --html", "check --source"})
# Linear: each command's marginal cost per statement, relative to the parser's over the same
# step, grows by at most this factor from the first size step to any later one.
LINEAR_GOAL = 1.3
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
    ("topic frequency", ["topic", "frequency"]),
    ("cite 7", ["cite", "7"]),
    ("sources", ["sources"]),
    ("search bone", ["search", "bone"]),
    ("define term-1", ["define", "term-1"]),
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
        "Δ / Δ yaml",
        "growth",
        "max RSS MB",
        "ok",
    ]
    rows: list[list[str]] = []
    failing: list[str] = []
    previous: tuple[int, dict[str, Sample]] | None = None
    first_step: dict[str, float] = {}  # name -> marginal cost relative to the parser's, first step
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
                # The synthetic text is not the source's: check --source reports that (exit 3)
                # after doing all its work, which is what is timed.
                samples = measure(launcher, commands, runs, accept={"check --source": frozenset({3})})
                rows += _rows(n, size_mb, samples, previous, first_step, failing)
                previous = (n, samples)
                path.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(table(header, rows, left=2))
    print(
        f"\nGoals: ratio ≤ {GOAL}× for commands that show a part of the file, ≤ {WHOLE_GOAL}× for those "
        f"that show or check every statement ({', '.join(sorted(WHOLE))}); linear: "
        f"'Δ / Δ yaml' (marginal cost over the parser's) grows ≤ {LINEAR_GOAL}× from the first size step."
    )
    return print_verdict(failing)


def _rows(
    n: int,
    size_mb: float,
    samples: dict[str, Sample],
    previous: tuple[int, dict[str, Sample]] | None,
    first_step: dict[str, float],
    failing: list[str],
) -> list[list[str]]:
    per_k = n / 1000

    def slope(name: str) -> float | None:
        """Marginal cost per 1,000 statements since the previous size: start-up cancels out."""
        if previous is None or previous[0] == n or previous[1][name].failure or samples[name].failure:
            return None
        return (samples[name].median - previous[1][name].median) / ((n - previous[0]) / 1000)

    def shown(value: float | None, fmt: str = ".2f") -> str:
        return "—" if value is None else format(value, fmt)

    parse, floor = samples["yaml"], samples["floor"]
    base = parse.median + floor.median
    parse_slope = slope("yaml")
    label = f"{n:,} ({size_mb:.0f} MB)"
    rows = [
        [
            label,
            "yaml parse (C loader)",
            f"{parse.median:.0f}",
            "—",
            "—",
            f"{parse.median / per_k:.2f}",
            shown(parse_slope),
            "—",
            "—",
            f"{parse.max_rss_mb:.0f}",
            parse.failure or "",
        ],
        [label, "text floor", f"{floor.median:.0f}", "—", "—", "—", "—", "—", "—", f"{floor.max_rss_mb:.0f}", ""],
    ]
    for name, _ in COMMANDS:
        s = samples[name]
        goal = WHOLE_GOAL if name in WHOLE else GOAL
        if s.failure:
            failing.append(f"N={n} `fopinfo {name}` failed ({s.failure})")
            rows.append([label, f"fopinfo {name}", "failed", "", f"≤ {goal}×", "", "", "", "", "", f"✗ {s.failure}"])
            continue
        ratio = s.median / base
        problems = []
        if ratio > goal:
            problems.append("ratio")
            failing.append(
                f"N={n:,} `fopinfo {name}`: {s.median:.0f} ms = {ratio:.2f}× (yaml parse + text floor = "
                f"{base:.0f} ms), goal ≤ {goal}×; max RSS {s.max_rss_mb:.0f} MB"
            )
        own = slope(name)
        marginal = own / parse_slope if own is not None and parse_slope else None
        growth = None
        if marginal is not None:
            if name not in first_step:
                first_step[name] = marginal
            elif first_step[name] > 0:
                growth = marginal / first_step[name]
                if growth > LINEAR_GOAL:
                    problems.append("linear")
                    failing.append(
                        f"N={n:,} `fopinfo {name}`: marginal cost {marginal:.2f}× the parser's, "
                        f"{growth:.2f}× its first step's (goal ≤ {LINEAR_GOAL}×): not linear"
                    )
        rows.append(
            [
                label,
                f"fopinfo {name}",
                f"{s.median:.0f}",
                f"{ratio:.2f}×",
                f"≤ {goal}×",
                f"{s.median / per_k:.2f}",
                shown(own),
                shown(marginal),
                shown(growth),
                f"{s.max_rss_mb:.0f}",
                "✓" if not problems else "✗ " + "+".join(problems),
            ]
        )
    print(f"N={n}: " + ", ".join(f"{k} {v.median:.0f} ms" for k, v in samples.items()), file=sys.stderr, flush=True)
    return rows


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)
    except subprocess.CalledProcessError as exc:
        print(f"scale.py: {exc}", file=sys.stderr)
        sys.exit(0)

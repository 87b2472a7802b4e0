"""The opt-in cache at work: ``cite`` on a large --data file, second run with the cache, against
the C YAML loader parsing the same file.

    python benchmarks/cached.py [--size 20000] [--runs N] [--fopinfo PATH]

make_large.py writes a synthetic file of N statements into a temporary folder; after one
run that fills the cache (FOPINFO_CACHE=1, XDG_CACHE_HOME in the same folder, both removed
afterwards), these are interleaved, in reversed order every other round:

- ``yaml``: ``yaml.load`` with the C loader, the collector off (as in scale.py);
- ``fopinfo --data P cite 7`` with the cache (every run after the first is served by it);
- the same without the cache (parse and validate on every run), for reference;
- a Tab after ``--data P`` (zsh, ``fopinfo --data P define te<Tab>``), answered by the
  start-up fast path from the candidates the cache entry keeps, against the Python floor
  (``python -c pass``); and the same request through the full CLI (``FOPINFO_NO_FAST_PATH=1``,
  the cache still on), for reference.

Goals (issue #24): the cached run ≤ 0.2× the C loader's parse; the Tab ≤ 2.5× the Python
floor (as for the bundled file in startup.py). Prints a Markdown table and a verdict; exits 1
when a goal is missed, else 0. Standard library only.
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
    child_env,
    environment_line,
    find_fopinfo,
    measure,
    print_verdict,
    script_interpreter,
    table,
)

GOAL = 0.2
TAB_GOAL = 2.5
PARSE = "import gc, sys, yaml; gc.disable(); yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
TICK_S = 2.1  # the cache keeps no file changed in the last 2 s (fopinfo.cache.RECENT_NS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=20000, help="statements in the generated file (default 20000)")
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each command (default 10)")
    parser.add_argument("--fopinfo", metavar="PATH", help="fopinfo console script (default: beside python, else PATH)")
    args = parser.parse_args(argv)
    fopinfo = find_fopinfo(args.fopinfo)
    python = script_interpreter(fopinfo)
    tmp = Path(tempfile.mkdtemp(prefix="fopinfo-cached-"))
    try:
        path = tmp / f"large-{args.size}.yaml"
        make_large = Path(__file__).resolve().parent / "make_large.py"
        subprocess.run([str(python), str(make_large), str(args.size), "-o", str(path)], check=True)
        time.sleep(TICK_S)
        plain = child_env()
        plain.pop("FOPINFO_CACHE", None)
        cached = {**plain, "FOPINFO_CACHE": "1", "XDG_CACHE_HOME": str(tmp / "cache")}
        cite = [str(fopinfo), "--data", str(path), "cite", "7"]
        tab = ["\x1e_FOPINFO_COMPLETE=complete_zsh", f"\x1e_TYPER_COMPLETE_ARGS=fopinfo --data {path} define te"]
        commands = {
            "yaml": [str(python), "-c", PARSE, str(path)],
            "cite 7, cached": cite,
            # The launcher's environment has the cache on; `env -u` turns it off for this row.
            "cite 7, no cache": ["/usr/bin/env", "-u", "FOPINFO_CACHE", *cite],
            "python floor": [str(python), "-c", "pass"],
            "Tab after --data, cached": [*tab, str(fopinfo)],
            "Tab after --data, full CLI": ["\x1eFOPINFO_NO_FAST_PATH=1", *tab, str(fopinfo)],
        }
        print(f"# fopinfo cache benchmark ({args.runs} runs each, interleaved, stdout to /dev/null)\n")
        print(environment_line(python))
        print(f"\n{args.size:,} statements, {path.stat().st_size / 1e6:.0f} MB\n")
        with Launcher(python, cached) as launcher:
            samples = measure(launcher, commands, max(1, args.runs))  # the warm-up round fills the cache
        entries = list((tmp / "cache" / "fopinfo").glob("*.marshal"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    failing: list[str] = []
    rows = []
    for name, s in samples.items():
        floor = samples["python floor" if "Tab" in name or name == "python floor" else "yaml"]
        if s.failure:
            failing.append(f"{name} failed ({s.failure})")
            rows.append([name, "failed", "", "", "", "", ""])
            continue
        ratio = s.median / floor.median
        ok, goal = "", "—"
        if name == "cite 7, cached":
            goal, ok = f"≤ {GOAL}× yaml", "✓" if ratio <= GOAL and entries else "✗"
            if ratio > GOAL:
                failing.append(f"cached cite: {s.median:.0f} ms = {ratio:.2f}× the C loader's parse (goal ≤ {GOAL}×)")
            if not entries:
                failing.append("no cache entry was written")
        if name == "Tab after --data, cached":
            goal, ok = f"≤ {TAB_GOAL}× Python floor", "✓" if ratio <= TAB_GOAL else "✗"
            if ratio > TAB_GOAL:
                failing.append(
                    f"Tab after --data: {s.median:.1f} ms = {ratio:.2f}× the Python floor (goal ≤ {TAB_GOAL}×)"
                )
        shown = f"{s.median:.1f}" if s.median < 100 else f"{s.median:.0f}"
        rows.append([name, shown, s.spread, f"{ratio:.2f}×", goal, f"{s.max_rss_mb:.0f}", ok])
    header = ["command", "median ms", "p25–p75 ms", "ratio (to yaml; a Tab to the Python floor)", "goal", "max RSS MB"]
    print(table([*header, "ok"], rows))
    return print_verdict(failing)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)

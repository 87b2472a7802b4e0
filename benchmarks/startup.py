"""Start-up time and peak memory of fopinfo's common commands, against the cost of their imports.

    python benchmarks/startup.py [--runs N] [--fopinfo PATH]

Every command runs with stdout on /dev/null (not a TTY, as in a pipe), interleaved with
the others and in reversed order every other round, so that machine drift affects all
rows alike. Each row is compared with its floor:

- the stack floor, ``python -c "import typer, rich.console, yaml"`` (what any Python CLI
  built on this stack pays before doing anything): text commands ≤ 0.8× it, ``--json``
  ≤ 0.7× it (issue #24);
- the Python floor, ``python -c pass``: ``--version``, ``-V`` and a completion request
  (one Tab in zsh after ``fopinfo define``, as fopinfo's zsh script asks) ≤ 2.5× it;
- every command: peak RSS ≤ 35 MB.

Prints a Markdown table and a verdict; exits 1 when a goal is missed, else 0.
Standard library only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (
    Launcher,
    Sample,
    child_env,
    display,
    environment_line,
    find_fopinfo,
    measure,
    print_verdict,
    script_interpreter,
    table,
)

TEXT_GOAL = 0.8  # × the stack floor
JSON_GOAL = 0.7  # × the stack floor
FAST_GOAL = 2.5  # × the Python floor
RSS_GOAL_MB = 35.0

STACK_FLOOR = "import typer, rich.console, yaml"
PYTHON_FLOOR = "pass"
TEXT_COMMANDS = (["cite", "7"], ["facts"], ["topic", "causes"], ["search", "bone"])
JSON_COMMANDS = (["cite", "7", "--json"], ["facts", "--json"])
# A completion request: its environment ("\x1eNAME=VALUE", see _harness) before the command.
TAB = ["\x1e_FOPINFO_COMPLETE=complete_zsh", "\x1e_TYPER_COMPLETE_ARGS=fopinfo define "]
FAST_COMMANDS = (["--version"], ["-V"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20, help="measured runs of each command (default 20)")
    parser.add_argument("--fopinfo", metavar="PATH", help="fopinfo console script (default: beside python, else PATH)")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)

    fopinfo = find_fopinfo(args.fopinfo)
    python = script_interpreter(fopinfo)
    same = Path(python).parent == Path(sys.executable).parent and os.path.realpath(python) == os.path.realpath(
        sys.executable
    )

    # group -> (floor argv, [(command argv, goal), ...])
    groups: dict[str, tuple[list[str], list[tuple[list[str], float]]]] = {
        "stack": (
            [str(python), "-c", STACK_FLOOR],
            [([str(fopinfo), *c], TEXT_GOAL) for c in TEXT_COMMANDS]
            + [([str(fopinfo), *c], JSON_GOAL) for c in JSON_COMMANDS],
        ),
        "python": (
            [str(python), "-c", PYTHON_FLOOR],
            [([str(fopinfo), *c], FAST_GOAL) for c in FAST_COMMANDS] + [([*TAB, str(fopinfo)], FAST_GOAL)],
        ),
    }
    commands: dict[str, list[str]] = {}
    for floor, members in groups.values():
        for cmd in (floor, *(m for m, _ in members)):
            commands[display(cmd, python, fopinfo)] = cmd

    env = child_env()
    print(f"# fopinfo start-up benchmark ({runs} runs each, interleaved, stdout to /dev/null)\n")
    print(environment_line(python))
    with Launcher(python, env) as launcher:
        resolution = launcher.resolution_mb()
        samples = measure(launcher, commands, runs)
    print(
        f"\nfopinfo: {fopinfo} · floors run with {python} (fopinfo's interpreter"
        f"{'' if same else f'; NOTE: differs from this python, {sys.executable}'}) · "
        f"RSS resolution {resolution:.1f} MB (the launcher's own peak; no reading can be lower)\n"
    )

    header = ["command", "median ms", "p25–p75 ms", "ratio to floor", "p25–p75 ratio", "goal", "max RSS MB", "ok"]
    rows: list[list[str]] = []
    failing: list[str] = []
    for group, (floor, members) in groups.items():
        base = samples[display(floor, python, fopinfo)]
        rows.append(_row(f"{group} floor: " + display(floor, python, fopinfo), base, None, "—", "", failing))
        for cmd, goal in members:
            name = display(cmd, python, fopinfo)
            rows.append(_row(name, samples[name], base, f"≤ {goal:.1f}× · ≤ {RSS_GOAL_MB:.0f} MB", goal, failing))
    print(table(header, rows))
    return print_verdict(failing)


def _row(
    name: str, s: Sample, floor: Sample | None, goal_text: str, goal: float | str, failing: list[str]
) -> list[str]:
    if s.failure:
        failing.append(f"{name} failed ({s.failure})")
        return [name, "failed", "", "", "", goal_text, "", f"✗ {s.failure}"]
    ratio = s.median / floor.median if floor and floor.times_ms else 1.0
    status = ""
    if isinstance(goal, float):
        problems = []
        if ratio > goal:
            problems.append("time")
        if s.max_rss_mb > RSS_GOAL_MB:
            problems.append("RSS")
        status = "✓" if not problems else "✗ " + "+".join(problems)
        if problems:
            failing.append(
                f"{name}: {s.median:.1f} ms = {ratio:.2f}× its floor (goal ≤ {goal:.1f}×), "
                f"max RSS {s.max_rss_mb:.1f} MB (goal ≤ {RSS_GOAL_MB:.0f} MB)"
            )
    return [
        name,
        f"{s.median:.1f}",
        s.spread,
        f"{ratio:.2f}×",
        _pair_spread(s, floor),
        goal_text,
        f"{s.max_rss_mb:.1f}",
        status,
    ]


def _pair_spread(s: Sample, floor: Sample | None) -> str:
    """p25–p75 of the per-round ratios (each run over its floor's run in the same round): how noisy the ratio is."""
    if floor is None or len(s.times_ms) < 4 or len(s.times_ms) != len(floor.times_ms):
        return "—"
    q = statistics.quantiles([a / b for a, b in zip(s.times_ms, floor.times_ms, strict=True)], n=4)
    return f"{q[0]:.2f}–{q[2]:.2f}"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)

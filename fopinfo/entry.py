"""The console script's entry point: the Ctrl-C handler first, then everything else."""

from __future__ import annotations

from fopinfo import interrupts

interrupts.install()  # before any other fopinfo import: Ctrl-C during start-up is handled too

import gc  # noqa: E402


def main() -> None:
    # A short-lived process whose data (parsed YAML) has no reference cycles: the cyclic
    # collector only costs time, about half of a large file's load.
    gc.disable()
    from fopinfo.fast_path import answer_early

    answer_early()  # --version: before Typer, Rich and YAML are imported
    from fopinfo.outcome import run

    run(_invoke)


def _invoke() -> int:
    from fopinfo.environment import drop_bad_sizes

    drop_bad_sizes()  # before Rich or shutil reads COLUMNS and LINES
    from fopinfo.cli import main as cli_main

    return cli_main()

"""The console script's entry point: kept tiny so Ctrl-C during start-up is handled too."""

from __future__ import annotations

import gc


def main() -> None:
    # A short-lived process whose data (parsed YAML) has no reference cycles: the cyclic
    # collector only costs time, about half of a large file's load.
    gc.disable()
    from fopinfo.fast_path import answer_early

    answer_early()  # --version: before Typer, Rich and YAML are imported
    from fopinfo.outcome import run

    run(_invoke)


def _invoke() -> int:
    from fopinfo.cli import main as cli_main

    return cli_main()

"""The console script's entry point: kept tiny so Ctrl-C during start-up is handled too."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from fopinfo.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(130)

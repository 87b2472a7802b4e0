"""The console script's entry point: kept tiny so Ctrl-C during start-up is handled too."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    # A short-lived process whose data (parsed YAML) has no reference cycles: the cyclic
    # collector only costs time, about half of a large file's load.
    gc.disable()
    try:
        from fopinfo.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(130)

"""Answers given before Typer, Rich or YAML are imported: ``fopinfo --version`` and ``-V``.

Standard library only, so such a run costs little more than the interpreter's start-up.
Only an exact command line is answered here; anything else (``--version`` with other
options, a completion request) returns to the full CLI, which gives the same answer more
slowly: the fast path never changes an output. How the run ends is what ``outcome.run``
does for any command: a reader gone away (EPIPE) is exit 0, any other failed write one
``Error:`` line on stderr and exit 4 (tests/test_hardening.py holds both paths to it).
"""

from __future__ import annotations

import errno
import os
import sys

VERSION_ARGS = (["--version"], ["-V"])
EXIT_OK = 0
EXIT_OUTPUT = 4  # as fopinfo.errors.EXIT_OUTPUT


def answer_early(argv: list[str] | None = None) -> None:
    """Answer the command line here and end the process, or return for the full CLI to answer it."""
    args = sys.argv[1:] if argv is None else argv
    if args in VERSION_ARGS and "_FOPINFO_COMPLETE" not in os.environ:
        from fopinfo import __version__

        write_and_exit(f"fopinfo {__version__}\n")


def write_and_exit(text: str) -> None:
    """Write the whole answer to stdout and end the process with the outcome's exit code."""
    try:
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            raise OSError(errno.EBADF, "stdout is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
        code = EXIT_OK
    except OSError as exc:
        code = EXIT_OK if exc.errno == errno.EPIPE else failed_write(exc)
    os._exit(code)


def failed_write(error: OSError) -> int:
    reason = error.strerror or str(error)
    reason = reason[0].lower() + reason[1:] if reason else "unknown error"
    try:
        sys.stderr.write(f"Error: cannot write the output: {reason}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):  # stderr closed or full: nowhere to say it
        pass
    return EXIT_OUTPUT

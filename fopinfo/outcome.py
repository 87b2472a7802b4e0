"""How a run ends: one mechanism for every command, view and output format.

Every write to stdout (``sys.stdout.write``, Rich, Click's echo) goes through one guard
installed before the command runs, and the run ends with an explicit flush inside the
same ``try``. So a failed write is seen once, whichever code made it:

- the reader of a pipe went away (``| head``, ``| true``): exit 0, nothing on stderr;
- any other failed write (``> /dev/full``, stdout closed with ``>&-``): one ``Error:``
  line naming the failure, exit 4 (EXIT_OUTPUT);

then the process ends with ``os._exit``, so the interpreter never flushes a broken
stream again at exit ("Exception ignored …"). Messages to stderr go through ``report``:
cleaned of control characters and bounded; a closed or full stderr is ignored, never fatal.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from fopinfo.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT

MAX_LINE_CHARS = 1000  # a net under every stderr line: a listing of 20,000 topics is cut


class OutputFailed(Exception):
    """A write to stdout failed. Not an OSError, so that no layer between (Click, Typer, Rich) handles it."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _GuardedStdout:
    """Stands in for sys.stdout: every write and flush failure becomes OutputFailed."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:  # started with stdout closed (`>&-`)
            if not text:
                return 0  # Click probes streams with empty writes
            raise OutputFailed(OSError(errno.EBADF, "stdout is closed"))
        try:
            return int(self._stream.write(text))
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None

    def isatty(self) -> bool:
        return self._stream is not None and bool(self._stream.isatty())

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            if name in ("encoding", "errors"):
                return "utf-8" if name == "encoding" else "replace"
            raise AttributeError(name)
        return getattr(self._stream, name)


def report(message: str, hints: tuple[str, ...] = ()) -> None:
    """Write ``Error: message`` and its hints to stderr, cleaned and bounded; never raises."""
    from fopinfo.safe_text import excerpt

    lines = [f"Error: {message}", *(f"  {hint}" for hint in hints)]
    write_stderr("".join(excerpt(line, MAX_LINE_CHARS) + "\n" for line in lines))


def write_stderr(text: str) -> None:
    """Write to stderr, or nowhere when it is closed or full: never fatal."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):  # stderr closed, full or detached: nowhere to say it
        pass


def run(invoke: Callable[[], int]) -> NoReturn:
    """Run the CLI, flush stdout inside the same guard, and end the process with the outcome's code."""
    from fopinfo import interrupts, writing

    stdout = None if sys.stdout is None else writing.reliable(sys.stdout)  # every byte, or an error
    sys.stdout = _GuardedStdout(stdout)  # type: ignore[assignment,unused-ignore]
    interrupts.begin()  # from here Ctrl-C unwinds to the handler below, once
    try:
        try:
            code = invoke()
            sys.stdout.flush()
        except OutputFailed as failed:
            code = _failed_write(failed.error)
        interrupts.unwinding = False  # past the last flush: Ctrl-C now ends the process at once
    # Outermost, so a Ctrl-C arriving inside the handler above is caught too; and one that Python
    # 3.11 wrapped in a RuntimeError (raised in __set_name__) is still a Ctrl-C.
    except (KeyboardInterrupt, Exception) as exc:
        if not _from_interrupt(exc):
            raise
        code = EXIT_INTERRUPTED
        if interrupts.first_notice():
            write_stderr("Interrupted.\n")
    write_stderr("")  # flush what is left on stderr while failures can still be ignored
    os._exit(code)


def _from_interrupt(exc: BaseException) -> bool:
    """Whether a Ctrl-C is what this exception came from (its cause or context, however deep)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _failed_write(error: OSError) -> int:
    if error.errno == errno.EPIPE:
        return EXIT_OK  # the reader has all it wanted: not an error
    reason = error.strerror or str(error)
    report(f"cannot write the output: {reason[0].lower() + reason[1:] if reason else 'unknown error'}")
    return EXIT_OUTPUT

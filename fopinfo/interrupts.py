"""Ctrl-C at any moment of a run: exit 130 with at most one "Interrupted." line, never a traceback.

Installed by fopinfo.entry before anything else of fopinfo's is imported. While
fopinfo.outcome's guard is in place (``unwinding``), Ctrl-C raises KeyboardInterrupt so
the run unwinds through it (a pager waited for, stdout flushed or dropped); at any other
moment (start-up imports, the last lines of a run, a second Ctrl-C while the first is
being handled) the process ends at once. SIGTERM keeps its default action: the process
ends quietly and its parent sees status 143 (128 + 15).

Standard library only, and nothing heavy: it runs first on every start.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130  # fopinfo.errors.EXIT_INTERRUPTED, not imported: nothing else loads before this

unwinding = False  # set by fopinfo.outcome.run around the command
_in_run = False  # fopinfo.outcome.run has begun: "Interrupted." is then said once per process
_said = False


def install() -> None:
    """Handle SIGINT from now on, unless the parent ignores it (a background job keeps ignoring it)."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _on_interrupt)
        sys.unraisablehook = _on_unraisable


def _on_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """A Ctrl-C that lands in a callback Python cannot raise from (a weak reference's, as the import
    system's module locks have) would be printed as "Exception ignored … Traceback" and lost:
    it ends the run as any other Ctrl-C does. Anything else goes to Python's own hook."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        _say_interrupted()
        os._exit(EXIT_INTERRUPTED)
    sys.__unraisablehook__(unraisable)


def begin() -> None:
    """Called by fopinfo.outcome.run as its guard takes over: Ctrl-C now unwinds the run."""
    global unwinding, _in_run
    _in_run = unwinding = True


def first_notice() -> bool:
    """Whether "Interrupted." is still to be said: once per run (always, when called in-process by tests)."""
    global _said
    if not _in_run:
        return True
    first, _said = not _said, True
    return first


def _say_interrupted() -> None:
    """In the handler: straight to the descriptor (a text stream may be mid-write); never raises."""
    if first_notice():
        try:  # noqa: SIM105 (contextlib is not loaded yet at start-up)
            os.write(2, b"Interrupted.\n")
        except OSError:  # stderr closed or full: nowhere to say it
            pass


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global unwinding
    if unwinding:
        unwinding = False  # a second Ctrl-C while this one unwinds ends the process at once
        raise KeyboardInterrupt
    _say_interrupted()
    os._exit(EXIT_INTERRUPTED)

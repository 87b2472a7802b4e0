"""The errors fopinfo reports to people, each with its documented exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_BAD_DATA = 3
# A write to stdout failed (disk full, stdout closed): neither the user's input nor the
# knowledge file is at fault, so it gets its own code. A closed pipe is not a failure (0).
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130


class FopinfoError(Exception):
    """A problem to report in one line (then optional hints), never as a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hints: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hints = hints


class UsageProblem(FopinfoError):
    """A name, number or option that does not fit (the default exit code, 2)."""


class NothingFound(FopinfoError):
    exit_code = EXIT_NOT_FOUND


class BadKnowledgeFile(FopinfoError):
    exit_code = EXIT_BAD_DATA


class NotWritten(FopinfoError):
    """A file the user asked fopinfo to write (shell completion) could not be written: exit 4, like stdout."""

    exit_code = EXIT_OUTPUT

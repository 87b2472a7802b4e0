"""Click's exception classes, reached through Typer's public names.

Typer 0.28 vendors Click as a private module (``typer._click``). Importing from there
would tie fopinfo to Typer's internals; these are found from the public
``typer.BadParameter`` instead, so a Typer upgrade stays a version bump.
"""

from __future__ import annotations

from typing import Protocol

import typer


def _base(name: str) -> type[Exception]:
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name:
            return cls
    raise ImportError(f"this Typer has no {name}")  # caught by the version range's tests


ClickException = _base("ClickException")
UsageError = _base("UsageError")


class ClickError(Protocol):
    """What fopinfo uses of a Click exception."""

    exit_code: int

    def format_message(self) -> str: ...

"""The CLI's shared option types, choices and help examples (used by fopinfo.cli's commands)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def examples(*lines: str) -> str:
    """An "Examples" part for a command's --help; \b keeps Click from rewrapping the lines."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


HtmlFlag = Annotated[bool, typer.Option("--html", help="Print one self-contained, printable HTML page.")]
NameOption = Annotated[str | None, typer.Option("--name", help="Name to print (default: a blank line).")]
ContactOption = Annotated[str | None, typer.Option("--contact", help="Emergency contact (default: a blank line).")]
DoctorOption = Annotated[str | None, typer.Option("--doctor", help="FOP doctor (default: a blank line).")]
MedicinesOption = Annotated[
    str | None, typer.Option("--medicines", help="FOP medicines taken (default: a blank line).")
]
NoteOption = Annotated[str | None, typer.Option("--note", help="Allergies and other notes (default: blank lines).")]


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


class Audience(str, Enum):
    emergency = "emergency"
    school = "school"
    dentist = "dentist"


JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of text.")]
MarkdownFlag = Annotated[bool, typer.Option("--markdown", help="Print the view as CommonMark Markdown.")]
QuoteFlag = Annotated[bool, typer.Option("--quote", help="Show the source's own words under each statement.")]

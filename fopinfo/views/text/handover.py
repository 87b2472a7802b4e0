"""Terminal previews of the wallet card and the one-page sheets (Rich, never parsing data as markup)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from fopinfo import clock
from fopinfo.answers import Card, Fields, Sheet
from fopinfo.model import Statement
from fopinfo.safe_text import clean
from fopinfo.views.text.blocks import footer, indent, markers
from fopinfo.views.wording import (
    EDITORIAL_NOTE,
    FIELD_LABELS,
    SHEET_NOTES_CLOSE,
    SHEET_NOTES_HEADING,
    card_origin_line,
    disclaimer_line,
    editorial,
    human_day,
    notes_line,
    reference_line,
)

BLANK = "_" * 24  # a line to write on


def _chosen(c: Console, statements: Iterable[Statement]) -> None:
    """The source's statements verbatim with their markers; aims as a list under their lead."""
    for s in statements:
        line = Text(clean(s.text)).append(" ").append_text(markers(s.cites))
        indent(c, line, 2 if s.aim else 1, "• " if s.aim else "")
        for item in s.items:  # a lead's list, the source's own lines, under it
            indent(c, Text(clean(item)), 2, "• ")


def _fields(c: Console, fields: Fields) -> None:
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        line = Text(f"{label}: ", style="bold").append(clean(value) if value is not None else BLANK)
        indent(c, line)


def show_card(c: Console, a: Card) -> None:
    indent(c, Text("Wallet card, front", style="dim"), 0)
    indent(c, Text(editorial(a.choice.title), style="bold"), 0)
    _chosen(c, a.choice.statements())
    indent(c, Text(EDITORIAL_NOTE, style="dim"), 0)
    c.print()
    indent(c, Text("Wallet card, back", style="dim"), 0)
    _fields(c, a.fields)
    later = notes_line(a.k, clock.today())
    if later:
        indent(c, Text(later, style="magenta"), 0)
    indent(c, Text(card_origin_line(a.k, clock.today()), style="dim"), 0)
    indent(c, Text(disclaimer_line(a.k)), 0)


def show_sheet(c: Console, a: Sheet) -> None:
    indent(c, Text(editorial(a.choice.title), style="bold"), 0)
    for group in a.choice.groups:
        c.print()
        indent(c, Text(editorial(group.heading), style="bold"), 0)
        _chosen(c, group.statements)
    if a.notes:
        c.print()
        indent(c, Text(SHEET_NOTES_HEADING, style="bold magenta"), 0)
        for note in a.notes:
            region = f", {clean(note.region)}" if note.region else ""
            indent(c, Text(f"{human_day(note.date)}{region}: {clean(note.title)}", style="magenta"), 1, "» ")
            indent(c, Text(reference_line(note, with_url=False), style="dim"), 2)
        indent(c, Text(SHEET_NOTES_CLOSE, style="magenta"), 1)
    c.print()
    _fields(c, a.fields)
    indent(c, Text(EDITORIAL_NOTE, style="dim"), 0)
    footer(c, a.k)

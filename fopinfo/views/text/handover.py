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
    GUIDANCE_CLOSE,
    GUIDANCE_HEADING,
    SHEET_EDITORIAL_NOTE,
    SHEET_NOTES_CLOSE,
    SHEET_NOTES_HEADING,
    card_origin_line,
    covers_line,
    disclaimer_line,
    editorial,
    notes_line,
    pointer_line,
    sheet_notes,
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
    if a.guidance:  # near the top: what is written for this reader, named, never paraphrased
        c.print()
        indent(c, Text(editorial(GUIDANCE_HEADING), style="bold"), 0)
        for g in a.guidance:
            indent(c, Text(pointer_line(g)), 1, "• ")
            indent(c, Text(covers_line(g)), 1, "  ")
            c.print(Text("     " + clean(g.url), style="dim"), soft_wrap=True)  # whole, to open or copy
        indent(c, Text(GUIDANCE_CLOSE, style="dim"), 1)
    for group in a.choice.groups:
        c.print()
        indent(c, Text(editorial(group.heading), style="bold"), 0)
        _chosen(c, group.statements)
    if a.notes:
        c.print()
        indent(c, Text(SHEET_NOTES_HEADING, style="bold magenta"), 0)
        for line, bold in sheet_notes(a.notes, a.standing):
            indent(c, Text(line, style="bold magenta" if bold else "magenta"), 1, "» ")
        indent(c, Text(SHEET_NOTES_CLOSE, style="magenta"), 1)
    c.print()
    _fields(c, a.fields)
    indent(c, Text(SHEET_EDITORIAL_NOTE if a.guidance else EDITORIAL_NOTE, style="dim"), 0)
    footer(c, a.k)

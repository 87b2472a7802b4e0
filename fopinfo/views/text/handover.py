"""Terminal previews of the wallet card and the one-page sheets (Rich, never parsing data as markup).

The reader's order: the person, the source's trigger statement set apart (in bold), then the groups
in the order the knowledge file gives for that reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from fopinfo import clock
from fopinfo.answers import Card, Fields, Sheet
from fopinfo.model import Group, Knowledge, Statement
from fopinfo.safe_text import clean
from fopinfo.views.text.blocks import indent, markers
from fopinfo.views.wording import (
    CARD_NOTE_LINES,
    FIELD_LABELS,
    GUIDANCE_CLOSE,
    SHEET_LEGEND,
    SHEET_NOTE_LINES,
    approved_line,
    card_source_line,
    covers_line,
    disclaimer_line,
    origin_line,
    pointer_line,
    sheet_developments_line,
)

BLANK = "_" * 24  # a line to write on


def _chosen(c: Console, statements: Iterable[Statement]) -> None:
    """The source's statements verbatim with their markers; aims as a list under their lead."""
    for s in statements:
        line = Text(clean(s.text)).append(" ").append_text(markers(s.cites))
        indent(c, line, 2 if s.aim else 1, "• " if s.aim else "")
        for item in s.items:  # a lead's list, the source's own lines, under it
            indent(c, Text(clean(item)), 2, "• ")


def _trigger(c: Console, statements: Iterable[Statement]) -> None:
    """The trigger statement set apart: in bold, with its markers."""
    for s in statements:
        indent(c, Text(clean(s.text), style="bold").append(" ").append_text(markers(s.cites)))


def _fields(c: Console, fields: Fields, note_lines: int) -> None:
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        line = Text(f"{label}: ", style="bold").append(clean(value) if value is not None else BLANK)
        indent(c, line)
        if value is None and key == "note":
            for _ in range(note_lines - 1):
                indent(c, Text(" " * (len(label) + 2) + BLANK))


def show_card(c: Console, a: Card) -> None:
    today = clock.today()
    indent(c, Text("Wallet card, front", style="dim"), 0)
    indent(c, Text(clean(a.choice.title), style="bold"), 0)
    if a.choice.trigger is not None:
        _trigger(c, a.choice.trigger.statements)
    _chosen(c, (s for g in a.choice.groups for s in g.statements))
    indent(c, Text(card_source_line(a.k), style="dim"), 0)
    c.print()
    indent(c, Text("Wallet card, back", style="dim"), 0)
    _fields(c, a.fields, CARD_NOTE_LINES)
    later = approved_line(a.approved, a.k, today)
    if later:
        indent(c, Text(later, style="magenta"), 0)
    indent(c, Text(disclaimer_line(a.k)), 0)


def _block(c: Console, a: Sheet, group: Group) -> None:
    if group.show == "guidance":  # what is written for this reader, named, never paraphrased
        if not a.guidance:
            return
        c.print()
        indent(c, Text(clean(group.heading), style="bold"), 0)
        for g in a.guidance:
            indent(c, Text(pointer_line(g)), 1, "• ")
            indent(c, Text(covers_line(g)), 1, "  ")
            c.print(Text("     " + clean(g.url), style="dim"), soft_wrap=True)  # whole, to open or copy
        indent(c, Text(GUIDANCE_CLOSE, style="dim"), 1)
        return
    if group.show == "medicines":
        line = approved_line(a.approved, a.k, clock.today(), lead=False)
        if line:
            c.print()
            indent(c, Text(clean(group.heading), style="bold"), 0)
            indent(c, Text(line, style="magenta"))
        return
    c.print()
    indent(c, Text(clean(group.heading), style="bold"), 0)
    _chosen(c, group.statements)


def show_sheet(c: Console, a: Sheet) -> None:
    ch = a.choice
    indent(c, Text(clean(ch.title), style="bold"), 0)
    indent(c, Text(SHEET_LEGEND, style="dim"), 0)
    c.print()
    indent(c, Text(clean(ch.person or "The person this sheet is about"), style="bold"), 0)
    _fields(c, a.fields, SHEET_NOTE_LINES)
    if ch.trigger is not None:
        c.print()
        indent(c, Text(clean(ch.trigger.heading), style="bold"), 0)
        _trigger(c, ch.trigger.statements)
    for group in ch.groups:
        _block(c, a, group)
    _footer(c, a.k)


def _footer(c: Console, k: Knowledge) -> None:
    today = clock.today()
    c.print()
    indent(c, Text(origin_line(k, today), style="dim"), 0)
    later = sheet_developments_line(k, today)
    if later:
        indent(c, Text(later, style="dim"), 0)
    indent(c, Text(disclaimer_line(k)), 0)

"""Terminal previews of the wallet card and the one-page sheets (Rich, never parsing data as markup).

The reader's order: the person, the source's trigger statement set apart (in bold), then the groups
in the order the knowledge file gives for that reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from fopinfo import clock
from fopinfo.answers import Card, Fields, Sheet
from fopinfo.model import Group, Knowledge, Statement
from fopinfo.safe_text import clean
from fopinfo.views.text.blocks import indent, markers
from fopinfo.views.text.canvas import Canvas
from fopinfo.views.text.styled import Styled
from fopinfo.views.wording import (
    CARD_NOTE_LINES,
    FIELD_LABELS,
    GUIDANCE_CLOSE,
    SHEET_NOTE_LINES,
    approved_line,
    approved_warnings,
    boxed_lines,
    card_source_line,
    covers_line,
    disclaimer_line,
    origin_line,
    pointer_line,
    sheet_developments_line,
    sheet_legend,
)

BLANK = 24  # a line to write on, in cells, where the line has room beside its label
MIN_BLANK = 8  # never shorter: with less room, the blank goes on its own line under the label


def _chosen(c: Canvas, statements: Iterable[Statement]) -> None:
    """The source's statements verbatim with their markers; aims as a list under their lead."""
    for s in statements:
        line = Styled(clean(s.text)).append(" ").append_text(markers(s.cites))
        indent(c, line, 2 if s.aim else 1, "• " if s.aim else "")
        for item in s.items:  # a lead's list, the source's own lines, under it
            indent(c, Styled(clean(item)), 2, "• ")


def _trigger(c: Canvas, statements: Iterable[Statement]) -> None:
    """The trigger statement set apart: in bold, with its markers."""
    for s in statements:
        indent(c, Styled(clean(s.text), style="bold").append(" ").append_text(markers(s.cites)))


def _fields(c: Canvas, fields: Fields, note_lines: int) -> None:
    """Each fill-in, or a blank to write on that fits the line (several for the notes, one under another)."""
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        lead = f"{label}: "
        if value is not None:
            indent(c, Styled(lead, style="bold").append(clean(value)))
            continue
        lines = note_lines if key == "note" else 1
        room = c.width - 3 - len(lead)  # beside the label, at the first level's indent
        if room >= MIN_BLANK:
            blank = "_" * min(BLANK, room)
            indent(c, Styled(lead, style="bold").append(blank))
            for _ in range(lines - 1):
                indent(c, Styled(" " * len(lead) + blank))
        else:  # too narrow beside the label: each blank whole, on its own line under it
            indent(c, Styled(f"{label}:", style="bold"))
            for _ in range(lines):
                indent(c, Styled("_" * min(BLANK, c.width - 3)))


def show_card(c: Canvas, a: Card) -> None:
    today = clock.today()
    indent(c, Styled("Wallet card, front", style="dim"), 0)
    indent(c, Styled(clean(a.choice.title), style="bold"), 0)
    if a.choice.trigger is not None:
        _trigger(c, a.choice.trigger.statements)
    _chosen(c, (s for g in a.choice.groups for s in g.statements))
    later = approved_line(a.approved, a.k, today)
    indent(c, Styled(card_source_line(a.k, medicines=later is not None), style="dim"), 0)
    c.blank()
    indent(c, Styled("Wallet card, back", style="dim"), 0)
    _fields(c, a.fields, CARD_NOTE_LINES)
    if later:
        indent(c, Styled(later, style="magenta"), 0)
    indent(c, Styled(disclaimer_line(a.k)), 0)


def _block(c: Canvas, a: Sheet, group: Group) -> None:
    if group.show == "guidance":  # what is written for this reader, named, never paraphrased
        if not a.guidance:
            return
        c.blank()
        indent(c, Styled(clean(group.heading), style="bold"), 0)
        for g in a.guidance:
            indent(c, Styled(pointer_line(g)), 1, "• ")
            indent(c, Styled(covers_line(g)), 1, "  ")
            c.whole(Styled("     " + clean(g.url), style="dim"))  # whole, to open or copy
        indent(c, Styled(GUIDANCE_CLOSE, style="dim"), 1)
        return
    if group.show == "medicines":
        line = approved_line(a.approved, a.k, clock.today(), lead=False)
        if line:
            c.blank()
            indent(c, Styled(clean(group.heading), style="bold"), 0)
            indent(c, Styled(line, style="magenta"))
            for w in approved_warnings(a.approved):  # fopinfo's one sentence, as written, and its record
                sentence, record = boxed_lines(w, with_url=False)
                indent(c, Styled(sentence, style="bold"))
                indent(c, Styled(record, style="dim"))
                if w.reference.url:
                    c.whole(Styled("   " + clean(w.reference.url), style="dim"))  # whole, to open or copy
        return
    c.blank()
    indent(c, Styled(clean(group.heading), style="bold"), 0)
    _chosen(c, group.statements)


def show_sheet(c: Canvas, a: Sheet) -> None:
    ch = a.choice
    indent(c, Styled(clean(ch.title), style="bold"), 0)
    indent(c, Styled(sheet_legend(a, clock.today()), style="dim"), 0)
    c.blank()
    indent(c, Styled(clean(ch.person or "The person this sheet is about"), style="bold"), 0)
    _fields(c, a.fields, SHEET_NOTE_LINES)
    if ch.trigger is not None:
        c.blank()
        indent(c, Styled(clean(ch.trigger.heading), style="bold"), 0)
        _trigger(c, ch.trigger.statements)
    for group in ch.groups:
        _block(c, a, group)
    _footer(c, a.k)


def _footer(c: Canvas, k: Knowledge) -> None:
    today = clock.today()
    c.blank()
    indent(c, Styled(origin_line(k, today), style="dim"), 0)
    later = sheet_developments_line(k, today)
    if later:
        indent(c, Styled(later, style="dim"), 0)
    indent(c, Styled(disclaimer_line(k)), 0)

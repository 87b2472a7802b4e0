"""The wallet card and the one-page sheets as CommonMark: every value escaped, so a name is never markup.

The reader's order: the person, the source's trigger statement set apart (a bold quotation), then the
groups in the order the knowledge file gives for that reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from fopinfo import clock
from fopinfo.answers import Card, Fields, Sheet
from fopinfo.model import Group, Knowledge, Statement
from fopinfo.views.markdown.blocks import esc, link, markers
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

BLANK = "\\_" * 24  # a line to write on


def _chosen(statements: Iterable[Statement]) -> list[str]:
    """The source's statements verbatim with their markers, one list; aims nested under their lead."""
    lines = []
    for s in statements:
        lines.append(f"{'  - ' if s.aim else '- '}{esc(s.text)} {markers(s.cites)}")
        lines += [f"  - {esc(line)}" for line in s.items]  # a lead's list, the source's own lines
    return ["\n".join(lines)] if lines else []


def _trigger(statements: Iterable[Statement]) -> list[str]:
    """The trigger statement set apart: a quotation, in bold, with its markers."""
    return [f"> **{esc(s.text)}** {markers(s.cites)}" for s in statements]


def _fields(fields: Fields, note_lines: int) -> list[str]:
    lines = []
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        blank = "\\\n  ".join([BLANK] * (note_lines if key == "note" else 1))  # more lines: hard breaks
        lines.append(f"- **{label}:** {esc(value) if value is not None else blank}")
    return ["\n".join(lines)]


def card(a: Card) -> str:
    k = a.k
    today = clock.today()
    blocks = [f"# {esc(a.choice.title)}"]
    if a.choice.trigger is not None:
        blocks += _trigger(a.choice.trigger.statements)
    blocks += _chosen(s for g in a.choice.groups for s in g.statements)
    later = approved_line(a.approved, k, today)
    blocks += [f"*{esc(card_source_line(k, medicines=later is not None))}*", "---", *_fields(a.fields, CARD_NOTE_LINES)]
    if later:
        blocks.append(f"*{esc(later)}*")
    blocks.append(f"**{esc(disclaimer_line(k))}**")
    return "\n\n".join(blocks) + "\n"


def _block(a: Sheet, group: Group) -> list[str]:
    heading = f"## {esc(group.heading)}"
    if group.show == "guidance":  # what is written for this reader, named, never paraphrased
        items = [f"- {esc(pointer_line(g))} {esc(covers_line(g))} {link(g.url)}" for g in a.guidance]
        return [heading, "\n".join(items), f"*{esc(GUIDANCE_CLOSE)}*"] if items else []
    if group.show == "medicines":
        line = approved_line(a.approved, a.k, clock.today(), lead=False)
        if not line:
            return []
        blocks = [heading, esc(line)]
        for w in approved_warnings(a.approved):  # fopinfo's one sentence, as written, and the record that shows it
            text, record = boxed_lines(w, with_url=False)
            shown_on = link(w.reference.url)
            blocks += [f"**{esc(text)}**", f"*{esc(record)}*" + (f" {shown_on}" if shown_on else "")]
        return blocks
    return [heading, *_chosen(group.statements)]


def sheet(a: Sheet) -> str:
    c = a.choice
    blocks = [f"# {esc(c.title)}", f"*{esc(sheet_legend(a, clock.today()))}*"]
    blocks += [f"## {esc(c.person or 'The person this sheet is about')}", *_fields(a.fields, SHEET_NOTE_LINES)]
    if c.trigger is not None:
        blocks += [f"## {esc(c.trigger.heading)}", *_trigger(c.trigger.statements)]
    for group in c.groups:
        blocks += _block(a, group)
    return "\n\n".join([*blocks, *_footer(a.k)]) + "\n"


def _footer(k: Knowledge) -> list[str]:
    today = clock.today()
    later = sheet_developments_line(k, today)
    return ["---", esc(origin_line(k, today)), *([esc(later)] if later else []), f"**{esc(disclaimer_line(k))}**"]

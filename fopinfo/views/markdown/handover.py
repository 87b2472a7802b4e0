"""The wallet card and the one-page sheets as CommonMark: every value escaped, so a name is never markup."""

from __future__ import annotations

from collections.abc import Iterable

from fopinfo import clock
from fopinfo.answers import Card, Fields, Sheet
from fopinfo.model import Statement
from fopinfo.views.markdown.blocks import esc, footer, link, markers
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

BLANK = "\\_" * 24  # a line to write on


def _chosen(statements: Iterable[Statement]) -> list[str]:
    """The source's statements verbatim with their markers, one list; aims nested under their lead."""
    lines = []
    for s in statements:
        lines.append(f"{'  - ' if s.aim else '- '}{esc(s.text)} {markers(s.cites)}")
        lines += [f"  - {esc(line)}" for line in s.items]  # a lead's list, the source's own lines
    return ["\n".join(lines)] if lines else []


def _fields(fields: Fields) -> list[str]:
    lines = []
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        lines.append(f"- **{label}:** {esc(value) if value is not None else BLANK}")
    return ["\n".join(lines)]


def card(a: Card) -> str:
    k = a.k
    blocks = [f"# {esc(editorial(a.choice.title))}", *_chosen(a.choice.statements()), f"*{esc(EDITORIAL_NOTE)}*"]
    blocks += ["---", *_fields(a.fields)]
    later = notes_line(k, clock.today())
    if later:
        blocks.append(f"*{esc(later)}*")
    blocks += [esc(card_origin_line(k, clock.today())), f"**{esc(disclaimer_line(k))}**"]
    return "\n\n".join(blocks) + "\n"


def sheet(a: Sheet) -> str:
    blocks = [f"# {esc(editorial(a.choice.title))}"]
    if a.guidance:  # near the top: what is written for this reader, named, never paraphrased
        blocks.append(f"## {esc(editorial(GUIDANCE_HEADING))}")
        items = [f"- {esc(pointer_line(g))} {esc(covers_line(g))} {link(g.url)}" for g in a.guidance]
        blocks += ["\n".join(items), f"*{esc(GUIDANCE_CLOSE)}*"]
    for group in a.choice.groups:
        blocks += [f"## {esc(editorial(group.heading))}", *_chosen(group.statements)]
    if a.notes:
        blocks.append(f"## {esc(SHEET_NOTES_HEADING)}")
        items = []
        for line, bold in sheet_notes(a.notes, a.standing):
            items.append(f"- **{esc(line)}**" if bold else f"- {esc(line)}")
        blocks += ["\n".join(items), f"*{esc(SHEET_NOTES_CLOSE)}*"]
    blocks += [*_fields(a.fields), f"*{esc(SHEET_EDITORIAL_NOTE if a.guidance else EDITORIAL_NOTE)}*"]
    return "\n\n".join([*blocks, *footer(a.k)]) + "\n"

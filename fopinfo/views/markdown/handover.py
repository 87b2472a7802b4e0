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
    SHEET_NOTES_CLOSE,
    SHEET_NOTES_HEADING,
    card_origin_line,
    disclaimer_line,
    editorial,
    human_day,
    notes_line,
    reference_line,
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
    for group in a.choice.groups:
        blocks += [f"## {esc(editorial(group.heading))}", *_chosen(group.statements)]
    if a.notes:
        blocks.append(f"## {esc(SHEET_NOTES_HEADING)}")
        items = []
        for note in a.notes:
            region = f", {esc(note.region)}" if note.region else ""
            items.append(
                f"- **{esc(human_day(note.date))}{region}: {esc(note.title)}** "
                f"*{esc(reference_line(note, with_url=False))}*"
                + (f" {link(note.reference.url)}" if note.reference.url else "")
            )
        blocks += ["\n".join(items), f"*{esc(SHEET_NOTES_CLOSE)}*"]
    blocks += [*_fields(a.fields), f"*{esc(EDITORIAL_NOTE)}*"]
    return "\n\n".join([*blocks, *footer(a.k)]) + "\n"

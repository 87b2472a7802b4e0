"""Text building blocks shared by the reference and hand-over views: wrapped and indented
lines, markers, statements with their notes, and the footer.

Everything from a knowledge file is data: it goes into ``Styled`` words (never parsed as
markup) after control characters are removed, so a file cannot style the output or send
escape sequences to the terminal. The views draw on a ``Canvas`` and never import Rich.
"""

from __future__ import annotations

from collections.abc import Iterable

from fopinfo import clock
from fopinfo.model import Fact, Knowledge, Statement
from fopinfo.safe_text import clean
from fopinfo.views.text.canvas import Canvas
from fopinfo.views.text.layout import cell_len
from fopinfo.views.text.styled import Styled
from fopinfo.views.wording import (
    brief_line,
    developments_line,
    disclaimer_line,
    marker_label,
    note_pointer,
    origin_line,
    stale,
    where,
)


def markers(cites: Iterable[int]) -> Styled:
    label = marker_label(cites)
    return Styled(label, style="cyan" if label.startswith("[") else "dim")


def cited_line(text: str, cites: Iterable[int], style: str = "") -> Styled:
    line = Styled(clean(text), style=style)
    line.append(" ")
    line.append_text(markers(cites))
    return line


def heading(c: Canvas, title: str, note: str = "") -> None:
    indent(c, Styled(clean(title), style="bold"), 0)
    if note:
        indent(c, Styled(note, style="dim"), 0)


def indent(c: Canvas, text: Styled, level: int = 1, bullet: str = "", margin: int = 0) -> None:
    """The text wrapped at words, indented 3 spaces a level (plus a margin), with a hanging bullet."""
    c.hang(Styled(" " * (3 * level + margin) + bullet), text)


def where_line(k: Knowledge, s: Statement) -> Styled:
    return Styled(f"— {where(k, s)} ({clean(s.id)})", style="dim")


def print_statement(
    c: Canvas,
    k: Knowledge,
    s: Statement,
    level: int,
    quotes: bool,
    bullet: str = "",
    pointers: bool = True,
    margin: int = 0,
) -> None:
    indent(c, cited_line(s.text, s.cites), level, bullet, margin)
    if quotes:
        indent(c, quoted(s.quote, s.cites), level + 1, " " * len(bullet), margin)
    for item in s.items:  # a lead's list: the source's own lines, under the lead
        indent(c, Styled(clean(item)), level + 1, "• ", margin)
    if pointers:
        print_pointers(c, k, s.id, level + 1, margin)


def print_pointers(c: Canvas, k: Knowledge, item_id: str, level: int, margin: int = 0) -> None:
    """After the source's words, fopinfo's own notes on what has happened since: set apart, never as the source's."""
    for note in k.notes_on(item_id):
        indent(c, Styled(note_pointer(note), style="magenta"), level, "» ", margin)


def quoted(quote: str | None, cites: Iterable[int]) -> Styled:
    """The source's own words, dimmed, so a reader can see what a text rests on."""
    words = Styled(f"“{clean(quote)}” " if quote else "no quote recorded ", style="dim italic")
    return words.append_text(markers(cites))


def print_statements(
    c: Canvas,
    k: Knowledge,
    statements: Iterable[Statement],
    level: int,
    quotes: bool,
    spaced: bool = False,
    margin: int = 0,
) -> None:
    for i, s in enumerate(statements):
        if spaced and i and not s.aim:
            c.blank()
        if s.aim:
            print_statement(c, k, s, level + 1, quotes, bullet="• ", margin=margin)
        else:
            print_statement(c, k, s, level, quotes, margin=margin)


def print_located(c: Canvas, k: Knowledge, statements: Iterable[Statement], quotes: bool) -> None:
    for s in statements:
        print_statement(c, k, s, 1, quotes, pointers=False)
        indent(c, where_line(k, s), 2)
        print_pointers(c, k, s.id, 2)  # after the line that says where the source's words are from


def footer(c: Canvas, k: Knowledge, brief: bool = False) -> None:
    """The source, its age, the notes' check and the disclaimer; --brief: one line of the first and last."""
    today = clock.today()
    c.blank()
    if brief:
        indent(c, Styled(brief_line(k, today), style="dim"), 0)
        return
    # Wrapped at words like everything else; the disclaimer at full contrast, never dimmed.
    indent(c, Styled(origin_line(k, today), style="dim"), 0)
    later = developments_line(k, today)
    if later:
        indent(c, Styled(later, style="bold yellow" if stale(k, today) else "dim"), 0)
    indent(c, Styled(disclaimer_line(k)), 0)


def print_fact(c: Canvas, k: Knowledge, f: Fact, quotes: bool) -> None:
    """The numbered headline; its statements start under the headline's first letter, whatever the number."""
    number = f"{f.number:>2}. "
    c.hang(Styled(number, style="bold"), Styled(clean(f.headline), style="bold"))
    print_statements(c, k, f.statements, 1, quotes, margin=len(number) - 3)


def pad(text: str, width: int) -> str:
    """Padded to a width in terminal cells: CJK and emoji take two, combining marks none."""
    return text + " " * max(width - cell_len(text), 0)

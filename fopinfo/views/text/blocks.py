"""Text building blocks shared by the reference and hand-over views: the console, wrapped and
indented lines, markers, statements with their notes, and the footer.

Everything from a knowledge file is data: it goes into ``Text`` objects (never parsed
as markup) after control characters are removed, so a file cannot style the output
or send escape sequences to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Text

from fopinfo import clock
from fopinfo.model import Fact, Knowledge, Statement
from fopinfo.safe_text import clean
from fopinfo.views.wording import (
    developments_line,
    disclaimer_line,
    marker_label,
    note_pointer,
    origin_line,
    stale,
    where,
)

MIN_WIDTH = 40  # below this, wrapping turns text into a column of single words


MAX_WIDTH = 100  # a comfortable measure for prose, however wide the terminal


# Rows rendered per print in a listing: the rendered output is passed on after each batch,
# so a listing of 100,000 sources never holds all its rendered segments at once.
ROWS_AT_ONCE = 1000


class Output(Console):
    """The console every text view prints to: what it renders is taken as text, a piece at a
    time (``pass_on``), by ``take``: written on at once where no pager could show it, else
    kept whole for the pager to decide. The pieces joined are what one capture would give."""

    def __init__(self, take: Callable[[str], None], **options: Any) -> None:
        super().__init__(**options)
        self.take = take
        self.begin_capture()

    def pass_on(self) -> None:
        """Hand what has been rendered so far to ``take``."""
        self.take(self.end_capture())
        self.begin_capture()


def console(take: Callable[[str], None]) -> Output:
    from fopinfo import terminal

    force_terminal, no_color = terminal.color_choice()
    # markup/highlight/emoji off: styling comes only from this module, never from data.
    c = Output(take, highlight=False, markup=False, emoji=False, force_terminal=force_terminal, no_color=no_color)
    c.width = min(max(c.width, MIN_WIDTH), MAX_WIDTH)
    # Fixed as well, so Rich stops asking the terminal and environment for its size on
    # every print (a third of the time of a listing of 100,000 sources).
    c.height = c.height
    return c


def markers(cites: Iterable[int]) -> Text:
    label = marker_label(cites)
    return Text(label, style="cyan" if label.startswith("[") else "dim")


def cited_line(text: str, cites: Iterable[int], style: str = "") -> Text:
    line = Text(clean(text), style=style)
    line.append(" ")
    line.append_text(markers(cites))
    return line


def heading(c: Console, title: str, note: str = "") -> None:
    c.print(Text(clean(title), style="bold"))
    if note:
        c.print(Text(note, style="dim"))


def indent(c: Console, text: Text, level: int = 1, bullet: str = "") -> None:
    # Wrap here rather than with Padding, which fills every line with trailing spaces.
    # The lines go out as one print of their segments, as a print of each would render
    # them: a print per line costs more than the line (a 10 MB statement is 145,000 lines).
    pad = 3 * level
    segments: list[Segment] = []
    for i, line in enumerate(text.wrap(c, max(c.width - pad - len(bullet), 20))):
        line.rstrip()
        lead = bullet if i == 0 else " " * len(bullet)
        segments += Text(" " * pad + lead).append_text(line).render(c)
        segments.append(Segment.line())
    c.print(Segments(segments), soft_wrap=True)


def where_line(k: Knowledge, s: Statement) -> Text:
    return Text(f"— {where(k, s)} ({clean(s.id)})", style="dim")


def print_statement(
    c: Console, k: Knowledge, s: Statement, level: int, quotes: bool, bullet: str = "", pointers: bool = True
) -> None:
    indent(c, cited_line(s.text, s.cites), level, bullet)
    if quotes:
        indent(c, quoted(s.quote, s.cites), level + 1, " " * len(bullet))
    for item in s.items:  # a lead's list: the source's own lines, under the lead
        indent(c, Text(clean(item)), level + 1, "• ")
    if pointers:
        print_pointers(c, k, s.id, level + 1)


def print_pointers(c: Console, k: Knowledge, item_id: str, level: int) -> None:
    """After the source's words, fopinfo's own notes on what has happened since: set apart, never as the source's."""
    for note in k.notes_on(item_id):
        indent(c, Text(note_pointer(note), style="magenta"), level, "» ")


def quoted(quote: str | None, cites: Iterable[int]) -> Text:
    """The source's own words, dimmed, so a reader can see what a text rests on."""
    words = Text(f"“{clean(quote)}” " if quote else "no quote recorded ", style="dim italic")
    return words.append_text(markers(cites))


def print_statements(
    c: Console, k: Knowledge, statements: Iterable[Statement], level: int, quotes: bool, spaced: bool = False
) -> None:
    for i, s in enumerate(statements):
        if spaced and i and not s.aim:
            c.print()
        if s.aim:
            print_statement(c, k, s, level + 1, quotes, bullet="• ")
        else:
            print_statement(c, k, s, level, quotes)


def print_located(c: Console, k: Knowledge, statements: Iterable[Statement], quotes: bool) -> None:
    for s in statements:
        print_statement(c, k, s, 1, quotes, pointers=False)
        indent(c, where_line(k, s), 2)
        print_pointers(c, k, s.id, 2)  # after the line that says where the source's words are from


def footer(c: Console, k: Knowledge) -> None:
    today = clock.today()
    c.print()
    # Wrapped at words like everything else; the disclaimer at full contrast, never dimmed.
    indent(c, Text(origin_line(k, today), style="dim"), 0)
    later = developments_line(k, today)
    if later:
        indent(c, Text(later, style="bold yellow" if stale(k, today) else "dim"), 0)
    indent(c, Text(disclaimer_line(k)), 0)


def print_fact(c: Console, k: Knowledge, f: Fact, quotes: bool) -> None:
    c.print(Text(f"{f.number:>2}. ", style="bold").append(clean(f.headline), style="bold"))
    print_statements(c, k, f.statements, 1, quotes)


def print_rows(c: Console, rows: Iterable[Text]) -> None:
    """Rows printed as a print of each would (each wrapped alone), at the cost of one print per
    ROWS_AT_ONCE rows; the output is passed on after each, so a long listing streams."""
    batch: list[Text] = []
    for row in rows:
        batch.append(row)
        if len(batch) == ROWS_AT_ONCE:
            c.print(Text("\n").join(batch))
            batch = []
            if isinstance(c, Output):
                c.pass_on()
    if batch:
        c.print(Text("\n").join(batch))


def pad(text: str, width: int) -> str:
    """Padded to a width in terminal cells: CJK and emoji take two, combining marks none."""
    return text + " " * max(width - cell_len(text), 0)

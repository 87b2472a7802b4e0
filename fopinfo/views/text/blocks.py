"""Text building blocks shared by the reference and hand-over views: the console, wrapped and
indented lines, markers, statements with their notes, and the footer.

Everything from a knowledge file is data: it goes into ``Text`` objects (never parsed
as markup) after control characters are removed, so a file cannot style the output
or send escape sequences to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Text

from fopinfo import clock
from fopinfo.model import Fact, Knowledge, Statement
from fopinfo.safe_text import clean
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


MIN_HANG = 20  # the narrowest column of text beside a lead; narrower, the lead's row wraps whole
NARROW_HANG = 4  # ... its later lines this much deeper than its first


def console(take: Callable[[str], None]) -> Output:
    from fopinfo import terminal

    force_terminal, no_color = terminal.color_choice()
    # --color always styles even a dumb terminal (as ripgrep and GNU ls do): Rich alone would not.
    system: Literal["standard", "auto"] = "standard" if force_terminal and terminal.dumb() else "auto"
    # markup/highlight/emoji off: styling comes only from this module, never from data.
    c = Output(
        take,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=force_terminal,
        no_color=no_color,
        color_system=system,
    )
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
    indent(c, Text(clean(title), style="bold"), 0)
    if note:
        indent(c, Text(note, style="dim"), 0)


def indent(c: Console, text: Text, level: int = 1, bullet: str = "", margin: int = 0) -> None:
    """The text wrapped at words, indented 3 spaces a level (plus a margin), with a hanging bullet."""
    hang(c, Text(" " * (3 * level + margin) + bullet), text)


def hang(c: Console, lead: Text, text: Text) -> None:
    """The lead, then the text wrapped at words beside it: every later line starts under the text."""
    c.print(Segments(hung(c, lead, text)), soft_wrap=True)


def hung(c: Console, lead: Text, text: Text) -> list[Segment]:
    # Wrapped here rather than with Padding, which fills every line with trailing spaces.
    # The lines go out as one print of their segments, as a print of each would render
    # them: a print per line costs more than the line (a 10 MB statement is 145,000 lines).
    width = lead.cell_len
    if c.width - width < MIN_HANG:  # too narrow to hang under the text: lead and text wrapped as one
        margin = len(lead.plain) - len(lead.plain.lstrip(" "))
        text, lead, width = lead.copy().append_text(text), Text(), margin + NARROW_HANG
    segments: list[Segment] = []
    for i, line in enumerate(text.wrap(c, max(c.width - width, MIN_HANG))):
        line.rstrip()
        first = lead.copy() if i == 0 else Text(" " * width)
        segments += first.append_text(line).render(c)
        segments.append(Segment.line())
    return segments


def where_line(k: Knowledge, s: Statement) -> Text:
    return Text(f"— {where(k, s)} ({clean(s.id)})", style="dim")


def print_statement(
    c: Console,
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
        indent(c, Text(clean(item)), level + 1, "• ", margin)
    if pointers:
        print_pointers(c, k, s.id, level + 1, margin)


def print_pointers(c: Console, k: Knowledge, item_id: str, level: int, margin: int = 0) -> None:
    """After the source's words, fopinfo's own notes on what has happened since: set apart, never as the source's."""
    for note in k.notes_on(item_id):
        indent(c, Text(note_pointer(note), style="magenta"), level, "» ", margin)


def quoted(quote: str | None, cites: Iterable[int]) -> Text:
    """The source's own words, dimmed, so a reader can see what a text rests on."""
    words = Text(f"“{clean(quote)}” " if quote else "no quote recorded ", style="dim italic")
    return words.append_text(markers(cites))


def print_statements(
    c: Console,
    k: Knowledge,
    statements: Iterable[Statement],
    level: int,
    quotes: bool,
    spaced: bool = False,
    margin: int = 0,
) -> None:
    for i, s in enumerate(statements):
        if spaced and i and not s.aim:
            c.print()
        if s.aim:
            print_statement(c, k, s, level + 1, quotes, bullet="• ", margin=margin)
        else:
            print_statement(c, k, s, level, quotes, margin=margin)


def print_located(c: Console, k: Knowledge, statements: Iterable[Statement], quotes: bool) -> None:
    for s in statements:
        print_statement(c, k, s, 1, quotes, pointers=False)
        indent(c, where_line(k, s), 2)
        print_pointers(c, k, s.id, 2)  # after the line that says where the source's words are from


def footer(c: Console, k: Knowledge, brief: bool = False) -> None:
    """The source, its age, the notes' check and the disclaimer; --brief: one line of the first and last."""
    today = clock.today()
    c.print()
    if brief:
        indent(c, Text(brief_line(k, today), style="dim"), 0)
        return
    # Wrapped at words like everything else; the disclaimer at full contrast, never dimmed.
    indent(c, Text(origin_line(k, today), style="dim"), 0)
    later = developments_line(k, today)
    if later:
        indent(c, Text(later, style="bold yellow" if stale(k, today) else "dim"), 0)
    indent(c, Text(disclaimer_line(k)), 0)


def print_fact(c: Console, k: Knowledge, f: Fact, quotes: bool) -> None:
    """The numbered headline; its statements start under the headline's first letter, whatever the number."""
    number = f"{f.number:>2}. "
    hang(c, Text(number, style="bold"), Text(clean(f.headline), style="bold"))
    print_statements(c, k, f.statements, 1, quotes, margin=len(number) - 3)


def print_rows(c: Console, rows: Iterable[tuple[Text, Text]]) -> None:
    """Rows of a lead and a text hung beside it, as a print of each would show them, at the cost
    of one print per ROWS_AT_ONCE rows; the output is passed on after each, so a long listing streams."""
    segments: list[Segment] = []
    for n, (lead, text) in enumerate(rows, 1):
        segments += hung(c, lead, text)
        if n % ROWS_AT_ONCE == 0:
            c.print(Segments(segments), soft_wrap=True)
            segments = []
            if isinstance(c, Output):
                c.pass_on()
    if segments:
        c.print(Segments(segments), soft_wrap=True)


def pad(text: str, width: int) -> str:
    """Padded to a width in terminal cells: CJK and emoji take two, combining marks none."""
    return text + " " * max(width - cell_len(text), 0)

"""The Rich canvas: the text views drawn with Rich, where a style can show.

Everything from a knowledge file is data: it reaches Rich as ``Text`` (never parsed as
markup) after control characters are removed, so a file cannot style the output or send
escape sequences to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal

from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Span, Text

from fopinfo.views.text import canvas
from fopinfo.views.text.canvas import MAX_WIDTH, MIN_HANG, MIN_WIDTH, NARROW_HANG
from fopinfo.views.text.styled import Styled


def to_rich(text: Styled) -> Text:
    """The ``Text`` with the same words, style and spans."""
    return Text(text.plain, style=text.style, spans=[Span(*span) for span in text.spans])


class Output(Console):
    """A console whose rendering is taken as text, a piece at a time (``pass_on``), by ``take``:
    written on at once where no pager could show it, else kept whole for the pager to decide.
    The pieces joined are what one capture would give."""

    def __init__(self, take: Callable[[str], None], **options: Any) -> None:
        super().__init__(**options)
        self.take = take
        self.begin_capture()

    def pass_on(self) -> None:
        self.take(self.end_capture())
        self.begin_capture()


class RichCanvas:
    def __init__(self, take: Callable[[str], None]) -> None:
        from fopinfo import terminal

        force_terminal, no_color = terminal.color_choice()
        # --color always styles even a dumb terminal (as ripgrep and GNU ls do): Rich alone would not.
        system: Literal["standard", "auto"] = "standard" if force_terminal and terminal.dumb() else "auto"
        # markup/highlight/emoji off: styling comes only from the views, never from data.
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
        self.console = c
        self.width = c.width
        self.styled = c.color_system is not None

    def blank(self) -> None:
        self.console.print()

    def hang(self, lead: Styled, text: Styled) -> None:
        # The lines go out as one print of their segments, as a print of each would render
        # them: a print per line costs more than the line (a 10 MB statement is 145,000 lines).
        self.console.print(Segments(self._hung(to_rich(lead), to_rich(text))), soft_wrap=True)

    def rows(self, rows: Iterable[tuple[Styled, Styled]]) -> None:
        segments: list[Segment] = []
        for n, (lead, text) in enumerate(rows, 1):
            segments += self._hung(to_rich(lead), to_rich(text))
            if n % canvas.ROWS_AT_ONCE == 0:
                self.console.print(Segments(segments), soft_wrap=True)
                segments = []
                self.pass_on()
        if segments:
            self.console.print(Segments(segments), soft_wrap=True)

    def whole(self, text: Styled) -> None:
        self.console.print(to_rich(text), soft_wrap=True)

    def pass_on(self) -> None:
        self.console.pass_on()

    def _hung(self, lead: Text, text: Text) -> list[Segment]:
        # Wrapped here rather than with Padding, which fills every line with trailing spaces.
        c = self.console
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

"""The plain canvas: the characters Rich would write where no style can show, without Rich.

Used only where ``canvas.choose`` finds that Rich would write no escape code; it takes the
width as Rich's Console would (COLUMNS, else the size of the first of stdin, stdout and stderr
that is a terminal, else 80), and lays out lines with ``layout``, Rich's wrap.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable

from fopinfo.views.text import canvas
from fopinfo.views.text.canvas import MAX_WIDTH, MIN_HANG, MIN_WIDTH, NARROW_HANG
from fopinfo.views.text.layout import cell_len, expand_tabs, wrap
from fopinfo.views.text.styled import Styled

# The descriptors Rich asks for a terminal's size, in its order (on Windows: stdout and stderr).
_SIZE_DESCRIPTORS = (1, 2) if sys.platform == "win32" else (0, 1, 2)


class PlainCanvas:
    styled = False

    def __init__(self, take: Callable[[str], None]) -> None:
        self.take = take
        self.width = min(max(rich_width(), MIN_WIDTH), MAX_WIDTH)
        self._lines: list[str] = []

    def blank(self) -> None:
        self._lines.append("\n")

    def hang(self, lead: Styled, text: Styled) -> None:
        self._lines += hung(self.width, lead.plain, text.plain)

    def rows(self, rows: Iterable[tuple[Styled, Styled]]) -> None:
        for n, (lead, text) in enumerate(rows, 1):
            self._lines += hung(self.width, lead.plain, text.plain)
            if n % canvas.ROWS_AT_ONCE == 0:
                self.pass_on()

    def whole(self, text: Styled) -> None:
        self._lines.append("\n".join(map(expand_tabs, text.plain.split("\n"))) + "\n")

    def pass_on(self) -> None:
        self.take("".join(self._lines))
        self._lines = []


def hung(width: int, lead: str, text: str) -> list[str]:
    """A lead and its text as lines (each ending in a newline): the text wrapped beside the
    lead, later lines under the text; where that column would be narrower than MIN_HANG, lead
    and text wrapped as one, later lines NARROW_HANG deeper than the lead's margin."""
    lead_cells = cell_len(lead)
    if width - lead_cells < MIN_HANG:
        margin = len(lead) - len(lead.lstrip(" "))
        text, lead, lead_cells = lead + text, "", margin + NARROW_HANG
    under = " " * lead_cells
    return [
        f"{lead if i == 0 else under}{line.rstrip()}\n"
        for i, line in enumerate(wrap(text, max(width - lead_cells, MIN_HANG)))
    ]


def rich_width() -> int:
    """The width Rich's Console takes when it sees no terminal: COLUMNS when it is digits, else
    the first terminal among stdin, stdout and stderr, else 80."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    width = 0
    for descriptor in _SIZE_DESCRIPTORS:
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    return width or 80

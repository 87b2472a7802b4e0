"""What a text view draws on: the plain canvas where no style can show, Rich's where one can.

Both take the same calls and give the same characters; the Rich canvas adds the styles.
``fopinfo.views.text.choose`` gives a view the plain one only where Rich itself would write
no escape code, so Rich, and its import, are paid only where a style can show.
``tests/test_plain_canvas.py`` holds the two to the same bytes for every golden case.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from fopinfo.views.text.styled import Styled

MIN_WIDTH = 40  # below this, wrapping turns text into a column of single words
MAX_WIDTH = 100  # a comfortable measure for prose, however wide the terminal
MIN_HANG = 20  # the narrowest column of text beside a lead; narrower, the lead's row wraps whole
NARROW_HANG = 4  # ... its later lines this much deeper than its first
# Rows drawn per batch in a listing: what is drawn is passed on after each batch, so a listing
# of 100,000 sources never holds all its rendered lines at once.
ROWS_AT_ONCE = 1000


class Canvas(Protocol):
    """Lines for a terminal, a pipe or a file; ``take`` receives the drawn text piece by piece."""

    width: int  # in cells, MIN_WIDTH to MAX_WIDTH
    styled: bool  # whether styles can show (the plain canvas: never)

    def blank(self) -> None:
        """An empty line."""

    def hang(self, lead: Styled, text: Styled) -> None:
        """The lead, then the text wrapped at words beside it: every later line starts under the text."""

    def rows(self, rows: Iterable[tuple[Styled, Styled]]) -> None:
        """Rows of a lead and a text hung beside it, passed on every ROWS_AT_ONCE rows."""

    def whole(self, text: Styled) -> None:
        """The text on lines of its own, never wrapped (a URL, a finding to copy)."""

    def pass_on(self) -> None:
        """Hand what has been drawn so far to ``take``."""

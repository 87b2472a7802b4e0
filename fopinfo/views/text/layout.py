"""Lines as Rich lays them out, without importing Rich for the text that fills nearly every view.

The plain canvas (``plain``) writes what Rich would write where no style can show; this
module gives it Rich's word wrap (``rich._wrap.divide_line`` and ``Text.wrap``: words with
their trailing spaces, a word longer than the line folded, whitespace beyond the width
dropped) and Rich's tab expansion, in terminal cells. For text whose every character is one
cell wide in every Unicode version Rich knows (ASCII, Latin, Greek, Cyrillic, the quotes,
dashes and bullets of general punctuation) a cell is a character, and this module does the
work itself. Anything else (CJK, emoji, combining marks) goes to Rich's own functions,
imported then and only then, so that wide text is measured by the one table Rich uses.
``tests/test_plain_canvas.py`` holds both to the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

TAB_SIZE = 8  # Text.wrap's default, which every view uses

# Characters one cell wide in every Unicode version of Rich's tables (a test checks each):
# Rich's own single-cell ranges plus general punctuation (quotes, dashes, bullets, †, …),
# arrows and mathematical operators.
_SINGLE_CELL_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x2190, 0x22FF),
    (0x2500, 0x25FC),
    (0x2800, 0x28FF),
)
_ONE_CELL = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in _SINGLE_CELL_RANGES)
_ALL_ONE_CELL = re.compile(f"[{_ONE_CELL}]*").fullmatch
_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as rich._wrap finds them
_TRAILING_SPACE = re.compile(r"\s+$")


def one_cell(text: str) -> bool:
    """Whether every character of the text takes exactly one terminal cell."""
    return _ALL_ONE_CELL(text) is not None


def cell_len(text: str) -> int:
    """The text's width in terminal cells, as Rich measures it."""
    if one_cell(text):
        return len(text)
    return _rich_cells().cell_len(text)  # type: ignore[no-any-return]


def expand_tabs(line: str) -> str:
    """A line's tabs as spaces to the next multiple of TAB_SIZE cells (Rich's ``Text.expand_tabs``)."""
    if "\t" not in line:
        return line
    parts = line.split("\t")
    out: list[str] = []
    position = 0
    for part in parts[:-1]:
        part += " "  # the tab itself takes a cell, then spaces fill to the next stop
        position += cell_len(part)
        remainder = position % TAB_SIZE
        if remainder:
            part += " " * (TAB_SIZE - remainder)
            position += TAB_SIZE - remainder
        out.append(part)
    out.append(parts[-1])
    return "".join(out)


def wrap(text: str, width: int) -> list[str]:
    """The text's lines at most ``width`` cells wide, broken at words as ``rich.text.Text.wrap``
    breaks them (a newline always breaks; the lines keep any spaces that fit)."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = expand_tabs(line)
        breaks = _breaks(line, width) if one_cell(line) else _rich_wrap().divide_line(line, width, fold=True)
        for start, end in zip([0, *breaks], [*breaks, len(line)], strict=True):
            lines.append(_fit(line[start:end], width))
    return lines


def _breaks(line: str, width: int) -> list[int]:
    """Where ``rich._wrap.divide_line`` breaks a line of one-cell characters."""
    breaks: list[int] = []
    offset = 0  # cells used on the current line
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than any line: folded into pieces a line wide
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _fit(piece: str, width: int) -> str:
    """A divided piece as ``Text.wrap`` leaves it: spaces beyond the width dropped, then cropped."""
    excess = len(piece) - width
    if excess > 0:
        spaces = _TRAILING_SPACE.search(piece)
        if spaces is not None:
            piece = piece[: len(piece) - min(len(spaces.group()), excess)]
    if cell_len(piece) > width:
        if one_cell(piece):
            return piece[:width]
        return _rich_cells().set_cell_size(piece, width)  # type: ignore[no-any-return]
    return piece


def _rich_cells() -> Any:
    import rich.cells

    return rich.cells


def _rich_wrap() -> Any:
    import rich._wrap

    return rich._wrap

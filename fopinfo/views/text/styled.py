"""Styled text as the text views build it: the words, one style for all of them, and styled spans.

The views draw with this rather than with ``rich.text.Text`` so that they do not import Rich:
the plain canvas writes only ``plain``; the Rich canvas turns each into the ``Text`` the
views used to build (``rich_canvas.to_rich``), with the same spans in the same order, so a
terminal shows what it always showed. Everything from a knowledge file comes in as words
(never as markup), after control characters are removed by the views.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int
    style: str


class Styled:
    """Words and their styles; ``append`` and ``append_text`` return the text itself, to chain."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, plain: str = "", style: str = "") -> None:
        self.plain = plain
        self.style = style  # for all the words, under the spans
        self.spans: list[Span] = []

    def append(self, words: str, style: str = "") -> Styled:
        if words:
            if style:
                self.spans.append(Span(len(self.plain), len(self.plain) + len(words), style))
            self.plain += words
        return self

    def append_text(self, other: Styled) -> Styled:
        """The other text after this one, its own style kept as a span over its words."""
        offset = len(self.plain)
        if other.style:
            self.spans.append(Span(offset, offset + len(other.plain), other.style))
        self.spans.extend(Span(offset + s.start, offset + s.end, s.style) for s in other.spans)
        self.plain += other.plain
        return self

    def stylize(self, style: str, start: int = 0, end: int | None = None) -> None:
        """A style over the words from start to end (as ``Text.stylize``: clipped to the text)."""
        length = len(self.plain)
        end = length if end is None else min(end, length)
        if style and start < end and start < length:
            self.spans.append(Span(start, end, style))

    def split_at(self, offset: int) -> tuple[Styled, Styled]:
        """The words before and after an offset, each with its part of every span."""
        parts = []
        for start, end in ((0, offset), (offset, len(self.plain))):
            part = Styled(self.plain[start:end], self.style)
            part.spans = [
                Span(max(s.start, start) - start, min(s.end, end) - start, s.style)
                for s in self.spans
                if s.start < end and s.end > start
            ]
            parts.append(part)
        return parts[0], parts[1]

    def right_crop(self, amount: int) -> None:
        """The last ``amount`` characters removed, with the spans over them."""
        if amount <= 0:
            return
        self.plain = self.plain[:-amount]
        length = len(self.plain)
        self.spans = [Span(s.start, min(s.end, length), s.style) for s in self.spans if s.start < length]

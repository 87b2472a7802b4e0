"""Where a result's matched words are in a text as written, for emphasis in a view."""

from __future__ import annotations

from collections.abc import Sequence

from fopinfo.search.words import raw_tokens, stem


def highlights(text: str, terms: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """(start, end) character spans of ``text`` that hold one of ``terms`` (a Result's), in order, not overlapping."""
    words = [(start, end, stem(token)) for start, end, token in raw_tokens(text)]
    wanted = sorted({tuple(t) for t in terms if t}, key=len, reverse=True)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for term in wanted:
            size = len(term)
            if tuple(w for _, _, w in words[i : i + size]) == term:
                spans.append((words[i][0], words[i + size - 1][1]))
                i += size
                break
        else:
            i += 1
    return spans

"""The source text, normalised and indexed: lines, runs, sentences and citation markers.

Everything is built once, in time linear in the source; quotes are then found with
``str.find`` on the normalised text, never by scanning it word by word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from fopinfo.folding import normalise

_BULLET = re.compile(r"^\s*•\s*")


# ---------------------------------------------------------------- markers

_NUMBERS = r"(\d+(?:,\d+)*)(?=\s|$)"
# Directly after a quote the marker may follow any character ("in 20066" is 2006 + 6).
MARKER_HERE = re.compile(r" ?" + _NUMBERS)
# Elsewhere only after sentence punctuation, so "Kinase 2 or", "type-1 (", "ALK2" and
# "In 2019," are not markers.
MARKER = re.compile(r"(?<=[.:)?]) ?" + _NUMBERS)


def numbers(group: str) -> tuple[int, ...]:
    return tuple(int(n) for n in group.split(","))


def markers_after(text: str, end: int) -> tuple[int, ...]:
    """The citation marker that belongs to a quote ending at ``end`` in ``text``.

    The marker printed right after the quote, else the next marker before the end of
    the paragraph (a newline or the end of ``text``), else none.
    """
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    here = MARKER_HERE.match(text, end, stop)
    if here:
        return numbers(here.group(1))
    ahead = MARKER.search(text, end, stop)
    return numbers(ahead.group(1)) if ahead else ()


def show(cites: tuple[int, ...] | list[int]) -> str:
    return "[" + ", ".join(map(str, cites)) + "]"


# ---------------------------------------------------------------- sentences

# A sentence ends at . ? ! before a space; a marker after it belongs to it.
_SENTENCE_END = re.compile(r"[.?!](?= )")
# "U.S. residents": a single-letter initial does not end a sentence.
_INITIAL = re.compile(r"(?:^|[\s.])[^\W\d_]\.$", re.MULTILINE)


def _trimmed(text: str, cuts: list[int]) -> Iterator[tuple[int, int]]:
    start = 0
    for cut in [*cuts, len(text)]:
        lo, hi = start, cut
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            yield lo, hi
        start = cut


_REFERENCES_HEADING = re.compile(r"(?i)references?|sources|bibliography")
_REFERENCE_ENTRY = re.compile(r"(\d+)[.)]\s+(\S.*)")


def _reference_list(lines: list[str]) -> dict[int, str]:
    """The page's numbered reference list: the numbered lines under a "References" heading.

    Empty when the page prints none (as the bundled copy: it numbers its markers 1-15 but does
    not reproduce the list), so no source may then have a text.
    """
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not _REFERENCES_HEADING.fullmatch(line.rstrip(":")):
            continue
        for entry in lines[i + 1 :]:
            m = _REFERENCE_ENTRY.fullmatch(entry)
            if not m:
                break
            out.setdefault(int(m.group(1)), m.group(2))
    return out


class SourceText:
    """The source as normalised paragraphs, one per line, with its indexes.

    A normalised quote holds no newline, so a plain search never matches across
    paragraphs, and a newline doubles as the paragraph end for marker reading.
    """

    def __init__(self, raw: str) -> None:
        kept = [(normalise(_BULLET.sub("", line)), bool(_BULLET.match(line))) for line in raw.splitlines()]
        kept = [(p, bullet) for p, bullet in kept if p]
        self.text = "\n".join(p for p, _ in kept)
        # Which lines the source prints as list bullets ("  • careful avoidance ..."): a
        # lead's items are these lines and no others.
        self.bullet = [bullet for _, bullet in kept]
        self.references = _reference_list([p for p, _ in kept])
        text = self.text
        self.line_starts: list[int] = []
        self.lines: dict[str, list[int]] = {}  # a whole line -> where it starts
        at = 0
        for line in text.split("\n"):
            self.line_starts.append(at)
            self.lines.setdefault(line, []).append(at)
            at += len(line) + 1
        self.markers = list(MARKER.finditer(text))
        newlines = [i for i, c in enumerate(text) if c == "\n"]
        # Runs: what one statement quotes, up to a printed marker or the paragraph's end.
        run_cuts = sorted({m.end() for m in self.markers} | set(newlines))
        self.runs = list(_trimmed(text, run_cuts))
        self.run_at = {lo: hi for lo, hi in self.runs}
        # Each run's words without its marker -> where it starts: a statement quotes a
        # whole run, so a faithful file finds nearly every quote here, in time of its
        # length ("in 20066", a marker after no punctuation, falls back to str.find).
        self.run_index: dict[str, list[int]] = {}
        for lo, hi in self.runs:
            here = MARKER.search(text, lo, hi)
            end = here.start() if here and here.end() == hi else hi
            self.run_index.setdefault(text[lo:end], []).append(lo)
        cuts = {m.end() for m in self.markers} | set(newlines)
        marker_starts = {m.start() for m in self.markers}  # "patients. 7,13,14": cut after the marker
        for m in _SENTENCE_END.finditer(text):
            if m.end() in marker_starts or _INITIAL.search(text, max(0, m.end() - 3), m.end()):
                continue
            cuts.add(m.end())
        self.sentences = list(_trimmed(text, sorted(cuts)))
        self._starts = [lo for lo, _ in self.sentences]

    @property
    def last_line(self) -> int:
        """The page's closing paragraph (its footer: disclaimer, credits, reference line)."""
        return len(self.line_starts) - 1

    def line_text(self, index: int) -> str:
        lo = self.line_starts[index]
        return self.text[lo : self.line_end(lo)]

    def printed_numbers(self) -> dict[int, int]:
        """Every marker number the page prints after sentence punctuation -> where, first."""
        out: dict[int, int] = {}
        for m in self.markers:
            for n in numbers(m.group(1)):
                out.setdefault(n, m.start())
        return out

    def sentences_in(self, lo: int, hi: int) -> range:
        """Indexes of the sentences that lie within [lo, hi)."""
        return range(bisect_left(self._starts, lo), bisect_right(self._starts, hi - 1))

    def line_index(self, at: int) -> int:
        return bisect_right(self.line_starts, at) - 1

    def line_end(self, at: int) -> int:
        stop = self.text.find("\n", at)
        return len(self.text) if stop < 0 else stop

    def marker_end(self, end: int) -> int:
        """Where a quote ending at ``end`` ends with the marker printed right after it."""
        here = MARKER_HERE.match(self.text, end, self.line_end(end))
        return here.end() if here else end

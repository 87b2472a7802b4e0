"""Hold a validated knowledge file against the text of its source document.

Pure: takes a ``Knowledge`` and the source's text, returns a ``Report``. It checks
that every quote is the source's own words, that every ``cites`` is the marker the
source prints after that quote, that ``text`` adds no figure or name the quote
lacks, and that every source sentence is accounted for (quoted or left out).

Paths name places in the YAML file the way the loader's problems do, e.g.
``sections[2].facts[0].statements[1].quote``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from fopinfo.model import Knowledge, Problem, Statement

# A finding has the loader's shape (path, message, line), so the CLI can add its line.
Finding = Problem


class Report(NamedTuple):
    findings: tuple[Finding, ...]
    covered: int  # source sentences covered
    sentences: int  # total source sentences
    uncovered: tuple[str, ...]  # the source sentences not covered, normalised

    @property
    def ok(self) -> bool:
        return not self.findings and self.covered == self.sentences


# ---------------------------------------------------------------- normalisation

# Only typography a copy-paste or a YAML editor may change; anything else is a
# difference in wording and must be reported.
_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
    }
)
_SPACE = re.compile(r"\s+")  # str patterns are Unicode: \s covers U+00A0
_BULLET = re.compile(r"^\s*•\s*")


def normalise(text: str) -> str:
    """Source and quotes alike: plain quotes and dashes, one space per whitespace run."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


def _paragraphs(source_text: str) -> str:
    """The source as normalised paragraphs, one per line, joined by newlines.

    A normalised quote holds no newline, so a plain search can never match across
    paragraphs, and a newline doubles as the paragraph end for marker reading.
    """
    out = []
    for line in source_text.splitlines():
        para = normalise(_BULLET.sub("", line))  # a bullet glyph is layout, not content
        if para:
            out.append(para)
    return "\n".join(out)


# ---------------------------------------------------------------- markers

_NUMBERS = r"(\d+(?:,\d+)*)(?=\s|$)"
# Directly after a quote the marker may follow any character ("in 20066" is 2006 + 6).
_MARKER_HERE = re.compile(r" ?" + _NUMBERS)
# Elsewhere only after sentence punctuation, so "Kinase 2 or", "type-1 (", "ALK2" and
# "In 2019," are not markers.
_MARKER = re.compile(r"(?<=[.:)?]) ?" + _NUMBERS)


def _numbers(group: str) -> tuple[int, ...]:
    return tuple(int(n) for n in group.split(","))


def markers_after(text: str, end: int) -> tuple[int, ...]:
    """The citation marker that belongs to a quote ending at ``end`` in ``text``.

    The marker printed right after the quote, else the next marker before the end of
    the paragraph (a newline or the end of ``text``), else none.
    """
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    here = _MARKER_HERE.match(text, end, stop)
    if here:
        return _numbers(here.group(1))
    ahead = _MARKER.search(text, end, stop)
    return _numbers(ahead.group(1)) if ahead else ()


def _show(cites: Iterable[int]) -> str:
    return "[" + ", ".join(map(str, cites)) + "]"


# ---------------------------------------------------------------- invented figures

_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: "ALK2/ACVR1" is ALK2 and ACVR1
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty hundred "
    "thousand million billion half third quarter dozen".split()
)


def _invented(text: str, quote: str, plain: frozenset[str] = frozenset()) -> list[str]:
    """Tokens of ``text`` that carry a figure or a name and are not in ``quote``.

    ``plain`` holds words the source prints in lower case: one of those capitalised
    only because it starts a sentence ("The source gives ...") is no name.
    """
    if text == quote:  # the common case, and by far the cheapest
        return []
    said = set(_TOKEN.findall(normalise(quote)))
    said_lower = {t.lower() for t in said}
    text = normalise(text)
    out: dict[str, None] = {}  # ordered, without repeats
    for m in _TOKEN.finditer(text):
        token = m.group()
        lower = token.lower()
        if token in out:
            continue
        if _DIGIT.search(token):
            missing = token not in said  # a figure must be the very token the quote prints
        elif token == lower:
            # A plain word: only a number word carries a figure ("one or two" must
            # not become "one or three").
            missing = lower in _NUMBER_WORDS and lower not in said_lower
        else:
            # A name must be in the quote; a capital may only come from starting a
            # sentence ("Present at birth." for "... present at birth").
            missing = token not in said and lower not in said
            if missing and token[1:] == lower[1:] and lower in plain and _starts_sentence(text, m.start()):
                missing = lower in _NUMBER_WORDS and lower not in said_lower
        if missing:
            out[token] = None
    return list(out)


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \"'(")
    return not before or before[-1] in ".?!:"


# ---------------------------------------------------------------- coverage

# A sentence ends at . ? ! before a space; a marker after it belongs to it.
_SENTENCE_END = re.compile(r"[.?!](?= )")
# "U.S. residents": a single-letter initial does not end a sentence.
_INITIAL = re.compile(r"(?:^|[\s.])[^\W\d_]\.$", re.MULTILINE)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the source's sentences, split at sentence ends and after markers."""
    markers = list(_MARKER.finditer(text))
    cuts = {m.end() for m in markers}
    marker_starts = {m.start() for m in markers}  # "patients. 7,13,14": cut after the marker
    for m in _SENTENCE_END.finditer(text):
        if m.end() in marker_starts or _INITIAL.search(text, max(0, m.end() - 3), m.end()):
            continue
        cuts.add(m.end())
    cuts.update(i for i, c in enumerate(text) if c == "\n")
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        lo, hi = start, cut
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            yield lo, hi
        start = cut


# ---------------------------------------------------------------- the check


class _Checker:
    def __init__(self, source_text: str) -> None:
        self.text = _paragraphs(source_text)
        self.covered = bytearray(len(self.text))
        self.findings: list[Finding] = []
        # Words the source prints in lower case, to tell a sentence's first word from a name.
        self.plain = frozenset(t for t in _TOKEN.findall(self.text) if t.islower())
        self._found: dict[str, int] = {}  # normalised quote -> end of its first occurrence, -1 if absent

    def add(self, path: str, message: str) -> None:
        self.findings.append(Finding(path, message))

    def find(self, quote: str) -> int:
        """End of the quote's first occurrence, or -1; marks every occurrence covered."""
        needle = normalise(quote)
        if needle in self._found:
            return self._found[needle]
        first = -1
        start = self.text.find(needle)
        while needle and start >= 0:
            end = start + len(needle)
            first = end if first < 0 else first
            self.covered[start:end] = b"\1" * len(needle)
            here = _MARKER_HERE.match(self.text, end)
            if here:  # the marker printed after a quote is accounted for with it
                self.covered[here.start(1) : here.end(1)] = b"\1" * len(here.group(1))
            start = self.text.find(needle, start + 1)
        self._found[needle] = first
        return first

    def quote(self, path: str, quote: str | None, *, missing: str = "quote not found in the source") -> int:
        if quote is None:
            return -1
        end = self.find(quote)
        if end < 0:
            self.add(path, missing)
        return end

    def invented(self, path: str, text: str | None, quote: str | None) -> None:
        if text is None or quote is None:
            return
        for token in _invented(text, quote, self.plain):
            self.add(path, f"'{token}' is not in the quote")

    def cites(self, path: str, cites: tuple[int, ...], expected: tuple[int, ...], where: str) -> None:
        if cites != expected:
            printed = _show(expected) if expected else "no marker"
            self.add(path, f"cites {_show(cites)} but the source prints {printed} {where}")

    def statements(self, path: str, statements: tuple[Statement, ...]) -> None:
        # An aim completes the sentence of the statement before it, so it takes that
        # statement's marker; None = that marker could not be read.
        lead: tuple[int, ...] | None = None
        lead_seen = False
        for i, statement in enumerate(statements):
            spath = f"{path}.statements[{i}]"
            if statement.quote is None:
                self.add(f"{spath}.quote", "no quote")
                if not statement.aim:
                    lead, lead_seen = None, True
                continue
            end = self.quote(f"{spath}.quote", statement.quote)
            self.invented(f"{spath}.text", statement.text, statement.quote)
            expected = markers_after(self.text, end) if end >= 0 else None
            if not statement.aim:
                lead, lead_seen = expected, True
                if expected is not None:
                    self.cites(f"{spath}.cites", statement.cites, expected, "after this quote")
            elif not lead_seen:
                self.add(f"{spath}.aim", "no statement before it whose sentence it completes")
            elif lead is not None:
                self.cites(f"{spath}.cites", statement.cites, lead, "after the sentence it completes")

    def coverage(self) -> tuple[int, tuple[str, ...]]:
        for m in _MARKER.finditer(self.text):  # markers are citations, not content to quote
            self.covered[m.start(1) : m.end(1)] = b"\1" * len(m.group(1))
        total = 0
        uncovered: list[str] = []
        for lo, hi in _sentences(self.text):
            total += 1
            if not all(self.covered[i] or self.text[i].isspace() for i in range(lo, hi)):
                uncovered.append(self.text[lo:hi])
        for sentence in uncovered:
            self.add("coverage", f"source sentence not covered: '{sentence}'")
        return total, tuple(uncovered)


def check(k: Knowledge, source_text: str) -> Report:
    """Every finding about ``k`` against ``source_text``, and how much of it is covered."""
    c = _Checker(source_text)
    for key, quote in k.origin.quotes.items():
        c.quote(f"origin.quotes.{key}", quote)
    for i, line in enumerate(k.origin.left_out):
        c.quote(f"origin.left_out[{i}]", line, missing="left-out line not found in the source")
    for si, section in enumerate(k.sections):
        path = f"sections[{si}]"
        # A section without a quote has a title of fopinfo's own, not the source's.
        c.quote(f"{path}.quote", section.quote)
        c.invented(f"{path}.title", section.title, section.quote)
        c.statements(path, section.statements)
        for fi, fact in enumerate(section.facts):
            fpath = f"{path}.facts[{fi}]"
            if fact.quote is None:
                c.add(f"{fpath}.quote", "no quote")
            c.quote(f"{fpath}.quote", fact.quote)
            c.invented(f"{fpath}.headline", fact.headline, fact.quote)
            c.statements(fpath, fact.statements)
    for gi, term in enumerate(k.glossary):
        gpath = f"glossary[{gi}]"
        if term.quote is None:
            if term.definition is not None:  # a null definition: used, never explained
                c.add(f"{gpath}.quote", "no quote")
            continue
        end = c.quote(f"{gpath}.quote", term.quote)
        c.invented(f"{gpath}.definition", term.definition, term.quote)
        if end >= 0:
            c.cites(f"{gpath}.cites", term.cites, markers_after(c.text, end), "after this quote")
    total, uncovered = c.coverage()
    return Report(tuple(c.findings), total - len(uncovered), total, uncovered)

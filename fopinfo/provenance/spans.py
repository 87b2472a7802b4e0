"""A definition made of the source's own word sequences, in the source's order.

A definition that is not declared fopinfo's paraphrase must be a series of *spans*: runs of
at least two consecutive words of its quotes (case aside), each starting after the one
before it ends, joined only by punctuation and a closed set of joining words. Moving a
negation or a hedge, swapping two nouns, or borrowing words from elsewhere breaks a span or
the order; dropping words is allowed only where no negation, hedge, quantifier or number is
lost with them:

- a negation anywhere in a sentence a span draws on is inside a span;
- the words skipped between two spans of one sentence carry no hedge, quantifier or number;
- a span does not start right after, or stop right before, such a word of its sentence.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from fopinfo.folding import normalise
from fopinfo.provenance.wording import HEDGES, NEGATIONS, QUANTIFIERS

JOINERS = frozenset({"a", "an", "the", "and", "or"})
MIN_SPAN = 2

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.?!]")


class _Word(NamedTuple):
    word: str  # casefolded
    gap: str  # the punctuation printed before it, spaces removed
    quote: int  # which quote it belongs to
    sentence: int  # which sentence of all the quotes


def _words(text: str, quote: int = 0, sentence: int = 0) -> list[_Word]:
    out: list[_Word] = []
    text = normalise(text)
    at = 0
    for m in _WORD.finditer(text):
        gap = text[at : m.start()].replace(" ", "")
        if _SENTENCE_END.search(gap):
            sentence += 1
        out.append(_Word(m.group().casefold(), gap, quote, sentence))
        at = m.end()
    return out


def _quote_words(quotes: list[str]) -> list[_Word]:
    out: list[_Word] = []
    for qi, quote in enumerate(quotes):
        out += _words(quote, qi, out[-1].sentence + 1 if out else 0)
    return out


def _weighty(word: str) -> bool:
    return word in NEGATIONS or word in HEDGES or word in QUANTIFIERS or word.isdigit()


def spans(definition: str, quotes: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans (start, length in quote words) of ``definition`` and its problems."""
    q = _quote_words(quotes)
    dw = _words(definition)
    d = [w.word for w in dw]
    at: dict[str, list[int]] = {}
    for j, w in enumerate(q):
        at.setdefault(w.word, []).append(j)
    problems: list[str] = []
    found: list[tuple[int, int]] = []
    stray: list[str] = []  # a run of words that are no span, reported as one
    i = cursor = 0

    def same(j: int, n: int) -> bool:
        """Word i+n of the definition continues a span at quote word j+n: same word, same punctuation."""
        if j + n >= len(q) or q[j + n].word != d[i + n] or q[j + n].quote != q[j].quote:
            return False
        return n == 0 or q[j + n].gap == dw[i + n].gap

    while i < len(d):
        best_j, best_len = -1, 0
        for j in at.get(d[i], ()):
            if j < cursor:
                continue
            n = 0
            while i + n < len(d) and same(j, n):
                n += 1
            if n > best_len:
                best_j, best_len = j, n
        if best_len >= MIN_SPAN or (d[i] in JOINERS and stray == []):
            if stray:
                problems.append(_stray(stray, at))
                stray = []
            if best_len >= MIN_SPAN:
                found.append((best_j, best_len))
                cursor = best_j + best_len
                i += best_len
            else:
                i += 1
            continue
        stray.append(d[i])
        i += 1
    if stray:
        problems.append(_stray(stray, at))
    problems += _losses(q, found)
    return found, problems


def _stray(run: list[str], at: dict[str, list[int]]) -> str:
    said = " ".join(run)
    if all(w in at or w in JOINERS for w in run):
        return f"'{said}' is not in the source's order or punctuation: a definition is its quotes' runs, in order"
    return f"'{said}' is not in its quotes: a definition is their own word sequences, in order"


def _losses(q: list[_Word], found: list[tuple[int, int]]) -> list[str]:
    """What the spans leave out that changes a claim's force."""
    covered = {j for start, n in found for j in range(start, start + n)}
    touched = {q[start].sentence for start, _ in found}
    problems: list[str] = []
    lost: set[str] = set()
    for j, w in enumerate(q):
        if j not in covered and w.sentence in touched and w.word in NEGATIONS:
            lost.add(w.word)
    for start, n in found:
        for j in (start - 1, start + n):
            if 0 <= j < len(q) and j not in covered and q[j].sentence == q[start].sentence and _weighty(q[j].word):
                lost.add(q[j].word)
    for (a, an), (b, _) in itertools.pairwise(found):
        if q[a].sentence == q[b].sentence:
            lost.update(q[j].word for j in range(a + an, b) if j not in covered and _weighty(q[j].word))
    if lost:
        problems.append(f"leaves out {', '.join(repr(w) for w in sorted(lost))}, which its quote says there")
    return problems

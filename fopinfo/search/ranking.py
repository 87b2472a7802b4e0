"""Ranking: BM25F over weighted fields, whole queries and phrases above partial matches.

The order, best first:
1. more of the query's words matched (a phrase counts when matched as a phrase);
2. more of them matched in the user's own words, not only through the people's-words table;
3. more neighbouring query words found side by side, as typed ("genetic test");
4. the BM25F score (a term's name or a headline weighs above body text; a word reached
   only through the people's-words table weighs a little less than the user's own);
5. source order.
A note is never shown above a statement it bears on that is also a result. An entry is a
result only if it matches a distinctive word of the query (one in at most COMMON_SHARE of
the entries), or if one of its names is, whole, a word form of the query ("what is FOP").
"""

from __future__ import annotations

import math
from itertools import pairwise
from typing import NamedTuple

from fopinfo.search.matching import Counts, Index, count_forms, name_forms, near
from fopinfo.search.query_words import Alternative, Clause
from fopinfo.search.results import Reached, Result

K1 = 1.2
B = 0.75
TABLE_FACTOR = 0.9  # a word reached through the people's-words table, against the user's own
COMMON_SHARE = 0.5  # a word in more than this share of the entries never makes a match alone


class Ranked(NamedTuple):
    results: list[Result]
    frequencies: dict[tuple[str, ...], int]  # word form -> entries holding it
    in_source: frozenset[tuple[str, ...]]  # word forms the source's own entries hold (not only fopinfo's)


def _idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _bm25f(index: Index, number: int, per_field: tuple[int, ...], idf: float) -> float:
    entry = index.entries[number]
    weighted = 0.0
    for field, tf, length in zip(entry.fields, per_field, index.lengths[number], strict=True):
        if tf:
            norm = 1 - B + B * length / index.averages[field.name]
            weighted += field.weight * tf / norm
    return idf * weighted * (K1 + 1) / (K1 + weighted)


def rank(index: Index, clauses: list[Clause]) -> Ranked:
    content = [c for c in clauses if not c.stop]
    forms = [a.stems for c in content for a in c.alternatives]
    found = count_forms(index, forms)
    n = len(index.entries) or 1
    df: dict[tuple[str, ...], int] = {f: 0 for f in forms}
    in_source: set[tuple[str, ...]] = set()
    for number, counts in found.items():
        sourced = index.entries[number].kind not in ("note", "guidance")  # fopinfo's words are not the source's
        for form in counts:
            df[form] += 1
            if sourced:
                in_source.add(form)
    distinctive = {f for f, d in df.items() if 0 < d <= COMMON_SHARE * n}
    pairs = _pairs(content)
    # A name that is, whole, what was asked: any form of a one-word query, or all the words typed.
    if len(content) == 1:
        whole = {a.stems for a in content[0].alternatives}
    else:
        whole = {tuple(s for c in content for s in c.alternatives[0].stems)}

    keyed: list[tuple[tuple[float, ...], Result]] = []
    for number, counts in found.items():
        result, coverage, own = _score(index, number, counts, content, df, n)
        if not coverage:
            continue
        if not any(f in distinctive for f in counts) and not (name_forms(index, number) & whole):
            continue
        side_by_side = sum(1 for a, b, gap in pairs if a in counts and b in counts and near(index, number, *a, *b, gap))
        order = index.entries[number].order
        note = int(result.kind in ("note", "guidance"))  # fopinfo's own words: below the source at equal match
        keyed.append(((-coverage, note, -own, -side_by_side, -result.score, 0, order, order), result))
    return Ranked(_notes_below_their_statements(index, keyed), df, frozenset(in_source))


def _pairs(content: list[Clause]) -> list[tuple[tuple[str], tuple[str], int]]:
    """Neighbouring one-word clauses, with the distance between them as typed."""
    found: list[tuple[tuple[str], tuple[str], int]] = []
    for left, right in pairwise(content):
        a, b = left.alternatives[0].stems, right.alternatives[0].stems
        if len(a) == 1 and len(b) == 1:
            found.append(((a[0],), (b[0],), right.start - left.start))
    return found


def _score(
    index: Index, number: int, counts: Counts, content: list[Clause], df: dict[tuple[str, ...], int], n: int
) -> tuple[Result, int, int]:
    entry = index.entries[number]
    score = 0.0
    matched: list[str] = []
    missing: list[str] = []
    reached: list[Reached] = []
    terms: list[tuple[str, ...]] = []
    for clause in content:
        best = 0.0
        hits: list[Alternative] = []
        for alternative in clause.alternatives:
            per_field = counts.get(alternative.stems)
            if not per_field:
                continue
            hits.append(alternative)
            value = _bm25f(index, number, per_field, _idf(df[alternative.stems], n))
            best = max(best, value if alternative.own else value * TABLE_FACTOR)
        if not hits:
            missing.append(clause.typed)
            continue
        matched.append(clause.typed)
        score += best
        terms.extend(a.stems for a in hits)
        if not any(a.own for a in hits):
            # One written form per word form: "management" and "managed" are one stem.
            written = {a.stems: a.written for a in reversed(hits)}
            reached.append(Reached(clause.typed, tuple(dict.fromkeys(written[a.stems] for a in hits))))
    result = Result(
        entry.kind,
        entry.id,
        round(score, 4),
        tuple(matched),
        tuple(missing),
        tuple(reached),
        tuple(terms),
        entry.section_id,
        entry.fact_id,
    )
    return result, len(matched), len(matched) - len(reached)


def _notes_below_their_statements(index: Index, keyed: list[tuple[tuple[float, ...], Result]]) -> list[Result]:
    """Best first; a note ranked above a statement it bears on goes just below it (below the lowest of several)."""
    by_id = {result.id: key for key, result in keyed if result.kind == "statement"}
    entries = {e.id: e for e in index.entries if e.kind == "note"}
    placed: list[tuple[tuple[float, ...], Result]] = []
    for key, result in keyed:
        if result.kind == "note":
            bearers = [by_id[s] for s in entries[result.id].bears_on if s in by_id]
            for bearer in bearers:
                below = (*bearer[:5], 1, bearer[6], key[7])
                key = max(key, below)
        placed.append((key, result))
    placed.sort(key=lambda pair: pair[0])
    return [result for _, result in placed]

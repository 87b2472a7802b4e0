"""What a search answers: ranked results, each saying what it matched and what it did not."""

from __future__ import annotations

from typing import NamedTuple


class Reached(NamedTuple):
    """A word of the user's that this result matched only through the people's-words table."""

    typed: str  # as the user typed it: "vaccination"
    targets: tuple[str, ...]  # the source's words it matched instead: ("injection",)


class Result(NamedTuple):
    kind: str  # "statement", "headline", "term", "note" or "guidance"
    id: str  # statement, fact, term or note id
    score: float  # its own relevance (a note shown below its statement keeps its own score)
    matched: tuple[str, ...]  # the query's words it matched, as typed
    missing: tuple[str, ...]  # the query's words it did not match, as typed
    reached: tuple[Reached, ...]  # matched words the source does not use here, and what it uses
    terms: tuple[tuple[str, ...], ...]  # the stem sequences that matched, for highlights()
    section_id: str | None
    fact_id: str | None


class Outcome(NamedTuple):
    query: str  # the words as typed, joined by spaces
    words: tuple[str, ...]  # the query's words that count, as typed (phrases in quotes)
    ignored: tuple[str, ...]  # stop words, which need not match
    common: tuple[str, ...]  # words in nearly every entry: they never make a match alone
    unused: tuple[str, ...]  # words the file's text never uses (the table may still reach others)
    results: tuple[Result, ...]  # best first, at most the limit
    total: int  # every match, before the limit
    suggestions: tuple[str, ...]  # did-you-mean, from the file's own words, only when nothing matched
    # (typed, searched for instead): long words in no text, each with one close word of the file or table
    corrected: tuple[tuple[str, str], ...] = ()

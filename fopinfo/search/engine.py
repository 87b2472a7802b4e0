"""Search a knowledge file: read the query, rank the entries, say what matched and what did not."""

from __future__ import annotations

from collections.abc import Sequence

from fopinfo.model import Knowledge, PeopleWord
from fopinfo.search.entries import entries_of
from fopinfo.search.matching import Index, build_index
from fopinfo.search.query_words import read_query
from fopinfo.search.ranking import rank
from fopinfo.search.results import Outcome
from fopinfo.search.suggestions import correctable, corrections, suggest, table_words, vocabulary
from fopinfo.search.words import fold

LONG_TYPO = 7  # a typed word this long may be offered a people's word it is close to
# A people's word this long may be searched for in place of a one-slip typo of it ("hereditory"):
# at that length a slip is rarely a word of its own, and short ones are ("carier" is not "carer").
LONG_PEOPLE_WORD = 9


def index_knowledge(k: Knowledge) -> Index:
    """The searchable entries of a knowledge file, folded once (built on every run: fopinfo writes no files)."""
    return build_index(entries_of(k))


def search(
    index: Index | Knowledge, words: Sequence[str], table: Sequence[PeopleWord] = (), limit: int | None = None
) -> Outcome:
    """The entries that answer the words typed, best first; at most ``limit`` of them (None or 0: all).

    ``words`` are the command's arguments as given (quoted or not); ``table`` is the
    people's-words table. Nothing found is an answer too: no results, and suggestions when
    no word of the query is in the file's text.
    """
    if isinstance(index, Knowledge):
        index = index_knowledge(index)
    clauses = read_query(words, table)
    ranked = rank(index, clauses)
    df = ranked.frequencies
    # A long word in no text, with one close word of the file's own: searched for instead, and said.
    unknown = [
        fold(c.alternatives[0].written)
        for c in clauses
        if not (c.stop or c.quoted or c.negation or c.size > 1 or any(df.get(a.stems) for a in c.alternatives))
    ]
    known = vocabulary(index) if any(correctable(w) for w in unknown) else None  # one pass over the text
    corrected = corrections([*known, *long_people_words(table)], unknown) if known is not None else {}
    if corrected:
        clauses = read_query(words, table, corrected)
        ranked = rank(index, clauses)
        df = ranked.frequencies
    content = [c for c in clauses if not c.stop]
    n = len(index.entries) or 1
    # "The source does not mention": in none of the source's own entries (a word only fopinfo's
    # notes or pointers use, such as "jaw", is still not the source's).
    unused = tuple(c.typed for c in content if c.alternatives[0].stems not in ranked.in_source)
    common = tuple(c.typed for c in content if all(df.get(a.stems, 0) > n // 2 for a in c.alternatives))
    results = ranked.results
    suggestions: tuple[str, ...] = ()
    if not results:
        nowhere = [c.typed for c in content if not any(df.get(a.stems) for a in c.alternatives) and not c.quoted]
        typed = [fold(w) for w in nowhere]
        suggestions = suggest(index, typed, known)
        # Offered, never searched for: a long word close to a people's word ("hereditery" -> "Did you
        # mean: hereditary?", which then reaches what the source says); short ones too often are
        # words of their own ("career" is not "carer").
        people = suggest(index, [w for w in typed if len(w) >= LONG_TYPO], sorted(table_words(table)))
        suggestions += tuple(w for w in people if w not in suggestions)
    return Outcome(
        " ".join(words),
        tuple(c.typed for c in content),
        tuple(c.typed for c in clauses if c.stop),
        common,
        unused,
        tuple(results[:limit] if limit else results),
        len(results),
        suggestions,
        tuple(corrected.items()),
    )


def long_people_words(table: Sequence[PeopleWord]) -> list[str]:
    """The people's words a one-slip typo may be corrected into (see LONG_PEOPLE_WORD)."""
    return sorted(w for w in table_words(table) if len(w) >= LONG_PEOPLE_WORD)

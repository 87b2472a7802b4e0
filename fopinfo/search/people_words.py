"""The people's-words table: everyday words mapped to words the source uses, words to words.

An entry never maps to a claim: a target is a word or phrase of the file's own text, and a
result reached through it is still the file's statement, shown with the notice that the
source did not use the reader's word. The engine takes the table as a plain parameter: a
tuple of (words, targets) pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from fopinfo.model import Knowledge, PeopleWord
from fopinfo.search.entries import all_texts
from fopinfo.search.words import fold, is_stop, stems, tokens

PeopleWords = tuple[PeopleWord, ...]


class BadTarget(NamedTuple):
    entry: int  # the entry's place in the table
    target: int  # the target's place in the entry
    text: str
    reason: str

    @property
    def path(self) -> str:
        return f"people_words[{self.entry}].targets[{self.target}]"


def bad_targets(k: Knowledge, table: Sequence[PeopleWord]) -> list[BadTarget]:
    """Targets that do not occur, as whole words in order, in any text search reads; [] when all do."""
    grams: set[tuple[str, ...]] = set()
    wanted = {tuple(tokens(fold(t))) for entry in table for t in entry.targets}
    sizes = {len(w) for w in wanted if w}
    for text in all_texts(k):
        words = tokens(fold(text))
        for n in sizes:
            grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    bad: list[BadTarget] = []
    for i, entry in enumerate(table):
        for j, target in enumerate(entry.targets):
            if tuple(tokens(fold(target))) not in grams:
                bad.append(BadTarget(i, j, target, "does not occur in the knowledge file's text"))
    return bad


class Expansion(NamedTuple):
    """A run of query tokens that is an everyday word of the table, and the targets it reaches."""

    start: int  # first query token
    end: int  # one past the last
    targets: tuple[tuple[str, tuple[str, ...]], ...]  # (target as written, its stems)


GAP = 2  # stop words the user may type inside an everyday phrase of the table ("pass it on")


def expansions(
    query_stems: Sequence[str], table: Sequence[PeopleWord], stops: Sequence[bool] | None = None
) -> list[Expansion]:
    """The table's words found in a query (by stems, longest first, never overlapping), in query order.

    A phrase of the table matches when its first and last words are typed as they are and the
    words between are its own words in order, with or without up to GAP stop words around
    them ("passed down" also in "passed it down", "runs in families" in "runs in my family").
    ``stops`` says which query tokens are stop words (none, when not given).
    """
    by_words: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    for entry in table:
        reached = [(t, tuple(stems(tokens(fold(t))))) for t in entry.targets]
        for word in entry.words:
            words = tokens(fold(word))
            key = _core(stems(words), [is_stop(w) for w in words])
            targets = by_words.setdefault(key, [])
            targets.extend(r for r in reached if r not in targets)
    longest = max((len(key) for key in by_words), default=0)
    skippable = list(stops) if stops is not None else [False] * len(query_stems)
    found: list[Expansion] = []
    i = 0
    while i < len(query_stems):
        for key, end in _runs(query_stems, skippable, i, longest):
            if key in by_words:
                found.append(Expansion(i, end, tuple(by_words[key])))
                i = end
                break
        else:
            i += 1
    return found


def _core(word_stems: Sequence[str], stop: Sequence[bool]) -> tuple[str, ...]:
    """A phrase's first and last word and the words between that are not stop words."""
    if len(word_stems) <= 2:
        return tuple(word_stems)
    inner = [s for s, is_stop_word in zip(word_stems[1:-1], stop[1:-1], strict=True) if not is_stop_word]
    return (word_stems[0], *inner, word_stems[-1])


def _runs(
    query_stems: Sequence[str], stops: Sequence[bool], start: int, longest: int
) -> list[tuple[tuple[str, ...], int]]:
    """(core, end) for the runs of the query starting at ``start``, longest run first."""
    runs: list[tuple[tuple[str, ...], int]] = []
    core: list[str] = []
    gap = 0
    for end in range(start, len(query_stems)):
        if end > start and stops[end]:
            gap += 1
            if gap > GAP:
                break
            runs.append(((*core, query_stems[end]), end + 1))  # a stop word may end a phrase ("look after")
            continue
        core.append(query_stems[end])
        gap = 0
        runs.append((tuple(core), end + 1))
        if len(core) >= longest:
            break
    runs.reverse()
    return runs

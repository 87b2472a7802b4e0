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
from fopinfo.search.words import fold, stems, tokens

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


def expansions(query_stems: Sequence[str], table: Sequence[PeopleWord]) -> list[Expansion]:
    """The table's words found in a query (by stems, longest first, never overlapping), in query order."""
    by_words: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    for entry in table:
        reached = [(t, tuple(stems(tokens(fold(t))))) for t in entry.targets]
        for word in entry.words:
            key = tuple(stems(tokens(fold(word))))
            targets = by_words.setdefault(key, [])
            targets.extend(r for r in reached if r not in targets)
    longest = max((len(key) for key in by_words), default=0)
    found: list[Expansion] = []
    i = 0
    while i < len(query_stems):
        for n in range(min(longest, len(query_stems) - i), 0, -1):
            key = tuple(query_stems[i : i + n])
            if key in by_words:
                found.append(Expansion(i, i + n, tuple(by_words[key])))
                i += n
                break
        else:
            i += 1
    return found

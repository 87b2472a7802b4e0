"""A query as the user typed it, read into clauses: each word (or quoted phrase, or everyday
phrase of the people's-words table) once, with the word forms that may match it.

The words come as argv: `fopinfo search is there a cure` and `fopinfo search "is there a
cure"` are one query. Double quotes inside mark a phrase: `search '"genetic test"'`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from fopinfo.folding import normalise
from fopinfo.model import PeopleWord
from fopinfo.search.people_words import expansions
from fopinfo.search.words import fold, is_negation, is_stop, stems, tokens

#: Words that are stop words only as typed in lower case: in capitals they are names ("US").
PRONOUNS = frozenset({"us"})


class Alternative(NamedTuple):
    stems: tuple[str, ...]  # one word, or a phrase matched in order
    written: str  # as typed, or the table's target as written
    own: bool  # the user's own word; False: reached through the people's-words table


class Clause(NamedTuple):
    typed: str  # as the user typed it: "vaccinations", "big toe", '"genetic test"'
    alternatives: tuple[Alternative, ...]  # the own word first
    stop: bool  # only stop words: it need not match, and does not count
    negation: bool
    quoted: bool
    start: int  # its first token's place in the query's tokens
    size: int  # its number of tokens


def _chunks(words: Sequence[str]) -> list[tuple[str, bool]]:
    """(text, quoted) pieces: quoted phrases whole, other text split on whitespace."""
    text = normalise(" ".join(words))
    if text.count('"') % 2:  # an unmatched quote is not a phrase mark
        head, _, tail = text.rpartition('"')
        text = head + " " + tail
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(text.split('"')):
        if i % 2:
            if part.strip():
                pieces.append((part.strip(), True))
        else:
            pieces.extend((chunk, False) for chunk in part.split())
    return pieces


def _typed(chunk: str) -> str:
    """A chunk without the punctuation around it ("cure?" is typed "cure")."""
    start = next((i for i, c in enumerate(chunk) if c.isalnum()), 0)
    end = next((i for i in range(len(chunk), 0, -1) if chunk[i - 1].isalnum()), len(chunk))
    return chunk[start:end]


def read_query(
    words: Sequence[str], table: Sequence[PeopleWord] = (), corrected: Mapping[str, str] | None = None
) -> list[Clause]:
    """The clauses of a query, in the order typed; a one-word chunk (not quoted) that ``corrected``
    holds, folded, is read as its correction (see suggestions.corrections)."""
    clauses: list[Clause] = []
    stops: list[bool] = []  # per query token: a stop word
    position = 0
    for chunk, quoted in _chunks(words):
        folded = tokens(fold(chunk))
        if not folded:
            continue
        if corrected and not quoted and len(folded) == 1 and folded[0] in corrected:
            chunk = corrected[folded[0]]
            folded = tokens(fold(chunk))
        own = Alternative(tuple(stems(folded)), chunk if quoted else _typed(chunk), True)
        # "us" typed in lower case is the pronoun ("neither of us"), a stop word; "US" is the country.
        pronoun = not quoted and own.written in PRONOUNS
        clauses.append(
            Clause(
                f'"{chunk}"' if quoted else _typed(chunk),
                (own,),
                all(is_stop(t) for t in folded) or pronoun,
                any(is_negation(t) for t in folded),
                quoted,
                position,
                len(folded),
            )
        )
        position += len(folded)
        stops.extend(is_stop(t) or pronoun for t in folded)
    return _with_people_words(clauses, table, stops) if table else clauses


def _with_people_words(clauses: list[Clause], table: Sequence[PeopleWord], stops: Sequence[bool]) -> list[Clause]:
    """Clauses that spell an everyday word of the table, merged into one that also reaches its targets."""
    flat = [stem for clause in clauses for stem in clause.alternatives[0].stems]
    starts = {c.start: i for i, c in enumerate(clauses)}
    ends = {c.start + c.size: i for i, c in enumerate(clauses)}
    merged: dict[int, Clause] = {}
    covered: set[int] = set()
    for found in expansions(flat, table, stops):
        first, last = starts.get(found.start), ends.get(found.end)
        if first is None or last is None:
            continue  # the everyday word starts or ends inside a word the user typed
        run = clauses[first : last + 1]
        if any(c.quoted for c in run) and len(run) > 1:
            continue  # a quoted phrase is matched as typed
        own = Alternative(tuple(flat[found.start : found.end]), " ".join(c.typed for c in run), True)
        targets = tuple(Alternative(s, written, False) for written, s in found.targets if s != own.stems)
        merged[first] = Clause(
            " ".join(c.typed for c in run),
            (own, *targets),
            False,
            any(c.negation for c in run),
            run[0].quoted,
            found.start,
            found.end - found.start,
        )
        covered.update(range(first, last + 1))
    return [merged.get(i, c) for i, c in enumerate(clauses) if i in merged or i not in covered]

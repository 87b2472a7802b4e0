"""Did you mean: spelling suggestions from the file's own words, when nothing matched."""

from __future__ import annotations

from collections.abc import Iterable

from fopinfo.search.matching import Index
from fopinfo.search.words import distinct_tokens, is_stop, tokens

MAX_SUGGESTIONS = 3
CUTOFF = 0.75


def vocabulary(index: Index) -> list[str]:
    """Every word the entries use (folded, not stemmed), stop words and one- and two-letter words left out."""
    words = distinct_tokens(index.text)
    return sorted(w for w in words if len(w) > 2 and not is_stop(w))


def suggest(index: Index, typed: Iterable[str]) -> tuple[str, ...]:
    """Words of the file close to what was typed, closest first, at most MAX_SUGGESTIONS per word."""
    import difflib

    known = vocabulary(index)
    found: list[str] = []
    for word in typed:
        for token in tokens(word.casefold()):
            for close in difflib.get_close_matches(token, known, n=MAX_SUGGESTIONS, cutoff=CUTOFF):
                if close not in found:
                    found.append(close)
    return tuple(found)

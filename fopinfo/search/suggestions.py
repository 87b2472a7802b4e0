"""Spelling: did-you-mean from the file's own words when nothing matched, and the one correction
search may make itself: a long typed word the file and the people's words never use, with exactly
one close word of theirs ("hereditery" -> "hereditary"), which every view then names."""

from __future__ import annotations

from collections.abc import Iterable

from fopinfo.search.matching import Index
from fopinfo.search.words import distinct_tokens, is_negation, is_stop, stem, tokens

MAX_SUGGESTIONS = 3
CUTOFF = 0.75

#: A correction: only of a typed word of at least SHORTEST letters, into a word one slip away.
SHORTEST = 6
#: Letters typed for one another without changing the word a person means: a vowel for a vowel,
#: and the letters that spell one sound ("injektion", "organise").
_VOWELS = frozenset("aeiouy")
_ALIKE = (_VOWELS, {"c", "k"}, {"c", "s"}, {"s", "z"})


def vocabulary(index: Index) -> list[str]:
    """Every word the entries use (folded, not stemmed), stop words and one- and two-letter words left out."""
    words = distinct_tokens(index.text)
    return sorted(w for w in words if len(w) > 2 and not is_stop(w))


def suggest(index: Index, typed: Iterable[str], known: list[str] | None = None) -> tuple[str, ...]:
    """Words of the file close to what was typed, closest first, at most MAX_SUGGESTIONS per word
    (``known``: the file's vocabulary, when already read)."""
    import difflib

    known = vocabulary(index) if known is None else known
    found: list[str] = []
    for word in typed:
        for token in tokens(word.casefold()):
            for close in difflib.get_close_matches(token, known, n=MAX_SUGGESTIONS, cutoff=CUTOFF):
                if close not in found:
                    found.append(close)
    return tuple(found)


def correctable(word: str) -> bool:
    """Whether search may correct this typed (folded) word: long enough, letters only, not a stop word or negation."""
    return len(word) >= SHORTEST and word.isalpha() and not is_negation(word) and not is_stop(word)


def one_slip(typed: str, word: str) -> bool:
    """Whether ``word`` is ``typed`` with one slip mended, inside the word (never its first or last letter:
    "abnormal" is not "normal", "healthy" not "health"): two neighbours swapped, a letter dropped or
    doubled, or one of two alike letters (see _ALIKE) for the other. A letter for an unlike letter is
    never mended: "infection" is a word of its own, not a slip of "injection"."""
    if typed[0] != word[0] or typed[-1] != word[-1]:
        return len(typed) == len(word) and _swapped(typed, word)
    if len(typed) == len(word):
        differ = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(differ) == 1:
            a, b = typed[differ[0]], word[differ[0]]
            return any(a in alike and b in alike for alike in _ALIKE)
        return _swapped(typed, word)
    longer, shorter = (typed, word) if len(typed) > len(word) else (word, typed)
    if len(longer) != len(shorter) + 1:
        return False
    return any(
        longer[:i] + longer[i + 1 :] == shorter
        and (longer[i] in _VOWELS or longer[i] in (longer[i - 1], longer[i + 1]))
        for i in range(1, len(longer) - 1)
    )


def _swapped(typed: str, word: str) -> bool:
    differ = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and typed[differ[0]] == word[differ[1]]
        and typed[differ[1]] == word[differ[0]]
    )


def corrections(known: Iterable[str], unknown: Iterable[str], never: frozenset[str] | None = None) -> dict[str, str]:
    """For each unknown folded word that has one: the single word of the file's text that it is
    one slip away from (see one_slip); ``known``: the file's vocabulary. Never a word only the
    people's words use: a guess at a typo does not lead on through a second guess at a meaning
    ("carier" is not "carer", which would then reach "care").

    The words one slip away must all be one word form (one stem); two forms, or none, and the
    word is left as typed. A real English word is never corrected into another (``never``: by
    default the list for the bundled file, ``real_words.NEVER_CORRECTED``: "canker" stays
    "canker", never "cancer"). The engine reads the file's words (one pass over its text) only
    when a word is unknown, and only words one letter longer, shorter or as long are compared.
    """
    wanted = {w for w in unknown if correctable(w)}
    if wanted and never is None:
        from fopinfo.search.real_words import NEVER_CORRECTED

        never = NEVER_CORRECTED
    wanted -= never or frozenset()
    if not wanted:
        return {}
    known = set(known)  # the file's own words only: a correction never leads on through the people's words
    by_length: dict[int, list[str]] = {}
    for word in known:
        by_length.setdefault(len(word), []).append(word)
    found: dict[str, str] = {}
    for typed in wanted:
        close = [
            w
            for size in (len(typed) - 1, len(typed), len(typed) + 1)
            for w in by_length.get(size, ())
            if one_slip(typed, w)
        ]
        if close and len({stem(w) for w in close}) == 1:
            found[typed] = min(close, key=lambda w: (len(w), w))
    return found

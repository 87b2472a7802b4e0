"""Spelling: did-you-mean from the file's own words when nothing matched, and the one correction
search may make itself: a long typed word the file and the people's words never use, with exactly
one close word of theirs ("hereditery" -> "hereditary"), which every view then names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fopinfo.model import PeopleWord
from fopinfo.search.matching import Index
from fopinfo.search.words import distinct_tokens, fold, is_negation, is_stop, stem, tokens

MAX_SUGGESTIONS = 3
#: difflib's similarity a suggestion needs (with the rest of plausible_typo):
#: the highest that keeps the typos measured in tests/test_search_engine.py ("injektoin" and
#: "ligamnetz" score 0.78); above 0.75, a four-letter word with one letter changed is never
#: suggested ("loom" -> "look", "firm" -> "form": as often another word as a slip).
CUTOFF = 0.77
#: A suggestion: only for a typed word of at least SHORTEST_SUGGESTED letters, and only of such a word.
SHORTEST_SUGGESTED = 4

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


def table_words(table: Sequence[PeopleWord]) -> set[str]:
    """The one-word entries of the people's-words table, folded (longer than two letters, no stop words)."""
    found: set[str] = set()
    for entry in table:
        for phrase in entry.words:
            words = tokens(fold(phrase))
            if len(words) == 1 and len(words[0]) > 2 and not is_stop(words[0]):
                found.add(words[0])
    return found


def suggest(index: Index, typed: Iterable[str], known: list[str] | None = None) -> tuple[str, ...]:
    """Words of the file that what was typed plausibly mistypes (see plausible_typo), closest first
    by difflib's measure, at most MAX_SUGGESTIONS per word (``known``: the file's vocabulary, when
    already read)."""
    import difflib

    known = vocabulary(index) if known is None else known
    found: list[str] = []
    for word in typed:
        for token in tokens(word.casefold()):
            close = [w for w in known if plausible_typo(token, w)]
            close.sort(key=lambda w: -difflib.SequenceMatcher(None, token, w).ratio())
            for match in close[:MAX_SUGGESTIONS]:
                if match not in found:
                    found.append(match)
    return tuple(found)


def plausible_typo(typed: str, word: str) -> bool:
    """Whether a person who meant ``word`` may have typed ``typed``: both of at least
    SHORTEST_SUGGESTED letters with the same first letter; neither the other with letters added
    at one end ("fault" is not a slip of "faulty", nor "line" of "online"), but for a final "e"
    left off a long word ("palovaroten"); at most one slip apart for a word of up to six letters,
    two for a longer one (see _distance); and as similar as CUTOFF by difflib's measure."""
    import difflib

    if len(typed) < SHORTEST_SUGGESTED or len(word) < SHORTEST_SUGGESTED or typed[0] != word[0] or typed == word:
        return False
    longer, shorter = (typed, word) if len(typed) > len(word) else (word, typed)
    if longer.startswith(shorter) or longer.endswith(shorter):
        return len(typed) > 6 and word == typed + "e"
    allowed = _slips(typed)
    return (
        abs(len(typed) - len(word)) <= allowed
        and difflib.SequenceMatcher(None, typed, word).ratio() >= CUTOFF
        and _distance(typed, word) <= allowed
    )


def _slips(typed: str) -> int:
    return 1 if len(typed) <= 6 else 2


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    rows = ("qwertyuiop", "asdfghjkl", "zxcvbnm")  # each row half a key right of the one above
    near: dict[str, frozenset[str]] = {}
    for r, row in enumerate(rows):
        for i, letter in enumerate(row):
            around = {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
            if r > 0:
                around |= {rows[r - 1][j] for j in (i, i + 1) if j < len(rows[r - 1])}
            if r < len(rows) - 1:
                around |= {rows[r + 1][j] for j in (i - 1, i) if 0 <= j < len(rows[r + 1])}
            near[letter] = frozenset(around)
    return near


_NEIGHBOURS = _keyboard_neighbours()


def _distance(typed: str, word: str) -> int:
    """Slips between two words: a letter added or dropped, two neighbours swapped, a letter typed
    for its neighbour on the keyboard or for an alike letter (see _ALIKE): one each; a letter for
    any other letter: two ("sport" is not a slip of "short")."""
    before: list[int] = []
    row = list(range(len(word) + 1))
    for i, a in enumerate(typed, 1):
        current = [i]
        for j, b in enumerate(word, 1):
            if a == b:
                swap = 0
            elif b in _NEIGHBOURS.get(a, ()) or any(a in alike and b in alike for alike in _ALIKE):
                swap = 1
            else:
                swap = 2
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + swap)
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


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
    """For each unknown folded word that has one: the single word of ``known`` that it is one
    slip away from (see one_slip); ``known``: the file's vocabulary and the long people's words
    (engine.LONG_PEOPLE_WORD: "hereditory" is "hereditary"). Never a short word only the people's
    words use: there a guess at a typo would too often lead on through a second guess at a meaning
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
    known = set(known)
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

"""Words as search sees them: folded tokens, the stop list, negations, and stems.

A token is a run of letters and digits, with inner apostrophes kept ("can't", "world's"),
so a negation is never split into meaningless pieces. Hyphens and slashes separate
tokens ("flare-up" is "flare", "up"), as in the source's own "ALK2/ACVR1".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from fopinfo.folding import fold_for_search

# On folded text: typographic apostrophes are already plain.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# On text as written (for highlighting): any apostrophe, and combining marks inside a word.
_RAW_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’‘‛](?:[^\W_]|[\u0300-\u036f])+)*")

#: Negations: content words, never stop words, never stemmed, never split.
#: Spellings typed without the apostrophe, and "cannot", are read as the contraction.
NEGATIONS = frozenset(
    {
        "no",
        "not",
        "nor",
        "never",
        "none",
        "nothing",
        "neither",
        "without",
        "can't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "wouldn't",
        "shouldn't",
        "couldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "mustn't",
        "needn't",
        "shan't",
    }
)
NEGATION_SPELLINGS = {
    "cannot": "can't",
    "cant": "can't",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "couldnt": "couldn't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "hadnt": "hadn't",
}

#: Words a question may use that need not match: the common English function words
#: (NLTK's English list, less its negations and the pieces a split contraction leaves),
#: with the question's own fillers ("could", "tell", "please", "what's"), and (round 4) the
#: fillers of everyday questions that say how often or how sure, never what ("usually", "ever",
#: "ok", "really"; "much", as in "how much does it cost") and the words that ask what a name
#: stands for ("what does FOP stand for": the name alone is then the query, and finds its term).
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    get gets getting got had has have having he her here hers herself him himself his how i i'm
    if in into is it it's its itself just let's me might more most must my myself now of off on
    once only or other our ours ourselves out over own please same shall she should so some such
    tell than that that's the their theirs them themselves then there there's these they this
    those through to too under until up very was we were what what's whats when where which while
    who whom why will with would you your yours yourself yourselves may
    usually ever ok okay really actually still even hi hello thanks thank much
    stand acronym acronyms abbreviation abbreviations
    go goes going went
    """.split()
)


def fold(text: str) -> str:
    return fold_for_search(text)


def tokens(folded: str) -> list[str]:
    """The tokens of folded text, in order; a negation typed without its apostrophe gets it back."""
    return [NEGATION_SPELLINGS.get(t, t) for t in _TOKEN.findall(folded)]


def distinct_tokens(folded: str) -> set[str]:
    """The set of tokens of folded text (as tokens() gives them), read in one pass."""
    return {NEGATION_SPELLINGS.get(t, t) for t in set(_TOKEN.findall(folded))}


def raw_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded token) for each token of text as written: where a highlight goes."""
    for match in _RAW_TOKEN.finditer(text):
        for token in tokens(fold(match.group())):
            yield match.start(), match.end(), token


def is_stop(token: str) -> bool:
    return token in STOP_WORDS


def is_negation(token: str) -> bool:
    return token in NEGATIONS


@lru_cache(maxsize=1)
def _stem_word() -> Callable[[str], str]:
    import Stemmer  # type: ignore[import-not-found]  # PyStemmer (no type hints): Snowball English, in C

    stem: Callable[[str], str] = Stemmer.Stemmer("english").stemWord
    return stem


_STEMS: dict[str, str] = {}


def stem(token: str) -> str:
    """A token's stem; negations and tokens with digits are kept whole."""
    found = _STEMS.get(token)
    if found is None:
        kept = token in NEGATIONS or (not token.isalpha() and "'" not in token)
        found = _STEMS[token] = token if kept else _stem_word()(token)
    return found


def stems(folded_tokens: list[str]) -> list[str]:
    return [stem(t) for t in folded_tokens]


def stems_starting(folded_tokens: list[str], keys: tuple[str, ...]) -> list[str | None]:
    """Stems of the tokens that start with one of the keys (see prefix_key); None for the others, which
    cannot have the stems the keys stand for."""
    return [stem(t) if t.startswith(keys) else None for t in folded_tokens]


def prefix_key(stemmed: str) -> str:
    """A string that the folded text of any word with this stem contains.

    Porter2 rewrites at most the stem's last letter of the word's letters (happy -> happi),
    apart from a few irregular words whose stems begin differently (dying -> die).
    """
    irregular = {"die": "d", "lie": "l", "tie": "t", "sky": "sk", "ski": "sk"}
    if "'" in stemmed:  # a negation: "can't" is also typed "cannot" and "cant"
        return stemmed.split("'")[0]
    if stemmed in irregular:
        return irregular[stemmed]
    return stemmed[:-1] if len(stemmed) > 1 else stemmed

"""Folding shared by the provenance check and search: typographic quotes and dashes made plain,
one space per whitespace run. One implementation, so that what the proof compares and what a
person types are folded alike."""

from __future__ import annotations

import re

# Only typography a copy-paste or a YAML editor may change; anything else is a
# difference in wording and must be reported.
_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
    }
)
_SPACE = re.compile(r"\s+")  # str patterns are Unicode: \s covers U+00A0
# The combining-mark blocks (diacritics, extended, supplement, for symbols, half marks): what
# decomposition leaves of an accent. One regex pass, so folding a whole file's text is quick.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalise(text: str) -> str:
    """Source and quotes alike: plain quotes and dashes, one space per whitespace run."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


def fold_for_search(text: str) -> str:
    """What search compares: ``normalise``, then accents removed and case folded.

    Accents go by canonical decomposition (é -> e + combining acute, the mark dropped), so
    "Ossificans" typed with or without marks, precomposed or not, is one word.
    """
    import unicodedata

    text = normalise(text)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.casefold()

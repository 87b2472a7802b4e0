"""Shown words against the source's words.

Two rules. Shown text (statements, headlines, titles) must be its quote word for word,
case aside, with only a closed set of punctuation edits, each reported for review.
A paraphrase (a glossary definition, the disclaimer) may only use the words of its
quotes, and must carry exactly their negations, hedges, quantifiers and numbers.
"""

from __future__ import annotations

import re

from fopinfo.folding import normalise

# A word: letters and digits, joined by an inner apostrophe or hyphen ("can't",
# "turned-in", "type-1"); "ALK2/ACVR1" is two words.
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def _split(text: str) -> tuple[list[str], list[str]]:
    """Words and the punctuation around them: gaps[i] comes before words[i]."""
    words: list[str] = []
    gaps: list[str] = []
    at = 0
    for m in _WORD.finditer(text):
        gaps.append(text[at : m.start()].replace(" ", ""))
        words.append(m.group())
        at = m.end()
    gaps.append(text[at:].replace(" ", ""))
    return words, gaps


def _context(words: list[str], lo: int, hi: int) -> str:
    return " ".join(words[lo:hi])


def compare(shown: str, quote: str) -> tuple[list[str], list[str]]:
    """Problems (changes of wording) and recognised edits of ``shown`` against ``quote``."""
    if shown == quote:  # the common case, and by far the cheapest
        return [], []
    s_words, s_gaps = _split(normalise(shown))
    q_words, q_gaps = _split(normalise(quote))
    if [w.casefold() for w in s_words] != [w.casefold() for w in q_words]:
        # Report the differing middle: common head and tail trimmed, linear.
        head = 0
        limit = min(len(s_words), len(q_words))
        while head < limit and s_words[head].casefold() == q_words[head].casefold():
            head += 1
        tail = 0
        while (
            tail < limit - head
            and s_words[len(s_words) - 1 - tail].casefold() == q_words[len(q_words) - 1 - tail].casefold()
        ):
            tail += 1
        said = _context(s_words, head, len(s_words) - tail)
        printed = _context(q_words, head, len(q_words) - tail)
        if head + tail == len(s_words):
            return [f"leaves out '{printed}', which the source says"], []
        if head + tail == len(q_words):
            return [f"adds '{said}', which the source does not say"], []
        return [f"says '{said}' where the source says '{printed}'"], []
    problems: list[str] = []
    edits: list[str] = []
    n = len(q_words)
    for i in range(n + 1):  # gap i comes before word i; gap n ends the text
        s_gap, q_gap = s_gaps[i], q_gaps[i]
        recased = i < n and s_words[i] != q_words[i]
        if s_gap != q_gap:
            after = f"after '{q_words[i - 1]}'" if i else "at the start"
            joined = q_gap.endswith(".") and s_gap == q_gap[:-1] + ","
            if 0 < i < n and joined and recased and s_words[i] == q_words[i].lower():
                edits.append(f"sentences joined: '{q_gap} {q_words[i]}' shown as '{s_gap} {s_words[i]}'")
                continue
            if 0 < i < n and q_gap == "," and not s_gap:
                edits.append(f"comma dropped {after}")
            elif i == n and n and {s_gap, q_gap} <= {"", "."}:
                edits.append(f"final period {'added' if s_gap else 'dropped'}")
            else:
                problems.append(f"punctuation '{q_gap}' {after} shown as '{s_gap}'")
        if recased:
            edits.append(f"case changed: '{q_words[i]}' shown as '{s_words[i]}'")
    return problems, edits


# ---------------------------------------------------------------- paraphrase rules

# Words that carry no claim of their own; any other word must come from the quotes.
# Prepositions and conjunctions that reverse a claim ("without", "nor") are negations below.
GLUE = frozenset(
    "a an the is are was it its this that these those they them their which who of in for to as by with from "
    "and or on at".split()
)
NEGATIONS = frozenset(
    "not no never none nothing nobody neither nor without cannot can't don't doesn't isn't aren't won't "
    "wasn't weren't didn't hasn't haven't shouldn't wouldn't couldn't".split()
)
HEDGES = frozenset(
    "may might can could would should will must shall often usually sometimes rarely seldom potentially "
    "possibly probably likely unlikely perhaps around about approximately roughly nearly almost just only "
    "commonly generally typically always currently primarily mainly mostly frequently occasionally "
    "certainly definitely".split()
)
QUANTIFIERS = frozenset(
    "all every each any some most many few several both either majority minority more less fewer much "
    "over under half third quarter one two three four five six seven eight nine ten eleven twelve "
    "twenty hundred thousand million billion dozen single".split()
)
_DIGITS = re.compile(r"\d+")


def sensitive(text: str) -> set[str]:
    """The words that change a claim's force: negations, hedges, quantifiers, numbers."""
    out: set[str] = set()
    for word in _WORD.findall(normalise(text)):
        lower = word.casefold()
        if lower in NEGATIONS or lower in HEDGES or lower in QUANTIFIERS:
            out.add(lower)
        out.update(_DIGITS.findall(word))
    return out


def stem(word: str) -> str:
    """A crude stem, so "occurs" and "occur", "inherited" and "inheriting" compare equal."""
    w = word.casefold()
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ies", "ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    # "discovery" and "discovered", "produce" and "produced": one stem.
    return w[:-1] if len(w) > 4 and w[-1] in "ey" else w


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalise(text)) if w.casefold() not in GLUE]


def paraphrase(shown: str, quotes: list[str], names: list[str], allowed: set[str]) -> list[str]:
    """Problems of a paraphrase ``shown`` against the passages it draws on."""
    said = " ".join(quotes)
    vocabulary = {stem(w) for w in content_words(" ".join([said, *names]))}
    allowed_stems = {stem(w) for w in allowed}
    problems: list[str] = []
    seen: set[str] = set()
    for word in content_words(shown):
        key = stem(word)
        if sensitive(word):  # compared as a set below, so reported once
            continue
        if key in vocabulary or key in allowed_stems or key in seen:
            continue
        seen.add(key)
        problems.append(f"'{word}' is not in its quote")
    mine, theirs = sensitive(shown) - sensitive(" ".join(allowed)), sensitive(said)
    extra, missing = sorted(mine - theirs), sorted(theirs - mine)
    if extra:
        problems.append(f"adds {', '.join(repr(w) for w in extra)}, which its quote does not say")
    if missing:
        problems.append(f"drops {', '.join(repr(w) for w in missing)}, which its quote says")
    return problems

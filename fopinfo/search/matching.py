"""Which entries hold which of a query's word forms, and how often, field by field.

Only entries whose folded text contains a form's prefix key are read word by word, so a
search reads the whole file once as text and only its candidates as words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from fopinfo.search.entries import Entry
from fopinfo.search.words import fold, prefix_key, stems, stems_starting, tokens


class Index(NamedTuple):
    entries: tuple[Entry, ...]
    folded: tuple[tuple[tuple[str, ...], ...], ...]  # entry -> field -> its texts, folded
    lengths: tuple[tuple[int, ...], ...]  # entry -> field -> length in words
    averages: dict[str, float]  # field name -> average length where present
    text: str  # every folded text, entry after entry, separated by NUL
    starts: list[int]  # where each entry's texts begin in ``text``


_GAP = "\x00"  # not whitespace: folding keeps it, and no word runs across it


def build_index(entries: tuple[Entry, ...]) -> Index:
    """Fold every text once, in one pass over the whole file's text."""
    raw = [t for entry in entries for field in entry.fields for t in field.texts]
    flat = fold(_GAP.join(t.replace(_GAP, " ") for t in raw)).split(_GAP)
    texts = iter(t.strip() for t in flat)
    folded = tuple(tuple(tuple(next(texts) for _ in field.texts) for field in entry.fields) for entry in entries)
    lengths = tuple(tuple(sum(t.count(" ") + 1 for t in texts if t) for texts in fields) for fields in folded)
    sums: dict[str, list[int]] = {}
    for entry, sizes in zip(entries, lengths, strict=True):
        for field, size in zip(entry.fields, sizes, strict=True):
            total = sums.setdefault(field.name, [0, 0])
            total[0] += size
            total[1] += 1
    averages = {name: (total / count if count else 1.0) or 1.0 for name, (total, count) in sums.items()}
    starts: list[int] = []
    at = 0
    for fields in folded:
        starts.append(at)
        at += sum(len(t) + 1 for texts in fields for t in texts)
    text = _GAP.join(t for fields in folded for texts in fields for t in texts) + _GAP
    return Index(entries, folded, lengths, averages, text, starts)


def _holding(index: Index, key: str) -> set[int]:
    """The entries whose folded text contains key: one find per such entry, then on to the next entry."""
    found: set[int] = set()
    text, starts, last = index.text, index.starts, len(index.starts) - 1
    at = text.find(key)
    while at != -1:
        number = bisect_right(starts, at) - 1
        found.add(number)
        if number == last:
            break
        at = text.find(key, starts[number + 1])
    return found


Counts = dict[tuple[str, ...], tuple[int, ...]]  # word form (stems) -> occurrences per field


def count_forms(index: Index, forms: Iterable[tuple[str, ...]]) -> dict[int, Counts]:
    """For each entry that holds at least one form: its occurrences of every form, per field."""
    wanted = [f for f in set(forms) if f]
    holding: dict[str, set[int]] = {}
    candidates: dict[int, list[tuple[str, ...]]] = {}
    for form in wanted:
        keys = [prefix_key(s) for s in form]
        for key in keys:
            if key not in holding:
                holding[key] = _holding(index, key)
        for number in set.intersection(*(holding[k] for k in keys)):
            candidates.setdefault(number, []).append(form)
    starts = tuple({prefix_key(s) for form in wanted for s in form})
    found: dict[int, Counts] = {}
    for number in sorted(candidates):
        possible = candidates[number]
        fields = index.folded[number]
        counts: Counts = {}
        for place, texts in enumerate(fields):
            for text in texts:
                words = stems_starting(tokens(text), starts)
                for form in possible:
                    n = _occurrences(words, form)
                    if n:
                        per_field = list(counts.get(form, (0,) * len(fields)))
                        per_field[place] += n
                        counts[form] = tuple(per_field)
        if counts:
            found[number] = counts
    return found


def _occurrences(words: list[str | None], form: tuple[str, ...]) -> int:
    if len(form) == 1:
        return words.count(form[0])
    size = len(form)
    return sum(1 for i in range(len(words) - size + 1) if tuple(words[i : i + size]) == form)


def near(index: Index, number: int, first: str, second: str, gap: int) -> bool:
    """Whether the entry has ``second`` exactly ``gap`` words after ``first`` in one of its texts."""
    for texts in index.folded[number]:
        for text in texts:
            words = stems(tokens(text))
            if any(w == first and i + gap < len(words) and words[i + gap] == second for i, w in enumerate(words)):
                return True
    return False


def name_forms(index: Index, number: int) -> set[tuple[str, ...]]:
    """The word forms of an entry's names (a term and its aliases, a headline), each whole."""
    entry = index.entries[number]
    return {
        tuple(stems(tokens(text)))
        for field, texts in zip(entry.fields, index.folded[number], strict=True)
        if field.name == "name"
        for text in texts
    }

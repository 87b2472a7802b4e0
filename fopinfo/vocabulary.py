"""Validation of the knowledge file's `people_words`: fopinfo's search vocabulary, everyday
words mapped to words the source uses ("jab" -> "injection"). Words to words, never claims.

Here: the shape (each entry a non-empty list of words and of targets, no word in two entries).
That every target occurs in the file's text is checked by `fopinfo check`, which can afford
the search engine's tokenizer; loading never imports it.
"""

from __future__ import annotations

from typing import Any

from fopinfo.model import PeopleWord
from fopinfo.validator import Validator, brief

Path = tuple[str | int, ...]


def people_words(v: Validator, value: Any) -> tuple[PeopleWord, ...]:
    if value is None:
        return ()
    path: Path = ("people_words",)
    if not isinstance(value, list):
        v.problem(path, "must be a list of entries, each with words and targets")
        return ()
    table: list[PeopleWord] = []
    owner: dict[str, int] = {}
    for i, item in enumerate(value):
        entry_path = (*path, i)
        d = v.mapping(item, entry_path, ("words", "targets"))
        if d is None:
            continue
        words = v.strings(d, "words", entry_path, names=True)
        targets = v.strings(d, "targets", entry_path, names=True)
        for key, got in (("words", words), ("targets", targets)):
            if not got and isinstance(d.get(key), list):
                v.problem((*entry_path, key), "is empty: give at least one word or phrase")
        for j, word in enumerate(words):
            folded = " ".join(word.casefold().split())
            if folded in owner and owner[folded] != i:
                v.problem((*entry_path, "words", j), f"'{brief(word)}' is already in people_words[{owner[folded]}]")
            owner.setdefault(folded, i)
        if words and targets:
            table.append(PeopleWord(words, targets))
    return tuple(table)

"""What a shell's Tab may offer for a knowledge file: the names topics and terms answer to, and
the sources' numbers, each with the text that describes it.

One source of truth: ``query`` resolves names from these spellings and the CLI's completion
offers them (``fopinfo.completion``); ``of`` gives them in the compiled form the start-up fast
path reads, computed by the same function for the bundled file at wheel build time
(``hatch_build.py``) and for a ``--data`` file when the opt-in cache keeps its entry
(``fopinfo.cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from fopinfo.model import Knowledge, Section, Subject, Term

T = TypeVar("T")


def topic_spellings(k: Knowledge) -> Iterator[tuple[str, Section | Subject]]:
    """Every name a topic answers to, as written: section ids, titles, aliases, subject ids."""
    for section in k.sections:
        for name in (section.id, section.title, *section.aliases):
            yield name, section
    for subject in k.subjects:
        yield subject.id, subject


def term_spellings(k: Knowledge) -> Iterator[tuple[str, Term]]:
    for term in k.glossary:
        for name in (term.id, term.term, *term.aliases):
            yield name, term


def of(k: Knowledge) -> dict[str, Any]:
    """The candidates as plain values: for topics and terms, each owner's (description, names) in the
    spellings' order; for sources, (number, text)."""
    return {
        "topics": _owners(topic_spellings(k), lambda topic: topic.title),
        "terms": _owners(term_spellings(k), lambda term: term.term),
        "sources": [(str(s.number), s.text or "") for s in k.sources],
    }


def _owners(spellings: Iterable[tuple[str, T]], describe: Callable[[T], str]) -> list[tuple[str, tuple[str, ...]]]:
    grouped: dict[int, tuple[T, list[str]]] = {}
    for name, owner in spellings:
        grouped.setdefault(id(owner), (owner, []))[1].append(name)
    return [(describe(owner), tuple(names)) for owner, names in grouped.values()]

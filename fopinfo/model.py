"""The knowledge model: what a validated knowledge file holds, as immutable records.

NamedTuples rather than dataclasses: class creation is several times cheaper, and
every command pays for it at start-up.
"""

from collections.abc import Iterator
from typing import NamedTuple

from fopinfo.errors import BadKnowledgeFile


class Statement(NamedTuple):
    id: str
    text: str
    quote: str | None
    cites: tuple[int, ...]
    subjects: tuple[str, ...]
    section_id: str
    fact_id: str | None = None
    aim: bool = False


class Fact(NamedTuple):
    id: str
    number: int
    headline: str
    quote: str | None
    statements: tuple[Statement, ...]


class Section(NamedTuple):
    id: str
    title: str
    quote: str | None
    aliases: tuple[str, ...]
    statements: tuple[Statement, ...]
    facts: tuple[Fact, ...]

    def all_statements(self) -> Iterator[Statement]:
        yield from self.statements
        for fact in self.facts:
            yield from fact.statements


class Source(NamedTuple):
    number: int
    text: str | None  # None: numbered by the source, not reproduced in its copy


class Subject(NamedTuple):
    id: str
    title: str


class Term(NamedTuple):
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str | None  # None: the source uses the term but does not explain it
    quote: str | None
    cites: tuple[int, ...]


class RelatedPage(NamedTuple):
    label: str
    section: str


class Origin(NamedTuple):
    title: str
    publisher: str
    reference: str
    date: str
    audience: str
    disclaimer: str
    quotes: dict[str, str]
    left_out: tuple[str, ...]
    related_pages: tuple[RelatedPage, ...]


class Knowledge(NamedTuple):
    origin: Origin
    sources: tuple[Source, ...]
    subjects: tuple[Subject, ...]
    sections: tuple[Section, ...]
    glossary: tuple[Term, ...]

    def statements(self) -> Iterator[Statement]:
        for section in self.sections:
            yield from section.all_statements()

    def facts(self) -> Iterator[Fact]:
        for section in self.sections:
            yield from section.facts

    def counts(self) -> dict[str, int]:
        return {
            "sections": len(self.sections),
            "facts": sum(1 for _ in self.facts()),
            "statements": sum(1 for _ in self.statements()),
            "sources": len(self.sources),
            "terms": len(self.glossary),
        }

    def section(self, section_id: str) -> Section:
        """The section with this id, by index: views ask once per statement."""
        return _index(self).sections[section_id]

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id, by index."""
        return _index(self).facts[fact_id]

    def source_range(self) -> str:
        numbers = [s.number for s in self.sources]
        if not numbers:
            return "none"
        lo, hi = min(numbers), max(numbers)
        return f"{lo}–{hi}" if len(numbers) == hi - lo + 1 else ", ".join(map(str, numbers))


class _Index(NamedTuple):
    knowledge: Knowledge
    sections: dict[str, Section]
    facts: dict[str, Fact]


_last_index: list[_Index] = []  # one entry: a run loads one Knowledge; a tuple has no room for a cache


def _index(k: Knowledge) -> _Index:
    if not _last_index or _last_index[0].knowledge is not k:
        facts = {f.id: f for s in k.sections for f in s.facts}
        _last_index[:] = [_Index(k, {s.id: s for s in k.sections}, facts)]
    return _last_index[0]


class Problem(NamedTuple):
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}"


class InvalidKnowledge(BadKnowledgeFile):
    """A file that parsed as YAML but does not have the knowledge file's shape."""

    def __init__(self, label: str, problems: list[Problem]) -> None:
        count = len(problems)
        more = f" (and {count - 1} more; run 'fopinfo check {label}')" if count > 1 else ""
        super().__init__(f"invalid knowledge file {label}: {problems[0]}{more}")
        self.problems = problems


def name_key(name: str) -> str:
    """How names are compared: composed Unicode (é typed two ways is one é), case-insensitive."""
    import unicodedata

    return unicodedata.normalize("NFC", name.strip()).casefold()

"""Pure questions asked of a Knowledge model: no printing, no I/O."""

import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple, TypeVar

from fopinfo.errors import NothingFound, UsageProblem
from fopinfo.model import Knowledge, Section, Source, Statement, Subject, Term, name_key

T = TypeVar("T")


def _resolve(name: str, names: dict[str, T], what: str, listing: list[str]) -> T:
    """Exact name first (case-insensitive), then a unique prefix; else 'did you mean'."""
    key = name_key(name)
    if not key:
        raise UsageProblem(f"no {what} name given", (f"{what}s: {', '.join(listing)}",))
    if key in names:
        return names[key]
    owners: dict[int, T] = {}
    matched: dict[int, str] = {}
    for candidate, owner in names.items():
        if candidate.startswith(key):
            owners.setdefault(id(owner), owner)
            matched.setdefault(id(owner), candidate)
    if len(owners) == 1:
        return next(iter(owners.values()))
    if owners:
        options = ", ".join(sorted(matched.values()))
        raise UsageProblem(
            f"'{name}' matches more than one {what}",
            (f"did you mean: {options}?", f"{what}s: {', '.join(listing)}"),
        )
    import difflib

    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
    hints = (f"did you mean: {', '.join(close)}?",) if close else ()
    raise UsageProblem(f"no {what} named '{name}'", (*hints, f"{what}s: {', '.join(listing)}"))


def topic_names(k: Knowledge) -> dict[str, Section | Subject]:
    """Every name a topic answers to (casefolded): section ids, titles, aliases, subjects."""
    names: dict[str, Section | Subject] = {}
    for section in k.sections:
        for name in (section.id, section.title, *section.aliases):
            names.setdefault(name_key(name), section)
    for subject in k.subjects:
        names.setdefault(name_key(subject.id), subject)
    return names


def resolve_topic(k: Knowledge, name: str) -> Section | Subject:
    listing = [s.id for s in k.sections] + [s.id for s in k.subjects]
    return _resolve(name, topic_names(k), "topic", listing)


def resolve_topics(k: Knowledge, names: list[str]) -> list[Section | Subject]:
    """Several topics, in the order given, each once (`--topic causes --topic cause`)."""
    chosen: list[Section | Subject] = []
    for name in names:
        topic = resolve_topic(k, name)
        if not any(topic is seen for seen in chosen):
            chosen.append(topic)
    return chosen


def statements_of(k: Knowledge, topic: Section | Subject) -> list[Statement]:
    return list(topic.all_statements()) if isinstance(topic, Section) else about_subject(k, topic)


def term_names(k: Knowledge) -> dict[str, Term]:
    names: dict[str, Term] = {}
    for term in k.glossary:
        for name in (term.id, term.term, *term.aliases):
            names.setdefault(name_key(name), term)
    return names


def resolve_term(k: Knowledge, name: str) -> Term:
    return _resolve(name, term_names(k), "term", [t.term for t in k.glossary])


def about_subject(k: Knowledge, subject: Subject) -> list[Statement]:
    return [s for s in k.statements() if subject.id in s.subjects]


def parse_source_number(k: Knowledge, raw: str) -> Source:
    valid = f"this knowledge file numbers its sources {k.source_range()}"
    text = raw.strip()
    if not (text.isascii() and text.isdigit()):
        raise UsageProblem(f"'{raw}' is not a source number; {valid}")
    if len(text) > 18:  # no source has such a number, and int() refuses past 4,300 digits
        raise UsageProblem(f"there is no source {text[:18]}…; {valid}")
    number = int(text)
    for source in k.sources:
        if source.number == number:
            return source
    raise UsageProblem(f"there is no source {number}; {valid}")


def citing(k: Knowledge, number: int) -> list[Statement]:
    return [s for s in k.statements() if number in s.cites]


def cite_counts(k: Knowledge) -> Counter[int]:
    counts: Counter[int] = Counter()
    for statement in k.statements():
        counts.update(statement.cites)
    return counts


def term_usages(k: Knowledge, term: Term) -> list[Statement]:
    """Statements whose text uses the term or one of its aliases (whole words)."""
    words = sorted((term.term, *term.aliases), key=len, reverse=True)
    # Not \b: a term may begin or end with punctuation ("ALK2/ACVR1", "flare-up").
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)
    return [s for s in k.statements() if pattern.search(_shown(s))]


def _shown(s: Statement) -> str:
    """A statement as users read it: the text, then a lead's list items."""
    return " ".join((s.text, *(f"• {item}" for item in s.items)))


class Hit(NamedTuple):
    kind: str  # "statement" | "headline" | "term"
    text: str
    section_id: str | None
    fact_id: str | None
    item_id: str
    cites: tuple[int, ...]
    statement: Statement | None = None


class SearchResult(NamedTuple):
    query: str
    hits: list[Hit]
    total: int


def _searchable(k: Knowledge) -> Iterator[Hit]:
    for section in k.sections:
        for statement in section.statements:
            yield Hit("statement", statement.text, section.id, None, statement.id, statement.cites, statement)
        for fact in section.facts:
            yield Hit("headline", fact.headline, section.id, fact.id, fact.id, ())
            for statement in fact.statements:
                yield Hit("statement", statement.text, section.id, fact.id, statement.id, statement.cites, statement)
    for term in k.glossary:
        yield Hit(
            "term", f"{term.term}: {term.definition}" if term.definition else term.term, None, None, term.id, term.cites
        )


def search(k: Knowledge, query: str, limit: int = 20) -> SearchResult:
    """Case-insensitive substring search over statements, fact headlines and the glossary."""
    needle = query.strip().casefold()
    if not needle:
        raise UsageProblem("the search query is empty")
    if limit < 0:
        raise UsageProblem(f"--limit must be 0 (all) or more, not {limit}")
    hits: list[Hit] = []
    total = 0
    for hit in _searchable(k):
        if needle in (_shown(hit.statement) if hit.statement else hit.text).casefold():
            total += 1
            if not limit or total <= limit:
                hits.append(hit)
    if not total:
        raise NothingFound(f"nothing matches '{query.strip()}'")
    return SearchResult(query.strip(), hits, total)

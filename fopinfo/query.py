"""Pure questions asked of a Knowledge model, each answered once as a typed answer.

No printing, no I/O. Names resolve here, and completion offers the same names.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from fopinfo.answers import (
    Approved,
    Card,
    Cited,
    Definition,
    FactList,
    Fields,
    Found,
    Handout,
    Hit,
    SectionPage,
    Sheet,
    SourceList,
    SubjectPage,
    Topic,
    Updates,
)
from fopinfo.candidates import term_spellings as term_spellings
from fopinfo.candidates import topic_spellings as topic_spellings
from fopinfo.errors import NothingFound, UsageProblem
from fopinfo.model import BoxedWarning, Group, Knowledge, Note, Section, Source, Statement, Subject, Term, name_key

#: What a one-page sheet shows of fopinfo's notes: where a medicine stands (and unclassified notes,
#: whose kind is unknown); trial results, guidelines, listings and label changes are in `fopinfo updates`.
SHEET_KINDS = ("approval", "refusal", "safety-warning", None)

T = TypeVar("T")


# ---------------------------------------------------------------- names


def _resolve(
    name: str, spellings: list[tuple[str, T]], what: str, listing: list[str], primary: Callable[[T], str]
) -> T:
    """An exact name or alias first (case-insensitive), then a unique prefix; else 'did you mean'.

    A prefix ends inside a word: a query that is a whole word of a longer name ("bone" of
    "Bone Morphogenetic Proteins") is not that name, and is suggested instead.
    """
    key = name_key(name)
    if not key:
        raise UsageProblem(f"no {what} name given", (f"{what}s: {', '.join(listing)}",))
    names = _by_key(spellings)
    if key in names:
        return names[key]
    owners: dict[int, T] = {}
    matched: dict[int, str] = {}
    for candidate, owner in names.items():
        if (
            candidate.startswith(key) and candidate[len(key)].isalnum()
        ):  # "treat" of "treatment", not "bone" of "bone …"
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
    import re

    whole_word = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    suggested: dict[int, str] = {}
    # Names that start with the word first ("fop facts" before "what is fop?"), then the others; three at most.
    for written, owner in sorted(spellings, key=lambda spelling: not name_key(spelling[0]).startswith(key)):
        if whole_word.search(name_key(written)) and id(owner) not in suggested and len(suggested) < 3:
            main = primary(owner)
            suggested[id(owner)] = main if whole_word.search(name_key(main)) else f"{main} ({written})"
    close = [
        candidate
        for candidate in difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
        if id(names[candidate]) not in suggested
    ]
    shown = [*suggested.values(), *close]
    hints = (f"did you mean: {', '.join(shown)}?",) if shown else ()
    if not shown and what == "term":  # a word the glossary lacks may still be in the text ("ankylosis")
        from fopinfo.bash_words import shell_word

        hints = (f"to look for it in the text: fopinfo search {' '.join(map(shell_word, name.split()))}",)
    raise UsageProblem(f"no {what} named '{name}'", (*hints, f"{what}s: {', '.join(listing)}"))


def _by_key(spellings: Iterable[tuple[str, T]]) -> dict[str, T]:
    names: dict[str, T] = {}
    for name, owner in spellings:
        names.setdefault(name_key(name), owner)
    return names


def completions(
    spellings: Iterable[tuple[str, T]], typed: str, usable: Callable[[str], bool] = lambda name: True
) -> list[tuple[str, T]]:
    """One name per topic or term that starts with what was typed (compared as names resolve).

    Of an owner's matching (and usable) names, the one offered has no spaces if it can (an id,
    typed without quoting), then keeps the case typed, then comes first as written. It is
    written starting with exactly what was typed, as shells offer only names that do
    ("ho" offers "ho" for "HO"), and it still resolves to its owner: its key is the name's.
    """
    key = name_key(typed)
    best: dict[int, tuple[tuple[bool, bool], str, T]] = {}  # by owner: (rank, offered name, owner)
    for name, owner in spellings:
        offered = _as_typed(name, typed) if name_key(name).startswith(key) and usable(name) else None
        if offered is None:
            continue
        rank = (any(c.isspace() for c in name), not name.startswith(typed))
        if id(owner) not in best or rank < best[id(owner)][0]:
            best[id(owner)] = (rank, offered, owner)
    offers: dict[str, T] = {}
    for _, offered, owner in best.values():
        offers.setdefault(offered, owner)
    return list(offers.items())


def _as_typed(name: str, typed: str) -> str | None:
    """The name written from exactly what was typed on, if it then still has the name's key."""
    if name.startswith(typed):
        return name
    rest = name[len(typed) :]
    offered = typed + (rest.lower() if typed.islower() else rest)
    return offered if name_key(offered) == name_key(name) else None


def resolve_topic(k: Knowledge, name: str) -> Section | Subject:
    listing = [s.id for s in k.sections] + [s.id for s in k.subjects]
    return _resolve(name, list(topic_spellings(k)), "topic", listing, lambda topic: topic.id)


def resolve_term(k: Knowledge, name: str) -> Term:
    return _resolve(name, list(term_spellings(k)), "term", [t.term for t in k.glossary], lambda term: term.term)


def resolve_sources(k: Knowledge, raw: str) -> list[Source]:
    """Source numbers as typed or as markers print them: "5", "[5]", "1,4", "[1,4]"; each once, in order."""
    text = raw.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    found: list[Source] = []
    for part in text.split(",") if text else [text]:
        source = resolve_source(k, part if part.strip() else raw)
        if source not in found:
            found.append(source)
    return found


def resolve_source(k: Knowledge, raw: str) -> Source:
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


# ---------------------------------------------------------------- answers


def facts(k: Knowledge, quotes: bool = False) -> FactList:
    return FactList(k, tuple(k.facts()), quotes)


def topic(k: Knowledge, name: str, quotes: bool = False) -> Topic:
    return _topic(k, resolve_topic(k, name), quotes)


def _topic(k: Knowledge, found: Section | Subject, quotes: bool) -> Topic:
    if isinstance(found, Section):
        return SectionPage(k, found, quotes)
    return SubjectPage(k, found, tuple(s for s in k.statements() if found.id in s.subjects), quotes)


def cite(k: Knowledge, numbers: str, quotes: bool = False) -> Cited:
    """Source N, or each of several ("1,4"), with every statement that cites it."""
    each = [
        Cited(k, source, tuple(s for s in k.statements() if source.number in s.cites), quotes)
        for source in resolve_sources(k, numbers)
    ]
    return each[0]._replace(more=tuple(each[1:]))


def _count_cites(statements: Iterable[Statement]) -> dict[int, int]:
    counts: Counter[int] = Counter()
    for statement in statements:
        counts.update(statement.cites)
    return dict(counts)


def sources(k: Knowledge) -> SourceList:
    return SourceList(k, _count_cites(k.statements()))


def _shown(s: Statement) -> str:
    """A statement as users read it: the text, then a lead's list items."""
    return " ".join((s.text, *(f"• {item}" for item in s.items)))


def define(k: Knowledge, name: str, quotes: bool = False) -> Definition:
    term = resolve_term(k, name)
    return Definition(k, term, tuple(term_usages(k, [term])[term.id]), quotes)


def _tokens(text: str) -> list[str]:
    import re

    return [t.casefold() for t in re.findall(r"\w+|[^\w\s]", text)]


_FEW_TERMS = 8  # past this many names, tokenising every statement once is cheaper


def term_usages(k: Knowledge, terms: list[Term]) -> dict[str, list[Statement]]:
    """For each term, the statements whose words use it or an alias (whole words).

    One pass over the statements whatever the number of terms: each name is a run of
    tokens looked up in a table, so a word or punctuation ("ALK2/ACVR1", "flare-up")
    is matched whole, never inside a longer word.
    """
    table: dict[tuple[str, ...], list[str]] = {}
    for term in terms:
        for name in (term.term, *term.aliases):
            owners = table.setdefault(tuple(_tokens(name)), [])
            if term.id not in owners:
                owners.append(term.id)
    longest = max((len(name) for name in table), default=0)
    # A name's first token is in the casefolded text wherever the name is used, so a cheap
    # substring test skips the tokenising of most statements when few terms are asked for.
    firsts = {name[0] for name in table if name} if len(terms) <= _FEW_TERMS else None
    found: dict[str, list[Statement]] = {t.id: [] for t in terms}
    for statement in k.statements():
        shown = _shown(statement)
        if firsts is not None:
            folded = shown.casefold()
            if not any(first in folded for first in firsts):
                continue
        tokens = _tokens(shown)
        used: set[str] = set()
        for i in range(len(tokens)):
            for n in range(1, min(longest, len(tokens) - i) + 1):
                used.update(table.get(tuple(tokens[i : i + n]), ()))
        for term_id in used:
            found[term_id].append(statement)
    return found


def _searchable(k: Knowledge) -> Iterator[Hit]:
    for section in k.sections:
        for statement in section.statements:
            yield Hit("statement", statement.text, section.id, None, statement.id, statement.cites, statement)
        for fact in section.facts:
            yield Hit("headline", fact.headline, section.id, fact.id, fact.id, ())
            for statement in fact.statements:
                yield Hit("statement", statement.text, section.id, fact.id, statement.id, statement.cites, statement)
    for term in k.glossary:
        text = f"{term.term}: {term.definition}" if term.definition else term.term
        yield Hit("term", text, None, None, term.id, term.cites, term=term)
    for note in k.developments.notes if k.developments else ():
        yield Hit("note", f"{note.title}: {note.text}", None, None, note.id, (), note=note)
    for pointer in k.guidance:
        yield Hit("guidance", f"{pointer.title}: {pointer.covers}", None, None, pointer.id, (), guidance=pointer)


def search(k: Knowledge, words: Sequence[str], limit: int = 20, quotes: bool = False) -> Found:
    """The statements, headlines, terms, notes and guidance pointers that answer the words typed, best first.

    Ranked by fopinfo.search (imported here, so only `search` pays for it); nothing found is
    an answer too (total 0), with did-you-mean suggestions: the CLI decides how to report it.
    """
    from fopinfo import search as engine
    from fopinfo.safe_text import clean

    if not " ".join(words).strip():
        raise UsageProblem("the search query is empty", ("give a word or a few, e.g. fopinfo search injection",))
    outcome = engine.search(engine.index_knowledge(k), words, k.people_words, limit or None)
    by_key = {(h.kind, h.item_id): h for h in _searchable(k)}
    hits = []
    for result in outcome.results:
        hit = by_key[(result.kind, result.id)]
        shown = clean(hit.text)  # what every view prints: spans index into it
        matched, missing = result.matched, result.missing
        if hit.term is not None and hit.term.quote and missing:
            matched, missing = _in_quote(hit.term.quote, matched, missing)
        hits.append(
            hit._replace(
                score=round(result.score, 4),
                matched=matched,
                missing=missing,
                reached=tuple((r.typed, r.targets) for r in result.reached),
                spans=tuple(engine.highlights(shown, result.terms)),
            )
        )
    return Found(
        k,
        outcome.query.strip(),
        tuple(hits),
        outcome.total,
        quotes,
        outcome.words,
        outcome.ignored,
        outcome.common,
        outcome.unused,
        outcome.suggestions,
        outcome.corrected,
    )


def _in_quote(
    quote: str, matched: tuple[str, ...], missing: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A term's result shows the source's sentence under its definition: a typed word in that
    sentence is not "missing" from what the reader sees ("born with fop" under congenital)."""
    from fopinfo.search.words import fold, stems, tokens

    shown = set(stems(tokens(fold(quote))))
    found = tuple(w for w in missing if set(stems(tokens(fold(w)))) <= shown)
    return (*matched, *found), tuple(w for w in missing if w not in found)


def updates(k: Knowledge) -> Updates:
    notes = k.developments.notes if k.developments else ()
    return Updates(k, notes, standing(notes))


def standing(notes: Iterable[Note]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(kind, medicine, regions) for every approval and refusal noted: each medicine in the order of
    its first such note, its regions oldest first. So a reader sees at once what is approved where."""
    found: dict[tuple[str, str], list[str]] = {}
    for note in sorted(notes, key=lambda n: n.date):
        if note.kind in ("approval", "refusal") and note.medicine:
            regions = found.setdefault((note.kind, note.medicine), [])
            region = note.region or "no region stated"
            if region not in regions:
                regions.append(region)
    return tuple((kind, medicine, tuple(regions)) for (kind, medicine), regions in found.items())


def handout(k: Knowledge, names: list[str] | None = None) -> Handout:
    """The whole reference, or the named topics in the order given, each once."""
    if names:
        chosen: list[Section | Subject] = []
        for name in names:
            found = resolve_topic(k, name)
            if not any(found is seen for seen in chosen):
                chosen.append(found)
        topics = tuple(_topic(k, t, False) for t in chosen)
        held = {s.id: s for s in _held(topics)}  # a statement in two chosen topics counts once
        return Handout(k, topics, (), _count_cites(held.values()), True)
    topics = tuple(SectionPage(k, s, False) for s in k.sections)
    usages = term_usages(k, list(k.glossary))
    glossary = tuple(Definition(k, t, tuple(usages[t.id]), False) for t in k.glossary)
    return Handout(k, topics, glossary, _count_cites(k.statements()), False)


def _held(topics: Iterable[Topic]) -> Iterator[Statement]:
    for t in topics:
        yield from t.section.all_statements() if isinstance(t, SectionPage) else t.statements


# ---------------------------------------------------------------- hand-over: card and sheets

#: The most characters each fill-in holds, so a filled card still fits its 85.6 × 54 mm.
FIELD_LIMITS = {"name": 40, "contact": 40, "doctor": 40, "medicines": 40, "note": 40}
#: A sheet's heading for a place the file does not give (fopinfo's words), when it has something to show there.
DEFAULT_HEADINGS = {
    "guidance": "Written for you: where to read more",
    "medicines": "Medicines for FOP approved since the source",
}


def fields(
    name: str | None = None,
    contact: str | None = None,
    doctor: str | None = None,
    note: str | None = None,
    medicines: str | None = None,
) -> Fields:
    """Fill-in values as one line of plain text each (control characters removed); "" is a blank line."""
    from fopinfo.safe_text import clean

    values: dict[str, str | None] = {}
    given = (("name", name), ("contact", contact), ("doctor", doctor), ("medicines", medicines), ("note", note))
    for key, raw in given:
        value = " ".join(clean(raw).split()) if raw is not None else ""
        limit = FIELD_LIMITS[key]
        if len(value) > limit:
            raise UsageProblem(
                f"--{key} is {len(value)} characters; the card has room for {limit}",
                ("shorten it, or leave it out and write it by hand",),
            )
        values[key] = value or None
    return Fields(**values)


def approved(notes: Iterable[Note]) -> Approved:
    """Each medicine fopinfo's notes record as approved, with its regions oldest first and whether the
    label there carries a boxed warning (a note's warning). Refusals and other kinds are left out."""
    found: dict[str, dict[str, BoxedWarning | None]] = {}
    for note in sorted(notes, key=lambda n: n.date):
        if note.kind == "approval" and note.medicine:
            regions = found.setdefault(note.medicine, {})
            region = note.region or "no region stated"
            regions[region] = regions.get(region) or note.warning
    return tuple((medicine, tuple(regions.items())) for medicine, regions in found.items())


def card(k: Knowledge, filled: Fields) -> Card:
    chosen = k.handover.card if k.handover else None
    if chosen is None:
        raise NothingFound("this knowledge file chooses no statements for a card (handover.card)")
    return Card(k, chosen, filled, approved(k.developments.notes if k.developments else ()))


def sheet(k: Knowledge, audience: str, filled: Fields) -> Sheet:
    chosen = k.handover.sheets.get(audience) if k.handover else None
    if chosen is None:
        raise NothingFound(f"this knowledge file chooses no statements for a {audience} sheet (handover.sheets)")
    notes: dict[str, Note] = {}
    for statement in chosen.statements():
        for note in (*k.notes_on(statement.id), *k.notes_on(statement.section_id)):
            if note.kind in SHEET_KINDS:
                notes.setdefault(note.id, note)
    newest_first = tuple(sorted(notes.values(), key=lambda n: n.date, reverse=True))
    pointers = tuple(g for g in k.guidance if audience in g.audiences)
    medicines = approved(newest_first)
    # A place the file does not give, for something there is to show, goes last under fopinfo's default heading.
    places = {g.show for g in chosen.groups}
    extra = tuple(
        Group(DEFAULT_HEADINGS[block], (), block)
        for block, present in (("guidance", pointers), ("medicines", medicines))
        if present and block not in places
    )
    chosen = chosen._replace(groups=chosen.groups + extra)
    return Sheet(k, audience, chosen, newest_first, filled, pointers, standing(newest_first), medicines)

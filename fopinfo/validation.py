"""Validation: parsed YAML checked against the knowledge file's shape and rules, into the model.

Every problem is collected, each named by its path in the file
(``sections[2].statements[0].cites[1]``); loading adds the lines.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from fopinfo.developments import developments
from fopinfo.guidance import guidance
from fopinfo.handover import handover
from fopinfo.model import (
    LEFT_OUT_REASONS,
    Allowance,
    Fact,
    Knowledge,
    LeftOut,
    Origin,
    Problem,
    RelatedPage,
    Section,
    Source,
    Statement,
    Subject,
    Term,
    name_key,
)
from fopinfo.validator import Validator, brief, path_text
from fopinfo.vocabulary import people_words

SCHEMA = 2
# Schema 1 (no left-out reasons, no declared paraphrases or editorial aliases) still loads;
# its review records are not read, so every element is reported as unreviewed.
# Its notes may have no kind (shown as "unclassified"); `check` says how to migrate.
SCHEMAS = (1, 2)


def validate(data: Any) -> tuple[Knowledge | None, list[Problem]]:
    """Check parsed YAML against the knowledge file's shape and rules; build the model."""
    v = Validator()
    top = v.mapping(
        data,
        (),
        ("origin", "sources", "sections"),
        ("schema", "subjects", "glossary", "developments", "handover", "people_words", "guidance"),
    )
    if top is None:
        return None, v.problems
    schema = top.get("schema", SCHEMA)
    if type(schema) is not int or schema not in SCHEMAS:
        v.problem(("schema",), f"fopinfo reads schema {' or '.join(map(str, SCHEMAS))}, not {brief(schema)}")
        schema = SCHEMA
    elif schema < 2 and "people_words" in top:
        v.problem(("people_words",), "is a part of schema 2: set schema: 2 at the top of the file")

    origin = _origin(v, top.get("origin"), schema)
    sources = _sources(v, top)
    subjects = _subjects(v, top)
    sections = _sections(v, top)
    glossary = _glossary(v, top)

    known_subjects = {s.id for s in subjects}
    defined = {s.number for s in sources}
    cited: set[int] = set()
    statement_ids: dict[str, str] = {}
    by_id: dict[str, Statement] = {}
    for si, section in enumerate(sections):
        for statement, spath in _statement_paths(section, si):
            if statement.id in statement_ids:
                v.problem((*spath, "id"), f"duplicate statement id '{brief(statement.id)}'")
            statement_ids[statement.id] = path_text(spath)
            by_id.setdefault(statement.id, statement)
            for ci, n in enumerate(statement.cites):
                cited.add(n)
                if n not in defined:
                    v.problem((*spath, "cites", ci), f"source {n} is not defined")
            for ti, tag in enumerate(statement.subjects):
                if tag not in known_subjects:
                    v.problem((*spath, "subjects", ti), f"subject '{brief(tag)}' is not defined under subjects")
    for gi, term in enumerate(glossary):
        for ci, n in enumerate(term.cites):
            cited.add(n)
            if n not in defined:
                v.problem(("glossary", gi, "cites", ci), f"source {n} is not defined")
    for i, source in enumerate(sources):
        if source.number not in cited:
            v.problem(("sources", i), f"source {source.number} is not cited by any statement")

    if not sections and isinstance(top.get("sections"), list):
        v.problem(("sections",), "must list at least one section")
    _check_unique(v, "section id", [(("sections", i, "id"), s.id) for i, s in enumerate(sections)])
    _check_unique(v, "subject id", [(("subjects", i, "id"), s.id) for i, s in enumerate(subjects)])
    _check_unique(v, "term id", [(("glossary", i, "id"), t.id) for i, t in enumerate(glossary)])
    fact_ids = [
        (("sections", si, "facts", fi, "id"), f.id) for si, s in enumerate(sections) for fi, f in enumerate(s.facts)
    ]
    _check_unique(v, "fact id", fact_ids)
    _check_names(v, sections, subjects, glossary)
    if origin is not None:
        section_ids = {s.id for s in sections}
        for i, page in enumerate(origin.related_pages):
            if page.section not in section_ids:
                v.problem(("origin", "related_pages", i, "section"), f"section '{brief(page.section)}' is not defined")

    known_ids = set(statement_ids) | {s.id for s in sections}
    later = developments(v, top.get("developments"), origin.date if origin else "", known_ids, schema)
    chosen = handover(v, top.get("handover"), sections, by_id)
    vocabulary = people_words(v, top.get("people_words"))
    pointers = guidance(v, top.get("guidance"))

    if v.problems or origin is None:
        return None, v.problems
    parts = (tuple(sources), tuple(subjects), tuple(sections), tuple(glossary))
    k = Knowledge(origin, *parts, later, chosen, schema=schema, people_words=vocabulary, guidance=pointers)
    return k, []


def _check_unique(v: Validator, what: str, ids: Sequence[tuple[tuple[str | int, ...], str]]) -> None:
    seen: set[str] = set()
    for path, item in ids:
        if item in seen:
            v.problem(path, f"duplicate {what} '{brief(item)}'")
        seen.add(item)


def _check_names(v: Validator, sections: list[Section], subjects: list[Subject], glossary: list[Term]) -> None:
    """Topic names (section ids, titles, aliases, subject ids) share one namespace; so do terms."""
    owners: dict[str, str] = {}

    def claim(name: str, owner: str, path: tuple[str | int, ...]) -> None:
        key = name_key(name)
        if owners.setdefault(key, owner) != owner:
            v.problem(path, f"name '{brief(name)}' is claimed by both '{brief(owners[key])}' and '{brief(owner)}'")

    for i, section in enumerate(sections):
        claim(section.id, section.id, ("sections", i, "id"))
        claim(section.title, section.id, ("sections", i, "title"))
        for a, alias in enumerate(section.aliases):
            claim(alias, section.id, ("sections", i, "aliases", a))
    for i, subject in enumerate(subjects):
        claim(subject.id, subject.id, ("subjects", i, "id"))
    owners.clear()
    for i, term in enumerate(glossary):
        claim(term.id, term.id, ("glossary", i, "id"))
        claim(term.term, term.id, ("glossary", i, "term"))
        plain = len(term.aliases) - len(term.editorial_aliases)
        for a, alias in enumerate(term.aliases):
            where = ("aliases", a) if a < plain else ("editorial_aliases", a - plain)
            claim(alias, term.id, ("glossary", i, *where))


def _statement_paths(section: Section, si: int) -> Iterator[tuple[Statement, tuple[str | int, ...]]]:
    for i, statement in enumerate(section.statements):
        yield statement, ("sections", si, "statements", i)
    for fi, fact in enumerate(section.facts):
        for i, statement in enumerate(fact.statements):
            yield statement, ("sections", si, "facts", fi, "statements", i)


def _origin(v: Validator, value: Any, schema: int = SCHEMA) -> Origin | None:
    path: tuple[str | int, ...] = ("origin",)
    keys = ("title", "publisher", "reference", "date", "audience", "disclaimer")
    d = v.mapping(value, path, keys, ("quotes", "left_out", "related_pages", "source_sha256"))
    if d is None:
        return None
    fields = {key: v.string(d, key, path) or "" for key in keys}
    quotes: dict[str, str] = {}
    raw_quotes = d.get("quotes")
    raw_quotes = {} if raw_quotes is None else raw_quotes  # absent or null: none; false or [] is a problem
    q = v.mapping(raw_quotes, (*path, "quotes"), (), keys)
    for key in q or {}:
        text = v.string(q or {}, key, (*path, "quotes"))
        if text:
            quotes[key] = text
    pages = []
    for i, item in enumerate(v.sequence(d, "related_pages", path)):
        ppath = (*path, "related_pages", i)
        p = v.mapping(item, ppath, ("label", "section"))
        if p is not None:
            pages.append(RelatedPage(v.string(p, "label", ppath) or "", v.string(p, "section", ppath) or ""))
    return Origin(
        **fields,
        quotes=quotes,
        left_out=_left_out(v, d, path, schema),
        related_pages=tuple(pages),
        source_sha256=_sha256(v, d, path),
    )


def _left_out(v: Validator, d: dict[str, Any], path: tuple[str | int, ...], schema: int) -> tuple[LeftOut, ...]:
    """Schema 2: ``{line, reason}`` with a reason from the closed list; schema 1: plain lines."""
    out = []
    for i, item in enumerate(v.sequence(d, "left_out", path)):
        ipath = (*path, "left_out", i)
        if isinstance(item, str) and item.strip() and schema == 1:
            out.append(LeftOut(item.strip(), None))
            continue
        e = v.mapping(item, ipath, ("line", "reason"))
        if e is None:
            continue
        line, reason = v.string(e, "line", ipath), v.string(e, "reason", ipath)
        if reason is not None and reason not in LEFT_OUT_REASONS:
            v.problem((*ipath, "reason"), f"must be one of: {', '.join(LEFT_OUT_REASONS)}; not {brief(reason)}")
        if line is not None:
            out.append(LeftOut(line, reason if reason in LEFT_OUT_REASONS else None))
    return tuple(out)


def _sha256(v: Validator, d: dict[str, Any], path: tuple[str | int, ...]) -> str | None:
    value = v.string(d, "source_sha256", path, nullable=True)
    if value is not None and (len(value) != 64 or value.strip("0123456789abcdef")):
        v.problem((*path, "source_sha256"), "must be 64 lower-case hexadecimal digits")
        return None
    return value


def _sources(v: Validator, top: dict[str, Any]) -> list[Source]:
    out: list[Source] = []
    seen: set[int] = set()
    for i, item in enumerate(v.sequence(top, "sources", ())):
        path: tuple[str | int, ...] = ("sources", i)
        d = v.mapping(item, path, ("number",), ("text",))
        if d is None:
            continue
        number = d.get("number")
        if type(number) is not int or number < 1:
            v.problem((*path, "number"), f"must be a positive integer, not {brief(number)}")
            continue
        if number in seen:
            v.problem((*path, "number"), f"source {number} is defined twice")
        seen.add(number)
        out.append(Source(number, v.string(d, "text", path, nullable=True)))
    return out


def _subjects(v: Validator, top: dict[str, Any]) -> list[Subject]:
    out = []
    for i, item in enumerate(v.sequence(top, "subjects", ())):
        path: tuple[str | int, ...] = ("subjects", i)
        d = v.mapping(item, path, ("id", "title"))
        if d is not None:
            out.append(Subject(v.string(d, "id", path, name=True) or "", v.string(d, "title", path, name=True) or ""))
    return out


def _sections(v: Validator, top: dict[str, Any]) -> list[Section]:
    out = []
    fact_number = 0
    for i, item in enumerate(v.sequence(top, "sections", ())):
        path: tuple[str | int, ...] = ("sections", i)
        d = v.mapping(item, path, ("id", "title"), ("quote", "aliases", "statements", "facts", "editorial"))
        if d is None:
            continue
        section_id = v.string(d, "id", path, name=True) or ""
        statements = _statements(v, d, path, section_id, None)
        facts = []
        for fi, raw in enumerate(v.sequence(d, "facts", path)):
            fpath = (*path, "facts", fi)
            f = v.mapping(raw, fpath, ("id", "headline", "statements"), ("quote",))
            if f is None:
                continue
            fact_number += 1
            fact_id = v.string(f, "id", fpath, name=True) or ""
            facts.append(
                Fact(
                    id=fact_id,
                    number=fact_number,
                    headline=v.string(f, "headline", fpath) or "",
                    quote=v.string(f, "quote", fpath, nullable=True),
                    statements=_statements(v, f, fpath, section_id, fact_id),
                )
            )
        if not statements and not facts:
            v.problem(path, "has neither statements nor facts")
        out.append(
            Section(
                id=section_id,
                title=v.string(d, "title", path, name=True) or "",
                quote=v.string(d, "quote", path, nullable=True),
                aliases=v.strings(d, "aliases", path, names=True),
                statements=statements,
                facts=tuple(facts),
                editorial=v.flag(d, "editorial", path),
            )
        )
    return out


def _statements(
    v: Validator, parent: dict[str, Any], path: tuple[str | int, ...], section_id: str, fact_id: str | None
) -> tuple[Statement, ...]:
    out = []
    for i, item in enumerate(v.sequence(parent, "statements", path)):
        spath = (*path, "statements", i)
        d = v.mapping(item, spath, ("id", "text", "cites"), ("quote", "subjects", "aim", "items"))
        if d is None:
            continue
        out.append(
            Statement(
                id=v.string(d, "id", spath, name=True) or "",
                text=v.string(d, "text", spath) or "",
                quote=v.string(d, "quote", spath, nullable=True),
                cites=v.numbers(d, "cites", spath),
                subjects=v.strings(d, "subjects", spath),
                section_id=section_id,
                fact_id=fact_id,
                aim=v.flag(d, "aim", spath),
                items=v.strings(d, "items", spath),
            )
        )
    return tuple(out)


def _glossary(v: Validator, top: dict[str, Any]) -> list[Term]:
    out = []
    for i, item in enumerate(v.sequence(top, "glossary", ())):
        path: tuple[str | int, ...] = ("glossary", i)
        d = v.mapping(
            item,
            path,
            ("id", "term", "definition"),
            ("aliases", "editorial_aliases", "paraphrase", "quote", "cites", "more_quotes", "allowances"),
        )
        if d is None:
            continue
        editorial = v.strings(d, "editorial_aliases", path, names=True)
        out.append(
            Term(
                id=v.string(d, "id", path, name=True) or "",
                term=v.string(d, "term", path, name=True) or "",
                aliases=v.strings(d, "aliases", path, names=True) + editorial,
                definition=v.string(d, "definition", path, nullable=True),
                quote=v.string(d, "quote", path, nullable=True),
                cites=v.numbers(d, "cites", path),
                more_quotes=v.strings(d, "more_quotes", path),
                allowances=_allowances(v, d, path),
                paraphrase=v.flag(d, "paraphrase", path),
                editorial_aliases=editorial,
            )
        )
    return out


def _allowances(v: Validator, d: dict[str, Any], path: tuple[str | int, ...]) -> tuple[Allowance, ...]:
    out = []
    for i, item in enumerate(v.sequence(d, "allowances", path)):
        apath = (*path, "allowances", i)
        a = v.mapping(item, apath, ("words", "reason"))
        if a is not None:
            out.append(Allowance(v.strings(a, "words", apath), v.string(a, "reason", apath) or ""))
    return tuple(out)

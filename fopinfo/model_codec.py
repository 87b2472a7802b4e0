"""A validated ``Knowledge`` as plain values and back, for the opt-in cache: a cached run
skips validation as well as the parse (at 20,000 statements validation alone costs more
than everything else a cached ``cite`` does).

Each record becomes the tuple of its fields, with the records inside it converted the same
way; what the model shares stays shared: a hand-over names its statements by id and the
notes bearing on an item are given by their places in the notes list. A record left a
record cannot be marshalled, so a model this codec does not know in full is never cached
(the write fails and is skipped) rather than cached wrongly; ``cache`` also keys entries
by fopinfo's own code, so no entry outlives a change to the model or its validation.
"""

from __future__ import annotations

from functools import partial
from typing import Any, TypeVar

from fopinfo.model import (
    Allowance,
    BoxedWarning,
    Developments,
    Fact,
    Group,
    Guidance,
    Handover,
    Knowledge,
    LeftOut,
    Note,
    Origin,
    PeopleWord,
    Reference,
    RelatedPage,
    Section,
    Selection,
    Source,
    Statement,
    Subject,
    Term,
)

Plain = tuple[Any, ...]
R = TypeVar("R", bound=tuple[Any, ...])


def encode(k: Knowledge) -> Plain:
    """The knowledge as nested tuples, dicts and values that marshal can keep."""
    sections = tuple(
        _fields(
            s,
            statements=tuple(map(tuple, s.statements)),
            facts=tuple(_fields(f, statements=tuple(map(tuple, f.statements))) for f in s.facts),
        )
        for s in k.sections
    )
    origin = _fields(
        k.origin, related_pages=tuple(map(tuple, k.origin.related_pages)), left_out=tuple(map(tuple, k.origin.left_out))
    )
    plain = (
        origin,
        tuple(map(tuple, k.sources)),
        tuple(map(tuple, k.subjects)),
        sections,
        tuple(_fields(t, allowances=tuple(map(tuple, t.allowances))) for t in k.glossary),
        _encode_developments(k.developments),
        _encode_handover(k.handover),
        k.schema,
        tuple(map(tuple, k.people_words)),
        tuple(_fields(g) for g in k.guidance),
    )
    return _shared(plain, {})  # type: ignore[no-any-return]


def _shared(value: Any, strings: dict[str, str]) -> Any:
    """The value with equal strings made one object, which marshal then writes once and reads back
    once: a statement's ``text`` is often its ``quote`` (at 20,000 generated statements the entry
    halves, and reading it takes about 40% less time)."""
    kind = type(value)
    if kind is str:
        return strings.setdefault(value, value)
    if kind is tuple:
        return tuple([_shared(v, strings) for v in value])
    if kind is dict:
        return {_shared(k, strings): _shared(v, strings) for k, v in value.items()}
    return value


def _fields(record: Any, **plain: Any) -> Plain:
    """The record's fields as a plain tuple, those named given in their plain form."""
    return tuple(plain.get(name, value) for name, value in zip(record._fields, record, strict=True))


def decode(plain: Plain) -> Knowledge:
    """The knowledge ``encode`` was given, record for record."""
    origin, sources, subjects, sections, glossary, developments, handover, schema, people_words, guidance = plain
    origin = Origin._make(origin)
    origin = origin._replace(
        related_pages=tuple(map(RelatedPage._make, origin.related_pages)),
        left_out=tuple(map(LeftOut._make, origin.left_out)),
    )

    def fact(row: Plain) -> Fact:
        f = Fact._make(row)
        return f._replace(statements=_records(Statement, f.statements))

    built = []
    for row in sections:
        s = Section._make(row)
        built.append(s._replace(statements=_records(Statement, s.statements), facts=tuple(map(fact, s.facts))))
    terms = tuple(t._replace(allowances=tuple(map(Allowance._make, t.allowances))) for t in map(Term._make, glossary))
    k = Knowledge(
        origin,
        tuple(map(Source._make, sources)),
        tuple(map(Subject._make, subjects)),
        tuple(built),
        terms,
        _decode_developments(developments),
        schema=schema,
        people_words=tuple(map(PeopleWord._make, people_words)),
        guidance=tuple(map(Guidance._make, guidance)),
    )
    return k._replace(handover=_decode_handover(handover, k)) if handover is not None else k


def _records(record: type[R], rows: Plain) -> tuple[R, ...]:
    """Rows as records, each checked for its number of fields as ``_make`` does, but built without a
    Python call per row (the statements: 20,000 of them in a large file)."""
    if rows and set(map(len, rows)) != {len(record._fields)}:  # type: ignore[attr-defined]
        raise ValueError(f"not {record.__name__} rows")
    return tuple(map(partial(tuple.__new__, record), rows))


def _encode_developments(d: Developments | None) -> Plain | None:
    if d is None:
        return None
    place = {id(note): i for i, note in enumerate(d.notes)}
    notes = tuple(
        _fields(n, reference=tuple(n.reference), warning=None if n.warning is None else _warning(n.warning))
        for n in d.notes
    )
    return (d.reviewed, notes, {item: tuple(place[id(n)] for n in ns) for item, ns in d.on.items()})


def _warning(w: BoxedWarning) -> Plain:
    return (w.text, tuple(w.reference))


def _decode_developments(plain: Plain | None) -> Developments | None:
    if plain is None:
        return None
    reviewed, rows, on = plain
    notes = tuple(
        n._replace(
            reference=Reference._make(n.reference),
            warning=None if n.warning is None else BoxedWarning(n.warning[0], Reference._make(n.warning[1])),
        )
        for n in map(Note._make, rows)
    )
    return Developments(reviewed, notes, {item: tuple(notes[i] for i in places) for item, places in on.items()})


def _encode_handover(h: Handover | None) -> Plain | None:
    if h is None:
        return None

    def selection(s: Selection | None) -> Plain | None:
        if s is None:
            return None

        def group(g: Group) -> Plain:
            return (g.heading, tuple(st.id for st in g.statements), g.show)

        return (s.title, tuple(map(group, s.groups)), None if s.trigger is None else group(s.trigger), s.person)

    return (selection(h.card), {audience: selection(s) for audience, s in h.sheets.items()})


def _decode_handover(plain: Plain, k: Knowledge) -> Handover:
    by_id: dict[str, Statement] = {}
    for s in k.statements():
        by_id.setdefault(s.id, s)

    def selection(p: Plain) -> Selection:
        def group(g: Plain) -> Group:
            heading, ids, show = g
            return Group(heading, tuple(by_id[i] for i in ids), show)

        title, groups, trigger, person = p
        return Selection(title, tuple(map(group, groups)), None if trigger is None else group(trigger), person)

    card, sheets = plain
    return Handover(None if card is None else selection(card), {a: selection(s) for a, s in sheets.items()})

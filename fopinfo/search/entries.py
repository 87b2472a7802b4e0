"""What search ranks: the file's statements, fact headlines, glossary terms, fopinfo's notes and
its pointers to guidance written for a sheet's reader, each as weighted fields, in source order.

Nothing here is written by search: every field is a text of the knowledge file.
"""

from __future__ import annotations

from typing import NamedTuple

from fopinfo.model import Knowledge

# Field weights: a term's name or a fact's headline counts above body text; a statement's
# section title and aliases and its fact's headline are context, below its own words.
NAME = 3.0
TITLE = 2.0
BODY = 1.0
CONTEXT = 0.5


class Field(NamedTuple):
    name: str  # "name", "title", "body" or "context"
    texts: tuple[str, ...]  # separate texts: a phrase never runs from one into the next
    weight: float


class Entry(NamedTuple):
    kind: str  # "statement", "headline", "term", "note" or "guidance"
    id: str
    order: int  # source order: ties are shown in it
    fields: tuple[Field, ...]
    section_id: str | None = None
    fact_id: str | None = None
    bears_on: tuple[str, ...] = ()  # a note: the statements it bears on (a section's, expanded)


def entries_of(k: Knowledge) -> tuple[Entry, ...]:
    """Every searchable entry, in the order the file holds them (a fact's headline before its statements)."""
    found: list[Entry] = []

    def add(entry: Entry) -> None:
        found.append(entry._replace(order=len(found)))

    for section in k.sections:
        section_context = (section.title, *section.aliases)
        for statement in section.statements:
            add(
                Entry(
                    "statement",
                    statement.id,
                    0,
                    (
                        Field("body", (statement.text, *statement.items), BODY),
                        Field("context", section_context, CONTEXT),
                    ),
                    section.id,
                )
            )
        for fact in section.facts:
            add(Entry("headline", fact.id, 0, (Field("name", (fact.headline,), NAME),), section.id, fact.id))
            for statement in fact.statements:
                add(
                    Entry(
                        "statement",
                        statement.id,
                        0,
                        (
                            Field("body", (statement.text, *statement.items), BODY),
                            Field("context", (*section_context, fact.headline), CONTEXT),
                        ),
                        section.id,
                        fact.id,
                    )
                )
    for term in k.glossary:
        fields = [Field("name", (term.term, *term.aliases), NAME)]
        if term.definition:
            fields.append(Field("body", (term.definition,), BODY))
        add(Entry("term", term.id, 0, tuple(fields)))
    sections = {s.id: s for s in k.sections}
    for note in sorted(k.developments.notes if k.developments else (), key=lambda n: n.position):
        bears_on: list[str] = []
        for target in note.bears_on:
            if target in sections:
                bears_on.extend(s.id for s in sections[target].all_statements())
            else:
                bears_on.append(target)
        warning = (note.warning.text,) if note.warning else ()
        add(
            Entry(
                "note",
                note.id,
                0,
                # Its label's warning is part of it: found, and shown, with the note.
                (Field("title", (note.title,), TITLE), Field("body", (note.text, *warning), BODY)),
                bears_on=tuple(bears_on),
            )
        )
    for pointer in sorted(k.guidance, key=lambda g: g.position):
        # fopinfo's pointer: the record's title and what fopinfo says it covers (never its advice).
        add(
            Entry(
                "guidance",
                pointer.id,
                0,
                (Field("title", (pointer.title,), TITLE), Field("body", (pointer.covers,), BODY)),
            )
        )
    return tuple(found)


def all_texts(k: Knowledge) -> list[str]:
    """The texts search reads, for checks that a word occurs in the file."""
    return [text for entry in entries_of(k) for field in entry.fields for text in field.texts]

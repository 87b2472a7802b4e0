"""The proof run: every part of the knowledge file checked against the source, in order,
into one report. The parts' checks live beside it (``checker``, ``origin``)."""

from __future__ import annotations

from fopinfo.model import Knowledge
from fopinfo.provenance.checker import Checker
from fopinfo.provenance.origin import check_origin
from fopinfo.provenance.report import Report


def check(k: Knowledge, source_text: str) -> Report:
    """Every finding about ``k`` against ``source_text``, the review list, and coverage."""
    c = Checker(source_text)
    c.index_headings(k)
    for si, section in enumerate(k.sections):
        c.section(f"sections[{si}]", section)
    for gi, term in enumerate(k.glossary):
        c.term(f"glossary[{gi}]", term)
    for i, source in enumerate(k.sources):
        if source.text is not None and not c.occurrences(source.text):
            c.add(f"sources[{i}].text", "not in the source: its copy does not reproduce the reference list")
    check_origin(c, k)
    for i, subject in enumerate(k.subjects):
        c.note("subject title", f"subjects[{i}].title", f"{subject.id}: {subject.title}")
    _review_additions(c, k)
    covered, uncovered = c.coverage()
    return Report(tuple(c.findings), covered, len(c.src.sentences), uncovered, tuple(c.review))


def _review_additions(c: Checker, k: Knowledge) -> None:
    """fopinfo's own additions outside the statements: its hand-over choices, its notes (with
    their kinds and any boxed-warning sentence) and its guidance pointers.

    A machine checks that every chosen id is a source statement (validation), that notes are
    dated, referenced and of a known kind, and that pointers have a record with an address;
    whether a choice or a heading is right for its reader, whether a note says what its record
    says and is of the right kind, and whether a pointer says only what its record covers,
    only a person can sign off.
    """
    handover = k.handover
    if handover is not None:
        chosen = [("card", "handover.card", handover.card)] if handover.card else []
        chosen += [(f"{name} sheet", f"handover.sheets.{name}", sheet) for name, sheet in handover.sheets.items()]
        for kind, path, selection in chosen:
            assert selection is not None
            c.note(f"{kind} title", f"{path}.title", selection.title)
            for gi, group in enumerate(selection.groups):
                ids = ", ".join(s.id for s in group.statements)
                where = f"{path}.groups[{gi}]" if kind != "card" else f"{path}.statements"
                c.note(f"{kind} choice", where, f"{group.heading}: {ids}" if group.heading else ids)
    for note in sorted(k.developments.notes if k.developments else (), key=lambda n: n.position):
        record = note.reference.url or note.reference.doi or ""
        path = f"developments.notes[{note.position}]"
        c.note("note", path, f"{note.id} ({note.date}), against {record}")
        c.note("note kind", f"{path}.kind", f"{note.id}: {note.kind or 'unclassified'}")
        if note.warning is not None:
            shown = note.warning.reference.url or note.warning.reference.doi or ""
            c.note("boxed warning", f"{path}.warning", f"{note.id}: {note.warning.text} Against {shown}")
    for pointer in k.guidance:
        where = f"guidance[{pointer.position}]"
        sheets = ", ".join(pointer.audiences)
        c.note("guidance pointer", where, f"{pointer.id} ({pointer.form}, for {sheets}), against {pointer.url}")
        c.note("guidance covers", f"{where}.covers", f"{pointer.id}: {pointer.covers}")

"""The proof run: every part of the knowledge file checked against the source, in order,
into one report. The parts' checks live beside it (``checker``, ``origin``, ``notes``).
What no machine can decide is bound to review records instead (``reviews``)."""

from __future__ import annotations

from fopinfo.model import Knowledge
from fopinfo.provenance.checker import Checker
from fopinfo.provenance.notes import check_notes
from fopinfo.provenance.origin import check_origin
from fopinfo.provenance.report import Report


def check(k: Knowledge, source_text: str) -> Report:
    """Every finding about ``k`` against ``source_text``, and coverage."""
    c = Checker(source_text)
    c.index_headings(k)
    for si, section in enumerate(k.sections):
        c.section(f"sections[{si}]", section)
    for gi, term in enumerate(k.glossary):
        c.term(f"glossary[{gi}]", term)
    check_origin(c, k)
    check_notes(c, k)
    covered, uncovered = c.coverage()
    return Report(tuple(c.findings), covered, len(c.src.sentences), uncovered, ())

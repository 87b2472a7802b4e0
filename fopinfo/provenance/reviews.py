"""Review records: a person's sign-off bound to the exact content of what no machine can decide.

Every editorial element of a knowledge file (definitions and aliases, subject tags and
titles, section titles and aliases, recognised punctuation edits, left-out lines and their
reasons, related-page placement, hand-over selections, notes) is an ``Element``: a stable
key, the path it sits at, and its canonical parsed content. A ``Record`` holds the SHA-256
of that content as it was reviewed, the content itself (so a later change can be shown as a
diff), the date and the reviewer's name. ``audit`` compares the two: an element whose
content no longer matches its record, or has none, is a finding naming it; so is a record
whose element is gone. These reviews are editorial, not clinical.

New kinds of element plug in with ``@collector``: a function from the ``Knowledge`` to its
elements (guidance pointers, people's-words entries for search, ...).

Pure: imports nothing above ``fopinfo.model`` (reading and writing the records file is the
command's, ``fopinfo.reviewing``).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from fopinfo.folding import normalise
from fopinfo.model import Group, Knowledge, Problem, Reference, Statement
from fopinfo.provenance.report import ReviewItem
from fopinfo.provenance.wording import compare

RECORDS_FORMAT = 1
MARK = "review record"  # in every finding about review records


class Element(NamedTuple):
    key: str  # stable across edits elsewhere in the file: "term/fop", "subjects/what.5"
    kind: str
    path: str  # where it sits in the knowledge file, for its line
    content: dict[str, Any]

    @property
    def sha256(self) -> str:
        return digest(self.content)


class Record(NamedTuple):
    key: str
    kind: str
    sha256: str
    reviewed: str  # ISO date
    reviewer: str
    content: dict[str, Any]


def canonical(content: Any) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(content: Any) -> str:
    return hashlib.sha256(canonical(content).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- elements

Collector = Callable[[Knowledge], Iterable[Element]]
COLLECTORS: list[Collector] = []


def collector(fn: Collector) -> Collector:
    """Register a kind of reviewed element."""
    COLLECTORS.append(fn)
    return fn


def elements(k: Knowledge) -> list[Element]:
    return [e for fn in COLLECTORS for e in fn(k)]


def _statements(k: Knowledge) -> Iterator[tuple[str, Statement]]:
    for si, section in enumerate(k.sections):
        for i, s in enumerate(section.statements):
            yield f"sections[{si}].statements[{i}]", s
        for fi, fact in enumerate(section.facts):
            for i, s in enumerate(fact.statements):
                yield f"sections[{si}].facts[{fi}].statements[{i}]", s


@collector
def _terms(k: Knowledge) -> Iterator[Element]:
    for i, t in enumerate(k.glossary):
        plain = t.aliases[: len(t.aliases) - len(t.editorial_aliases)]
        content: dict[str, Any] = {
            "term": t.term,
            "aliases": list(plain),
            "editorial_aliases": list(t.editorial_aliases),
            "definition": t.definition,
            "paraphrase": t.paraphrase,
            "quote": t.quote,
            "more_quotes": list(t.more_quotes),
            "allowances": [{"words": list(a.words), "reason": a.reason} for a in t.allowances],
        }
        yield Element(f"term/{t.id}", "definition", f"glossary[{i}]", content)


@collector
def _subject_tags(k: Knowledge) -> Iterator[Element]:
    for path, s in _statements(k):
        yield Element(f"subjects/{s.id}", "subjects", path, {"statement": s.id, "subjects": list(s.subjects)})


@collector
def _subjects(k: Knowledge) -> Iterator[Element]:
    for i, subject in enumerate(k.subjects):
        yield Element(f"subject/{subject.id}", "subject title", f"subjects[{i}]", {"title": subject.title})


@collector
def _sections(k: Knowledge) -> Iterator[Element]:
    for i, section in enumerate(k.sections):
        content = {"title": section.title, "editorial": section.editorial, "aliases": list(section.aliases)}
        yield Element(f"section/{section.id}", "section title and aliases", f"sections[{i}]", content)


def _edited(text: str, quote: str | None) -> bool:
    """Shown text that differs from its quote only by recognised edits (any other change is a finding)."""
    if quote is None or normalise(text) == normalise(quote):
        return False
    problems, edits = compare(text, quote)
    return not problems and bool(edits)


@collector
def _edits(k: Knowledge) -> Iterator[Element]:
    """A recognised punctuation or case edit of the source's words, which a person accepts."""
    for path, s in _statements(k):
        if _edited(s.text, s.quote):
            yield Element(f"edit/{s.id}", "edit", f"{path}.text", {"text": s.text, "quote": s.quote})
    for si, section in enumerate(k.sections):
        if _edited(section.title, section.quote):
            content = {"text": section.title, "quote": section.quote}
            yield Element(f"edit/section/{section.id}", "edit", f"sections[{si}].title", content)
        for fi, fact in enumerate(section.facts):
            if _edited(fact.headline, fact.quote):
                content = {"text": fact.headline, "quote": fact.quote}
                yield Element(f"edit/fact/{fact.id}", "edit", f"sections[{si}].facts[{fi}].headline", content)


@collector
def _left_out(k: Knowledge) -> Iterator[Element]:
    for i, entry in enumerate(k.origin.left_out):
        content = {"line": entry.line, "reason": entry.reason}
        yield Element(f"left-out/{normalise(entry.line)}", "left out", f"origin.left_out[{i}]", content)


@collector
def _related(k: Knowledge) -> Iterator[Element]:
    for i, page in enumerate(k.origin.related_pages):
        content = {"label": page.label, "section": page.section}
        yield Element(f"related/{normalise(page.label)}", "related page", f"origin.related_pages[{i}]", content)


@collector
def _handover(k: Knowledge) -> Iterator[Element]:
    h = k.handover
    if h is None:
        return
    if h.card is not None:
        content: dict[str, Any] = {"title": h.card.title, "statements": [s.id for s in h.card.statements()]}
        if h.card.trigger is not None:  # the trigger set apart, first
            content["trigger"] = [s.id for s in h.card.trigger.statements]
        yield Element("handover/card", "card", "handover.card", content)
    for name, sheet in h.sheets.items():
        groups = [_group(g) for g in sheet.groups]
        content = {"title": sheet.title, "groups": groups}
        if sheet.trigger is not None:
            content = {"title": sheet.title, "person": sheet.person, "trigger": _group(sheet.trigger), "groups": groups}
        yield Element(f"handover/sheet/{name}", "sheet", f"handover.sheets.{name}", content)


def _group(g: Group) -> dict[str, Any]:
    if g.show:
        return {"heading": g.heading, "show": g.show}
    return {"heading": g.heading, "statements": [s.id for s in g.statements]}


@collector
def _notes(k: Knowledge) -> Iterator[Element]:
    if k.developments is None:
        return
    for note in k.developments.notes:
        r = note.reference
        content = {
            "date": note.date,
            "region": note.region,
            "title": note.title,
            "text": note.text,
            "reference": {
                "title": r.title,
                "publisher": r.publisher,
                "date": r.date,
                "url": r.url,
                "doi": r.doi,
                "pmid": r.pmid,
            },
            "checked": note.checked,
            "bears_on": list(note.bears_on),
            "kind": note.kind,
            "medicine": note.medicine,
            "warning": None
            if note.warning is None
            else {
                "text": note.warning.text,
                "reference": _reference(note.warning.reference),
            },
        }
        yield Element(f"note/{note.id}", "note", f"developments.notes[{note.position}]", content)


def _reference(r: Reference) -> dict[str, Any]:
    return {"title": r.title, "publisher": r.publisher, "date": r.date, "url": r.url, "doi": r.doi, "pmid": r.pmid}


@collector
def _guidance(k: Knowledge) -> Iterator[Element]:
    # A pointer says what a record is and what it covers, never what it advises: a person checks
    # that against the record; a machine checks that it has one, with an address.
    for pointer in k.guidance:
        content = {
            "audiences": list(pointer.audiences),
            "form": pointer.form,
            "title": pointer.title,
            "publisher": pointer.publisher,
            "date": pointer.date,
            "url": pointer.url,
            "covers": pointer.covers,
            "checked": pointer.checked,
        }
        yield Element(f"guidance/{pointer.id}", "guidance pointer", f"guidance[{pointer.position}]", content)


# ---------------------------------------------------------------- records


@collector
def _people_words(k: Knowledge) -> Iterator[Element]:
    # Search vocabulary: that each target is the file's own words, `check` decides; that an
    # everyday word means what its targets say and implies nothing more, a person does.
    for i, entry in enumerate(k.people_words):
        content = {"words": list(entry.words), "targets": list(entry.targets)}
        yield Element(f"people-words/{entry.words[0]}", "people's words", f"people_words[{i}]", content)


def parse_records(data: Any) -> tuple[dict[str, Record], list[Problem]]:
    """The records file's parsed YAML as records by key, and what is wrong with it."""
    problems: list[Problem] = []
    if data is None:
        return {}, problems
    if not isinstance(data, dict) or not isinstance(data.get("records", []), list):
        return {}, [Problem("reviews", f"the {MARK}s file must be a mapping with a list under 'records'")]
    if data.get("reviews", RECORDS_FORMAT) != RECORDS_FORMAT:
        problems.append(Problem("reviews", f"{MARK}s format {data.get('reviews')!r} is not {RECORDS_FORMAT}"))
    out: dict[str, Record] = {}
    fields = ("key", "kind", "sha256", "reviewed", "reviewer", "content")
    for i, item in enumerate(data.get("records") or []):
        where = f"reviews.records[{i}]"
        if not isinstance(item, dict) or set(item) != set(fields):
            problems.append(Problem(where, f"a {MARK} holds exactly: {', '.join(fields)}"))
            continue
        reviewed = item["reviewed"]
        reviewed = reviewed.isoformat() if hasattr(reviewed, "isoformat") else reviewed
        strings = [item[f] for f in ("key", "kind", "sha256", "reviewer")] + [reviewed]
        if not all(isinstance(v, str) and v.strip() for v in strings) or not isinstance(item["content"], dict):
            problems.append(Problem(where, f"a {MARK}'s fields are non-empty text, and its content a mapping"))
            continue
        record = Record(item["key"], item["kind"], item["sha256"], reviewed, item["reviewer"].strip(), item["content"])
        if digest(record.content) != record.sha256:
            problems.append(Problem(where, f"{MARK} {record.key}: its SHA-256 is not that of the content it holds"))
            continue
        if record.key in out:
            problems.append(Problem(where, f"{MARK} {record.key} is recorded twice"))
        out[record.key] = record
    return out, problems


def records_data(records: Iterable[Record]) -> dict[str, Any]:
    """Records as the file holds them, ordered by key (so a diff of the file shows what changed)."""
    return {
        "reviews": RECORDS_FORMAT,
        "records": [dict(r._asdict()) for r in sorted(records, key=lambda r: r.key)],
    }


def accept(element: Element, reviewer: str, date: str) -> Record:
    return Record(element.key, element.kind, element.sha256, date, reviewer, element.content)


def _lines(content: dict[str, Any] | None) -> list[str]:
    if content is None:
        return []
    return json.dumps(content, sort_keys=True, ensure_ascii=False, indent=2).splitlines()


def diff(record: Record | None, content: dict[str, Any] | None) -> str:
    """What changed since the record, as a unified diff of the canonical content."""
    before = f"reviewed {record.reviewed} by {record.reviewer}" if record else "no review record"
    after = "now" if content is not None else "element removed"
    lines = difflib.unified_diff(
        _lines(record.content if record else None), _lines(content), before, after, lineterm=""
    )
    return "\n".join(lines)


class Pending(NamedTuple):
    """An element whose content no record matches, or a record whose element is gone."""

    key: str
    kind: str
    path: str
    element: Element | None  # None: the element is gone; accepting removes the record
    record: Record | None  # None: never reviewed

    @property
    def why(self) -> str:
        if self.element is None:
            return f"{MARK} for '{self.key}', which the file no longer holds (remove it with fopinfo review)"
        if self.record is None:
            return f"no {MARK}: {self.kind} '{self.key}' has not been reviewed (fopinfo review)"
        r = self.record
        return f"changed since its {MARK} ({r.reviewed}, {r.reviewer}): review it again (fopinfo review)"

    def diff(self) -> str:
        return diff(self.record, self.element.content if self.element else None)


def pending(k: Knowledge, records: dict[str, Record] | None) -> list[Pending]:
    """Everything a person must (re)review. ``records`` None: a schema-1 file, read as unreviewed."""
    records = {} if records is None or k.schema < 2 else records
    out: list[Pending] = []
    seen: set[str] = set()
    for e in elements(k):
        seen.add(e.key)
        record = records.get(e.key)
        if record is None or record.sha256 != e.sha256:
            out.append(Pending(e.key, e.kind, e.path, e, record))
    for key, record in records.items():
        if key not in seen:
            out.append(Pending(key, record.kind, "reviews", None, record))
    return out


def audit(k: Knowledge, records: dict[str, Record] | None) -> tuple[list[Problem], list[ReviewItem]]:
    """Findings (each naming its element) and the review list (each with its diff)."""
    findings: list[Problem] = []
    if k.schema < 2:
        findings.append(Problem("schema", f"a schema-{k.schema} file: its {MARK}s are not read; all is unreviewed"))
    items: list[ReviewItem] = []
    for p in pending(k, records):
        findings.append(Problem(p.path, p.why))
        items.append(ReviewItem(p.kind, p.path, f"{p.key}\n{p.diff()}"))
    return findings, items

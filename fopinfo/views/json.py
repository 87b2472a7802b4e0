"""JSON documents for every answer: plain dicts built from the model.

JSON always includes every quote, so an answer's ``quotes`` choice is ignored here.

No Rich here: the --json path must stay cheap to import. The shapes are documented
in the README and are stable; new keys may be added, none removed or renamed.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from fopinfo import clock
from fopinfo.answers import (
    Answer,
    Approved,
    Card,
    CheckResult,
    Cited,
    Definition,
    FactList,
    Fields,
    Found,
    Handout,
    Overview,
    SectionPage,
    Sheet,
    SourceList,
    SubjectPage,
    TopicList,
    Updates,
    assert_never,
)
from fopinfo.model import (
    UNCLASSIFIED,
    Fact,
    Group,
    Guidance,
    Knowledge,
    Note,
    Origin,
    Reference,
    Source,
    Statement,
    Term,
)
from fopinfo.safe_text import OBEYED_BEYOND_C0
from fopinfo.views.wording import shown_path

JSON = dict[str, Any]

# json.dumps escapes C0 only: DEL, C1 (U+009B is CSI), line separators and bidi controls
# would reach a terminal raw. They can only occur inside strings, so \u escapes are exact.
_ESCAPED = {c: f"\\u{c:04x}" for c in OBEYED_BEYOND_C0}


def dump(doc: JSON) -> None:
    # Non-ASCII stays readable where the terminal can show it, and is escaped where not.
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    from fopinfo import terminal

    text = json.dumps(doc, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"), indent=2)
    terminal.write(text.translate(_ESCAPED) + "\n")


def origin(o: Origin) -> JSON:
    from fopinfo.views.wording import age, years_since

    today = clock.today()
    return {
        "title": o.title,
        "publisher": o.publisher,
        "reference": o.reference,
        "date": o.date,
        "audience": o.audience,
        "disclaimer": o.disclaimer,
        "age_years": years_since(o.date, today),
        "age": age(o.date, today),
        "today": today.isoformat(),
    }


def _record(r: Reference) -> JSON:
    return {"title": r.title, "publisher": r.publisher, "date": r.date, "url": r.url, "doi": r.doi, "pmid": r.pmid}


def note(n: Note) -> JSON:
    return {
        "id": n.id,
        "kind": n.kind or UNCLASSIFIED,  # a schema-1 note has none
        "date": n.date,
        "region": n.region,
        "medicine": n.medicine,
        "title": n.title,
        "text": n.text,
        "by": "fopinfo",  # a note is never the source's words
        "reference": _record(n.reference),
        # an approval's boxed warning, in fopinfo's one sentence, with the record that shows it
        "warning": _warning(n),
        "checked": n.checked,
        "bears_on": list(n.bears_on),
    }


def pointer(g: Guidance) -> JSON:
    """A guidance pointer: fopinfo's words on what a record covers, never what it advises."""
    return {
        "id": g.id,
        "form": g.form,
        "title": g.title,
        "publisher": g.publisher,
        "date": g.date,  # null: the record shows no date
        "url": g.url,
        "covers": g.covers,
        "by": "fopinfo",
        "checked": g.checked,
    }


def developments(k: Knowledge) -> JSON | None:
    from fopinfo.views.wording import stale

    later = k.developments
    if later is None:
        return None
    return {"reviewed": later.reviewed, "stale": stale(k, clock.today()), "notes": len(later.notes)}


def statement(s: Statement, k: Knowledge) -> JSON:
    """A source statement, and the ids of fopinfo's notes bearing on it (never joined to its words)."""
    doc = {
        "id": s.id,
        "text": s.text,
        "quote": s.quote,
        "cites": list(s.cites),
        "subjects": list(s.subjects),
        "section": s.section_id,
        "fact": s.fact_id,
        "aim": s.aim,
        "items": list(s.items),
    }
    doc["notes"] = [n.id for n in k.notes_on(s.id)]
    return doc


def fact(f: Fact, k: Knowledge) -> JSON:
    return {
        "id": f.id,
        "number": f.number,
        "headline": f.headline,
        "quote": f.quote,
        "statements": [statement(s, k) for s in f.statements],
    }


def source(s: Source, cited_by: int | None = None) -> JSON:
    doc: JSON = {"number": s.number, "text": s.text, "reproduced": s.text is not None}
    if cited_by is not None:
        doc["cited_by"] = cited_by
    return doc


def term(t: Term, used_in: tuple[Statement, ...]) -> JSON:
    return {
        "id": t.id,
        "term": t.term,
        "aliases": list(t.aliases),
        "definition": t.definition,
        "definition_by": "fopinfo" if t.definition is not None else None,  # never the source's words
        "explained": t.definition is not None,
        "quote": t.quote,
        "cites": list(t.cites),
        "used_in": [s.id for s in used_in],
    }


def _with_origin(k: Knowledge, doc: JSON) -> JSON:
    doc["origin"] = origin(k.origin)
    doc["developments"] = developments(k)
    return doc


def show(answer: Answer) -> None:
    dump(document(answer))


def document(answer: Answer) -> JSON:
    match answer:
        case Overview():
            doc: JSON = {
                "name": "fopinfo",
                "version": answer.version,
                "commands": [{"name": n, "help": h} for n, h in answer.commands],
            }
            return {**doc, **_with_origin(answer.k, {"topics": _topics(answer.k)})}
        case FactList():
            return _with_origin(answer.k, {"facts": [fact(f, answer.k) for f in answer.facts]})
        case TopicList():
            return _with_origin(answer.k, {"topics": _topics(answer.k)})
        case SectionPage() | SubjectPage():
            return _with_origin(answer.k, {"topic": _topic(answer)})
        case Cited():
            # "source" and "statements": the first source asked for, as before; "cited": each one asked for.
            each = [
                {"source": source(a.source), "statements": [statement(x, a.k) for x in a.statements]}
                for a in answer.each()
            ]
            return _with_origin(answer.k, {**each[0], "cited": each})
        case SourceList():
            return _with_origin(answer.k, _sources(answer.k, answer.cited_by))
        case Found():
            return _with_origin(answer.k, _search(answer))
        case Definition():
            return _with_origin(answer.k, {"term": term(answer.term, answer.used_in)})
        case Updates():
            standing = [{"kind": kd, "medicine": m, "regions": list(r)} for kd, m, r in answer.standing]
            return _with_origin(answer.k, {"standing": standing, "notes": [note(n) for n in answer.notes]})
        case Handout():
            doc = {"topics": [_topic(t) for t in answer.topics]}
            if not answer.chosen:
                doc["glossary"] = [term(d.term, d.used_in) for d in answer.glossary]
            later = answer.k.developments
            doc["notes"] = [note(n) for n in later.notes] if later else []
            return {**doc, **_with_origin(answer.k, _sources(answer.k, answer.cited_by))}
        case CheckResult():
            return _check(answer)
        case Card():
            doc = {
                "card": {
                    "title": answer.choice.title,
                    "title_by": "fopinfo",  # an editorial title, not the source's
                    "statements": [statement(s, answer.k) for s in answer.choice.statements()],
                    "trigger": [s.id for s in answer.choice.trigger.statements] if answer.choice.trigger else [],
                    "fields": _fields(answer.fields),
                    "later_notes": len(answer.k.developments.notes) if answer.k.developments else 0,
                    "approved": _approved(answer.approved),
                }
            }
            return _with_origin(answer.k, doc)
        case Sheet():
            doc = {
                "sheet": {
                    "audience": answer.audience,
                    "title": answer.choice.title,
                    "title_by": "fopinfo",
                    "person_heading": answer.choice.person,
                    "trigger": None if answer.choice.trigger is None else _group(answer.choice.trigger, answer.k),
                    "groups": [_group(g, answer.k) for g in answer.choice.groups],
                    "guidance": [pointer(g) for g in answer.guidance],
                    "notes": [note(n) for n in answer.notes],
                    "approved": _approved(answer.approved),
                    "fields": _fields(answer.fields),
                }
            }
            return _with_origin(answer.k, doc)
        case _:
            assert_never(answer)


def _fields(fields: Fields) -> JSON:
    """Fill-in values as given (null: a blank line to write on)."""
    return dict(fields._asdict())


def _group(g: Group, k: Knowledge) -> JSON:
    """A group of statements; or, with `show`, where the guidance pointers or the line on medicines go."""
    doc: JSON = {"heading": g.heading, "heading_by": "fopinfo", "statements": [statement(s, k) for s in g.statements]}
    if g.show:
        doc["show"] = g.show
    return doc


def _approved(approved: Approved) -> list[JSON]:
    """Medicines fopinfo's notes record as approved, where, and whether the label there has a boxed warning."""
    return [
        {"medicine": m, "regions": [{"region": r, "boxed_warning": w is not None} for r, w in regions]}
        for m, regions in approved
    ]


def _topics(k: Knowledge) -> list[JSON]:
    topics: list[JSON] = [
        {"kind": "section", "id": s.id, "title": s.title, "aliases": list(s.aliases)} for s in k.sections
    ]
    return topics + [{"kind": "subject", "id": s.id, "title": s.title, "aliases": []} for s in k.subjects]


def _topic(t: SectionPage | SubjectPage) -> JSON:
    if isinstance(t, SubjectPage):
        s = t.subject
        return {
            "kind": "subject",
            "id": s.id,
            "title": s.title,
            "statements": [statement(x, t.k) for x in t.statements],
        }
    section = t.section
    return {
        "kind": "section",
        "id": section.id,
        "title": section.title,
        "aliases": list(section.aliases),
        "statements": [statement(x, t.k) for x in section.statements],
        "facts": [fact(f, t.k) for f in section.facts],
        "notes": [n.id for n in t.k.notes_on(section.id)],
    }


def _sources(k: Knowledge, cited_by: dict[int, int]) -> JSON:
    return {"sources": [source(s, cited_by.get(s.number, 0)) for s in k.sources]}


def _warning(n: Note) -> JSON | None:
    """An approval's boxed warning, in fopinfo's one sentence, with the record that shows it."""
    return {"text": n.warning.text, "reference": _record(n.warning.reference)} if n.warning else None


def _search(a: Found) -> JSON:
    results = [
        {
            "kind": h.kind,
            "id": h.item_id,
            "text": h.text,
            "section": h.section_id,
            "fact": h.fact_id,
            "cites": list(h.cites),
            "score": h.score,
            "matched": list(h.matched),
            "missing": list(h.missing),
            # the reader's words the source does not use here, and the source's words they reached
            "reached": [{"word": word, "source_words": list(targets)} for word, targets in h.reached],
            # a note's label warning, as `updates` gives it: never a note's result without it
            "warning": _warning(h.note) if h.note is not None else None,
            # a pointer to guidance (kind "guidance"): its record, as the sheets give it
            "guidance": pointer(h.guidance) if h.guidance is not None else None,
        }
        for h in a.hits
    ]
    return {
        "query": a.query,
        "total": a.total,
        "shown": len(results),
        "results": results,
        "words": list(a.words),
        "ignored": list(a.ignored),
        "not_in_source": list(a.unused),
        "suggestions": list(a.suggestions),
        # typed words search mended (one slip from a word of the file or the people's words): typed -> searched for
        "corrected": dict(a.corrected),
    }


def _check(result: CheckResult) -> JSON:
    doc: JSON = {
        "file": shown_path(result.target),
        "ok": result.ok,
        "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in result.problems],
        "summary": result.knowledge.counts() if result.knowledge is not None else None,
        "notices": list(result.notices),
    }
    report = result.report
    later = result.knowledge.developments if result.knowledge else None
    if report is not None:
        doc["provenance"] = {
            "source": shown_path(result.source),
            "ok": report.ok,
            "findings": [{"path": f.path, "line": f.line, "message": f.message} for f in report.findings],
            "coverage": {"covered": report.covered, "sentences": report.sentences},
            "uncovered": list(report.uncovered),
            "review": [{"kind": r.kind, "path": r.path, "line": r.line, "detail": r.detail} for r in report.review],
            # fopinfo's own notes are not from the source: outside this proof, listed so nobody assumes otherwise
            "outside_proof": {"notes": [n.id for n in later.notes] if later else []},
        }
    return doc

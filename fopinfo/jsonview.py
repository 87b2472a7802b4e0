"""JSON documents for every command: plain dicts built from the model.

Each view has the same name and arguments as its text (render) and Markdown twins;
JSON always includes every quote, so ``quotes`` is accepted and ignored.

No Rich here: the --json path must stay cheap to import. The shapes are documented
in the README and are stable; new keys may be added, none removed or renamed.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from fopinfo.model import Fact, Knowledge, Origin, Section, Source, Statement, Subject, Term

if TYPE_CHECKING:
    from fopinfo.checking import CheckResult
    from fopinfo.query import SearchResult

JSON = dict[str, Any]


def dump(doc: JSON) -> None:
    # Non-ASCII stays readable where the terminal can show it, and is escaped where not.
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    sys.stdout.write(json.dumps(doc, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"), indent=2))
    sys.stdout.write("\n")


def origin(o: Origin) -> JSON:
    return {
        "title": o.title,
        "publisher": o.publisher,
        "reference": o.reference,
        "date": o.date,
        "audience": o.audience,
        "disclaimer": o.disclaimer,
    }


def statement(s: Statement) -> JSON:
    return {
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


def fact(f: Fact) -> JSON:
    return {
        "id": f.id,
        "number": f.number,
        "headline": f.headline,
        "quote": f.quote,
        "statements": [statement(s) for s in f.statements],
    }


def source(s: Source, cited_by: int | None = None) -> JSON:
    doc: JSON = {"number": s.number, "text": s.text, "reproduced": s.text is not None}
    if cited_by is not None:
        doc["cited_by"] = cited_by
    return doc


def term(t: Term, used_in: list[Statement]) -> JSON:
    return {
        "id": t.id,
        "term": t.term,
        "aliases": list(t.aliases),
        "definition": t.definition,
        "explained": t.definition is not None,
        "quote": t.quote,
        "cites": list(t.cites),
        "used_in": [s.id for s in used_in],
    }


def _with_origin(k: Knowledge, doc: JSON) -> JSON:
    doc["origin"] = origin(k.origin)
    return doc


def facts(k: Knowledge, quotes: bool = False) -> JSON:
    return _with_origin(k, {"facts": [fact(f) for f in k.facts()]})


def topics(k: Knowledge) -> JSON:
    topics: list[JSON] = [
        {"kind": "section", "id": s.id, "title": s.title, "aliases": list(s.aliases)} for s in k.sections
    ]
    topics += [{"kind": "subject", "id": s.id, "title": s.title, "aliases": []} for s in k.subjects]
    return _with_origin(k, {"topics": topics})


def overview(k: Knowledge, version: str, commands: list[tuple[str, str]]) -> JSON:
    doc: JSON = {"name": "fopinfo", "version": version, "commands": [{"name": n, "help": h} for n, h in commands]}
    return {**doc, **topics(k)}


def section(k: Knowledge, s: Section, quotes: bool = False) -> JSON:
    topic = {
        "kind": "section",
        "id": s.id,
        "title": s.title,
        "aliases": list(s.aliases),
        "statements": [statement(x) for x in s.statements],
        "facts": [fact(f) for f in s.facts],
    }
    return _with_origin(k, {"topic": topic})


def subject(k: Knowledge, s: Subject, statements: list[Statement], quotes: bool = False) -> JSON:
    topic = {"kind": "subject", "id": s.id, "title": s.title, "statements": [statement(x) for x in statements]}
    return _with_origin(k, {"topic": topic})


def cite(k: Knowledge, s: Source, statements: list[Statement], quotes: bool = False) -> JSON:
    return _with_origin(k, {"source": source(s), "statements": [statement(x) for x in statements]})


def sources(k: Knowledge, counts: dict[int, int]) -> JSON:
    return _with_origin(k, {"sources": [source(s, counts.get(s.number, 0)) for s in k.sources]})


def search(k: Knowledge, result: SearchResult, quotes: bool = False) -> JSON:
    results = [
        {
            "kind": h.kind,
            "id": h.item_id,
            "text": h.text,
            "section": h.section_id,
            "fact": h.fact_id,
            "cites": list(h.cites),
        }
        for h in result.hits
    ]
    return _with_origin(k, {"query": result.query, "total": result.total, "shown": len(results), "results": results})


def define(k: Knowledge, t: Term, used_in: list[Statement], quotes: bool = False) -> JSON:
    return _with_origin(k, {"term": term(t, used_in)})


def handout(k: Knowledge, chosen: list[Section | Subject] | None = None) -> JSON:
    """The whole reference (or the chosen topics) as one document."""
    from fopinfo.query import cite_counts, statements_of, term_usages

    topics = [
        section(k, t)["topic"] if isinstance(t, Section) else subject(k, t, statements_of(k, t))["topic"]
        for t in (chosen if chosen is not None else k.sections)
    ]
    doc: JSON = {"topics": topics}
    if chosen is None:
        doc["glossary"] = [term(t, term_usages(k, t)) for t in k.glossary]
    return {**doc, **sources(k, cite_counts(k))}


def check(result: CheckResult) -> JSON:
    doc: JSON = {
        "file": str(result.target),
        "ok": result.ok,
        "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in result.problems],
        "summary": result.knowledge.counts() if result.knowledge is not None else None,
    }
    report = result.report
    if report is not None:
        doc["provenance"] = {
            "source": str(result.source),
            "ok": report.ok,
            "findings": [{"path": f.path, "line": f.line, "message": f.message} for f in report.findings],
            "coverage": {"covered": report.covered, "sentences": report.sentences},
            "uncovered": list(report.uncovered),
            "review": [{"kind": r.kind, "path": r.path, "line": r.line, "detail": r.detail} for r in report.review],
        }
    return doc

"""Validation of the knowledge file's `developments`: fopinfo's own dated notes on what
happened after the source, each resting on a public record. Never the source's words.
"""

from __future__ import annotations

import re
from typing import Any

from fopinfo.model import KINDS, BoxedWarning, Developments, Note, Reference
from fopinfo.validator import Validator, brief, date, iso

Path = tuple[str | int, ...]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
# A record may show only a month ("Issued: 8/2023"): the note keeps that, never a guessed day.
DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(-\d{2})?")
#: Kinds of note about one medicine's standing somewhere: they must name the medicine.
_NAMES_A_MEDICINE = ("approval", "refusal")


def developments(
    v: Validator, value: Any, source_date: str, known_ids: set[str], schema: int = 2
) -> Developments | None:
    """The notes, newest first, with the ids each bears on; None when the file has none.

    From schema 2 every note names its kind; a schema-1 file's notes may not (they are unclassified).
    """
    if value is None:
        return None
    path: Path = ("developments",)
    d = v.mapping(value, path, ("reviewed", "notes"))
    if d is None:
        return None
    reviewed = date(v, d, "reviewed", path, _MONTH, "YYYY-MM") or ""
    notes = []
    for i, item in enumerate(v.sequence(d, "notes", path)):
        note = _note(v, item, (*path, "notes", i), source_date, known_ids, schema)
        if note is not None:
            notes.append(note)
    seen: set[str] = set()
    for i, note in enumerate(notes):
        if note.id in seen:
            v.problem((*path, "notes", i, "id"), f"duplicate note id '{note.id}'")
        seen.add(note.id)
    notes.sort(key=lambda n: n.date, reverse=True)
    on: dict[str, list[Note]] = {}
    for note in notes:
        for item_id in note.bears_on:
            on.setdefault(item_id, []).append(note)
    return Developments(reviewed, tuple(notes), {k: tuple(ns) for k, ns in on.items()})


def _note(v: Validator, item: Any, path: Path, source_date: str, known_ids: set[str], schema: int) -> Note | None:
    keys = ("id", "date", "title", "text", "reference", "checked", "bears_on")
    kind_key = ("kind",) if schema >= 2 else ()
    optional = ("region", "medicine", "warning") + (() if kind_key else ("kind",))
    d = v.mapping(item, path, keys + kind_key, optional)
    if d is None:
        return None
    when = date(v, d, "date", path, DAY_OR_MONTH, "YYYY-MM-DD (or YYYY-MM when the record shows only the month)")
    checked = date(v, d, "checked", path, _DAY, "YYYY-MM-DD")
    if when and source_date and when[: len(source_date)] < source_date:
        v.problem((*path, "date"), f"{when} is before the source's date ({source_date}): not a later development")
    if when and checked and checked < when:
        v.problem((*path, "checked"), f"{checked} is before the event it checks ({when})")
    kind = _kind(v, d, path)
    medicine = v.string(d, "medicine", path, nullable=True)
    if kind in _NAMES_A_MEDICINE and medicine is None:
        where = (*path, "medicine") if "medicine" in d else path
        v.problem(where, f"a note of kind '{kind}' must name its medicine ('medicine')")
    warning = _warning(v, d, path, kind)
    bears_on = v.strings(d, "bears_on", path)
    if "bears_on" in d and not bears_on:
        v.problem((*path, "bears_on"), "must name at least one statement or section")
    for i, item_id in enumerate(bears_on):
        if item_id not in known_ids:
            v.problem((*path, "bears_on", i), f"'{item_id}' is not a statement or section id")
    if "reference" in d and d["reference"] is None:
        v.problem((*path, "reference"), "must name the public record the note rests on, not null")
    reference = _reference(v, d.get("reference"), (*path, "reference"))
    if None in (when, checked, reference):
        return None
    assert when is not None and checked is not None and reference is not None
    return Note(
        id=v.string(d, "id", path) or "",
        date=when,
        region=v.string(d, "region", path, nullable=True),
        title=v.string(d, "title", path) or "",
        text=v.string(d, "text", path) or "",
        reference=reference,
        checked=checked,
        bears_on=bears_on,
        position=path[-1] if isinstance(path[-1], int) else 0,
        kind=kind,
        medicine=medicine,
        warning=warning,
    )


def _kind(v: Validator, d: dict[str, Any], path: Path) -> str | None:
    value = d.get("kind")
    if value is None and "kind" not in d:
        return None  # missing: reported by mapping() from schema 2; a schema-1 note is unclassified
    if not isinstance(value, str) or value not in KINDS:
        v.problem((*path, "kind"), f"must be one of {', '.join(KINDS)}, not {brief(value)}")
        return None
    return value


def _warning(v: Validator, d: dict[str, Any], path: Path, kind: str | None) -> BoxedWarning | None:
    """An approval's boxed warning: one sentence of fopinfo's, resting on the label (or the record showing it)."""
    if "warning" not in d:
        return None
    where = (*path, "warning")
    w = v.mapping(d["warning"], where, ("text", "reference"))
    if w is None:
        return None
    if kind is not None and kind != "approval":
        v.problem(where, f"only an approval carries its label's boxed warning, not a note of kind '{kind}'")
    text = v.string(w, "text", where)
    if "reference" in w and w["reference"] is None:
        v.problem((*where, "reference"), "must name the label the warning is on, not null")
    reference = _reference(v, w.get("reference"), (*where, "reference"), undated=True)
    if text is None or reference is None:
        return None
    return BoxedWarning(text, reference)


def _reference(v: Validator, value: Any, path: Path, *, undated: bool = False) -> Reference | None:
    """A record: a note's must show a date; a warning's may show none (``undated``: date null)."""
    if value is None:
        return None  # missing: reported by mapping()
    d = v.mapping(value, path, ("title", "publisher", "date", "url"), ("doi", "pmid"))
    if d is None:
        return None
    shown = None
    if not (undated and "date" in d and d["date"] is None):
        shown = date(v, d, "date", path, DAY_OR_MONTH, "YYYY-MM-DD (or YYYY-MM when the record shows only the month)")
    url = v.string(d, "url", path, nullable=True)
    doi = v.string(d, "doi", path, nullable=True)
    if url is None and doi is None:
        v.problem((*path, "url"), "a note's reference needs a URL or a DOI")
    if url is not None and not url.startswith("https://") and not url.startswith("http://"):
        v.problem((*path, "url"), "must be an http(s) address")
    if doi is not None and not re.fullmatch(r"10\.\d{4,9}/\S+", doi):
        v.problem((*path, "doi"), f"is not a DOI (10.NNNN/…): {brief(doi)}")
    pmid = iso(d.get("pmid"))
    digits = (type(pmid) is int and pmid > 0) or (isinstance(pmid, str) and pmid.isdigit())
    if pmid is not None and not digits:
        v.problem((*path, "pmid"), f"is not a PubMed id (digits): {brief(pmid)}")
    return Reference(
        title=v.string(d, "title", path) or "",
        publisher=v.string(d, "publisher", path) or "",
        date=shown,
        url=url,
        doi=doi,
        pmid=None if pmid is None else str(pmid),
    )

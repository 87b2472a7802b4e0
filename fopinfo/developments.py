"""Validation of the knowledge file's `developments`: fopinfo's own dated notes on what
happened after the source, each resting on a public record. Never the source's words.
"""

from __future__ import annotations

import re
from typing import Any

from fopinfo.model import Developments, Note, Reference
from fopinfo.validator import Validator, brief

Path = tuple[str | int, ...]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def iso(value: Any) -> Any:
    """YAML reads an unquoted 2022-01-24 as a date: use its ISO text, as a quoted one would be."""
    import datetime

    return value.isoformat() if isinstance(value, datetime.date) else value


def _date(v: Validator, d: dict[str, Any], key: str, path: Path, pattern: re.Pattern[str], form: str) -> str | None:
    value = iso(d.get(key))
    if value is None:
        if key in d:  # written but empty: a note must never be dropped silently
            v.problem((*path, key), f"must be a date written {form}, not null")
        return None  # missing: reported by mapping()
    if not isinstance(value, str) or not pattern.fullmatch(value):
        v.problem((*path, key), f"must be a date written {form}, not {brief(value)}")
        return None
    import datetime

    try:
        datetime.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        v.problem((*path, key), f"is not a real date: {value}")
        return None
    return value


def developments(v: Validator, value: Any, source_date: str, known_ids: set[str]) -> Developments | None:
    """The notes, newest first, with the ids each bears on; None when the file has none."""
    if value is None:
        return None
    path: Path = ("developments",)
    d = v.mapping(value, path, ("reviewed", "notes"))
    if d is None:
        return None
    reviewed = _date(v, d, "reviewed", path, _MONTH, "YYYY-MM") or ""
    notes = []
    for i, item in enumerate(v.sequence(d, "notes", path)):
        note = _note(v, item, (*path, "notes", i), source_date, known_ids)
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


def _note(v: Validator, item: Any, path: Path, source_date: str, known_ids: set[str]) -> Note | None:
    keys = ("id", "date", "title", "text", "reference", "checked", "bears_on")
    d = v.mapping(item, path, keys, ("region",))
    if d is None:
        return None
    date = _date(v, d, "date", path, _DAY, "YYYY-MM-DD")
    checked = _date(v, d, "checked", path, _DAY, "YYYY-MM-DD")
    if date and source_date and date[: len(source_date)] < source_date:
        v.problem((*path, "date"), f"{date} is before the source's date ({source_date}): not a later development")
    if date and checked and checked < date:
        v.problem((*path, "checked"), f"{checked} is before the event it checks ({date})")
    bears_on = v.strings(d, "bears_on", path)
    if "bears_on" in d and not bears_on:
        v.problem((*path, "bears_on"), "must name at least one statement or section")
    for i, item_id in enumerate(bears_on):
        if item_id not in known_ids:
            v.problem((*path, "bears_on", i), f"'{item_id}' is not a statement or section id")
    if "reference" in d and d["reference"] is None:
        v.problem((*path, "reference"), "must name the public record the note rests on, not null")
    reference = _reference(v, d.get("reference"), (*path, "reference"))
    if None in (date, checked, reference):
        return None
    assert date is not None and checked is not None and reference is not None
    return Note(
        id=v.string(d, "id", path) or "",
        date=date,
        region=v.string(d, "region", path, nullable=True),
        title=v.string(d, "title", path) or "",
        text=v.string(d, "text", path) or "",
        reference=reference,
        checked=checked,
        bears_on=bears_on,
        position=path[-1] if isinstance(path[-1], int) else 0,
    )


def _reference(v: Validator, value: Any, path: Path) -> Reference | None:
    if value is None:
        return None  # missing: reported by mapping()
    d = v.mapping(value, path, ("title", "publisher", "date", "url"), ("doi", "pmid"))
    if d is None:
        return None
    date = _date(v, d, "date", path, _DAY, "YYYY-MM-DD")
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
        date=date or "",
        url=url,
        doi=doi,
        pmid=None if pmid is None else str(pmid),
    )

"""Validation of the knowledge file's `guidance`: fopinfo's pointers, on the one-page sheets, to what
is written for the person holding the sheet (emergency staff, a dental team, a school).

A pointer names a public record (title, publisher, the date it shows, its address) and says
what it covers, in fopinfo's words: never what it advises. Its words are fopinfo's editorial,
listed for review; here: every pointer has a record with an address, a kind from a closed
list, known sheets, and a date the record shows (or none).
"""

from __future__ import annotations

import re
from typing import Any

from fopinfo.model import AUDIENCES, FORMS, Guidance
from fopinfo.validator import Validator, brief, date

Path = tuple[str | int, ...]

# A record may show a year ("1996"), a month or a day.
_SHOWN = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def guidance(v: Validator, value: Any) -> tuple[Guidance, ...]:
    """The pointers in the file's order; none when the file has none."""
    if value is None:
        return ()
    path: Path = ("guidance",)
    if not isinstance(value, list):
        v.problem(path, f"must be a list, not {brief(value)}")
        return ()
    out = []
    for i, item in enumerate(value):
        pointer = _pointer(v, item, (*path, i))
        if pointer is not None:
            out.append(pointer)
    seen: set[str] = set()
    for i, pointer in enumerate(out):
        if pointer.id in seen:
            v.problem((*path, i, "id"), f"duplicate guidance id '{pointer.id}'")
        seen.add(pointer.id)
    return tuple(out)


def _pointer(v: Validator, item: Any, path: Path) -> Guidance | None:
    keys = ("id", "for", "form", "title", "publisher", "date", "url", "covers", "checked")
    d = v.mapping(item, path, keys)
    if d is None:
        return None
    audiences = v.strings(d, "for", path)
    if "for" in d and not audiences and (d["for"] is None or isinstance(d["for"], list)):
        v.problem((*path, "for"), f"must name at least one sheet: {', '.join(AUDIENCES)}")
    for i, audience in enumerate(audiences):
        if audience not in AUDIENCES:
            v.problem((*path, "for", i), f"'{brief(audience)}' is not a sheet ({', '.join(AUDIENCES)})")
    form = d.get("form")
    if "form" in d and form not in FORMS:
        v.problem((*path, "form"), f"must be one of {', '.join(FORMS)}, not {brief(form)}")
    shown = None
    if "date" in d and d["date"] is not None:  # null: the record shows no date, and the sheet says so
        shown = date(v, d, "date", path, _SHOWN, "YYYY, YYYY-MM or YYYY-MM-DD, as the record shows it")
    checked = date(v, d, "checked", path, _DAY, "YYYY-MM-DD")
    if "url" in d and d["url"] is None:
        v.problem((*path, "url"), "a pointer needs the address of its record, not null")
        url = None
    else:
        url = v.string(d, "url", path)
    if url is not None and not url.startswith(("https://", "http://")):
        v.problem((*path, "url"), "must be an http(s) address")
    fields = {key: v.string(d, key, path) for key in ("id", "title", "publisher", "covers")}
    if None in fields.values() or url is None or checked is None or form not in FORMS:
        return None
    return Guidance(
        id=fields["id"] or "",
        audiences=audiences,
        form=str(form),
        title=fields["title"] or "",
        publisher=fields["publisher"] or "",
        date=shown,
        url=url,
        covers=fields["covers"] or "",
        checked=checked,
        position=path[-1] if isinstance(path[-1], int) else 0,
    )

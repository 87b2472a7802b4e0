"""Validation of the knowledge file's `handover`: the statements fopinfo chose for the wallet
card and the one-page sheets, by id, under its own editorial title and headings, in the order
each reader needs them: the trigger statement set apart (`trigger`), then groups of statements
or the places for fopinfo's guidance pointers and medicines line (`show`).

A selection only points at statements: their words and markers are the source's, checked
where they are defined. Here: every id exists, none is chosen twice, nothing is empty, and a
sentence completed by a list (management.1 and its aims) is chosen whole, in order.
"""

from __future__ import annotations

from typing import Any

from fopinfo.model import AUDIENCES, BLOCKS, Group, Handover, Section, Selection, Statement
from fopinfo.validator import Validator

Path = tuple[str | int, ...]


def _runs(sections: list[Section]) -> dict[str, tuple[str, ...]]:
    """Statement id -> the run it belongs to when a lead sentence is completed by aims (lead first)."""
    runs: dict[str, tuple[str, ...]] = {}
    for section in sections:
        run: list[str] = []
        for statement in [*section.all_statements(), None]:
            if statement is not None and statement.aim and run:
                run.append(statement.id)
                continue
            if len(run) > 1:
                runs.update(dict.fromkeys(run, tuple(run)))
            run = [statement.id] if statement is not None else []
    return runs


def handover(v: Validator, value: Any, sections: list[Section], statements: dict[str, Statement]) -> Handover | None:
    """The card and sheets with their statements resolved; None when the file chooses none."""
    if value is None:
        return None
    path: Path = ("handover",)
    d = v.mapping(value, path, (), ("card", "sheets"))
    if d is None:
        return None
    if not d:
        v.problem(path, "chooses nothing: give a card, sheets, or leave handover out")
    runs = _runs(sections)
    card = None
    if "card" in d:
        card_path = (*path, "card")
        c = v.mapping(d["card"], card_path, ("title", "statements"), ("trigger",))
        if c is not None:
            seen: set[str] = set()
            trigger = None
            if "trigger" in c and not isinstance(c["trigger"], str):
                v.problem((*card_path, "trigger"), "must be a statement id")
            elif "trigger" in c:
                trigger = Group("", _statements(v, {"statements": [c["trigger"]]}, card_path, statements, runs, seen))
            chosen = _statements(v, c, card_path, statements, runs, seen)
            card = Selection(v.string(c, "title", card_path) or "", (Group("", chosen),), trigger)
    sheets: dict[str, Selection] = {}
    if "sheets" in d:
        sheets_path = (*path, "sheets")
        s = v.mapping(d["sheets"], sheets_path, (), AUDIENCES)
        if s is not None and not s:
            v.problem(sheets_path, f"is empty: give at least one of {', '.join(AUDIENCES)}")
        for audience in AUDIENCES:
            if s and audience in s:
                sheet = _sheet(v, s[audience], (*sheets_path, audience), statements, runs)
                if sheet is not None:
                    sheets[audience] = sheet
    return Handover(card, sheets)


def _sheet(
    v: Validator, value: Any, path: Path, statements: dict[str, Statement], runs: dict[str, tuple[str, ...]]
) -> Selection | None:
    d = v.mapping(value, path, ("title", "groups"), ("person", "trigger"))
    if d is None:
        return None
    groups = []
    seen: set[str] = set()  # a statement is chosen once per sheet, whatever its group
    trigger = None
    if "trigger" in d:
        t = v.mapping(d["trigger"], (*path, "trigger"), ("heading", "statement"))
        if t is not None and "statement" in t and not isinstance(t["statement"], str):
            v.problem((*path, "trigger", "statement"), "must be a statement id")
        elif t is not None:
            one = {"statements": [t["statement"]]} if "statement" in t else {}
            chosen = _statements(v, one, (*path, "trigger"), statements, runs, seen)
            trigger = Group(v.string(t, "heading", (*path, "trigger")) or "", chosen)
    items = v.sequence(d, "groups", path)
    if "groups" in d and not items:
        v.problem((*path, "groups"), "is empty: a sheet needs at least one group of statements")
    shown: set[str] = set()
    for i, item in enumerate(items):
        group_path = (*path, "groups", i)
        g = v.mapping(item, group_path, ("heading",), ("statements", "show"))
        if g is None:
            continue
        heading = v.string(g, "heading", group_path) or ""
        if "show" in g:
            block = g["show"]
            if "statements" in g:
                v.problem(group_path, "give either statements or show, not both")
            elif block not in BLOCKS:
                v.problem((*group_path, "show"), f"must be one of {', '.join(BLOCKS)}")
            elif block in shown:
                v.problem((*group_path, "show"), f"'{block}' is shown twice")
            else:
                shown.add(block)
                groups.append(Group(heading, (), str(block)))  # a plain str: the cache marshals it
            continue
        if "statements" not in g:
            v.problem(group_path, "missing key 'statements' (or 'show')")
            continue
        groups.append(Group(heading, _statements(v, g, group_path, statements, runs, seen)))
    person = v.string(d, "person", path) if "person" in d else None
    return Selection(v.string(d, "title", path) or "", tuple(groups), trigger, person or "")


def _statements(
    v: Validator,
    d: dict[str, Any],
    path: Path,
    statements: dict[str, Statement],
    runs: dict[str, tuple[str, ...]],
    seen: set[str],
) -> tuple[Statement, ...]:
    ids = v.strings(d, "statements", path)
    if "statements" in d and not ids and isinstance(d["statements"], list):
        v.problem((*path, "statements"), "is empty: choose at least one statement by id")
    chosen = []
    for i, item_id in enumerate(ids):
        where = (*path, "statements", i)
        if item_id in seen:
            v.problem(where, f"'{item_id}' is chosen twice")
            continue
        seen.add(item_id)
        statement = statements.get(item_id)
        if statement is None:
            import difflib

            close = difflib.get_close_matches(item_id, list(statements), n=1)
            v.problem(where, f"'{item_id}' is not a statement id" + (f" (did you mean '{close[0]}'?)" if close else ""))
            continue
        chosen.append(statement)
    _check_runs(v, [s.id for s in chosen], path, runs)
    return tuple(chosen)


def _check_runs(v: Validator, ids: list[str], path: Path, runs: dict[str, tuple[str, ...]]) -> None:
    """A sentence ending in a list is one statement in the source's sense: never shown in part."""
    reported: set[tuple[str, ...]] = set()
    for item_id in ids:
        run = runs.get(item_id)
        if run is None or run in reported:
            continue
        start = ids.index(run[0]) if run[0] in ids else -1
        if start < 0 or tuple(ids[start : start + len(run)]) != run:
            reported.add(run)
            v.problem(
                (*path, "statements"),
                f"'{run[0]}' is completed by {', '.join(run[1:])}: choose {', '.join(run)} together, in that order",
            )

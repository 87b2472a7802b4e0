"""The validator's tools: a problem list with paths, and checks of one value's shape.

The orchestrator (``validation``) and the part validators (``developments``, ``handover``)
all build on this one floor, so none of them reaches into another for private names.
"""

import re
from typing import Any

from fopinfo.model import Problem

_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "a string",
    int: "an integer",
    bool: "true or false",
    float: "a number",
    type(None): "null",
}


def type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def brief(value: Any) -> str:
    """A value for an error message, bounded and cleaned: an alias bomb or a 10 MB id is not printed whole."""
    from fopinfo.safe_text import excerpt

    return excerpt(value)


def path_text(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


# Enough to fix a file by; a file of millions of wrong values must not cost millions of problems.
MAX_PROBLEMS = 1000


class Validator:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: tuple[str | int, ...], message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(path_text(path), message))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(Problem("(file)", f"more than {MAX_PROBLEMS:,} problems; the rest are not listed"))

    def mapping(
        self, value: Any, path: tuple[str | int, ...], required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"must be a mapping, not {type_name(value)}")
            return None
        allowed = required + optional
        for key in value:
            if key not in allowed:
                import difflib

                shown = brief(str(key))
                close = difflib.get_close_matches(shown, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"
                self.problem((*path, shown), f"unknown key{hint}")
        for key in required:
            if key not in value:
                self.problem(path, f"missing key '{key}'")
        return value

    def string(
        self, d: dict[str, Any], key: str, path: tuple[str | int, ...], *, nullable: bool = False, name: bool = False
    ) -> str | None:
        value = d.get(key)
        if value is None and (nullable or key not in d):
            return None  # a missing required key is reported by mapping()
        if not isinstance(value, str):
            self.problem((*path, key), f"must be a string, not {type_name(value)}")
            return None
        if not value.strip():
            self.problem((*path, key), "is empty")
            return None
        if name and not self.printable(value.strip(), (*path, key)):
            return None
        return value.strip()

    def printable(self, name: str, path: tuple[str | int, ...]) -> bool:
        """Ids, titles, terms and aliases are echoed in messages and completion: no control characters."""
        from fopinfo.safe_text import has_controls

        if has_controls(name):
            self.problem(path, f"holds a control or bidi character: '{brief(name)}'")
            return False
        return True

    def strings(
        self, d: dict[str, Any], key: str, path: tuple[str | int, ...], *, names: bool = False
    ) -> tuple[str, ...]:
        items = self.sequence(d, key, path)
        out = []
        for i, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                if not names or self.printable(item.strip(), (*path, key, i)):
                    out.append(item.strip())
            else:
                self.problem((*path, key, i), f"must be a non-empty string, not {type_name(item)!s}")
        return tuple(out)

    def numbers(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> tuple[int, ...]:
        items = self.sequence(d, key, path)
        out: dict[int, None] = {}  # ordered, and a set for the membership test
        for i, item in enumerate(items):
            if type(item) is not int or item < 1:
                self.problem((*path, key, i), f"must be a positive integer, not {brief(item)}")
            elif item in out:
                self.problem((*path, key, i), f"source {item} is listed twice")
            else:
                out[item] = None
        return tuple(out)

    def sequence(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> list[Any]:
        value = d.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem((*path, key), f"must be a list, not {type_name(value)}")
            return []
        return value

    def flag(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> bool:
        value = d.get(key, False)
        if not isinstance(value, bool):
            self.problem((*path, key), f"must be true or false, not {type_name(value)}")
            return False
        return value


def iso(value: Any) -> Any:
    """YAML reads an unquoted 2022-01-24 as a date: use its ISO text, as a quoted one would be."""
    import datetime

    return value.isoformat() if isinstance(value, datetime.date) else value


def date(
    v: Validator, d: dict[str, Any], key: str, path: tuple[str | int, ...], pattern: re.Pattern[str], form: str
) -> str | None:
    """A date written as ``pattern`` allows (``form`` says how, to people), and a real one."""
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
        datetime.date.fromisoformat(value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value)
    except ValueError:
        v.problem((*path, key), f"is not a real date: {value}")
        return None
    return value

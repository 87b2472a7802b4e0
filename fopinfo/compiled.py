"""A parsed knowledge file in compiled form: the values YAML gave, kept with ``marshal``.

Two uses, one format: the wheel ships ``data/facts.yaml`` compiled (``hatch_build.py``
writes it at build time, keyed by the SHA-256 of the YAML bytes it came from), and the
opt-in cache (``fopinfo.cache``) keeps other files compiled, keyed by their ``stat``.

``marshal`` of plain built-in values only (dicts, lists, strings, numbers, None), never
pickle: loading it runs no code. The dates YAML reads from unquoted timestamps are not
marshal's; they are written as a list of (path, kind, ISO text) patches and put back on
loading. Every compiled form is checked when it is written: what it loads back must equal
what was parsed, or nothing is written. Reading never raises: a missing, truncated,
foreign or mismatched form is ``MISSING``, and the caller parses the YAML instead.

Standard library only, so the start-up fast path may read it too.
"""

from __future__ import annotations

import marshal

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (~2 ms of the fast path)
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1  # raise on any change of layout or of what the values mean
MAGIC = "fopinfo compiled knowledge"
MARSHAL_VERSION = 4  # plain values are written alike by every Python since 3.4; readable by all
BUNDLED_NAME = "facts.marshal"  # beside the installed facts.yaml, in the wheel


class Missing:
    """No usable compiled form: parse the YAML."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = Missing()


def dumps(data: Any, key: Any) -> bytes | None:
    """The compiled form of parsed data under ``key``, or None when it cannot be kept exactly."""
    try:
        patches: list[tuple[tuple[Any, ...], str, str]] = []
        plain = _plain(data, (), patches)
        blob = marshal.dumps((MAGIC, FORMAT, key, plain, patches), MARSHAL_VERSION)
    except (ValueError, TypeError, RecursionError):  # a value marshal cannot hold, or nested too deeply
        return None
    return blob if loads(blob, key) == data else None  # e.g. NaN, which equals nothing: not kept


def loads(blob: bytes, key: Any) -> Any:
    """The parsed data kept in ``blob`` under ``key``; MISSING when anything is wrong with it."""
    try:
        value = marshal.loads(blob)
    except (ValueError, EOFError, TypeError):
        return MISSING
    if not (type(value) is tuple and len(value) == 5 and value[:3] == (MAGIC, FORMAT, key)):
        return MISSING
    data, patches = value[3], value[4]
    if patches:
        try:
            data = _patched(data, patches)
        except (ValueError, TypeError, KeyError, IndexError):
            return MISSING
    return data


def sha256_hex(raw: bytes) -> str:
    """SHA-256 by CPython's built-in module when it has one: ``hashlib`` first loads OpenSSL
    (about 3 ms and 2.5 MB of a run that reads a 32 KB file)."""
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # CPython 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # CPython 3.10-3.11
        except ImportError:
            from hashlib import sha256
    return str(sha256(raw).hexdigest())


def _plain(value: Any, path: tuple[Any, ...], patches: list[tuple[tuple[Any, ...], str, str]]) -> Any:
    """The value with its dates replaced by None (listed in patches); other types as they are."""
    kind = type(value)
    if kind is dict:
        out = {}
        for k, v in value.items():
            if type(k) not in (str, int, bool, float, type(None)):
                raise TypeError(f"a key marshal cannot keep: {k!r}")
            out[k] = _plain(v, (*path, k), patches)
        return out
    if kind is list:
        return [_plain(v, (*path, i), patches) for i, v in enumerate(value)]
    if kind.__name__ in ("date", "datetime") and kind.__module__ == "datetime":
        patches.append((path, kind.__name__, value.isoformat()))
        return None
    return value


def _patched(data: Any, patches: list[Any]) -> Any:
    import datetime

    kinds = {"date": datetime.date.fromisoformat, "datetime": datetime.datetime.fromisoformat}
    for path, kind, text in patches:
        value = kinds[kind](text)
        if not path:
            return value
        container = data
        for part in path[:-1]:
            container = container[part]
        container[path[-1]] = value
    return data

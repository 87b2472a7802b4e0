"""Where the opt-in cache keeps a file's entry, what the entry is keyed by, and its layout.

Standard library only (and ``fopinfo.compiled``): the start-up fast path reads an entry's
completion candidates with it, before the model, Typer, Rich or YAML is imported, and
``fopinfo.cache`` reads and writes whole entries with it. No pathlib either (3 ms of imports).

One entry per knowledge file, one file per entry: ``LAYOUT``, the length of the first part
(8 bytes, little-endian), then two compiled forms (``fopinfo.compiled``) under the same key:
the completion candidates (``fopinfo.candidates``: names and short titles, a few kilobytes)
and the validated knowledge (``fopinfo.model_codec``). A Tab reads the header and the first
part only; a command skips the first part and loads the second. Reading never raises: a
missing, foreign, truncated or stale entry is ``MISSING``.
"""

from __future__ import annotations

import os

from fopinfo import __version__
from fopinfo.compiled import MISSING, loads, sha256_hex

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (~2 ms of the fast path)
if TYPE_CHECKING:
    from typing import Any

ENVIRONMENT = "FOPINFO_CACHE"
LAYOUT = b"fopinfo cache entry 1\n"  # change with the layout (the compiled parts carry their own format)
LENGTH_BYTES = 8


def enabled() -> bool:
    """Whether the user asked for the cache: FOPINFO_CACHE=1."""
    return os.environ.get(ENVIRONMENT, "").strip().lower() in ("1", "true", "yes", "on")


def directory() -> str | None:
    """``$XDG_CACHE_HOME/fopinfo``, or ``~/.cache/fopinfo``; None without an absolute place for it.

    A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "fopinfo") if os.path.isabs(base) else None


def entry_path(absolute: str) -> str | None:
    """Where the entry of the knowledge file at this absolute path is kept (None: nowhere)."""
    folder = directory()
    if folder is None:
        return None
    return os.path.join(folder, f"{sha256_hex(os.fsencode(absolute))[:32]}.marshal")


def private(folder: str) -> bool:
    """The cache folder is the user's own and no one else may write in it."""
    st = os.stat(folder)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def key(absolute: str, st: os.stat_result) -> tuple[Any, ...]:
    """Everything that must be unchanged for an entry to be served: the file, its stat, and fopinfo's
    own code (its version and each module's size and mtime, so an edited validator or model, even in
    a checkout, never meets an entry an older one made)."""
    file = (absolute, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    return (*file, __version__, _code())


def _code() -> tuple[tuple[str, int, int], ...]:
    with os.scandir(os.path.dirname(os.path.abspath(__file__))) as entries:
        return tuple(
            sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries if e.name.endswith(".py"))
        )


def parts(candidates: bytes, knowledge: bytes) -> tuple[bytes, ...]:
    """An entry's bytes, to be written one after another (never joined: the knowledge is 87 MB
    of YAML's worth at 100,000 statements): the layout, the candidates' compiled form, the knowledge's."""
    return (LAYOUT + len(candidates).to_bytes(LENGTH_BYTES, "little"), candidates, knowledge)


def read(path: str, knowledge: bool) -> Any:
    """The candidates (knowledge=False) or the plain knowledge (True) kept for the knowledge file at
    ``path`` (as given: relative to the working folder), if its entry is current; else MISSING.
    Never raises."""
    try:
        absolute = os.path.abspath(path)
        entry = entry_path(absolute)
        if entry is None or not private(os.path.dirname(entry)):
            return MISSING
        with open(entry, "rb") as f:
            if os.fstat(f.fileno()).st_uid != os.getuid():
                return MISSING
            head = f.read(len(LAYOUT) + LENGTH_BYTES)
            if len(head) != len(LAYOUT) + LENGTH_BYTES or not head.startswith(LAYOUT):
                return MISSING
            length = int.from_bytes(head[len(LAYOUT) :], "little")
            if knowledge:
                f.seek(length, os.SEEK_CUR)
                blob = f.read()
            else:
                blob = f.read(length)
                if len(blob) != length:
                    return MISSING
        return loads(blob, key(absolute, os.stat(absolute)))
    except (OSError, ValueError, TypeError, OverflowError):  # unreadable, or not what parts() wrote
        return MISSING

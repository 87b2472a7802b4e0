"""The opt-in cache of knowledge files, so authors of large files stop paying a full YAML
parse (and validation) on every run.

Used only when ``FOPINFO_CACHE=1`` is set (never otherwise: not read, not written). Each
valid file read with the cache on is kept as its validated knowledge (``model_codec``),
compiled (``fopinfo.compiled``), in
``$XDG_CACHE_HOME/fopinfo`` (default ``~/.cache/fopinfo``, created with mode 0700), one
entry per file path, replaced when the file changes.

An entry is served only while the file's device, inode, size, ``st_mtime_ns`` and
``st_ctime_ns`` are all what they were when it was read: an edit, a same-size edit with
its mtime restored (``touch -d``), or ``cp -p`` over it all change the ctime, which no
user can set back. Because a file system's clock ticks coarsely (an edit within the same
tick can keep the ctime), a file changed less than RECENT_NS before it is read is not
kept at all: its next edit is then sure to show.

Every failure is silent and harmless: a cache that cannot be created, read or written, a
truncated, corrupt, foreign or older entry, all mean the YAML is parsed as without it.
Entries are written atomically (a temporary file in the same directory, then a rename).
The entries are marshal data read only from the user's own 0700 directory.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from fopinfo import __version__
from fopinfo.compiled import MISSING, dumps, loads
from fopinfo.model import Knowledge
from fopinfo.model_codec import decode, encode

ENVIRONMENT = "FOPINFO_CACHE"
RECENT_NS = 2_000_000_000  # coarser than any file system's clock tick for ctime (FAT's mtime: 2 s)


def enabled() -> bool:
    """Whether the user asked for the cache: FOPINFO_CACHE=1."""
    return os.environ.get(ENVIRONMENT, "").strip().lower() in ("1", "true", "yes", "on")


def directory() -> Path | None:
    """``$XDG_CACHE_HOME/fopinfo``, or ``~/.cache/fopinfo``; None without an absolute place for it.

    A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fopinfo" if os.path.isabs(base) else None


def lookup(path: Path) -> Knowledge | None:
    """The knowledge in the file at ``path`` if a current entry holds it, else None. Never raises."""
    try:
        absolute = os.path.abspath(path)
        entry = _entry(absolute)
        if entry is None or not _private(entry.parent):
            return None
        with open(entry, "rb") as f:
            if os.fstat(f.fileno()).st_uid != os.getuid():
                return None
            blob = f.read()
        plain = loads(blob, _key(absolute, os.stat(absolute)))
        return None if plain is MISSING else decode(plain)
    except (OSError, ValueError, TypeError, KeyError, IndexError):  # unreadable, or not what encode() wrote
        return None


def store(path: Path, st: os.stat_result, knowledge: Knowledge) -> None:
    """Keep the knowledge read from the file at ``path`` as it was when ``st`` was taken. Never raises."""
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RECENT_NS:
        return  # changed within a clock tick or so: a further edit might keep its ctime
    try:
        absolute = os.path.abspath(path)
        entry = _entry(absolute)
        if entry is None:
            return
        key = _key(absolute, st)
        blob = dumps(encode(knowledge), key)
        if blob is None or decode(loads(blob, key)) != knowledge:  # kept only if it gives back the same
            return
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(entry.parent):
            return
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with open(fd, "wb") as f:
                f.write(blob)
            os.replace(temporary, entry)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return


def _private(folder: Path) -> bool:
    """The cache folder is the user's own and no one else may write in it."""
    st = os.stat(folder)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _entry(absolute: str) -> Path | None:
    import hashlib

    folder = directory()
    if folder is None:
        return None
    return folder / f"{hashlib.sha256(os.fsencode(absolute)).hexdigest()[:32]}.marshal"


def _key(absolute: str, st: os.stat_result) -> tuple[Any, ...]:
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

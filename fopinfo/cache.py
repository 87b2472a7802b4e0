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

Beside the knowledge, an entry keeps the file's completion candidates (``fopinfo.candidates``),
so a shell's Tab after ``--data FILE`` (or with FOPINFO_DATA set) is answered by the start-up
fast path from a few kilobytes, before Typer, Rich or YAML is imported; where the entry and
its key are and how it is laid out is ``fopinfo.cache_entry`` (standard library only).

Every failure is silent and harmless: a cache that cannot be created, read or written, a
truncated, corrupt, foreign or older entry, all mean the YAML is parsed as without it.
Entries are written atomically (a temporary file in the same directory, then a rename).
The entries are marshal data read only from the user's own 0700 directory.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from fopinfo import cache_entry
from fopinfo.cache_entry import enabled as enabled
from fopinfo.compiled import MISSING, dumps, loads
from fopinfo.model import Knowledge
from fopinfo.model_codec import decode, encode

RECENT_NS = 2_000_000_000  # coarser than any file system's clock tick for ctime (FAT's mtime: 2 s)


def lookup(path: Path) -> Knowledge | None:
    """The knowledge in the file at ``path`` if a current entry holds it, else None. Never raises."""
    plain = cache_entry.read(os.fspath(path), knowledge=True)
    if plain is MISSING:
        return None
    try:
        return decode(plain)
    except (ValueError, TypeError, KeyError, IndexError):  # not what encode() wrote
        return None


def store(path: Path, st: os.stat_result, knowledge: Knowledge) -> None:
    """Keep the knowledge read from the file at ``path`` as it was when ``st`` was taken, with its
    completion candidates. Never raises."""
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RECENT_NS:
        return  # changed within a clock tick or so: a further edit might keep its ctime
    try:
        from fopinfo import candidates

        absolute = os.path.abspath(path)
        where = cache_entry.entry_path(absolute)
        if where is None:
            return
        entry = Path(where)
        key = cache_entry.key(absolute, st)
        blob = dumps(encode(knowledge), key)
        if blob is None or decode(loads(blob, key)) != knowledge:  # kept only if it gives back the same
            return
        offered = dumps(candidates.of(knowledge), key)
        if offered is None:
            return
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not cache_entry.private(str(entry.parent)):
            return
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with open(fd, "wb") as f:
                for part in cache_entry.parts(offered, blob):
                    f.write(part)
            os.replace(temporary, entry)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return

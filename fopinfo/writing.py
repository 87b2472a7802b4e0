"""Every byte of stdout written, or an error: short writes retried, a full pipe waited for.

Python's own stream stack loses output in two cases. Unbuffered (``PYTHONUNBUFFERED=1``,
common in containers and CI) the text layer writes straight to the file and ignores a
short count, so a file-size limit or a full pipe silently drops the rest. On a
non-blocking descriptor (one a parent set O_NONBLOCK on) a write that would block
returns None unbuffered, or raises BlockingIOError buffered. Under fopinfo's stdout is a
raw layer whose write returns only once every byte is written, or raises the OSError that
says why (fopinfo.outcome turns it into exit 4 and one ``Error:`` line).

Standard library only; ``select`` is imported only when a write would block.
"""

from __future__ import annotations

import errno
import io
import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class FullWriter(io.RawIOBase):
    """A raw descriptor writer with no short writes: loops until done, polls (never spins) on EAGAIN."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: ReadableBuffer, /) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            try:
                written = os.write(self._fd, view[done:])
            except BlockingIOError:
                _wait_until_writable(self._fd)
                continue
            if written <= 0:  # never seen from a POSIX write of at least one byte, but never loop on it
                raise OSError(errno.EIO, "the output accepted no bytes")
            done += written
        return done


def _wait_until_writable(fd: int) -> None:
    """Block until the descriptor can take more (or has failed: the next write then says how)."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLOUT)
    poller.poll()


def reliable(stream: Any) -> TextIO:
    """A text stream like ``stream`` (encoding, errors, buffering) writing through FullWriter.

    A stream without a descriptor (replaced by a test harness, or closed) is returned as it is.
    """
    try:
        fd = stream.fileno()
        stream.flush()  # nothing is written before fopinfo runs, but never drop or reorder anything
    except (AttributeError, OSError, ValueError):
        return stream  # type: ignore[no-any-return]
    raw = FullWriter(fd)
    unbuffered = not isinstance(getattr(stream, "buffer", None), io.BufferedIOBase)
    binary: Any = raw if unbuffered else io.BufferedWriter(raw)
    return io.TextIOWrapper(
        binary,
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=unbuffered or stream.write_through,
    )

"""A real pseudo-terminal for tests: fopinfo runs with it as its controlling terminal, keys are
typed into it (Ctrl-C included, which the terminal turns into SIGINT for the foreground), and
what the terminal shows is read back. Every wait is bounded."""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

ROWS, COLUMNS = 10, 80


def _controlling_terminal() -> None:
    """In the child, after setsid: make stdin (the terminal) its controlling terminal, foreground."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
            preexec_fn=_controlling_terminal,
        )
        os.close(slave)
        self.shown = b""

    def read(self, seconds: float = 0.2) -> None:
        """What the terminal shows over the next moments (until quiet, or closed)."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every process holding the terminal has ended
                return
            if not chunk:
                return
            self.shown += chunk

    def wait_for(self, text: str, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while text.encode() not in self.shown:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never shown; the terminal shows {self.text()[-2000:]!r}")
            self.read(0.1)

    def keys(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def exit_code(self, seconds: float = 15) -> int:
        """Wait for fopinfo to end (reading all it shows meanwhile); its exit code."""
        deadline = time.monotonic() + seconds
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"fopinfo still running; the terminal shows {self.text()[-2000:]!r}")
            self.read(0.1)
        self.read(0.2)
        return self.process.returncode

    def running(self) -> bool:
        return self.process.poll() is None

    def left_behind(self) -> list[str]:
        """The commands of processes still alive in fopinfo's session (an orphaned pager would be one)."""
        return [name for _, name, state in self._members() if state != "Z"]

    def text(self) -> str:
        return self.shown.decode(errors="replace")

    def close(self) -> None:
        """End whatever is left of the session (only its own processes), and the terminal."""
        for pid, _, _ in self._members():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.wait(5)
        os.close(self.master)

    def _members(self) -> list[tuple[int, str, str]]:
        """(pid, command, state) of every process in the session fopinfo leads."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name, rest = stat.split("(", 1)[1].rsplit(")", 1)
            fields = rest.split()
            if int(fields[3]) == self.process.pid:  # fields: state, ppid, pgrp, session
                found.append((int(entry.name), name, fields[0]))
        return found

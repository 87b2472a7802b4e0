"""The pager in a real pseudo-terminal with real `less`: it never loses output, never leaves
an orphan, never pages a dumb terminal, and always shows styles (keys typed, Ctrl-C sent)."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fopinfo import terminal
from tests.terminal_session import Session

SCRIPT = Path(sys.executable).parent / "fopinfo"
LAST_FACT = "10. There is a growing FOP community"  # the end of `fopinfo facts`, past the first screen


def plain(s: Session) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", s.text())


@pytest.fixture
def session() -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for s in started:
        s.close()


def start(sessions: list[Session], *args: str, **env: str) -> Session:
    if not SCRIPT.exists():
        pytest.skip("the console script is not installed in this environment")
    if shutil.which("less") is None:
        if os.environ.get("FOPINFO_REQUIRE_SHELLS") == "1":
            pytest.fail("FOPINFO_REQUIRE_SHELLS=1 but less is not installed", pytrace=False)
        pytest.skip("less is not installed; .ci/run installs it")
    drop = ("PAGER", "FOPINFO_PAGER", "LESS", "NO_COLOR", "FORCE_COLOR", "LINES", "COLUMNS", "TERM")
    base = {k: v for k, v in os.environ.items() if k not in drop}
    s = Session([str(SCRIPT), *args], {**base, "TERM": "xterm", "SOURCE_DATE_EPOCH": "1795564800", **env})
    sessions.append(s)
    return s


def test_less_pages_and_quits_on_q(session: list[Session]) -> None:
    s = start(session, "facts")
    s.wait_for("FOP Facts (10)")
    s.read(0.5)
    assert s.running() and LAST_FACT not in plain(s)  # one screen, in less
    s.keys("q")
    assert s.exit_code() == 0
    assert s.left_behind() == []


def test_ctrl_c_in_less_leaves_no_orphan_and_the_terminal_clean(session: list[Session]) -> None:
    s = start(session, "facts")
    s.wait_for("FOP Facts (10)")
    s.keys("/bone")  # a search typed in less, then abandoned with Ctrl-C: less's own use of it
    s.read(0.3)
    s.keys("\x03")
    s.read(0.5)
    assert s.running(), s.text()  # fopinfo waits for the pager, rather than leaving it behind
    assert "Interrupted." not in s.text()
    assert [name for name in s.left_behind() if name == "less"] == ["less"]
    s.keys("q")
    assert s.exit_code() == 0
    assert s.left_behind() == []  # no orphaned less sharing keystrokes with the shell


def test_a_pager_that_dies_on_ctrl_c_ends_fopinfo_as_interrupted(session: list[Session]) -> None:
    s = start(session, "facts", LESS="-K")  # -K: less quits on Ctrl-C
    s.wait_for("FOP Facts (10)")
    # As a person would: Ctrl-C once less waits for a key. less 590 flushes its prompt just before it
    # marks itself as reading, and a SIGINT in between only rings the bell (CI once hit that window).
    s.wait_for("\n:")
    s.read(0.5)
    s.keys("\x03")
    assert s.exit_code() == 130
    assert "Interrupted." in s.text()
    assert s.left_behind() == []


@pytest.mark.parametrize("pager", ["nonexistent-pager-of-fopinfo", "nonexistent-pager-of-fopinfo -R", "false"])
def test_a_pager_that_is_missing_or_fails_loses_nothing(session: list[Session], pager: str) -> None:
    s = start(session, "facts", PAGER=pager)
    assert s.exit_code() == 0
    assert "FOP Facts (10)" in plain(s) and LAST_FACT in plain(s)  # printed in full instead
    assert "not found" not in s.text()


def test_a_dumb_terminal_is_never_paged(session: list[Session]) -> None:
    s = start(session, "facts", TERM="dumb")
    assert s.exit_code() == 0  # no less waiting for RETURN or q
    assert LAST_FACT in plain(s)
    assert "not fully functional" not in s.text() and "\x1b[" not in s.text()


@pytest.mark.parametrize("less", ["-i", "i", "-iX"])
def test_less_shows_styles_even_when_less_lacks_r(session: list[Session], less: str) -> None:
    s = start(session, "facts", LESS=less)
    s.wait_for("FOP Facts (10)")
    assert "\x1b[1m" in s.text()  # bold reaches the terminal as a style
    assert "ESC[" not in s.text()  # less never shows the escape codes as text
    s.keys("q")
    assert s.exit_code() == 0


def test_less_options() -> None:
    assert terminal.less_options("-i", []) == "-i -R"
    assert terminal.less_options("", []) == "-R"
    assert terminal.less_options("FRX", []) == "FRX"  # git's own LESS
    assert terminal.less_options("-r", []) == "-r"  # the user's raw mode kept
    assert terminal.less_options("-+R", []) == "-+R"  # their choice, even to turn it off
    assert terminal.less_options("-i", ["-R"]) == "-i"  # PAGER='less -R'
    assert terminal.less_options("--raw-control-chars", []) == "--raw-control-chars"
    assert terminal.less_options("-Pprompt", []) == "-Pprompt -R"  # a prompt's letters are not options
    assert terminal.less_options("-x4 -i", []) == "-x4 -i -R"

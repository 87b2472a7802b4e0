"""The manual page: generated from the app, committed, kept from drifting, and rendering
cleanly with the system's `man`; installed with the wheel (tests/test_package.py)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests import man_page
from tests.cli_docs import command_names


def test_the_committed_page_is_the_generated_one() -> None:
    assert man_page.PAGE.read_text(encoding="utf-8") == man_page.render(), (
        "man/fopinfo.1 is stale: run python -m tests.man_page --update"
    )


def test_the_page_names_every_command_and_option() -> None:
    page = man_page.PAGE.read_text(encoding="utf-8")
    for name in command_names():
        assert f'.SS "fopinfo {name}"' in page
    for option in ("\\-\\-data", "\\-\\-color", "\\-\\-no\\-pager", "\\-\\-brief", "\\-\\-html", "\\-\\-for"):
        assert option in page
    assert '.TH FOPINFO 1 "' in page and not page.startswith('.TH FOPINFO 1 ""')


def test_the_page_renders_cleanly_with_man() -> None:
    if shutil.which("man") is None:
        if os.environ.get("FOPINFO_REQUIRE_SHELLS") == "1":
            pytest.fail("FOPINFO_REQUIRE_SHELLS=1 but man (man-db) is not installed", pytrace=False)
        pytest.skip("man (man-db) is not installed; .ci/run installs it")
    env = {**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8"}
    shown = subprocess.run(
        ["man", "--warnings=all", "-l", str(man_page.PAGE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].split() == ["FOPINFO(1)", "User", "Commands", "FOPINFO(1)"]
    text = " ".join(shown.stdout.split())
    for expected in ("fopinfo cite [OPTIONS]", "--no-pager", 'fopinfo cite "[1,4]"', "130 interrupted", "LESS"):
        assert expected in text
    prose = [line for line in lines if not line.lstrip().startswith("fopinfo ")]  # examples keep their lines
    assert max(map(len, prose)) <= 80

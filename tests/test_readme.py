"""The README's examples are the CLI's real output, and its set-up commands stay true."""

from __future__ import annotations

import re

from tests.readme_examples import README, commands, render


def test_readme_examples_match_the_cli() -> None:
    text = README.read_text(encoding="utf-8")
    assert render(text) == text, "README examples are stale: run `python -m tests.readme_examples`"


def test_readme_shows_every_command() -> None:
    shown = {c.split()[1] for c in commands(README.read_text(encoding="utf-8")) if len(c.split()) > 1}
    assert {"facts", "topics", "topic", "cite", "sources", "search", "define", "handout", "check"} <= shown


def test_readme_opens_with_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", text, re.DOTALL)
    assert first_block is not None
    lines = [line for line in first_block[1].splitlines() if line and not line.startswith("#")]
    assert len(lines) == 2
    assert lines[0].endswith("fopinfo facts")
    assert "pytest" in lines[1]

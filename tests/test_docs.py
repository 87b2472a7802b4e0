"""Generated reference docs stay true: docs/cli.md and the README's command table."""

from __future__ import annotations

import re

from tests.cli_docs import DOC, command_names, render
from tests.readme_examples import README


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), "docs/cli.md is stale: run python -m tests.cli_docs --update"


def test_cli_reference_has_every_command() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in command_names():
        assert f"## fopinfo {name}\n" in text


def test_readme_command_table_lists_every_command() -> None:
    table = re.findall(r"^\| `fopinfo (\w+)", README.read_text(encoding="utf-8"), re.MULTILINE)
    assert set(command_names()) <= set(table), set(command_names()) - set(table)

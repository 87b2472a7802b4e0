"""The README's and docs' examples are the CLI's real output, and its set-up commands stay true."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.cli_docs import command_names
from tests.readme_examples import DOCS, README, commands, render


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_examples_match_the_cli(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert render(text) == text, f"{doc.name} examples are stale: run `python -m tests.readme_examples`"


def test_docs_show_every_command() -> None:
    shown = {c.split()[1] for doc in DOCS for c in commands(doc.read_text(encoding="utf-8")) if len(c.split()) > 1}
    assert set(command_names()) <= shown, set(command_names()) - shown


def _setup_blocks() -> list[tuple[str, str]]:
    head = README.read_text(encoding="utf-8").split("\n## ", 1)[0]  # before the first section
    return re.findall(r"\*\*(Use it|Develop it)\*\*[^\n]*\n\n```sh\n(.*?)```", head, re.DOTALL)


def test_readme_opens_with_the_two_labelled_setup_commands() -> None:
    head = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    blocks = _setup_blocks()
    assert [label for label, _ in blocks] == ["Use it", "Develop it"]
    (use,), (develop,) = ([line for line in body.splitlines() if line] for _, body in blocks)
    assert use.endswith("fopinfo facts")
    assert "pytest" in develop
    assert re.findall(r"^```sh$", head, re.MULTILINE) == ["```sh", "```sh"]  # nothing else to paste first


def test_ci_runs_the_readme_develop_line() -> None:
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    extract = ci.split("cmd=$(", 1)[1].split(")\n", 1)[0]
    found = subprocess.run(["bash", "-c", extract], cwd=README.parent, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == _setup_blocks()[1][1].strip()

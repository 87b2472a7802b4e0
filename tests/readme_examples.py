"""Regenerate or check the command examples in README.md (like cog in sqlite-utils).

Each example in the README is an HTML comment naming a command, followed by a
``console`` block holding its real output:

    <!-- example: fopinfo cite 7 -->

Run ``python -m tests.readme_examples`` to rewrite the blocks after changing output;
``tests/test_readme.py`` fails while any block differs from what the CLI prints.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

from fopinfo.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
EXAMPLE = re.compile(r"(<!-- example: (?P<command>.+?) -->\n```console\n)(?P<body>.*?)(```)", re.DOTALL)
# Examples are rendered as in a plain 80-column pipe, whatever the caller's environment.
ENVIRONMENT: dict[str, str | None] = {
    "COLUMNS": "80",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "FOPINFO_DATA": None,
    "FORCE_COLOR": None,
    "SOURCE_DATE_EPOCH": "1795564800",  # 2026-11-25: the source's age stays as written
}


def output_of(command: str) -> str:
    argv = shlex.split(command)
    assert argv[0] == "fopinfo", command
    # Relative paths in examples (data/facts.yaml) are relative to the repository.
    here = os.getcwd()
    os.chdir(README.parent)
    try:
        result = CliRunner().invoke(app, argv[1:], env=ENVIRONMENT)
    finally:
        os.chdir(here)
    return f"$ {command}\n{result.output}"


def render(text: str) -> str:
    return EXAMPLE.sub(lambda m: m[1] + output_of(m["command"]) + m[4], text)


def commands(text: str) -> list[str]:
    return [m["command"] for m in EXAMPLE.finditer(text)]


if __name__ == "__main__":
    original = README.read_text(encoding="utf-8")
    updated = render(original)
    if updated != original:
        README.write_text(updated, encoding="utf-8")
        print(f"updated {README}")
    else:
        print(f"{README} is up to date")
    sys.exit(0)

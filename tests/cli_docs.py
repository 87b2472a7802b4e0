"""docs/cli.md: every command's --help, generated from the app (as llm and sqlite-utils do with cog).

python -m tests.cli_docs --update    # rewrite docs/cli.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from typer.testing import CliRunner

from fopinfo.cli import app
from tests.generated import keep

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
ENVIRONMENT = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
INTRO = (
    "# Command reference\n\n"
    "Every command's `--help`, generated from fopinfo itself by `python -m tests.cli_docs --update` "
    "and checked by the test suite, so it cannot fall behind.\n"
)


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(getattr(group, "commands", {}))


def help_of(args: list[str]) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env=ENVIRONMENT, prog_name="fopinfo")
    assert result.exit_code == 0, result.output
    return result.stdout


def render() -> str:
    parts = [INTRO, "## fopinfo\n\n```text\n" + help_of([]) + "```\n"]
    parts += [f"## fopinfo {name}\n\n```text\n" + help_of([name]) + "```\n" for name in command_names()]
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite docs/cli.md")
    args = parser.parse_args()
    return keep(DOC, render(), args.update, "python -m tests.cli_docs")


if __name__ == "__main__":
    sys.exit(main())

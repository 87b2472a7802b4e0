"""man/fopinfo.1: the manual page, generated from the app's own command tree (as docs/cli.md is).

python -m tests.man_page --update    # rewrite man/fopinfo.1

The wheel installs it as shared data (share/man/man1/fopinfo.1), so `man fopinfo` finds it
wherever the environment's share/man is on the manual path; `man -l man/fopinfo.1` reads it
from a checkout. tests/test_man.py keeps it from drifting and renders it with man.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from fopinfo import __version__
from fopinfo.cli import app
from tests.generated import keep

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "man" / "fopinfo.1"
ENVIRONMENT = (
    ("FOPINFO_DATA", "Knowledge file to read instead of the bundled one (as --data)."),
    (
        "FOPINFO_PAGER, PAGER",
        "The pager for long output in a terminal (default: less -FRX). Used only when its "
        "program exists; when it cannot start or fails, the output is printed instead.",
    ),
    ("LESS", "Options for less; -R is added when it lacks R, so styles never show as codes."),
    ("NO_COLOR, FORCE_COLOR", "No colour, or colour even when not writing to a terminal; --color wins over both."),
    ("TERM", "With TERM=dumb nothing is paged, and nothing styled unless --color always."),
    ("SOURCE_DATE_EPOCH", "Today's date for the source's age, as a Unix time (for reproducible output)."),
)


def roff(text: str) -> str:
    """Text as roff: backslashes and hyphens literal, no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n"))


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def release_date() -> str:
    """The date of this version's release in CHANGELOG.md (fixed, so the page is reproducible)."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    found = re.search(rf"^## \[{re.escape(__version__)}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", changelog, re.MULTILINE)
    return found[1] if found else ""


def options(command: Any, ctx: Any) -> list[str]:
    lines = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:  # hidden
            continue
        names, help_text = record
        lines += [".TP", f"\\fB{roff(names)}\\fR", roff(" ".join(help_text.split()))]
    return lines


def examples(epilog: str | None) -> list[str]:
    if not epilog or "Examples:" not in epilog:
        return []
    shown = [line.strip() for line in epilog.split("\b", 1)[-1].splitlines() if line.strip()]
    # Indented 2 within the section, so an 80-column terminal holds each example whole.
    return [".PP", "Examples:", ".RS 2", ".nf", *(roff(line) for line in shown), ".fi", ".RE"]


def render() -> str:
    import typer.main

    group: Any = typer.main.get_command(app)
    ctx = group.context_class(group, info_name="fopinfo", **group.context_settings)
    description, *more = paragraphs(group.help or "")
    lines = [
        '.\\" Generated from fopinfo itself by `python -m tests.man_page --update`; do not edit.',
        f'.TH FOPINFO 1 "{release_date()}" "fopinfo {__version__}" "User Commands"',
        ".SH NAME",
        f"fopinfo \\- {roff(description[0].lower() + description[1:].removesuffix('.'))}",
        ".SH SYNOPSIS",
        ".B fopinfo",
        "[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]...]",
        ".SH DESCRIPTION",
    ]
    for paragraph in more:
        lines += [".PP", roff(paragraph)]
    lines += [".SH OPTIONS", *options(group, ctx), ".SH COMMANDS"]
    for name in group.list_commands(ctx):
        command = group.commands[name]
        sub = command.context_class(command, info_name=name, parent=ctx)
        usage = " ".join(command.collect_usage_pieces(sub))
        lines += [f'.SS "fopinfo {name}"', f"\\fBfopinfo {name}\\fR {roff(usage)}", ".PP"]
        lines += [roff(p) + "\n.PP" for p in paragraphs(command.help or "")]
        lines[-1] = lines[-1].removesuffix("\n.PP")
        lines += options(command, sub) + examples(command.epilog)
    lines += [".SH EXIT STATUS", ".TP", "0", "success"]
    for code, meaning in re.findall(r"(\d+) ([^,.]+)", (group.epilog or "").split(":", 1)[-1]):
        if code != "0":
            lines += [".TP", code, roff(meaning)]
    lines.append(".SH ENVIRONMENT")
    for variable, meaning in ENVIRONMENT:
        lines += [".TP", f"\\fB{roff(variable)}\\fR", roff(meaning)]
    lines += [
        ".SH NOTES",
        roff(
            "Not medical advice. Every statement comes from one source document, Ipsen's patient page "
            "\u201cWhat is FOP?\u201d (NON\u2011US\u2011001996, December 2020), with the citation markers it prints."
        ),
        ".SH SEE ALSO",
        "\\fBless\\fR(1)",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite man/fopinfo.1")
    args = parser.parse_args()
    return keep(PAGE, render(), args.update, "python -m tests.man_page")


if __name__ == "__main__":
    sys.exit(main())

"""The `fopinfo review` command: load the file, then hand over to ``fopinfo.reviewing``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fopinfo.cli_params import examples
from fopinfo.errors import BadKnowledgeFile

EXAMPLES = examples("fopinfo review", "fopinfo review --list", "fopinfo review --accept term/fop --reviewer 'A. Name'")
PathArg = Annotated[
    Path | None, typer.Argument(metavar="PATH", help="Knowledge file (default: --data, else the bundled file).")
]
AcceptOption = Annotated[
    list[str] | None,
    typer.Option("--accept", metavar="KEY", help="Accept this element, shown as it is (repeatable; needs --reviewer)."),
]
ReviewerOption = Annotated[
    str | None, typer.Option("--reviewer", metavar="NAME", help="Who reviews: recorded with each acceptance.")
]
ListFlag = Annotated[bool, typer.Option("--list", help="List what needs review, each with its diff; accept nothing.")]


def review(path: Path | None, list_only: bool, accept_keys: list[str], reviewer: str | None) -> None:
    from fopinfo import reviewing
    from fopinfo.checking import target
    from fopinfo.loading import load

    chosen = target(path, None)
    k = load(chosen)

    def say(text: str) -> None:
        from fopinfo.safe_text import for_terminal

        print("\n".join(for_terminal(line) for line in text.split("\n")), flush=True)

    def ask(prompt: str) -> str:
        return input(prompt)

    if list_only:
        todo = reviewing.pending_list(chosen, k)
        for p in todo:
            say(f"{p.kind} {p.key} ({p.path}): {p.why}\n{p.diff()}\n")
        say(f"{len(todo)} element(s) to review in {chosen}")
        if todo:
            raise BadKnowledgeFile(f"{chosen}: {len(todo)} element(s) not reviewed")
        return
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    left = reviewing.run(
        chosen, k, accept_keys=accept_keys, reviewer=reviewer, interactive=interactive, say=say, ask=ask
    )
    if left:
        say(f"{left} element(s) still to review")

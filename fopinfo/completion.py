"""Shell completion of topic names, terms and source numbers, written for the asking shell.

Candidates come from the same spellings that resolve names (query.topic_spellings,
query.term_spellings, query.completions), so what completes also resolves. Typer prints
candidates as given; the shell-specific part is here:

- bash inserts a candidate as it is, so it gets one written for where it goes: escaped
  (``hallux\\ valgus``) after nothing or plain text, inside the quotes the user opened.
- zsh reads what Typer prints inside single quotes, with each apostrophe doubled: without
  zsh's rc_quotes option an apostrophe is lost ("source's" shows as "sources"). Descriptions
  get the typographic apostrophe instead, and names zsh cannot carry are left out.
- fish quotes what it inserts itself.

Loaded only when a shell asks (the callbacks run only then).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from fopinfo import bash_words
from fopinfo.errors import FopinfoError

if TYPE_CHECKING:
    from typer.core import TyperGroup

    from fopinfo.model import Knowledge, Section, Subject, Term

COMPLETE_VAR = "_FOPINFO_COMPLETE"  # Typer's name for it: _{PROG}_COMPLETE
T = TypeVar("T")
Offer = tuple[str, str]  # (candidate, description): Typer's form; bash shows no descriptions


def topics(ctx: typer.Context, incomplete: str) -> list[Offer]:
    from fopinfo import query

    k = _knowledge(ctx)
    return _offers(query.topic_spellings(k), incomplete, _title) if k else []


def terms(ctx: typer.Context, incomplete: str) -> list[Offer]:
    from fopinfo import query

    k = _knowledge(ctx)
    return _offers(query.term_spellings(k), incomplete, _term) if k else []


def sources(ctx: typer.Context, incomplete: str) -> list[Offer]:
    k = _knowledge(ctx)
    if not k:
        return []
    return [(str(s.number), _description(s.text or "")) for s in k.sources if str(s.number).startswith(incomplete)]


def prepare(group: TyperGroup) -> None:
    """Before Typer answers a shell: help texts that zsh shows intact (apostrophes kept)."""
    if _shell() != "zsh":
        return
    for command in (group, *group.commands.values()):
        for owner in (command, *command.params):
            for field in ("help", "short_help"):
                text = getattr(owner, field, None)
                if isinstance(text, str):
                    setattr(owner, field, _zsh_text(text))


def _knowledge(ctx: typer.Context) -> Knowledge | None:
    from fopinfo.loading import load

    data = ctx.find_root().params.get("data")  # --data, or FOPINFO_DATA read into it
    try:
        return load(Path(data) if data else None)
    except FopinfoError:
        return None


def _title(owner: Section | Subject) -> str:
    return owner.title


def _term(owner: Term) -> str:
    return owner.term


def _shell() -> str:
    return os.environ.get(COMPLETE_VAR, "").removeprefix("complete_")


def _offers(spellings: Iterable[tuple[str, T]], typed: str, describe: Callable[[T], str]) -> list[Offer]:
    from fopinfo import query
    from fopinfo.model import name_key

    shell = _shell()
    quote = bash_words.opening_quote(os.environ) if shell == "bash" else ""
    out = []
    for name, owner in query.completions(spellings, typed, _carried_by(shell, quote)):
        title = describe(owner)
        out.append(
            (
                bash_words.inserted(name, quote) if shell == "bash" else name,
                _description(title, name_key(title) == name_key(name)),
            )
        )
    return out


def _carried_by(shell: str, quote: str) -> Callable[[str], bool]:
    """Which names the shell's completion can carry whole."""
    if shell == "zsh":
        return lambda name: not re.search(r"['\"\\\x00-\x1f]", name)
    if quote == '"':
        return lambda name: "!" not in name and not re.search(r"[\x00-\x1f]", name)  # history expansion
    return lambda name: not re.search(r"[\x00-\x1f]", name)


def _description(text: str, same: bool = False) -> str:
    """A short description, none where it would repeat the candidate."""
    if same or not text:
        return ""
    text = " ".join(text.split())
    text = text if len(text) <= 60 else text[:59].rstrip() + "…"
    return _zsh_text(text) if _shell() == "zsh" else text


def _zsh_text(text: str) -> str:
    """Text that survives Typer's zsh quoting: typographic apostrophes and quotes."""
    text = re.sub(r'"([^"]*)"', "“\\1”", text)
    return text.replace('"', "”").replace("'", "’")

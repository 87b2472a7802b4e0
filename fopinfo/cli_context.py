"""What every command shares: the global options, the knowledge file they name, the one output
format chosen, and handing an answer to that format's view (imported only then)."""

# No `from __future__ import annotations`: see cli.py.

from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

import typer

from fopinfo.errors import UsageProblem

if TYPE_CHECKING:
    from fopinfo.answers import Answer
    from fopinfo.model import Knowledge

Format = Literal["text", "json", "markdown", "html"]


class Options(NamedTuple):
    data: Path | None
    json: bool
    markdown: bool
    data_origin: str | None = None  # "--data" or "FOPINFO_DATA": named when the file cannot be read


def options_of(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options(None, False, False)


def data_origin(ctx: typer.Context) -> str | None:
    root = ctx.find_root()
    if root.params.get("data") is None:
        return None
    source = root.get_parameter_source("data")  # Click's ParameterSource, compared by name (public API)
    return "FOPINFO_DATA" if getattr(source, "name", "") == "ENVIRONMENT" else "--data"


def knowledge(ctx: typer.Context) -> "Knowledge":
    from fopinfo.loading import load

    return load(options_of(ctx).data, options_of(ctx).data_origin)


def choose_format(ctx: typer.Context, json_: bool, markdown: bool = False, html: bool = False) -> Format:
    """The one output format the command's and the global flags ask for; two is a usage error."""
    options = options_of(ctx)
    chosen = [
        name
        for name, on in (
            ("--json", json_ or options.json),
            ("--markdown", markdown or options.markdown),
            ("--html", html),
        )
        if on
    ]
    if len(chosen) > 1:
        raise UsageProblem(f"choose one of {' and '.join(chosen)}")
    return cast(Format, chosen[0][2:]) if chosen else "text"


def show(chosen: Format, answer: "Answer") -> None:
    """Hand the answer to the chosen format's view (imported only now)."""
    if chosen == "json":
        from fopinfo.views import json as view
    elif chosen == "markdown":
        from fopinfo.views import markdown as view  # type: ignore[no-redef]
    elif chosen == "html":
        from fopinfo.views import html as view  # type: ignore[no-redef]
    else:
        from fopinfo.views import text as view  # type: ignore[no-redef]
    view.show(answer)

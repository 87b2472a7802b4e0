"""Shell completion of topic names, terms and source numbers.

Candidates come from the same spellings that resolve names (query.topic_spellings,
query.term_spellings), so what completes also resolves. Loaded only when a shell asks.
"""

from __future__ import annotations

from pathlib import Path

import typer

from fopinfo.errors import FopinfoError
from fopinfo.model import Knowledge


def _knowledge(ctx: typer.Context) -> Knowledge | None:
    from fopinfo.loading import load

    data = ctx.find_root().params.get("data")  # --data, or FOPINFO_DATA read into it
    try:
        return load(Path(data) if data else None)
    except FopinfoError:
        return None


def topics(ctx: typer.Context, incomplete: str) -> list[str]:
    from fopinfo import query

    k = _knowledge(ctx)
    return query.completions(query.topic_spellings(k), incomplete) if k else []


def terms(ctx: typer.Context, incomplete: str) -> list[str]:
    from fopinfo import query

    k = _knowledge(ctx)
    return query.completions(query.term_spellings(k), incomplete) if k else []


def sources(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _knowledge(ctx)
    return [str(s.number) for s in k.sources if str(s.number).startswith(incomplete)] if k else []

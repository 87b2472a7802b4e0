"""Today's date, for the source's age: SOURCE_DATE_EPOCH (the reproducible-builds
convention) fixes it, so golden files and README examples stay stable as years pass."""

from __future__ import annotations

import datetime
import os

from fopinfo.errors import UsageProblem


def today() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.date.today()
    try:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        shown = epoch if len(epoch) <= 20 else epoch[:20] + "…"
        raise UsageProblem(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {shown!r}") from None

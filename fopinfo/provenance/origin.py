"""The origin's shown fields against the source: title, publisher, reference, date,
audience, disclaimer, left-out lines, related-page labels and the source's hash."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from fopinfo.folding import normalise
from fopinfo.model import Knowledge
from fopinfo.provenance.wording import paraphrase

if TYPE_CHECKING:
    from fopinfo.provenance.checker import Checker

_MONTHS = "January February March April May June July August September October November December".split()
SHOWN = ("title", "publisher", "reference", "date", "audience", "disclaimer")


def _holds(quote: str, words: str) -> bool:
    """``words`` stand in ``quote`` whole (not inside a longer word or code), case aside."""
    # A hyphen joins: "US-001996" is not the code "NON-US-001996".
    pattern = r"(?<![^\W_]|-)" + re.escape(normalise(words)) + r"(?![^\W_]|-)"
    return re.search(pattern, normalise(quote), re.IGNORECASE) is not None


def _month(date: str) -> str | None:
    """'2020-12' as the source prints it, 'December 2020'; None if not a YYYY-MM date."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", date)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def check_origin(c: Checker, k: Knowledge) -> None:
    o = k.origin
    _hash(c, o.source_sha256)
    for key in o.quotes:
        starts = c.occurrences(o.quotes[key])
        if not starts:
            c.add(f"origin.quotes.{key}", "quote not found in the source")
        for at in starts:
            c.furnish(at, at + len(normalise(o.quotes[key])))
    for key in SHOWN:
        quote = o.quotes.get(key)
        if quote is None:
            c.add(f"origin.{key}", f"no quote: the shown {key} must rest on origin.quotes.{key}")
        else:
            _field(c, key, getattr(o, key), quote)
    _left_out(c, k)
    _related(c, k)


def _hash(c: Checker, recorded: str | None) -> None:
    import hashlib

    actual = hashlib.sha256(c.raw.encode("utf-8")).hexdigest()
    if recorded is None:
        c.add("origin.source_sha256", f"no hash of the source text recorded (this source's is {actual})")
    elif recorded != actual:
        c.add("origin.source_sha256", f"the source text's SHA-256 is {actual}, not the one recorded")


def _field(c: Checker, key: str, value: str, quote: str) -> None:
    path = f"origin.{key}"
    if key == "title":
        if normalise(quote) not in c.src.lines:
            c.add(f"origin.quotes.{key}", "not a whole line of the source")
        c.shown(path, value, quote)
    elif key == "disclaimer":
        for problem in paraphrase(value, [quote], [], set()):
            c.add(path, problem)
        c.note("definition", path, value)
    elif key == "date":
        printed = _month(value)
        if printed is None:
            c.add(path, f"'{value}' is not a YYYY-MM date")
        elif not _holds(quote, printed):
            c.add(path, f"'{value}' is {printed}, which origin.quotes.date does not say")
    elif not _holds(quote, value):
        c.add(path, f"'{value}' is not in origin.quotes.{key}")


def _left_out(c: Checker, k: Knowledge) -> None:
    src = c.src
    starts_of = {lo for lo, _ in src.sentences}
    ends_of = {hi for _, hi in src.sentences}
    for i, line in enumerate(k.origin.left_out):
        path = f"origin.left_out[{i}]"
        c.note("left out", path, line)
        starts = c.occurrences(line)
        if not starts:
            c.add(path, "left-out line not found in the source")
        for at in starts:
            end = at + len(normalise(line))
            if at not in starts_of or end not in ends_of:
                c.add(path, "left-out text must be whole sentences of the source")
            elif c.has_marker(at, end):
                c.add(path, "the source cites this: it is content, not furniture")
            elif any(c.claimed[s] for s in src.sentences_in(at, end)):
                c.add(path, "a statement quotes this: it is not left out")
            c.furnish(at, end)


def _related(c: Checker, k: Knowledge) -> None:
    starts = sorted(c.section_starts)
    positions = [at for at, _ in starts]
    for i, page in enumerate(k.origin.related_pages):
        path = f"origin.related_pages[{i}]"
        c.note("related page", path, f"'{page.label}' under section {page.section}")
        lines = c.src.lines.get(normalise(page.label))
        if not lines:
            c.add(f"{path}.label", "not a line of the source")
            continue
        index = bisect_right(positions, lines[0]) - 1
        printed_in = starts[index][1] if index >= 0 else None
        if printed_in != page.section:
            c.add(f"{path}.section", f"the source prints this link under section {printed_in}")

"""The origin's shown fields against the source: title, publisher, reference, date,
audience, disclaimer, left-out lines, related-page labels and the source's hash."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from fopinfo.folding import normalise
from fopinfo.model import LEFT_OUT_REASONS, Knowledge

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


# Where each shown field is printed: the page's attribution lines, read by a fixed pattern
# (never any line of the page). The title is the page's first line that is not left out.
_ATTRIBUTION = {
    "publisher": re.compile(
        r"\b(?:developed|published|produced|written) by (?P<value>.+?)(?= in collaboration\b| with\b| for\b|[.,;]|$)"
    ),
    "reference": re.compile(r"\breference (?P<value>[A-Z0-9][A-Z0-9-]*[0-9])\b"),
    "audience": re.compile(r"\bintended for (?P<value>.+?) only\b"),
}


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
            _field(c, k, key, getattr(o, key), quote)
    _left_out(c, k)
    _related(c, k)
    _sources(c, k)


def _hash(c: Checker, recorded: str | None) -> None:
    import hashlib

    actual = hashlib.sha256(c.raw.encode("utf-8")).hexdigest()
    if recorded is None:
        c.add("origin.source_sha256", f"no hash of the source text recorded (this source's is {actual})")
    elif recorded != actual:
        c.add("origin.source_sha256", f"the source text's SHA-256 is {actual}, not the one recorded")


def _title_line(c: Checker, k: Knowledge) -> str | None:
    """The page's title: its first line that is not site furniture (a left-out line, or the
    banner another origin field quotes)."""
    left = {normalise(e.line) for e in k.origin.left_out}
    left |= {normalise(q) for key, q in k.origin.quotes.items() if key != "title"}
    for index in range(len(c.src.line_starts)):
        line = c.src.line_text(index)
        if line not in left:
            return line
    return None


def _field(c: Checker, k: Knowledge, key: str, value: str, quote: str) -> None:
    path = f"origin.{key}"
    if key == "title":
        title = _title_line(c, k)
        if normalise(quote) != title:
            c.add(f"origin.quotes.{key}", f"not the page's title: its first line (furniture aside) is '{title}'")
        c.shown(path, value, quote)
    elif key == "disclaimer":
        c.shown(path, value, quote)  # shown on every view: the source's words exactly
    elif key == "date":
        printed = _month(value)
        if printed is None:
            c.add(path, f"'{value}' is not a YYYY-MM date")
        elif not _holds(quote, printed) or _ATTRIBUTION["reference"].search(normalise(quote)) is None:
            c.add(path, f"'{value}' is {printed}, which the page's reference line (origin.quotes.date) does not print")
    else:
        m = _ATTRIBUTION[key].search(normalise(quote))
        if m is None:
            c.add(f"origin.quotes.{key}", f"not the page's {key} line: it does not say who/what the {key} is")
        elif normalise(value).casefold() != normalise(m.group("value")).casefold():
            c.add(path, f"'{value}' is not the {key} the page names: '{m.group('value')}'")


# Where each kind of furniture may stand, and what it may be. A line of sentences in the
# body of the page is content: it is never furniture, whatever the reason given.
def _shape_problem(c: Checker, reason: str | None, at: int, end: int, title: int) -> str | None:
    src = c.src
    index = src.line_index(at)
    whole = src.line_starts[index] == at and src.line_end(at) == end
    line = src.text[at:end]
    short = len(line.split()) <= 8 and not line.rstrip().endswith((".", "?", "!", ":"))
    if reason is None:
        return "no reason: give one of " + ", ".join(LEFT_OUT_REASONS)
    if src.bullet[index]:
        return "a bullet line is an item of its lead, not furniture"
    if reason == "site banner":
        return None if whole and index < title else "a site banner is a whole line above the page's title"
    if reason == "cookie notice":
        return None if whole and "cookie" in line.casefold() else "a cookie notice is a whole line about cookies"
    if index == src.last_line:  # the page's closing paragraph: credits and calls to action, sentence by sentence
        return None if reason in ("credits", "call to action") else f"the page's closing lines are not a {reason}"
    if reason == "credits":
        return "credits stand in the page's closing paragraph"
    if reason == "image caption" and whole and line.startswith("*"):
        return None
    if whole and short:
        return None
    return f"not a {reason}: a {reason} in the page's body is a short whole line, not a sentence"


def _left_out(c: Checker, k: Knowledge) -> None:
    src = c.src
    starts_of = {lo for lo, _ in src.sentences}
    ends_of = {hi for _, hi in src.sentences}
    title = _title_line(c, k)
    title_index = next((i for i in range(len(src.line_starts)) if src.line_text(i) == title), 0)
    origin_quotes = {normalise(q) for q in k.origin.quotes.values()}
    headings = c.heading_at
    for i, entry in enumerate(k.origin.left_out):
        path = f"origin.left_out[{i}]"
        line = entry.line
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
            elif at in headings or normalise(line) in origin_quotes:
                c.add(path, "a heading or an origin quote is not furniture")
            else:
                problem = _shape_problem(c, entry.reason, at, end, title_index)
                if problem:
                    c.add(f"{path}.reason" if entry.reason else path, problem)
            c.furnish(at, end)


def _sources(c: Checker, k: Knowledge) -> None:
    """Every marker number the page prints is a source; the sources are its reference list.

    A numbered list runs 1..N without a gap, so a number the page prints glued to a word
    ("in 20066") still needs its source; a source's text is the entry the page's own
    reference list prints under its number, and the page here prints no list.
    """
    defined = {s.number for s in k.sources}
    printed = dict(c.src.printed_numbers())
    for n in c.read_markers:
        printed.setdefault(n, -1)
    for n in sorted(printed):
        if n not in defined:
            c.add("sources", f"the source prints marker {n}, but sources has no {n}")
    top = max([*printed, *defined], default=0)
    missing = [n for n in range(1, top + 1) if n not in defined and n not in printed]
    if missing:
        shown = ", ".join(map(str, missing))
        c.add("sources", f"the source numbers its references 1-{top}: sources has no {shown}")
    references = c.src.references
    for i, source in enumerate(k.sources):
        if source.number not in printed:
            c.add(f"sources[{i}].number", f"the source prints no marker {source.number}")
        if source.text is None:
            continue
        entry = references.get(source.number)
        if entry is None:
            why = (
                "its copy prints no reference list" if not references else f"its reference list has no {source.number}"
            )
            c.add(f"sources[{i}].text", f"not the source's reference {source.number}: {why}")
        elif normalise(entry) != normalise(source.text):
            c.add(f"sources[{i}].text", f"the source's reference list prints {source.number} as '{entry}'")


def _related(c: Checker, k: Knowledge) -> None:
    starts = sorted(c.section_starts)
    positions = [at for at, _ in starts]
    for i, page in enumerate(k.origin.related_pages):
        path = f"origin.related_pages[{i}]"
        lines = c.src.lines.get(normalise(page.label))
        if not lines:
            c.add(f"{path}.label", "not a line of the source")
            continue
        index = bisect_right(positions, lines[0]) - 1
        printed_in = starts[index][1] if index >= 0 else None
        if printed_in != page.section:
            c.add(f"{path}.section", f"the source prints this link under section {printed_in}")

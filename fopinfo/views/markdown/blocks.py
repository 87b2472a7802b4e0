"""Markdown building blocks shared by the reference and hand-over views: escaping, markers,
statements with their notes, lists and the footer.

Text from a knowledge file is data: it is cleaned of control characters and every
character Markdown could read as syntax is backslash-escaped, so a file cannot inject
links, images, HTML or emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from fopinfo import clock
from fopinfo.model import Fact, Knowledge, Section, Statement
from fopinfo.safe_text import clean
from fopinfo.views.wording import (
    OWN_TITLE,
    brief_line,
    developments_line,
    disclaimer_line,
    marker_label,
    note_pointer,
    origin_line,
    stale,
    where,
)

# Every ASCII character that can start or end Markdown syntax; a backslash makes it literal.
_SYNTAX = re.compile(r"([\\`*_\[\]<>&!#|~])")


# What starts a block (list, quote, rule, numbered list) at the beginning of a line.
_BLOCK_MARK = re.compile(r"^([-+=])")


_NUMBERED = re.compile(r"^(\d+)([.)])")  # "2006." would start a list: escape the "." not the digits


# What GitHub-flavoured renderers (cmark-gfm's autolink extension, markdown-it's linkify)
# would turn into a link: a scheme's "://", "www.", an e-mail's "@", and the dot of a bare
# domain ("ipsen.com"). A backslash splits the text there, so no link is recognised, and
# the reader still sees the same characters.
_LINK_MARKS = re.compile(r"(?<=\w)(:)(?=//)|(?<=\bwww)(\.)|(@)|(?<=\w)(\.)(?=[^\W\d_])", re.IGNORECASE)
# cmark-gfm (GitHub's renderer) finds e-mail addresses after merging the text, across
# backslash escapes and entities, by reading back from the "@" over letters, digits and
# ".+-_". A word joiner just before the "@" ends that at once: it renders as nothing and
# keeps the address from wrapping. Written as an entity, so the Markdown shows what it is.
_BEFORE_AT = "&#x2060;"


def esc(text: str) -> str:
    """Data as literal Markdown text, on one line, that no renderer turns into a link."""
    one_line = _SYNTAX.sub(r"\\\1", " ".join(clean(text).split()))
    one_line = _LINK_MARKS.sub(_unlinked, one_line)
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", one_line))


def _unlinked(mark: re.Match[str]) -> str:
    return f"{_BEFORE_AT}\\@" if mark.group() == "@" else "\\" + mark.group()


# Private-use characters stand for the emphasis marks while the text is escaped, so escaping
# sees the text whole (line-start rules, link marks) and the marks are never escaped.
_OPEN, _CLOSE = "\ue000", "\ue001"


def emphasised(text: str, spans: Sequence[tuple[int, int]] = (), mark: str = "**") -> str:
    """``esc(text)`` with the spans of ``clean(text)`` marked (search's matched words): bold, or
    ``mark="*"`` (italic) inside text that is bold already."""
    if not spans:
        return esc(text)
    shown = clean(text).replace(_OPEN, "").replace(_CLOSE, "") if (_OPEN in text or _CLOSE in text) else clean(text)
    marked, at = [], 0
    for start, end in spans:
        marked += [shown[at:start], _OPEN, shown[start:end], _CLOSE]
        at = end
    marked.append(shown[at:])
    return esc("".join(marked)).replace(_OPEN, mark).replace(_CLOSE, mark)


# An address fopinfo gives as its own (a note's reference) becomes a link only when it is a plain
# http(s) address that an autolink holds whole: no spaces, angle brackets, quotes or backslashes.
_LINKABLE = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f]+", re.IGNORECASE)


def link(url: str | None) -> str:
    """fopinfo's own address as a real link (`<https://…>`), never broken by escapes; "" for none."""
    if not url:
        return ""
    address = clean(url)
    return f"<{address}>" if _LINKABLE.fullmatch(address) else esc(address)


# A marker as esc() writes it (\[1,4\]), where CommonMark could not read it as a link: not
# followed by "(" (an inline link), ":" (a link definition) or "[" (a reference), escaped or not.
_ESCAPED_MARKER = re.compile(r"\\\[(\d+(?:,\d+)*)\\\](?!\\?[(:\[])")


def unescaped_markers(markdown: str) -> str:
    """The document with its markers written as they print, [1,4], wherever that cannot make a link.

    A link needs a definition or a destination; escaped text cannot give either, and a marker
    followed by one keeps its escapes. So "[1,4]" reads the same in the source and the renders.
    """
    return _ESCAPED_MARKER.sub(r"[\1]", markdown)


def markers(cites: Iterable[int]) -> str:
    label = marker_label(cites)
    return esc(label) if label.startswith("[") else f"*{esc(label)}*"


def cited_statement(
    k: Knowledge,
    s: Statement,
    quotes: bool,
    label: str = "",
    nested: bool = True,
    spans: Sequence[tuple[int, int]] = (),
    remarks: Sequence[str] = (),
) -> str:
    """The statement with its markers (and label); under it, a lead's list, with --quote the
    source's words, ``remarks`` (Markdown, already escaped), then fopinfo's notes on what has
    happened since, set apart from them. ``spans``: words to emphasise (search's matches)."""
    line = f"{emphasised(s.text, spans)} {markers(s.cites)}{label}"
    if s.items and nested:  # a lead's list, the source's own lines, as a list inside this item
        line += "".join(f"\n  - {esc(item)}" for item in s.items)
    if quotes and s.quote:
        line += f"\n\n  > “{esc(s.quote)}” {markers(s.cites)}"
    line += "".join(f"\n\n  {r}" for r in remarks)
    if nested:
        line += "".join(f"\n\n  {p}" for p in pointers(k, s.id))
    return line


def pointers(k: Knowledge, item_id: str) -> list[str]:
    return [f"*{esc(note_pointer(note))}*" for note in k.notes_on(item_id)]  # no "»" for a screen reader to read


def md_list(items: Iterable[str]) -> list[str]:
    """One Markdown list as one block (a tight list), or nothing."""
    block = "\n".join(f"- {item}" for item in items)
    return [block] if block else []


def place_label(k: Knowledge, s: Statement) -> str:
    return f" — *{esc(where(k, s))} ({esc(s.id)})*"


def located(k: Knowledge, statements: Iterable[Statement], quotes: bool) -> list[str]:
    return md_list(cited_statement(k, s, quotes, place_label(k, s)) for s in statements)


def footer(k: Knowledge, brief: bool = False) -> list[str]:
    today = clock.today()
    if brief:
        return ["---", esc(brief_line(k, today))]
    later = developments_line(k, today)
    shown_later = [f"**{esc(later)}**" if stale(k, today) else esc(later)] if later else []
    return ["---", esc(origin_line(k, today)), *shown_later, f"**{esc(disclaimer_line(k))}**"]


def page(k: Knowledge, blocks: list[str], brief: bool = False) -> str:
    return "\n\n".join([*blocks, *footer(k, brief)]) + "\n"


def fact(k: Knowledge, f: Fact, quotes: bool, heading: str = "###") -> list[str]:
    return [f"{heading} {f.number}. {esc(f.headline)}", *md_list(cited_statement(k, s, quotes) for s in f.statements)]


def own_title(s: Section) -> list[str]:
    return [] if s.quote else [f"*{esc(OWN_TITLE)}*"]


def section_body(k: Knowledge, s: Section, quotes: bool, level: str = "##") -> list[str]:
    blocks: list[str] = []
    aims: list[str] = []  # the aims complete the sentence before them: a list under it
    for statement in s.statements:
        if statement.aim:
            aims.append(cited_statement(k, statement, quotes))
            continue
        blocks += md_list(aims)
        aims = []
        blocks.append(cited_statement(k, statement, quotes, nested=False))
        blocks += md_list(esc(item) for item in statement.items)  # a lead's list: under it
        blocks += pointers(k, statement.id)
    blocks += md_list(aims)
    blocks += pointers(k, s.id)
    for f in s.facts:
        blocks += fact(k, f, quotes, level + "#")
    return blocks

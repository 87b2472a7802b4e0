"""CommonMark views of every content command, and the printable handout (Markdown or HTML).

Text from a knowledge file is data: it is cleaned of control characters and every
character Markdown could read as syntax is backslash-escaped, so a file cannot inject
links, images, HTML or emphasis. No Rich here; markdown-it-py (which Rich already
depends on) is imported only to render the HTML handout.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from fopinfo import __version__
from fopinfo.model import Fact, Knowledge, Section, Source, Statement, Subject, Term
from fopinfo.wording import (
    NONE_REPRODUCED,
    NOT_REPRODUCED,
    OWN_TITLE,
    SUBJECT_NOTE,
    UNEXPLAINED,
    clean,
    count,
    disclaimer_line,
    human_date,
    links_line,
    origin_line,
    where,
)

if TYPE_CHECKING:  # query is imported where it is used, not by every Markdown view
    from fopinfo.query import SearchResult

# Every ASCII character that can start or end Markdown syntax; a backslash makes it literal.
_SYNTAX = re.compile(r"([\\`*_\[\]<>&!#|~])")
# What starts a block (list, quote, rule, numbered list) at the beginning of a line.
_BLOCK_MARK = re.compile(r"^([-+=])")
_NUMBERED = re.compile(r"^(\d+)([.)])")  # "2006." would start a list: escape the "." not the digits


def esc(text: str) -> str:
    """Data as literal Markdown text, on one line."""
    one_line = _SYNTAX.sub(r"\\\1", " ".join(clean(text).split()))
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", one_line))


def markers(cites: Iterable[int]) -> str:
    numbers = list(cites)
    return "\\[" + ", ".join(map(str, numbers)) + "\\]" if numbers else "*(uncited)*"


def _statement(s: Statement, quotes: bool, label: str = "", nested: bool = True) -> str:
    """The statement with its markers (and label); under it, with --quote, the source's words."""
    line = f"{esc(s.text)} {markers(s.cites)}{label}"
    if s.items and nested:  # a lead's list, the source's own lines, as a list inside this item
        line += "".join(f"\n  - {esc(item)}" for item in s.items)
    if quotes and s.quote:
        line += f"\n\n  > “{esc(s.quote)}” {markers(s.cites)}"
    return line


def _list(items: Iterable[str]) -> list[str]:
    """One Markdown list as one block (a tight list), or nothing."""
    block = "\n".join(f"- {item}" for item in items)
    return [block] if block else []


def _label(k: Knowledge, s: Statement) -> str:
    return f" — *{esc(where(k, s))} ({esc(s.id)})*"


def _located(k: Knowledge, statements: Iterable[Statement], quotes: bool) -> list[str]:
    return _list(_statement(s, quotes, _label(k, s)) for s in statements)


def _footer(k: Knowledge) -> list[str]:
    return ["---", esc(origin_line(k)), f"**{esc(disclaimer_line(k))}**"]


def _page(k: Knowledge, blocks: list[str]) -> str:
    return "\n\n".join([*blocks, *_footer(k)]) + "\n"


def _fact(f: Fact, quotes: bool, heading: str = "###") -> list[str]:
    return [f"{heading} {f.number}. {esc(f.headline)}", *_list(_statement(s, quotes) for s in f.statements)]


def _own_title(s: Section) -> list[str]:
    return [] if s.quote else [f"*{esc(OWN_TITLE)}*"]


def _section_body(s: Section, quotes: bool, level: str = "##") -> list[str]:
    blocks: list[str] = []
    aims: list[str] = []  # the aims complete the sentence before them: a list under it
    for statement in s.statements:
        if statement.aim:
            aims.append(_statement(statement, quotes))
            continue
        blocks += _list(aims)
        aims = []
        blocks.append(_statement(statement, quotes, nested=False))
        blocks += _list(esc(item) for item in statement.items)  # a lead's list: under it
    blocks += _list(aims)
    for f in s.facts:
        blocks += _fact(f, quotes, level + "#")
    return blocks


def facts(k: Knowledge, quotes: bool = False) -> str:
    blocks = ["# FOP Facts"]
    for f in k.facts():
        blocks += _fact(f, quotes, "##")
    return _page(k, blocks)


def _topic_lists(k: Knowledge) -> list[str]:
    sections = _list(
        f"**{esc(s.id)}**: {esc(s.title)}" + (f" (also: {esc(', '.join(s.aliases))})" if s.aliases else "")
        for s in k.sections
    )
    subjects = _list(f"**{esc(s.id)}**: {esc(s.title)}" for s in k.subjects)
    return ["## Sections", *sections, "## Subjects", esc(SUBJECT_NOTE), *subjects]


def topics(k: Knowledge) -> str:
    return _page(k, ["# Topics", *_topic_lists(k)])


def section(k: Knowledge, s: Section, quotes: bool = False) -> str:
    blocks = [f"# {esc(s.title)}", *_own_title(s), *_section_body(s, quotes)]
    links = links_line(k, s.id)
    if links:
        blocks.append(f"*{esc(links)}*")
    return _page(k, blocks)


def subject(k: Knowledge, s: Subject, statements: list[Statement], quotes: bool = False) -> str:
    return _page(k, [f"# {esc(s.title)}", f"*{esc(SUBJECT_NOTE)}*", *_located(k, statements, quotes)])


def cite(k: Knowledge, source: Source, statements: list[Statement], quotes: bool = False) -> str:
    reference = esc(source.text) if source.text else f"*{NOT_REPRODUCED}*"
    blocks = [f"# Source {source.number}", reference, f"## Cited by {count(len(statements), 'statement')}"]
    return _page(k, [*blocks, *_located(k, statements, quotes)])


def sources(k: Knowledge, counts: dict[int, int]) -> str:
    lines = []
    for s in k.sources:
        n = counts.get(s.number, 0)
        reference = esc(s.text) if s.text else "not reproduced in the copy"
        lines.append(f"- **\\[{s.number}\\]** cited by {count(n, 'statement')}: {reference}")
    blocks = ["# Sources", "\n".join(lines)]
    if any(s.text is None for s in k.sources):
        blocks.append(f"*{NONE_REPRODUCED}*")
    return _page(k, blocks)


def search(k: Knowledge, result: SearchResult, quotes: bool = False) -> str:
    total = result.total
    blocks = [f"# {count(total, 'match', 'matches')} for “{esc(result.query)}”"]
    items = []
    for hit in result.hits:
        if hit.statement is not None:
            item = _statement(hit.statement, quotes, _label(k, hit.statement))
        elif hit.kind == "headline":
            item = f"**{esc(hit.text)}** — *{esc(k.section(hit.section_id or '').title)} ({esc(hit.item_id)})*"
        else:
            item = f"{esc(hit.text)} {markers(hit.cites)} — *glossary ({esc(hit.item_id)})*"
        items.append(item)
    blocks += _list(items)
    hidden = total - len(result.hits)
    if hidden:
        blocks.append(f"*{hidden} more not shown; use --limit 0 to see all.*")
    return _page(k, blocks)


def _term(t: Term, quotes: bool) -> list[str]:
    blocks = []
    if t.aliases:
        blocks.append(f"*Also:* {esc(', '.join(t.aliases))}")
    if t.definition:
        blocks.append(f"{esc(t.definition)} {markers(t.cites)}")
        if quotes and t.quote:
            blocks.append(f"> “{esc(t.quote)}”")
    else:
        blocks.append(f"*{UNEXPLAINED}*")
    return blocks


def define(k: Knowledge, t: Term, used_in: list[Statement], quotes: bool = False) -> str:
    blocks = [f"# {esc(t.term)}", *_term(t, quotes)]
    if t.definition is None and used_in:
        blocks += [f"## Where the source uses it ({len(used_in)})", *_located(k, used_in, quotes)]
    return _page(k, blocks)


def overview(k: Knowledge, version: str, commands: list[tuple[str, str]]) -> str:
    blocks = [
        f"# fopinfo {version}",
        "A sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP). "
        "Each statement shows the citation markers the source prints after it, or *(uncited)*. "
        "Not medical advice.",
    ]
    blocks += _topic_lists(k)
    blocks += ["## Commands", *_list(f"**{esc(name)}**: {esc(text)}" for name, text in commands)]
    return _page(k, blocks)


# ---------------------------------------------------------------- the handout


HANDOUT_TITLE = "Fibrodysplasia Ossificans Progressiva (FOP): a sourced reference"


def handout(k: Knowledge, chosen: list[Section | Subject] | None = None) -> str:
    """The whole reference (or the chosen topics) as one Markdown document."""
    from fopinfo.query import statements_of

    o = k.origin
    blocks = [
        f"# {HANDOUT_TITLE}",
        f"Every statement and definition below is drawn from one source, “{esc(o.title)}” "
        f"({esc(o.publisher)}, reference {esc(o.reference)}, {esc(human_date(o.date))}), with the "
        "reference numbers that source prints, in brackets, such as \\[1, 4\\]. *(uncited)* marks a statement "
        "the source prints without one.",
        f"**{esc(disclaimer_line(k))}**",
    ]
    for topic in chosen if chosen is not None else list(k.sections):
        if isinstance(topic, Section):
            blocks += [f"## {esc(topic.title)}", *_own_title(topic), *_section_body(topic, False)]
            links = links_line(k, topic.id)
            if links:
                blocks.append(f"*{esc(links)}*")
        else:
            blocks += [f"## {esc(topic.title)}", f"*{esc(SUBJECT_NOTE)}*"]
            blocks += _located(k, statements_of(k, topic), False)
    if chosen is None and k.glossary:
        blocks.append("## Glossary")
        for t in k.glossary:
            blocks += [f"### {esc(t.term)}", *_term(t, False)]
    # Counted over what this handout holds, so a handout of chosen topics adds up.
    shown = [s for topic in chosen for s in statements_of(k, topic)] if chosen is not None else k.statements()
    counts = Counter(n for s in shown for n in s.cites)
    blocks += ["## Sources", f"The source numbers its references {k.source_range()}."]
    unreproduced = [s for s in k.sources if s.text is None]
    if unreproduced:
        blocks.append(f"*{NONE_REPRODUCED}* fopinfo does not guess them.")
    reproduced = [f"- **\\[{s.number}\\]** {esc(s.text)}" for s in k.sources if s.text]
    if reproduced:
        blocks.append("\n".join(reproduced))
    blocks.append(
        "Statements here citing each: "
        + ", ".join(f"\\[{s.number}\\] {counts.get(s.number, 0)}" for s in k.sources)
        + "."
    )
    blocks += [
        "## About this handout",
        f"The source page says it is intended for {esc(o.audience)}. Subject groupings are fopinfo's "
        f"editorial aid, not the source's. Made with fopinfo {__version__}.",
    ]
    return _page(k, blocks)


_CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 42em; margin: 2em auto;
       padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; break-after: avoid; }
li, p { break-inside: avoid; }
blockquote { color: #444; border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; }
hr { border: 0; border-top: 1px solid #999; margin-top: 2em; }
@page { margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
"""


def to_html(markdown_text: str, title: str) -> str:
    """One self-contained, printable page: inline CSS, no scripts, no external assets."""
    from html import escape

    from markdown_it import MarkdownIt

    # html=False: any HTML that reached the Markdown is shown as text, never passed through.
    body = MarkdownIt("commonmark", {"html": False}).render(markdown_text)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(clean(title))}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )

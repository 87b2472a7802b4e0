"""Text views with Rich.

Everything from a knowledge file is data: it goes into ``Text`` objects (never parsed
as markup) after control characters are removed, so a file cannot style the output
or send escape sequences to the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

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
    links_line,
    origin_line,
    where,
)

if TYPE_CHECKING:
    from fopinfo.checking import CheckResult
    from fopinfo.query import SearchResult


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit with 1 ("nothing found"); the CLI ends a closed pipe quietly with 0.
        self.quiet = True
        raise BrokenPipeError


MIN_WIDTH = 40  # below this, wrapping turns text into a column of single words


def console() -> Console:
    # markup/highlight/emoji off: styling comes only from this module, never from data.
    c = _Console(highlight=False, markup=False, emoji=False)
    if c.width < MIN_WIDTH:
        c.width = MIN_WIDTH
    return c


def markers(cites: Iterable[int]) -> Text:
    numbers = list(cites)
    if not numbers:
        return Text("(uncited)", style="dim")
    return Text("[" + ",".join(map(str, numbers)) + "]", style="cyan")


def _line(text: str, cites: Iterable[int], style: str = "") -> Text:
    line = Text(clean(text), style=style)
    line.append(" ")
    line.append_text(markers(cites))
    return line


def _heading(c: Console, title: str, note: str = "") -> None:
    c.print(Text(clean(title), style="bold"))
    if note:
        c.print(Text(note, style="dim"))


def _indent(c: Console, text: Text, level: int = 1, bullet: str = "") -> None:
    # Wrap here rather than with Padding, which fills every line with trailing spaces.
    pad = 3 * level
    for i, line in enumerate(text.wrap(c, max(c.width - pad - len(bullet), 20))):
        line.rstrip()
        lead = bullet if i == 0 else " " * len(bullet)
        c.print(Text(" " * pad + lead).append_text(line), soft_wrap=True)


def _where(k: Knowledge, s: Statement) -> Text:
    return Text(f"— {where(k, s)} ({clean(s.id)})", style="dim")


def _statement(c: Console, s: Statement, level: int, quotes: bool, bullet: str = "") -> None:
    _indent(c, _line(s.text, s.cites), level, bullet)
    if quotes:
        _indent(c, _quoted(s.quote, s.cites), level + 1, " " * len(bullet))
    for item in s.items:  # a lead's list: the source's own lines, under the lead
        _indent(c, Text(clean(item)), level + 1, "• ")


def _quoted(quote: str | None, cites: Iterable[int]) -> Text:
    """The source's own words, dimmed, so a reader can see what a text rests on."""
    words = Text(f"“{clean(quote)}” " if quote else "no quote recorded ", style="dim italic")
    return words.append_text(markers(cites))


def _statements(c: Console, statements: Iterable[Statement], level: int, quotes: bool, spaced: bool = False) -> None:
    for i, s in enumerate(statements):
        if spaced and i and not s.aim:
            c.print()
        if s.aim:
            _statement(c, s, level + 1, quotes, bullet="• ")
        else:
            _statement(c, s, level, quotes)


def _located(c: Console, k: Knowledge, statements: Iterable[Statement], quotes: bool) -> None:
    for s in statements:
        _statement(c, s, 1, quotes)
        _indent(c, _where(k, s), 2)


def footer(c: Console, k: Knowledge) -> None:
    c.print()
    # One line each, never wrapped, so the disclaimer survives copy and paste whole.
    c.print(Text(origin_line(k), style="dim"), soft_wrap=True)
    c.print(Text(disclaimer_line(k), style="dim"), soft_wrap=True)


def _fact(c: Console, f: Fact, quotes: bool) -> None:
    c.print(Text(f"{f.number:>2}. ", style="bold").append(clean(f.headline), style="bold"))
    _statements(c, f.statements, 1, quotes)


def facts(k: Knowledge, quotes: bool = False) -> None:
    c = console()
    facts = list(k.facts())
    _heading(c, f"FOP Facts ({len(facts)})")
    for f in facts:
        c.print()
        _fact(c, f, quotes)
    footer(c, k)


def section(k: Knowledge, s: Section, quotes: bool = False) -> None:
    c = console()
    _heading(c, s.title, "" if s.quote else OWN_TITLE)
    if s.statements:
        c.print()
    _statements(c, s.statements, 0, quotes, spaced=True)
    for f in s.facts:
        c.print()
        _fact(c, f, quotes)
    links = links_line(k, s.id)
    if links:
        c.print()
        c.print(Text(links, style="dim"))
    footer(c, k)


def subject(k: Knowledge, s: Subject, statements: list[Statement], quotes: bool = False) -> None:
    c = console()
    _heading(
        c,
        f"{s.title} ({count(len(statements), 'statement')})",
        SUBJECT_NOTE,
    )
    c.print()
    _located(c, k, statements, quotes)
    footer(c, k)


def topics(k: Knowledge) -> None:
    c = console()
    _topic_table(c, k)


def _topic_table(c: Console, k: Knowledge) -> None:
    width = max(len(x) for x in [s.id for s in k.sections] + [s.id for s in k.subjects])
    _heading(c, "Sections")
    for s in k.sections:
        line = Text(f"  {clean(s.id):<{width}}  ", style="bold").append(clean(s.title), style="")
        if s.aliases:
            line.append(f"  (also: {', '.join(map(clean, s.aliases))})", style="dim")
        c.print(line)
    c.print()
    _heading(c, "Subjects", "Statements on one subject, gathered from every section.")
    for subject in k.subjects:
        c.print(Text(f"  {clean(subject.id):<{width}}  ", style="bold").append(clean(subject.title), style=""))


def cite(k: Knowledge, source: Source, statements: list[Statement], quotes: bool = False) -> None:
    c = console()
    _heading(c, f"Source {source.number}")
    _indent(c, Text(clean(source.text)) if source.text else Text(NOT_REPRODUCED, style="italic"))
    c.print()
    _heading(c, f"Cited by {count(len(statements), 'statement')}")
    _located(c, k, statements, quotes)
    footer(c, k)


def sources(k: Knowledge, counts: dict[int, int]) -> None:
    c = console()
    _heading(c, f"Sources ({len(k.sources)})")
    for s in k.sources:
        n = counts.get(s.number, 0)
        line = Text(f"  [{s.number:>2}]  cited by {n:>2} statement{'s' if n != 1 else ' '}  ")
        line.append(clean(s.text) if s.text else "not reproduced in the copy", style="" if s.text else "dim")
        c.print(line)
    if any(s.text is None for s in k.sources):
        c.print()
        c.print(Text(NONE_REPRODUCED, style="dim"))
    footer(c, k)


def search(k: Knowledge, result: SearchResult, quotes: bool = False) -> None:
    c = console()
    pattern = re.compile(re.escape(result.query), re.IGNORECASE)
    _heading(c, f"{count(result.total, 'match', 'matches')} for “{clean(result.query)}”")
    for hit in result.hits:
        c.print()
        line = Text(clean(hit.text), style="bold" if hit.kind == "headline" else "")
        line.highlight_regex(pattern, style="bold yellow")
        if hit.kind != "headline":
            line.append(" ").append_text(markers(hit.cites))
        _indent(c, line)
        if quotes and hit.statement is not None:
            _indent(c, _quoted(hit.statement.quote, hit.cites), 2)
        if hit.statement is not None:
            _indent(c, _where(k, hit.statement), 2)
        else:
            where = "glossary" if hit.kind == "term" else k.section(hit.section_id or "").title
            _indent(c, Text(f"— {clean(where)} ({clean(hit.item_id)})", style="dim"), 2)
    hidden = result.total - len(result.hits)
    if hidden:
        c.print()
        c.print(Text(f"{hidden} more not shown; use --limit 0 to see all.", style="dim"))
    footer(c, k)


def define(k: Knowledge, t: Term, used_in: list[Statement], quotes: bool = False) -> None:
    c = console()
    title = Text(clean(t.term), style="bold")
    if t.aliases:
        title.append(f"  (also: {', '.join(map(clean, t.aliases))})", style="dim")
    c.print(title)
    if t.definition:
        _indent(c, _line(t.definition, t.cites))
        if quotes:
            _indent(c, _quoted(t.quote, t.cites), 2)
    else:
        _indent(c, Text(UNEXPLAINED, style="italic"))
        if used_in:
            c.print()
            _heading(c, f"Where the source uses it ({len(used_in)})")
            _located(c, k, used_in, quotes)
    footer(c, k)


def check(result: CheckResult, review: bool = False) -> None:
    c = console()
    if result.unreadable:
        return  # a file that could not be read: the one-line error on stderr says it all
    for problem in result.problems:
        c.print(Text(clean(str(problem))), soft_wrap=True)
    if result.knowledge is None:
        return
    parts = ", ".join(f"{n} {name}" for name, n in result.knowledge.counts().items())
    c.print(Text(f"{clean(str(result.target))}: OK — {parts}"), soft_wrap=True)
    report = result.report
    if report is None:
        return
    for finding in report.findings:
        c.print(Text(clean(str(finding))), soft_wrap=True)
    verdict = "faithful to" if report.ok else f"{len(report.findings)} problem(s) against"
    c.print(Text(f"provenance: {verdict} {clean(result.source_label)}"), soft_wrap=True)
    c.print(Text(f"coverage: {report.covered}/{report.sentences} source sentences"))
    # What no machine can prove is never hidden: counted always, listed with --review.
    hint = "" if review else " (list them with --review)"
    c.print(Text(f"review: {len(report.review)} editorial element(s) to sign off{hint}"))
    if review:
        for item in report.review:
            where = f"line {item.line}: " if item.line else ""
            c.print(Text(clean(f"  {where}{item.path}: {item.kind}: {item.detail}")), soft_wrap=True)


def overview(k: Knowledge, version: str, commands: list[tuple[str, str]]) -> None:
    c = console()
    c.print(
        Text(f"fopinfo {version}", style="bold").append(
            " — a sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP)", style=""
        )
    )
    shown = "Each statement shows the citation markers the source prints after it, or (uncited). Not medical advice."
    c.print(Text(shown, style="dim"))
    c.print()
    _topic_table(c, k)
    c.print()
    _heading(c, "Commands")
    width = max(len(name) for name, _ in commands)
    for name, help_text in commands:
        c.print(Text(f"  {name:<{width}}  ", style="bold").append(help_text, style=""))
    c.print()
    c.print(Text("Examples: fopinfo facts · fopinfo topic causes · fopinfo cite 7 · fopinfo search bone"))
    c.print(Text("Run 'fopinfo COMMAND --help' for a command's options.", style="dim"))
    footer(c, k)

"""Text views with Rich: ``show(answer)`` prints any answer for a terminal.

Everything from a knowledge file is data: it goes into ``Text`` objects (never parsed
as markup) after control characters are removed, so a file cannot style the output
or send escape sequences to the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Text

from fopinfo import clock
from fopinfo.answers import (
    Answer,
    Card,
    Cited,
    Definition,
    FactList,
    Found,
    Handout,
    Overview,
    SectionPage,
    Sheet,
    SourceList,
    SubjectPage,
    TopicList,
    Updates,
    assert_never,
)
from fopinfo.checking import CheckResult
from fopinfo.model import Fact, Knowledge, Statement
from fopinfo.views.wording import (
    DEFINED_BY,
    MORE_NOT_SHOWN,
    NONE_REPRODUCED,
    NOT_REPRODUCED,
    OWN_TITLE,
    SOURCE_NOT_REPRODUCED,
    SUBJECT_NOTE,
    UNEXPLAINED,
    clean,
    count,
    developments_line,
    disclaimer_line,
    human_day,
    links_line,
    marker_label,
    note_pointer,
    origin_line,
    outside_proof_line,
    reference_line,
    stale,
    where,
)

MIN_WIDTH = 40  # below this, wrapping turns text into a column of single words
MAX_WIDTH = 100  # a comfortable measure for prose, however wide the terminal


def console() -> Console:
    from fopinfo import terminal

    force_terminal, no_color = terminal.color_choice()
    # markup/highlight/emoji off: styling comes only from this module, never from data.
    c = Console(highlight=False, markup=False, emoji=False, force_terminal=force_terminal, no_color=no_color)
    c.width = min(max(c.width, MIN_WIDTH), MAX_WIDTH)
    # Fixed as well, so Rich stops asking the terminal and environment for its size on
    # every print (a third of the time of a listing of 100,000 sources).
    c.height = c.height
    return c


def markers(cites: Iterable[int]) -> Text:
    label = marker_label(cites)
    return Text(label, style="cyan" if label.startswith("[") else "dim")


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
    # The lines go out as one print of their segments, as a print of each would render
    # them: a print per line costs more than the line (a 10 MB statement is 145,000 lines).
    pad = 3 * level
    segments: list[Segment] = []
    for i, line in enumerate(text.wrap(c, max(c.width - pad - len(bullet), 20))):
        line.rstrip()
        lead = bullet if i == 0 else " " * len(bullet)
        segments += Text(" " * pad + lead).append_text(line).render(c)
        segments.append(Segment.line())
    c.print(Segments(segments), soft_wrap=True)


def _where(k: Knowledge, s: Statement) -> Text:
    return Text(f"— {where(k, s)} ({clean(s.id)})", style="dim")


def _statement(
    c: Console, k: Knowledge, s: Statement, level: int, quotes: bool, bullet: str = "", pointers: bool = True
) -> None:
    _indent(c, _line(s.text, s.cites), level, bullet)
    if quotes:
        _indent(c, _quoted(s.quote, s.cites), level + 1, " " * len(bullet))
    for item in s.items:  # a lead's list: the source's own lines, under the lead
        _indent(c, Text(clean(item)), level + 1, "• ")
    if pointers:
        _pointers(c, k, s.id, level + 1)


def _pointers(c: Console, k: Knowledge, item_id: str, level: int) -> None:
    """After the source's words, fopinfo's own notes on what has happened since: set apart, never as the source's."""
    for note in k.notes_on(item_id):
        _indent(c, Text(note_pointer(note), style="magenta"), level, "» ")


def _quoted(quote: str | None, cites: Iterable[int]) -> Text:
    """The source's own words, dimmed, so a reader can see what a text rests on."""
    words = Text(f"“{clean(quote)}” " if quote else "no quote recorded ", style="dim italic")
    return words.append_text(markers(cites))


def _statements(
    c: Console, k: Knowledge, statements: Iterable[Statement], level: int, quotes: bool, spaced: bool = False
) -> None:
    for i, s in enumerate(statements):
        if spaced and i and not s.aim:
            c.print()
        if s.aim:
            _statement(c, k, s, level + 1, quotes, bullet="• ")
        else:
            _statement(c, k, s, level, quotes)


def _located(c: Console, k: Knowledge, statements: Iterable[Statement], quotes: bool) -> None:
    for s in statements:
        _statement(c, k, s, 1, quotes, pointers=False)
        _indent(c, _where(k, s), 2)
        _pointers(c, k, s.id, 2)  # after the line that says where the source's words are from


def footer(c: Console, k: Knowledge) -> None:
    today = clock.today()
    c.print()
    # Wrapped at words like everything else; the disclaimer at full contrast, never dimmed.
    _indent(c, Text(origin_line(k, today), style="dim"), 0)
    later = developments_line(k, today)
    if later:
        _indent(c, Text(later, style="bold yellow" if stale(k, today) else "dim"), 0)
    _indent(c, Text(disclaimer_line(k)), 0)


def _fact(c: Console, k: Knowledge, f: Fact, quotes: bool) -> None:
    c.print(Text(f"{f.number:>2}. ", style="bold").append(clean(f.headline), style="bold"))
    _statements(c, k, f.statements, 1, quotes)


def show(answer: Answer) -> None:
    """Print any answer for a terminal: rendered whole, then written (or paged) at once."""
    from fopinfo import terminal

    c = console()
    with c.capture() as captured:
        _show(c, answer)
    terminal.write(captured.get())


def _show(c: Console, answer: Answer) -> None:
    match answer:
        case Overview():
            _overview(c, answer)
        case FactList():
            _facts(c, answer)
        case TopicList():
            _topic_table(c, answer.k)
        case SectionPage():
            _section(c, answer)
        case SubjectPage():
            _subject(c, answer)
        case Cited():
            _cite(c, answer)
        case SourceList():
            _sources(c, answer)
        case Found():
            _search(c, answer)
        case Definition():
            _define(c, answer)
        case Handout():
            _handout(c, answer)
        case Updates():
            _updates(c, answer)
        case CheckResult():
            _check(c, answer)
            return
        case Card():
            from fopinfo.views import handover_text

            handover_text.show_card(c, answer)  # its back holds the origin and disclaimer
            return
        case Sheet():
            from fopinfo.views import handover_text

            handover_text.show_sheet(c, answer)
            return
        case _:
            assert_never(answer)
    if not isinstance(answer, TopicList):
        footer(c, answer.k)


def _facts(c: Console, a: FactList) -> None:
    _heading(c, f"FOP Facts ({len(a.facts)})")
    for f in a.facts:
        c.print()
        _fact(c, a.k, f, a.quotes)


def _section(c: Console, a: SectionPage) -> None:
    s, quotes = a.section, a.quotes
    _heading(c, s.title, "" if s.quote else OWN_TITLE)
    if s.statements:
        c.print()
    _statements(c, a.k, s.statements, 0, quotes, spaced=True)
    _pointers(c, a.k, s.id, 0)
    for f in s.facts:
        c.print()
        _fact(c, a.k, f, quotes)
    links = links_line(a.k, s.id)
    if links:
        c.print()
        c.print(Text(links, style="dim"))


def _subject(c: Console, a: SubjectPage) -> None:
    _heading(c, f"{a.subject.title} ({count(len(a.statements), 'statement')})", SUBJECT_NOTE)
    c.print()
    _located(c, a.k, a.statements, a.quotes)


def _print_rows(c: Console, rows: list[Text]) -> None:
    """Rows printed as a print of each would (each wrapped alone), at the cost of one print."""
    if rows:
        c.print(Text("\n").join(rows))


def _pad(text: str, width: int) -> str:
    """Padded to a width in terminal cells: CJK and emoji take two, combining marks none."""
    return text + " " * max(width - cell_len(text), 0)


def _topic_table(c: Console, k: Knowledge) -> None:
    width = max(cell_len(clean(x)) for x in [s.id for s in k.sections] + [s.id for s in k.subjects])
    _heading(c, "Sections")
    rows = []
    for s in k.sections:
        line = Text("  ").append(_pad(clean(s.id), width), style="bold").append("  " + clean(s.title))
        if s.aliases:
            line.append(f"  (also: {', '.join(map(clean, s.aliases))})", style="dim")
        rows.append(line)
    _print_rows(c, rows)
    c.print()
    _heading(c, "Subjects", "Statements on one subject, gathered from every section.")
    _print_rows(
        c,
        [
            Text("  ").append(_pad(clean(subject.id), width), style="bold").append("  " + clean(subject.title))
            for subject in k.subjects
        ],
    )


def _cite(c: Console, a: Cited) -> None:
    source = a.source
    _heading(c, f"Source {source.number}")
    _indent(c, Text(clean(source.text)) if source.text else Text(NOT_REPRODUCED, style="italic"))
    c.print()
    _heading(c, f"Cited by {count(len(a.statements), 'statement')}")
    _located(c, a.k, a.statements, a.quotes)


def _sources(c: Console, a: SourceList) -> None:
    k = a.k
    _heading(c, f"Sources ({len(k.sources)})")
    # Columns as wide as the largest number and count, so a source 100 or 1,000 keeps rows aligned.
    number_width = max((len(f"[{s.number}]") for s in k.sources), default=4)
    count_width = max((len(str(n)) for n in a.cited_by.values()), default=2)
    rows = []
    for s in k.sources:
        n = a.cited_by.get(s.number, 0)
        plural = "s" if n != 1 else " "
        line = Text(f"  {f'[{s.number}]':>{number_width}}  cited by {n:>{count_width}} statement{plural}  ")
        line.append(clean(s.text) if s.text else SOURCE_NOT_REPRODUCED, style="" if s.text else "dim")
        rows.append(line)
    _print_rows(c, rows)
    if any(s.text is None for s in k.sources):
        c.print()
        c.print(Text(NONE_REPRODUCED, style="dim"))


def _search(c: Console, a: Found) -> None:
    k = a.k
    pattern = re.compile(re.escape(a.query), re.IGNORECASE)
    _heading(c, f"{count(a.total, 'match', 'matches')} for “{clean(a.query)}”")
    for hit in a.hits:
        c.print()
        line = Text(clean(hit.text), style="bold" if hit.kind == "headline" else "")
        if c.color_system:  # styles reach only a terminal: a 10 MB hit has 580,000 matches to style
            line.highlight_regex(pattern, style="bold yellow")
        if hit.kind in ("statement", "term"):
            line.append(" ").append_text(markers(hit.cites))
        _indent(c, line)
        if a.quotes and hit.statement is not None:
            _indent(c, _quoted(hit.statement.quote, hit.cites), 2)
        if hit.statement is not None:
            _indent(c, _where(k, hit.statement), 2)
            _pointers(c, k, hit.statement.id, 2)
        elif hit.note is not None:
            note = hit.note
            by = f"fopinfo's note, not the source's, {human_day(note.date)}; {reference_line(note, with_url=False)}"
            _indent(c, Text(f"— {by} ({clean(note.id)})", style="dim"), 2)
        else:
            place = "glossary" if hit.kind == "term" else k.section(hit.section_id or "").title
            _indent(c, Text(f"— {clean(place)} ({clean(hit.item_id)})", style="dim"), 2)
    if a.hidden:
        c.print()
        c.print(Text(MORE_NOT_SHOWN.format(hidden=a.hidden), style="dim"))


def _define(c: Console, a: Definition) -> None:
    t = a.term
    title = Text(clean(t.term), style="bold")
    if t.aliases:
        title.append(f"  (also: {', '.join(map(clean, t.aliases))})", style="dim")
    c.print(title)
    if t.definition:
        _indent(c, Text(f"{DEFINED_BY}: ", style="dim").append(clean(t.definition)))
        _indent(c, _quoted(t.quote, t.cites), 2)
    else:
        _indent(c, Text(UNEXPLAINED, style="italic"))
    if a.used_in:  # the source's own statements using the term, each with its own markers
        c.print()
        _heading(c, f"Where the source uses it ({len(a.used_in)})")
        _located(c, a.k, a.used_in, a.quotes)


def _handout(c: Console, a: Handout) -> None:
    """In a terminal the handout is its parts, one after another."""
    for i, topic in enumerate(a.topics):
        if i:
            c.print()
        if isinstance(topic, SectionPage):
            _section(c, topic)
        else:
            _subject(c, topic)
    for d in a.glossary:
        c.print()
        _define(c, d)


def _updates(c: Console, a: Updates) -> None:
    _heading(
        c,
        f"Later developments ({len(a.notes)})",
        "fopinfo's own dated notes, not the source's words; a selection, not a complete list.",
    )
    if not a.notes:
        c.print()
        c.print(Text("This knowledge file records no later developments."))
    for note in a.notes:
        c.print()
        region = f" · {clean(note.region)}" if note.region else ""
        c.print(Text(f"{human_day(note.date)}{region}", style="bold"))
        _indent(c, Text(clean(note.title), style="bold"))
        _indent(c, Text(clean(note.text)))
        _indent(c, Text(reference_line(note, with_url=False), style="dim"))
        if note.reference.url:  # whole on one line, so a terminal can open or copy it
            c.print(Text("   " + clean(note.reference.url), style="dim"), soft_wrap=True)
        bears = ", ".join(clean(i) for i in note.bears_on)
        _indent(c, Text(f"Checked {human_day(note.checked)} · bears on {bears} · note {clean(note.id)}", style="dim"))


def _check(c: Console, result: CheckResult) -> None:
    if result.unreadable:
        return  # a file that could not be read: the one-line error on stderr says it all
    for problem in result.problems:
        c.print(Text(clean(str(problem))), soft_wrap=True)
    if result.knowledge is None:
        return
    parts = ", ".join(f"{n} {name}" for name, n in result.knowledge.counts().items())
    status = "OK" if not result.problems else "valid, not reviewed"  # review-record findings above
    c.print(Text(f"{clean(str(result.target))}: {status} — {parts}"), soft_wrap=True)
    report = result.report
    if report is None:
        return
    for finding in report.findings:
        c.print(Text(clean(str(finding))), soft_wrap=True)
    verdict = "faithful to" if report.ok else f"{len(report.findings)} problem(s) against"
    c.print(Text(f"provenance: {verdict} {clean(result.source_label)}"), soft_wrap=True)
    c.print(Text(f"coverage: {report.covered}/{report.sentences} source sentences"))
    outside = outside_proof_line(result.knowledge)
    if outside:
        c.print(Text(outside), soft_wrap=True)
    # What no machine can prove is never hidden: counted always, listed with --review.
    hint = "" if result.show_review else " (list them with --review)"
    c.print(Text(f"review: {len(report.review)} editorial element(s) to sign off{hint}"))
    if result.show_review:
        for item in report.review:
            where = f"line {item.line}: " if item.line else ""
            c.print(Text(clean(f"  {where}{item.path}: {item.kind}: {item.detail}")), soft_wrap=True)


def _overview(c: Console, a: Overview) -> None:
    c.print(
        Text()
        .append(f"fopinfo {a.version}", style="bold")
        .append(" — a sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP)")
    )
    c.print(
        Text(
            "Each statement shows the citation markers the source prints after it, or (uncited). Not medical advice.",
            style="dim",
        )
    )
    c.print()
    _topic_table(c, a.k)
    c.print()
    _heading(c, "Commands")
    width = max(cell_len(name) for name, _ in a.commands)
    for name, help_text in a.commands:
        c.print(Text("  ").append(_pad(name, width), style="bold").append("  " + help_text))
    c.print()
    c.print(Text("Examples: fopinfo facts · fopinfo topic causes · fopinfo cite 7 · fopinfo search bone"))
    c.print(Text("Run 'fopinfo COMMAND --help' for a command's options.", style="dim"))

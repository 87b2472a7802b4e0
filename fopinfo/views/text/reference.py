"""Text views of the reference answers: facts, topics, sources, search, definitions, notes, the check."""

from __future__ import annotations

from fopinfo.answers import (
    CheckResult,
    Cited,
    Definition,
    FactList,
    Found,
    Handout,
    Overview,
    SectionPage,
    SourceList,
    SubjectPage,
    Updates,
)
from fopinfo.model import Knowledge, Source
from fopinfo.safe_text import clean
from fopinfo.views.text.blocks import (
    heading,
    indent,
    markers,
    pad,
    print_fact,
    print_located,
    print_pointers,
    print_statements,
    quoted,
    where_line,
)
from fopinfo.views.text.canvas import Canvas
from fopinfo.views.text.layout import cell_len
from fopinfo.views.text.styled import Styled
from fopinfo.views.wording import (
    DEFINED_BY,
    MORE_NOT_SHOWN,
    NONE_REPRODUCED,
    NOT_REPRODUCED,
    OWN_TITLE,
    SOURCE_NOT_REPRODUCED,
    SUBJECT_NOTE,
    UNEXPLAINED,
    corrected_lines,
    count,
    human_day,
    kind,
    links_line,
    missing_line,
    outside_proof_line,
    pointer_by_line,
    reached_lines,
    reference_line,
    results_heading,
    standing_line,
    unexplained_line,
    warning_lines,
)


def facts(c: Canvas, a: FactList) -> None:
    heading(c, f"FOP Facts ({len(a.facts)})")
    for f in a.facts:
        c.blank()
        print_fact(c, a.k, f, a.quotes)


def section(c: Canvas, a: SectionPage) -> None:
    s, quotes = a.section, a.quotes
    heading(c, s.title, "" if s.quote else OWN_TITLE)
    if s.statements:
        c.blank()
    print_statements(c, a.k, s.statements, 0, quotes, spaced=True)
    print_pointers(c, a.k, s.id, 0)
    for f in s.facts:
        c.blank()
        print_fact(c, a.k, f, quotes)
    links = links_line(a.k, s.id)
    if links:
        c.blank()
        indent(c, Styled(links, style="dim"), 0)


def subject(c: Canvas, a: SubjectPage) -> None:
    heading(c, f"{a.subject.title} ({count(len(a.statements), 'statement')})", SUBJECT_NOTE)
    c.blank()
    print_located(c, a.k, a.statements, a.quotes)


def topic_table(c: Canvas, k: Knowledge) -> None:
    width = max(cell_len(clean(x)) for x in [s.id for s in k.sections] + [s.id for s in k.subjects])
    heading(c, "Sections")
    rows = []
    for s in k.sections:
        line = Styled(clean(s.title))
        if s.aliases:
            line.append(f"  (also: {', '.join(map(clean, s.aliases))})", style="dim")
        rows.append((_name(s.id, width), line))
    c.rows(rows)
    c.blank()
    heading(c, "Subjects", "Statements on one subject, gathered from every section.")
    c.rows([(_name(subject.id, width), Styled(clean(subject.title))) for subject in k.subjects])


def _name(name: str, width: int) -> Styled:
    """A name in bold in a column of a width, as the lead of its row."""
    return Styled("  ").append(pad(clean(name), width), style="bold").append("  ")


def cite(c: Canvas, cited: Cited) -> None:
    for i, a in enumerate(cited.each()):
        if i:
            c.blank()
        _cite(c, a)


def _cite(c: Canvas, a: Cited) -> None:
    source = a.source
    heading(c, f"Source {source.number}")
    indent(c, Styled(clean(source.text)) if source.text else Styled(NOT_REPRODUCED, style="italic"))
    c.blank()
    heading(c, f"Cited by {count(len(a.statements), 'statement')}")
    print_located(c, a.k, a.statements, a.quotes)


def sources(c: Canvas, a: SourceList) -> None:
    k = a.k
    heading(c, f"Sources ({len(k.sources)})")
    # Columns as wide as the largest number and count, so a source 100 or 1,000 keeps rows aligned.
    number_width = max((len(f"[{s.number}]") for s in k.sources), default=4)
    count_width = max((len(str(n)) for n in a.cited_by.values()), default=2)

    def row(s: Source) -> tuple[Styled, Styled]:
        n = a.cited_by.get(s.number, 0)
        plural = "s" if n != 1 else " "
        lead = Styled(f"  {f'[{s.number}]':>{number_width}}  cited by {n:>{count_width}} statement{plural}  ")
        text = Styled(clean(s.text) if s.text else SOURCE_NOT_REPRODUCED, style="" if s.text else "dim")
        return lead, text

    c.rows(map(row, k.sources))  # made as they are printed: a long listing streams
    if any(s.text is None for s in k.sources):
        c.blank()
        indent(c, Styled(NONE_REPRODUCED, style="dim"), 0)


def search(c: Canvas, a: Found) -> None:
    k = a.k
    heading(c, results_heading(a.total, clean(a.query)))
    for said in corrected_lines(a.corrected):  # once, above the results it led to
        indent(c, Styled(clean(said), style="bold"), 0)
    for hit in a.hits:
        c.blank()
        line = Styled(clean(hit.text), style="bold" if hit.kind == "headline" else "")
        if c.styled:  # styles reach only a terminal
            for start, end in hit.spans:
                line.stylize("bold yellow", start, end)
        if hit.kind == "statement":
            line.append(" ").append_text(markers(hit.cites))
        if hit.term is not None and hit.term.definition:  # a definition is fopinfo's words, never the source's
            name, definition = line.split_at(len(clean(hit.term.term)) + 2)
            name.stylize("bold")
            name.right_crop(2)
            line = name.append(" — ").append(f"{DEFINED_BY}: ", style="dim").append_text(definition)
        indent(c, line)
        if hit.term is not None and hit.term.definition:
            indent(c, quoted(hit.term.quote, hit.cites), 2)
        elif hit.term is not None:  # never a bare name: say that the source does not explain it
            indent(c, Styled(unexplained_line(clean(hit.term.term)), style="italic"), 2)
        if hit.statement is not None:
            for item in hit.statement.items:  # a lead's list completes it: never shown without it
                indent(c, Styled(clean(item)), 2, "• ")
        if a.quotes and hit.statement is not None:
            indent(c, quoted(hit.statement.quote, hit.cites), 2)
        if hit.statement is not None:
            indent(c, where_line(k, hit.statement), 2)
        elif hit.note is not None:
            note = hit.note
            by = f"fopinfo's note, not the source's, {human_day(note.date)}; {reference_line(note, with_url=False)}"
            indent(c, Styled(f"— {by} ({clean(note.id)})", style="dim"), 2)
            warning = warning_lines(note, with_url=False)
            if warning is not None:  # a label's warning is never shown apart from its note, nor left out
                indent(c, Styled(warning[0], style="bold"), 2)
                indent(c, Styled(warning[1], style="dim"), 2)
        elif hit.guidance is not None:
            indent(c, Styled(pointer_by_line(hit.guidance), style="dim"), 2)
            c.whole(Styled("      " + clean(hit.guidance.url), style="dim"))  # whole, to open or copy
        else:
            place = "glossary" if hit.kind == "term" else k.section(hit.section_id or "").title
            indent(c, Styled(f"— {clean(place)} ({clean(hit.item_id)})", style="dim"), 2)
        for said in reached_lines(hit.reached, a.unused, hit.kind in ("note", "guidance")):
            indent(c, Styled(clean(said), style="dim"), 2)
        missing = missing_line(hit.missing, a.unused)
        if missing:
            indent(c, Styled(clean(missing), style="dim"), 2)
        if hit.statement is not None:
            print_pointers(c, k, hit.statement.id, 2)
    if a.hidden:
        c.blank()
        indent(c, Styled(MORE_NOT_SHOWN.format(hidden=a.hidden), style="dim"), 0)


def define(c: Canvas, a: Definition) -> None:
    t = a.term
    title = Styled(clean(t.term), style="bold")
    if t.aliases:
        title.append(f"  (also: {', '.join(map(clean, t.aliases))})", style="dim")
    indent(c, title, 0)
    if t.definition:
        indent(c, Styled(f"{DEFINED_BY}: ", style="dim").append(clean(t.definition)))
        indent(c, quoted(t.quote, t.cites), 2)
    else:
        indent(c, Styled(UNEXPLAINED, style="italic"))
    if a.used_in:  # the source's own statements using the term, each with its own markers
        c.blank()
        heading(c, f"Where the source uses it ({len(a.used_in)})")
        print_located(c, a.k, a.used_in, a.quotes)


def handout(c: Canvas, a: Handout) -> None:
    """In a terminal the handout is its parts, one after another."""
    for i, topic in enumerate(a.topics):
        if i:
            c.blank()
        if isinstance(topic, SectionPage):
            section(c, topic)
        else:
            subject(c, topic)
    for d in a.glossary:
        c.blank()
        define(c, d)


def updates(c: Canvas, a: Updates) -> None:
    heading(
        c,
        f"Later developments ({len(a.notes)})",
        "fopinfo's own dated notes, not the source's words; a selection, not a complete list.",
    )
    if not a.notes:
        c.blank()
        indent(c, Styled("This knowledge file records no later developments."), 0)
    at_a_glance = standing_line(a.standing)
    if at_a_glance:
        c.blank()
        indent(c, Styled(at_a_glance, style="bold"), 0)
    for note in a.notes:
        c.blank()
        region = f" · {clean(note.region)}" if note.region else ""
        indent(c, Styled(f"{human_day(note.date)}{region} · {kind(note)}", style="bold"), 0)
        indent(c, Styled(clean(note.title), style="bold"))
        indent(c, Styled(clean(note.text)))
        indent(c, Styled(reference_line(note, with_url=False), style="dim"))
        if note.reference.url:  # whole on one line, so a terminal can open or copy it
            c.whole(Styled("   " + clean(note.reference.url), style="dim"))
        warning = warning_lines(note, with_url=False)
        if warning is not None and note.warning is not None:
            indent(c, Styled(warning[0], style="bold"))
            indent(c, Styled(warning[1], style="dim"))
            if note.warning.reference.url:
                c.whole(Styled("   " + clean(note.warning.reference.url), style="dim"))
        bears = ", ".join(clean(i) for i in note.bears_on)
        indent(c, Styled(f"Checked {human_day(note.checked)} · bears on {bears} · note {clean(note.id)}", style="dim"))


def check(c: Canvas, result: CheckResult) -> None:
    if result.unreadable:
        return  # a file that could not be read: the one-line error on stderr says it all
    for problem in result.problems:
        c.whole(Styled(clean(str(problem))))
    if result.knowledge is not None:
        parts = ", ".join(f"{n} {name}" for name, n in result.knowledge.counts().items())
        status = "OK" if not result.problems else "valid, not reviewed"  # review-record findings above
        c.whole(Styled(f"{clean(str(result.target))}: {status} — {parts}"))
    for notice in result.notices:
        c.whole(Styled(clean(f"note: {notice}"), style="yellow"))
    if result.knowledge is None:
        return
    report = result.report
    if report is None:
        return
    for finding in report.findings:
        c.whole(Styled(clean(str(finding))))
    verdict = "faithful to" if report.ok else f"{len(report.findings)} problem(s) against"
    c.whole(Styled(f"provenance: {verdict} {clean(result.source_label)}"))
    indent(c, Styled(f"coverage: {report.covered}/{report.sentences} source sentences"), 0)
    outside = outside_proof_line(result.knowledge)
    if outside:
        c.whole(Styled(outside))
    # What no machine can prove is never hidden: counted always, listed with --review.
    hint = "" if result.show_review else " (list them with --review)"
    indent(c, Styled(f"review: {len(report.review)} editorial element(s) to sign off{hint}"), 0)
    if result.show_review:
        for item in report.review:
            where = f"line {item.line}: " if item.line else ""
            c.whole(Styled(clean(f"  {where}{item.path}: {item.kind}: {item.detail}")))


def overview(c: Canvas, a: Overview) -> None:
    indent(
        c,
        Styled()
        .append(f"fopinfo {a.version}", style="bold")
        .append(" — a sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP)"),
        0,
    )
    indent(
        c,
        Styled(
            "Each statement shows the citation markers the source prints after it, or (uncited). Not medical advice.",
            style="dim",
        ),
        0,
    )
    c.blank()
    topic_table(c, a.k)
    c.blank()
    heading(c, "Commands")
    width = max(cell_len(name) for name, _ in a.commands)
    c.rows([(_name(name, width), Styled(help_text)) for name, help_text in a.commands])
    c.blank()
    # Short enough for 80 columns, so no example is split across two lines.
    indent(c, Styled("Try: fopinfo facts · fopinfo topic causes · fopinfo cite 7 · fopinfo search bone"), 0)
    indent(c, Styled("Run 'fopinfo COMMAND --help' for a command's options.", style="dim"), 0)

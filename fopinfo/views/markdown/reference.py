"""Markdown of the reference answers: topics, sources, search, definitions, notes, the check, the handout."""

from __future__ import annotations

from fopinfo import __version__
from fopinfo.answers import (
    CheckResult,
    Cited,
    Definition,
    Found,
    Handout,
    Overview,
    SectionPage,
    SourceList,
    SubjectPage,
)
from fopinfo.model import Knowledge, Note, Term
from fopinfo.safe_text import clean
from fopinfo.views.markdown.blocks import (
    cited_statement,
    emphasised,
    esc,
    link,
    located,
    markers,
    md_list,
    own_title,
    place_label,
    section_body,
)
from fopinfo.views.wording import (
    DEFINED_BY,
    EDITORIAL_MARK,
    MORE_NOT_SHOWN,
    NONE_REPRODUCED,
    NOT_REPRODUCED,
    OWN_TITLE,
    SOURCE_NOT_REPRODUCED,
    SUBJECT_NOTE,
    UNEXPLAINED,
    corrected_lines,
    count,
    disclaimer_line,
    human_date,
    human_day,
    kind,
    links_line,
    missing_line,
    outside_proof_line,
    pointer_by_line,
    reached_lines,
    reference_line,
    results_heading,
    unexplained_line,
    warning_lines,
)


def topic_lists(k: Knowledge) -> list[str]:
    sections = md_list(
        f"**{esc(s.id)}**: {esc(s.title)}" + (f" (also: {esc(', '.join(s.aliases))})" if s.aliases else "")
        for s in k.sections
    )
    subjects = md_list(f"**{esc(s.id)}**: {esc(s.title)}" for s in k.subjects)
    return ["## Sections", *sections, "## Subjects", esc(SUBJECT_NOTE), *subjects]


def section(a: SectionPage, level: str, notes_here: bool = True) -> list[str]:
    """A section; its notes about itself (own title, links not included) here, or left to the handout's end."""
    s = a.section
    if not notes_here:
        mark = "" if s.quote else f" {EDITORIAL_MARK}"
        return [f"{level} {esc(s.title)}{mark}", *section_body(a.k, s, a.quotes, level + "#")]
    blocks = [f"{level} {esc(s.title)}", *own_title(s), *section_body(a.k, s, a.quotes, level + "#")]
    links = links_line(a.k, s.id)
    if links:
        blocks.append(f"*{esc(links)}*")
    return blocks


def subject(a: SubjectPage, level: str) -> list[str]:
    return [f"{level} {esc(a.subject.title)}", f"*{esc(SUBJECT_NOTE)}*", *located(a.k, a.statements, a.quotes)]


def cite(cited: Cited) -> list[str]:
    return [block for a in cited.each() for block in _cite(a)]


def _cite(a: Cited) -> list[str]:
    source = a.source
    reference = esc(source.text) if source.text else f"*{NOT_REPRODUCED}*"
    blocks = [f"# Source {source.number}", reference, f"## Cited by {count(len(a.statements), 'statement')}"]
    return [*blocks, *located(a.k, a.statements, a.quotes)]


def sources(a: SourceList) -> list[str]:
    lines = []
    for s in a.k.sources:
        n = a.cited_by.get(s.number, 0)
        reference = esc(s.text) if s.text else SOURCE_NOT_REPRODUCED
        lines.append(f"- **{markers([s.number])}** cited by {count(n, 'statement')}: {reference}")
    blocks = ["# Sources", "\n".join(lines)]
    if any(s.text is None for s in a.k.sources):
        blocks.append(f"*{NONE_REPRODUCED}*")
    return blocks


def search(a: Found) -> list[str]:
    k = a.k
    blocks = [f"# {esc(results_heading(a.total, a.query))}"]
    blocks += [f"**{esc(line)}**" for line in corrected_lines(a.corrected)]  # once, above the results
    items = []
    for hit in a.hits:
        said = reached_lines(hit.reached, a.unused, hit.kind in ("note", "guidance"))
        remarks = [f"*{esc(line)}*" for line in said]
        missing = missing_line(hit.missing, a.unused)
        remarks += [f"*{esc(missing)}*"] if missing else []
        if hit.statement is not None:
            label = place_label(k, hit.statement)
            items.append(cited_statement(k, hit.statement, a.quotes, label, spans=hit.spans, remarks=remarks))
            continue
        text = emphasised(hit.text, hit.spans, "*" if hit.kind == "headline" else "**")
        if hit.kind == "headline":
            item = f"**{text}** — *{esc(k.section(hit.section_id or '').title)} ({esc(hit.item_id)})*"
        elif hit.note is not None:
            note = hit.note
            where = f"fopinfo's note, not the source's, {human_day(note.date)}; {reference_line(note, with_url=False)}"
            address = link(note.reference.url)
            item = f"{text} — *{esc(where)} ({esc(hit.item_id)})*" + (f" {address}" if address else "")
            warning = warning_lines(note, with_url=False)
            if warning is not None and note.warning is not None:  # never shown apart from its note
                shown_on = link(note.warning.reference.url)
                remarks[:0] = [f"**{esc(warning[0])}**", f"*{esc(warning[1])}*" + (f" {shown_on}" if shown_on else "")]
        elif hit.guidance is not None:
            address = link(hit.guidance.url)
            item = f"{text} *{esc(pointer_by_line(hit.guidance))}*" + (f" {address}" if address else "")
        elif hit.term is not None and hit.term.definition:  # fopinfo's words, then the source's sentence
            cut = len(clean(hit.term.term)) + 2
            definition = [(a - cut, b - cut) for a, b in hit.spans if a >= cut]  # the name is bold already
            item = f"**{esc(hit.term.term)}** — *{esc(DEFINED_BY)}:* {emphasised(hit.term.definition, definition)}"
            item += f" — *glossary ({esc(hit.item_id)})*"
            if hit.term.quote:
                remarks.insert(0, f"> “{esc(hit.term.quote)}” {markers(hit.cites)}")
        else:  # a term the source does not explain: its name, which is no statement, has no markers
            item = f"{text} — *glossary ({esc(hit.item_id)})*"
            if hit.term is not None:  # never a bare name: say that the source does not explain it
                remarks.insert(0, f"*{esc(unexplained_line(hit.term.term))}*")
        items.append(item + "".join(f"\n\n  {r}" for r in remarks))
    blocks += md_list(items)
    if a.hidden:
        blocks.append(f"*{esc(MORE_NOT_SHOWN.format(hidden=a.hidden))}*")
    return blocks


def term(t: Term, quotes: bool) -> list[str]:
    blocks = []
    if t.aliases:
        blocks.append(f"*Also:* {esc(', '.join(t.aliases))}")
    if t.definition:
        blocks.append(f"*{esc(DEFINED_BY)}:* {esc(t.definition)}")
        if t.quote:
            blocks.append(f"> “{esc(t.quote)}” {markers(t.cites)}")
    else:
        blocks.append(f"*{UNEXPLAINED}*")
    return blocks


def define(a: Definition, level: str) -> list[str]:
    t = a.term
    blocks = [f"{level} {esc(t.term)}", *term(t, a.quotes)]
    if a.used_in:  # the source's own statements using the term, each with its own markers
        blocks += [f"{level}# Where the source uses it ({len(a.used_in)})", *located(a.k, a.used_in, a.quotes)]
    return blocks


def overview(a: Overview) -> list[str]:
    blocks = [
        f"# fopinfo {a.version}",
        "A sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP). "
        "Each statement shows the citation markers the source prints after it, or *(uncited)*. "
        "Not medical advice.",
    ]
    blocks += topic_lists(a.k)
    blocks += ["## Commands", *md_list(f"**{esc(name)}**: {esc(text)}" for name, text in a.commands)]
    return blocks


UPDATES_NOTE = (
    "fopinfo's own dated notes on some of what has happened since the source was published (a selection, not "
    "a complete list): not the source's words, "
    "and outside what `fopinfo check --source` proves. Each rests on the public record named under it."
)


def updates(notes: tuple[Note, ...], level: str, at_a_glance: str | None = None) -> list[str]:
    blocks = [f"*{esc(UPDATES_NOTE)}*"]
    if not notes:
        blocks.append("This knowledge file records no later developments.")
    if at_a_glance:
        blocks.append(f"**{esc(at_a_glance)}**")
    for note in notes:
        region = f" · {esc(note.region)}" if note.region else ""
        blocks += [
            f"{level} {esc(human_day(note.date))}{region} · {esc(kind(note))}: {esc(note.title)}",
            esc(note.text),
            f"*{esc(reference_line(note, with_url=False))}*"
            + (f" {link(note.reference.url)}" if note.reference.url else ""),
        ]
        warning = warning_lines(note, with_url=False)
        if warning is not None and note.warning is not None:
            shown_on = link(note.warning.reference.url)
            blocks += [f"**{esc(warning[0])}**", f"*{esc(warning[1])}*" + (f" {shown_on}" if shown_on else "")]
        blocks.append(f"*Checked {esc(human_day(note.checked))}*")  # ids stay in JSON, off printed pages
    return blocks


def check(result: CheckResult) -> str:
    """The check's findings as a Markdown list, for pasting into a review."""
    blocks = [f"# Check of {esc(str(result.target))}"]
    blocks += md_list(esc(str(p)) for p in result.problems)
    if result.knowledge is not None:
        parts = ", ".join(f"{n} {name}" for name, n in result.knowledge.counts().items())
        blocks.append(f"{'OK' if not result.problems else 'Valid, not reviewed'} — {esc(parts)}")
    blocks += md_list(f"*{esc(notice)}*" for notice in result.notices)
    report = result.report
    if report is not None:
        blocks += md_list(esc(str(f)) for f in report.findings)
        verdict = "faithful to" if report.ok else f"{len(report.findings)} problem(s) against"
        blocks.append(f"Provenance: {verdict} {esc(result.source_label)}")
        blocks.append(f"Coverage: {report.covered}/{report.sentences} source sentences")
        outside = outside_proof_line(result.knowledge) if result.knowledge else None
        if outside:
            blocks.append(esc(outside[0].upper() + outside[1:]))
        blocks.append(f"Review: {len(report.review)} editorial element(s) to sign off")
        if result.show_review:
            blocks += md_list(
                esc(f"{f'line {r.line}: ' if r.line else ''}{r.path}: {r.kind}: {r.detail}") for r in report.review
            )
    return "\n\n".join(blocks) + "\n"


HANDOUT_TITLE = "Fibrodysplasia Ossificans Progressiva (FOP): a sourced reference"


def handout(a: Handout) -> list[str]:
    k, o = a.k, a.k.origin
    blocks = [
        f"# {HANDOUT_TITLE}",
        f"Every statement below is quoted from one source, “{esc(o.title)}” "
        f"({esc(o.publisher)}, reference {esc(o.reference)}, {esc(human_date(o.date))}), with the "
        f"reference numbers that source prints, in brackets, such as {markers([1, 4])}. *(uncited)* marks a "
        "statement the source prints without one. Glossary definitions are in fopinfo's words, each "
        "followed by the source's sentence it rests on.",
        f"**{esc(disclaimer_line(k))}**",
    ]
    for topic in a.topics:
        blocks += section(topic, "##", False) if isinstance(topic, SectionPage) else subject(topic, "##")
    if k.developments and k.developments.notes:
        blocks += ["## Since this source was published", *updates(k.developments.notes, "###")]
    if a.glossary:
        blocks.append("## Glossary")
        for d in a.glossary:
            blocks += [f"### {esc(d.term.term)}", *term(d.term, False)]
    blocks += ["## Sources", f"The source numbers its references {k.source_range()}."]
    if any(s.text is None for s in k.sources):
        blocks.append(f"*{NONE_REPRODUCED}* fopinfo does not guess them.")
    reproduced = [f"- **{markers([s.number])}** {esc(s.text)}" for s in k.sources if s.text]
    if reproduced:
        blocks.append("\n".join(reproduced))
    return blocks + _about(a)


def _about(a: Handout) -> list[str]:
    """Notes on the handout itself, after its content, so a reader meets the content first."""
    k, o = a.k, a.k.origin
    sections = [t.section for t in a.topics if isinstance(t, SectionPage)]
    notes = []
    if any(not s.quote for s in sections):
        notes.append(f"{EDITORIAL_MARK} {esc(OWN_TITLE)}")
    shown = {s.id for s in sections}
    labels = [clean(p.label) for p in k.origin.related_pages if p.section in shown]
    if labels:
        notes.append(esc("The source links to (not included): " + "; ".join(labels)))
    notes.append(
        "Statements here citing each source: "
        + ", ".join(f"{markers([s.number])} {a.cited_by.get(s.number, 0)}" for s in k.sources)
        + "."
    )
    notes.append(
        f"The source page says it is intended for {esc(o.audience)}. Subject groupings are fopinfo's "
        f"editorial aid, not the source's. Made with fopinfo {__version__}."
    )
    return ["## About this handout", *md_list(notes)]

"""CommonMark views: ``show(answer)`` writes any answer as Markdown (the HTML view renders it).

Text from a knowledge file is data: it is cleaned of control characters and every
character Markdown could read as syntax is backslash-escaped, so a file cannot inject
links, images, HTML or emphasis. No Rich here; markdown-it-py (which Rich already
depends on) is imported only to render the HTML handout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fopinfo import __version__, clock
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
from fopinfo.model import Fact, Knowledge, Note, Section, Statement, Term
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
    clean,
    count,
    developments_line,
    disclaimer_line,
    human_date,
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


def esc(text: str) -> str:
    """Data as literal Markdown text, on one line."""
    one_line = _SYNTAX.sub(r"\\\1", " ".join(clean(text).split()))
    one_line = _LINK_MARKS.sub(lambda m: "\\" + m.group(), one_line)
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", one_line))


def markers(cites: Iterable[int]) -> str:
    label = marker_label(cites)
    return esc(label) if label.startswith("[") else f"*{esc(label)}*"


def _statement(k: Knowledge, s: Statement, quotes: bool, label: str = "", nested: bool = True) -> str:
    """The statement with its markers (and label); under it, a lead's list, with --quote the
    source's words, then fopinfo's notes on what has happened since, set apart from them."""
    line = f"{esc(s.text)} {markers(s.cites)}{label}"
    if s.items and nested:  # a lead's list, the source's own lines, as a list inside this item
        line += "".join(f"\n  - {esc(item)}" for item in s.items)
    if quotes and s.quote:
        line += f"\n\n  > “{esc(s.quote)}” {markers(s.cites)}"
    if nested:
        line += "".join(f"\n\n  {p}" for p in _pointers(k, s.id))
    return line


def _pointers(k: Knowledge, item_id: str) -> list[str]:
    return [f"*» {esc(note_pointer(note))}*" for note in k.notes_on(item_id)]


def _list(items: Iterable[str]) -> list[str]:
    """One Markdown list as one block (a tight list), or nothing."""
    block = "\n".join(f"- {item}" for item in items)
    return [block] if block else []


def _label(k: Knowledge, s: Statement) -> str:
    return f" — *{esc(where(k, s))} ({esc(s.id)})*"


def _located(k: Knowledge, statements: Iterable[Statement], quotes: bool) -> list[str]:
    return _list(_statement(k, s, quotes, _label(k, s)) for s in statements)


def _footer(k: Knowledge) -> list[str]:
    today = clock.today()
    later = developments_line(k, today)
    shown_later = [f"**{esc(later)}**" if stale(k, today) else esc(later)] if later else []
    return ["---", esc(origin_line(k, today)), *shown_later, f"**{esc(disclaimer_line(k))}**"]


def _page(k: Knowledge, blocks: list[str]) -> str:
    return "\n\n".join([*blocks, *_footer(k)]) + "\n"


def _fact(k: Knowledge, f: Fact, quotes: bool, heading: str = "###") -> list[str]:
    return [f"{heading} {f.number}. {esc(f.headline)}", *_list(_statement(k, s, quotes) for s in f.statements)]


def _own_title(s: Section) -> list[str]:
    return [] if s.quote else [f"*{esc(OWN_TITLE)}*"]


def _section_body(k: Knowledge, s: Section, quotes: bool, level: str = "##") -> list[str]:
    blocks: list[str] = []
    aims: list[str] = []  # the aims complete the sentence before them: a list under it
    for statement in s.statements:
        if statement.aim:
            aims.append(_statement(k, statement, quotes))
            continue
        blocks += _list(aims)
        aims = []
        blocks.append(_statement(k, statement, quotes, nested=False))
        blocks += _list(esc(item) for item in statement.items)  # a lead's list: under it
        blocks += _pointers(k, statement.id)
    blocks += _list(aims)
    blocks += _pointers(k, s.id)
    for f in s.facts:
        blocks += _fact(k, f, quotes, level + "#")
    return blocks


def show(answer: Answer) -> None:
    """Write any answer as one CommonMark document."""
    from fopinfo import terminal

    terminal.write(render(answer))


def render(answer: Answer) -> str:
    match answer:
        case Overview():
            return _page(answer.k, _overview(answer))
        case FactList():
            blocks = ["# FOP Facts"]
            for f in answer.facts:
                blocks += _fact(answer.k, f, answer.quotes, "##")
            return _page(answer.k, blocks)
        case TopicList():
            return _page(answer.k, ["# Topics", *_topic_lists(answer.k)])
        case SectionPage():
            return _page(answer.k, _section(answer, "#"))
        case SubjectPage():
            return _page(answer.k, _subject(answer, "#"))
        case Cited():
            return _page(answer.k, _cite(answer))
        case SourceList():
            return _page(answer.k, _sources(answer))
        case Found():
            return _page(answer.k, _search(answer))
        case Definition():
            return _page(answer.k, _define(answer, "#"))
        case Handout():
            return _page(answer.k, _handout(answer))
        case Updates():
            return _page(answer.k, ["# Later developments", *_updates(answer.notes, "##")])
        case CheckResult():
            return _check(answer)
        case Card():
            from fopinfo.views import handover_markdown

            return handover_markdown.card(answer)
        case Sheet():
            from fopinfo.views import handover_markdown

            return handover_markdown.sheet(answer)
        case _:
            assert_never(answer)


def _topic_lists(k: Knowledge) -> list[str]:
    sections = _list(
        f"**{esc(s.id)}**: {esc(s.title)}" + (f" (also: {esc(', '.join(s.aliases))})" if s.aliases else "")
        for s in k.sections
    )
    subjects = _list(f"**{esc(s.id)}**: {esc(s.title)}" for s in k.subjects)
    return ["## Sections", *sections, "## Subjects", esc(SUBJECT_NOTE), *subjects]


def _section(a: SectionPage, level: str, notes_here: bool = True) -> list[str]:
    """A section; its notes about itself (own title, links not included) here, or left to the handout's end."""
    s = a.section
    if not notes_here:
        mark = "" if s.quote else f" {EDITORIAL_MARK}"
        return [f"{level} {esc(s.title)}{mark}", *_section_body(a.k, s, a.quotes, level + "#")]
    blocks = [f"{level} {esc(s.title)}", *_own_title(s), *_section_body(a.k, s, a.quotes, level + "#")]
    links = links_line(a.k, s.id)
    if links:
        blocks.append(f"*{esc(links)}*")
    return blocks


def _subject(a: SubjectPage, level: str) -> list[str]:
    return [f"{level} {esc(a.subject.title)}", f"*{esc(SUBJECT_NOTE)}*", *_located(a.k, a.statements, a.quotes)]


def _cite(a: Cited) -> list[str]:
    source = a.source
    reference = esc(source.text) if source.text else f"*{NOT_REPRODUCED}*"
    blocks = [f"# Source {source.number}", reference, f"## Cited by {count(len(a.statements), 'statement')}"]
    return [*blocks, *_located(a.k, a.statements, a.quotes)]


def _sources(a: SourceList) -> list[str]:
    lines = []
    for s in a.k.sources:
        n = a.cited_by.get(s.number, 0)
        reference = esc(s.text) if s.text else SOURCE_NOT_REPRODUCED
        lines.append(f"- **{markers([s.number])}** cited by {count(n, 'statement')}: {reference}")
    blocks = ["# Sources", "\n".join(lines)]
    if any(s.text is None for s in a.k.sources):
        blocks.append(f"*{NONE_REPRODUCED}*")
    return blocks


def _search(a: Found) -> list[str]:
    k = a.k
    blocks = [f"# {count(a.total, 'match', 'matches')} for “{esc(a.query)}”"]
    items = []
    for hit in a.hits:
        if hit.statement is not None:
            item = _statement(k, hit.statement, a.quotes, _label(k, hit.statement))
        elif hit.kind == "headline":
            item = f"**{esc(hit.text)}** — *{esc(k.section(hit.section_id or '').title)} ({esc(hit.item_id)})*"
        elif hit.note is not None:
            note = hit.note
            where = f"fopinfo's note, not the source's, {human_day(note.date)}; {reference_line(note)}"
            item = f"{esc(hit.text)} — *{esc(where)} ({esc(hit.item_id)})*"
        else:
            item = f"{esc(hit.text)} {markers(hit.cites)} — *glossary ({esc(hit.item_id)})*"
        items.append(item)
    blocks += _list(items)
    if a.hidden:
        blocks.append(f"*{esc(MORE_NOT_SHOWN.format(hidden=a.hidden))}*")
    return blocks


def _term(t: Term, quotes: bool) -> list[str]:
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


def _define(a: Definition, level: str) -> list[str]:
    t = a.term
    blocks = [f"{level} {esc(t.term)}", *_term(t, a.quotes)]
    if a.used_in:  # the source's own statements using the term, each with its own markers
        blocks += [f"{level}# Where the source uses it ({len(a.used_in)})", *_located(a.k, a.used_in, a.quotes)]
    return blocks


def _overview(a: Overview) -> list[str]:
    blocks = [
        f"# fopinfo {a.version}",
        "A sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP). "
        "Each statement shows the citation markers the source prints after it, or *(uncited)*. "
        "Not medical advice.",
    ]
    blocks += _topic_lists(a.k)
    blocks += ["## Commands", *_list(f"**{esc(name)}**: {esc(text)}" for name, text in a.commands)]
    return blocks


UPDATES_NOTE = (
    "fopinfo's own dated notes on some of what has happened since the source was published (a selection, not "
    "a complete list): not the source's words, "
    "and outside what `fopinfo check --source` proves. Each rests on the public record named under it."
)


def _updates(notes: tuple[Note, ...], level: str) -> list[str]:
    blocks = [f"*{esc(UPDATES_NOTE)}*"]
    if not notes:
        blocks.append("This knowledge file records no later developments.")
    for note in notes:
        region = f" · {esc(note.region)}" if note.region else ""
        blocks += [
            f"{level} {esc(human_day(note.date))}{region}: {esc(note.title)}",
            esc(note.text),
            f"*{esc(reference_line(note))}*",
            f"*Checked {esc(human_day(note.checked))} · bears on {esc(', '.join(note.bears_on))} · "
            f"note {esc(note.id)}*",
        ]
    return blocks


def _check(result: CheckResult) -> str:
    """The check's findings as a Markdown list, for pasting into a review."""
    blocks = [f"# Check of {esc(str(result.target))}"]
    blocks += _list(esc(str(p)) for p in result.problems)
    if result.knowledge is not None:
        parts = ", ".join(f"{n} {name}" for name, n in result.knowledge.counts().items())
        blocks.append(f"{'OK' if not result.problems else 'Valid, not reviewed'} — {esc(parts)}")
    report = result.report
    if report is not None:
        blocks += _list(esc(str(f)) for f in report.findings)
        verdict = "faithful to" if report.ok else f"{len(report.findings)} problem(s) against"
        blocks.append(f"Provenance: {verdict} {esc(result.source_label)}")
        blocks.append(f"Coverage: {report.covered}/{report.sentences} source sentences")
        outside = outside_proof_line(result.knowledge) if result.knowledge else None
        if outside:
            blocks.append(esc(outside[0].upper() + outside[1:]))
        blocks.append(f"Review: {len(report.review)} editorial element(s) to sign off")
        if result.show_review:
            blocks += _list(
                esc(f"{f'line {r.line}: ' if r.line else ''}{r.path}: {r.kind}: {r.detail}") for r in report.review
            )
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- the handout


HANDOUT_TITLE = "Fibrodysplasia Ossificans Progressiva (FOP): a sourced reference"


def _handout(a: Handout) -> list[str]:
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
        blocks += _section(topic, "##", False) if isinstance(topic, SectionPage) else _subject(topic, "##")
    if k.developments and k.developments.notes:
        blocks += ["## Since this source was published", *_updates(k.developments.notes, "###")]
    if a.glossary:
        blocks.append("## Glossary")
        for d in a.glossary:
            blocks += [f"### {esc(d.term.term)}", *_term(d.term, False)]
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
    return ["## About this handout", *_list(notes)]

"""Wording shared by every output format (text, Markdown, HTML, JSON): no Rich, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from fopinfo.model import UNCLASSIFIED, BoxedWarning, Guidance, Knowledge, Note, Reference, Statement
from fopinfo.safe_text import clean

if TYPE_CHECKING:
    import datetime

    from fopinfo.answers import Sheet

MONTHS = "January February March April May June July August September October November December".split()
NOT_REPRODUCED = "Numbered by the source; the copy fopinfo uses does not reproduce it."
NONE_REPRODUCED = "Numbered by the source; the copy fopinfo uses does not reproduce them."
UNEXPLAINED = "The source uses this term but does not explain it."
DEFINED_BY = "In fopinfo's words"  # a definition is never shown as the source's; its quote follows
OWN_TITLE = "This title is fopinfo's own: the source gives this part no heading."
UNCITED = "(uncited)"
MORE_NOT_SHOWN = "{hidden} more not shown; use --limit 0 to see all."
SOURCE_NOT_REPRODUCED = "not reproduced in the copy"
SUBJECT_NOTE = "Gathered from every section by fopinfo's subject tags (an editorial aid, not the source's)."


def unexplained_line(term: str) -> str:
    """Under a search result for a term the source uses but never explains: what it is, and where to see its uses."""
    from fopinfo.bash_words import shell_word

    return f"{UNEXPLAINED} Where it uses it: fopinfo define {' '.join(map(shell_word, term.split()))}"


def marker_label(cites: Iterable[int]) -> str:
    """The one way a statement's markers are written, in every format: "[1,4]" or "(uncited)"."""
    numbers = list(cites)
    return "[" + ",".join(map(str, numbers)) + "]" if numbers else UNCITED


def count(n: int, noun: str, plural: str = "") -> str:
    """'1 statement', '4 statements', '2 matches'."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def shown_path(path: object) -> str:
    """A path as text that round-trips: bytes that are not UTF-8 (kept by Python as surrogate
    escapes) are written as ``\\xff`` rather than replaced by "?"."""
    import os

    raw = os.fsencode(str(path))
    return raw.decode("utf-8", errors="backslashreplace")


def human_date(date: str) -> str:
    """'2020-12' -> 'December 2020'; anything else is shown as written."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", date)
    if match and 1 <= int(match[2]) <= 12:
        return f"{MONTHS[int(match[2]) - 1]} {match[1]}"
    return date


def human_day(date: str) -> str:
    """'2023-08-16' -> '16 August 2023'; anything else as human_date shows it."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if match and 1 <= int(match[2]) <= 12:
        return f"{int(match[3])} {MONTHS[int(match[2]) - 1]} {match[1]}"
    return human_date(date)


def years_since(date: str, today: datetime.date) -> int | None:
    """Whole years from a 'YYYY-MM' (or 'YYYY-MM-DD') date to today; None if unreadable."""
    match = re.match(r"(\d{4})-(\d{2})", date)
    if not match:
        return None
    months = (today.year - int(match[1])) * 12 + today.month - int(match[2])
    return max(months, 0) // 12


def age(date: str, today: datetime.date) -> str:
    """'5 years ago', '1 year ago', 'less than a year ago'."""
    years = years_since(date, today)
    if years is None:
        return "age unknown"
    return "less than a year ago" if years == 0 else f"{count(years, 'year')} ago"


def origin_line(k: Knowledge, today: datetime.date) -> str:
    """The source, its date and its age on a stated day (printed pages keep their day)."""
    o = k.origin
    unlisted = " (its list of references is not reproduced)" if all(s.text is None for s in k.sources) else ""
    return (
        f"Source: “{clean(o.title)}”, {clean(o.publisher)}, reference {clean(o.reference)}, "
        f"{human_date(clean(o.date))} — {age(o.date, today)} as of {human_day(today.isoformat())}. "
        f"Markers like [1,4] are its reference numbers{unlisted}."
    )


def brief_line(k: Knowledge, today: datetime.date) -> str:
    """The footer in one line (--brief): the source, its age, and that this is not medical advice."""
    o = k.origin
    when = f"{human_date(clean(o.date))} ({age(o.date, today)})"
    return f"Source: “{clean(o.title)}”, {clean(o.publisher)}, {when}. Not medical advice."


NOTE_LABEL = "Since this source (fopinfo's note, not the source's)"
STALE_AFTER_YEARS = 1


def developments_line(k: Knowledge, today: datetime.date) -> str | None:
    """When the later-development notes were last checked, and a warning once that is over a year ago."""
    later = k.developments
    if later is None:
        return None
    line = f"Later developments checked: {human_date(clean(later.reviewed))}"
    if (years_since(later.reviewed, today) or 0) >= STALE_AFTER_YEARS:
        line += " — more than a year ago: newer developments may be missing"
    notes = count(len(later.notes), "note")
    return f"{line}. {notes} by fopinfo, not the source, and not a complete list: 'fopinfo updates'."


def stale(k: Knowledge, today: datetime.date) -> bool:
    later = k.developments
    return later is not None and (years_since(later.reviewed, today) or 0) >= STALE_AFTER_YEARS


def kind(note: Note) -> str:
    """A note's kind as every format shows it: 'approval', …, or 'unclassified' (a schema-1 note)."""
    return note.kind or UNCLASSIFIED


def note_pointer(note: Note) -> str:
    """The short pointer shown after the source's statements a note bears on."""
    region = f", {clean(note.region)}" if note.region else ""
    pointer = f"{NOTE_LABEL}: {human_day(note.date)}{region} — {clean(note.title)} ({kind(note)})"
    # A label's warning travels with every pointer to the approval, never only with the full note.
    return f"{pointer}. {clean(note.warning.text)}" if note.warning is not None else pointer


NO_DATE = "no date shown"


def record_line(r: Reference, with_url: bool = True, label: str = "Reference") -> str:
    """A record as every format names it: publisher, title, the date it shows, its ids and address."""
    ids = "".join(f" {name} {clean(v)}." for name, v in (("DOI", r.doi), ("PMID", r.pmid)) if v)
    url = f" {clean(r.url)}" if r.url and with_url else ""
    shown = human_day(r.date) if r.date else NO_DATE
    return f"{label}: {clean(r.publisher)}, “{clean(r.title)}”, {shown}.{ids}{url}"


def reference_line(note: Note, with_url: bool = True) -> str:
    return record_line(note.reference, with_url)


def warning_lines(note: Note, with_url: bool = True) -> tuple[str, str] | None:
    """An approval's boxed-warning sentence and the record that shows it, or None."""
    return boxed_lines(note.warning, with_url) if note.warning is not None else None


def boxed_lines(w: BoxedWarning, with_url: bool = True) -> tuple[str, str]:
    """A boxed warning as fopinfo's one sentence (never reworded) and the record that shows it."""
    return clean(w.text), record_line(w.reference, with_url, "Warning shown on")


#: The summary of approvals and refusals over the notes, by kind (query.standing computes it).
STANDING_KINDS = (("approval", "Approval notes"), ("refusal", "Refusal notes"))


def standing_line(standing: tuple[tuple[str, str, tuple[str, ...]], ...]) -> str | None:
    """One line, from the notes, saying which medicines fopinfo's notes record as approved or refused where.

    The README's sentence about approvals is this line, so it cannot go stale (tests/test_currency.py).
    """
    parts = []
    for key, label in STANDING_KINDS:
        medicines = [f"{clean(m)}: {', '.join(clean(r) for r in regions)}" for k, m, regions in standing if k == key]
        if medicines:
            parts.append(f"{label} — {'; '.join(medicines)}.")
    return " ".join(parts) or None


def pointer_line(g: Guidance) -> str:
    """A guidance pointer's record: what it is, its title, who published it, the date it shows."""
    shown = human_day(g.date) if g.date else NO_DATE
    return f"{g.form.capitalize()}: “{clean(g.title)}”, {clean(g.publisher)}, {shown}."


def covers_line(g: Guidance) -> str:
    return f"Covers {clean(g.covers)}."


def pointer_by_line(g: Guidance) -> str:
    """Under a guidance pointer found by search: whose words these are, the record, and its sheets."""
    shown = human_day(g.date) if g.date else NO_DATE
    sheets = _and([clean(a) for a in g.audiences])
    sheet = "sheet" if len(g.audiences) == 1 else "sheets"
    return (
        f"— fopinfo's pointer to {_a(clean(g.form))}, not the source's: {clean(g.publisher)}, {shown}; "
        f"on the {sheets} {sheet} (fopinfo handout --for {clean(g.audiences[0])}) ({clean(g.id)})"
    )


def _a(form: str) -> str:
    """ "guidance", "a study", "a case report"."""
    return form if form == "guidance" else f"a {form}"


def disclaimer_line(k: Knowledge) -> str:
    return f"fopinfo: not medical advice. The source: “{clean(k.origin.disclaimer)}”"


def where(k: Knowledge, s: Statement) -> str:
    """Where a statement sits: its section, and its fact if it has one."""
    section = k.section(s.section_id)
    label = section.title
    if s.fact_id:
        fact = k.fact(s.fact_id)
        label += f" › {fact.number}. {fact.headline}"
    return clean(label)


def links_line(k: Knowledge, section_id: str) -> str | None:
    """The pages the source links to from a section: labels only, their content is not in the source copy."""
    labels = [clean(p.label) for p in k.origin.related_pages if p.section == section_id]
    return "The source links to (not included): " + "; ".join(labels) if labels else None


def outside_proof_line(k: Knowledge) -> str | None:
    """What `check --source` cannot prove because it is not from the source: fopinfo's notes."""
    notes = k.developments.notes if k.developments else ()
    if not notes:
        return None
    ids = ", ".join(clean(n.id) for n in notes)
    return (
        f"notes: {count(len(notes), 'note')} by fopinfo, not from the source, so not proven against it (checked to "
        f"carry none of its markers or sentences, and bound to review records; each rests on its own record): {ids}"
    )


# ---------------------------------------------------------------- hand-over: card and sheets

#: Used by the reference handout's own section titles; the card and sheets carry one legend instead.
EDITORIAL_MARK = "†"


def _and(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def sheet_parts(a: Sheet, today: datetime.date) -> tuple[bool, bool]:
    """Whether a sheet prints guidance pointers, and a part on medicines: what its legend may name."""
    shows = {g.show for g in a.choice.groups}
    pointers = "guidance" in shows and bool(a.guidance)
    medicines = "medicines" in shows and approved_line(a.approved, a.k, today) is not None
    return pointers, medicines


def sheet_legend(a: Sheet, today: datetime.date) -> str:
    """A sheet's one legend line: which words are fopinfo's (only the parts this sheet prints), which
    are quoted (no mark on every heading)."""
    pointers, medicines = sheet_parts(a, today)
    own = ["Headings", *(["reading pointers"] if pointers else []), *(["the part on medicines"] if medicines else [])]
    return (
        f"{_and(own)} are fopinfo's words. Each sentence ending in reference numbers such as [5] is quoted "
        "from the source named at the foot of this page."
    )


#: Under the pointers: they name what each covers, never what it advises.
GUIDANCE_CLOSE = "fopinfo names what each covers, not what it advises: read them in full."
#: The fill-in fields of a card or sheet, in order: (Fields attribute, label).
FIELD_LABELS = (
    ("name", "Name"),
    ("contact", "Emergency contact"),
    ("doctor", "FOP doctor"),
    ("medicines", "FOP medicines taken"),
    ("note", "Allergies, other notes"),
)
#: Writing lines for "Allergies, other notes" when it is left blank: on a card, on a sheet.
CARD_NOTE_LINES = 3
SHEET_NOTE_LINES = 2


def card_source_line(k: Knowledge, medicines: bool) -> str:
    """The card's legend and source in one line of fine print: which parts are fopinfo's (the line on
    medicines only when the card shows one), what is quoted, from where, how old. The disclaimer
    names itself ("fopinfo: …", then the source's own words in quotation marks)."""
    o = k.origin
    own = _and(["the heading", *(["the line on medicines"] if medicines else []), "the field labels"])
    return (
        f"fopinfo's words: {own}. Quoted, with their reference "
        f"numbers [n]: the sentences from “{clean(o.title)}”, {clean(o.publisher)}, {clean(o.reference)}, "
        f"{human_date(clean(o.date))}."
    )


def approved_line(
    approved: Iterable[tuple[str, Iterable[tuple[str, BoxedWarning | None]]]],
    k: Knowledge,
    today: datetime.date,
    lead: bool = True,
) -> str | None:
    """One line, from fopinfo's notes, on which medicines for FOP are approved where since the source,
    and where the label carries a boxed warning; refusals left out. Dated by the notes' review month.
    Without `lead` it follows a heading that already says what it is, on a sheet, where the warnings
    follow it (`approved_warnings`); with it (the card, room for one line) each warning is pointed to
    where it is shown, never reworded."""
    parts = []
    for medicine, regions in approved:
        shown = [f"{clean(r)}{_warned(w, below=not lead)}" for r, w in regions]
        parts.append(f"{clean(medicine)} in {', '.join(shown)}")
    later = k.developments
    if not parts or later is None:
        return None
    old = ", checked more than a year ago" if stale(k, today) else ""
    when = f"as of {human_date(clean(later.reviewed))}{old}"
    if lead:
        return f"Medicines approved for FOP since the source ({when}): {'; '.join(parts)}."
    return f"A{when[1:]}, fopinfo's notes record: {'; '.join(parts)}."


def _warned(w: BoxedWarning | None, below: bool) -> str:
    """After a region whose label has a boxed warning: where the warning is given (its record's address)."""
    if w is None:
        return ""
    if below:
        return " (a warning on its label there: see below)"
    r = w.reference
    at = f"at {clean(r.url)}" if r.url else f"on “{clean(r.title)}”, {clean(r.publisher)}"
    return f" (a warning on its label there, shown {at})"


def approved_warnings(approved: Iterable[tuple[str, Iterable[tuple[str, BoxedWarning | None]]]]) -> list[BoxedWarning]:
    """The boxed warnings the line on medicines names, each once, in its order: a sheet gives them in full."""
    found: list[BoxedWarning] = []
    for _, regions in approved:
        found += [w for _, w in regions if w is not None and w not in found]
    return found


def sheet_developments_line(k: Knowledge, today: datetime.date) -> str | None:
    """A printed page's line on fopinfo's later-development notes, in words, never a command."""
    later = k.developments
    if later is None:
        return None
    old = " — more than a year ago: newer developments may be missing" if stale(k, today) else ""
    return (
        f"Later developments checked by fopinfo: {human_date(clean(later.reviewed))}{old}. "
        "fopinfo's notes, not the source's, and not a complete list; only an FOP specialist can say "
        "what applies to a person."
    )


def missing_line(missing: Iterable[str], unused: Iterable[str] = ()) -> str | None:
    """What a search result did not match, the way a web search says it: "Missing: contagious",
    and of those, the words the file never uses anywhere: "(the source does not mention “flu”)"."""
    words = list(missing)
    if not words:
        return None
    nowhere = set(unused)
    absent = [f"“{w}”" for w in words if w in nowhere]
    said = f" (the source does not mention {', '.join(absent)})" if absent else ""
    return "Missing: " + ", ".join(words) + said


def reached_lines(
    reached: Iterable[tuple[str, tuple[str, ...]]], unused: Iterable[str], note: bool = False
) -> list[str]:
    """A result found through fopinfo's people's words says so: the match is fopinfo's, the words
    are the file's, never the reader's (under one of fopinfo's notes, the note's words: never
    credited to the source)."""
    nowhere = set(unused)
    lines = []
    for word, targets in reached:
        theirs = " or ".join(f"“{t}”" for t in targets)
        plural = "s" if len(targets) > 1 else ""
        if note:
            lines.append(f"fopinfo matched “{word}” to its own word{plural} {theirs} here.")
        elif word in nowhere:
            lines.append(
                f"The source does not mention “{word}”; fopinfo matched it to the source's word{plural} {theirs}."
            )
        else:
            lines.append(f"Here fopinfo matched “{word}” to the source's word{plural} {theirs}.")
    return lines


def corrected_lines(corrected: Iterable[tuple[str, str]]) -> list[str]:
    """A typed word search mended (one slip from a word of the file) says so, once, above the
    results: the reader sees what was searched for, and may not have meant it."""
    return [
        f"Showing results for “{word}” instead of “{typed}”, a word fopinfo does not know." for typed, word in corrected
    ]


def results_heading(total: int, query: str) -> str:
    return f"{count(total, 'match', 'matches')} for “{query}”" + (", best first" if total > 1 else "")

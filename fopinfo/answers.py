"""One typed answer per command: computed once by query, shown alike by every view.

Every count a view prints is here, so text, Markdown, JSON and HTML cannot disagree.
Each view module's ``show`` matches over ``Answer`` and ends in ``assert_never``: mypy
fails when a format forgets an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, NoReturn

from fopinfo.model import (
    BoxedWarning,
    Fact,
    Guidance,
    Knowledge,
    Note,
    Problem,
    Section,
    Selection,
    Source,
    Statement,
    Subject,
    Term,
)

if TYPE_CHECKING:
    from pathlib import Path

    from fopinfo.provenance.report import Report


class Overview(NamedTuple):
    """`fopinfo` with no command: what the tool is, the topics, the commands."""

    k: Knowledge
    version: str
    commands: tuple[tuple[str, str], ...]  # (name, one-line help)


class FactList(NamedTuple):
    k: Knowledge
    facts: tuple[Fact, ...]
    quotes: bool


class TopicList(NamedTuple):
    k: Knowledge


class SectionPage(NamedTuple):
    k: Knowledge
    section: Section
    quotes: bool


class SubjectPage(NamedTuple):
    """Every statement tagged with one of fopinfo's subjects, from every section."""

    k: Knowledge
    subject: Subject
    statements: tuple[Statement, ...]
    quotes: bool


class Cited(NamedTuple):
    """Source N and the statements citing it; ``more``: the other sources asked for at once (`cite 1,4`)."""

    k: Knowledge
    source: Source
    statements: tuple[Statement, ...]
    quotes: bool
    more: tuple[Cited, ...] = ()

    def each(self) -> tuple[Cited, ...]:
        """Every source asked for, in the order asked, each with its statements."""
        return (self._replace(more=()), *self.more)


class SourceList(NamedTuple):
    k: Knowledge
    cited_by: dict[int, int]  # source number -> statements citing it


class Hit(NamedTuple):
    kind: str  # "statement" | "headline" | "term" | "note" | "guidance"
    text: str
    section_id: str | None
    fact_id: str | None
    item_id: str
    cites: tuple[int, ...]
    statement: Statement | None = None
    note: Note | None = None  # for a note: its date and reference are shown with it
    score: float = 0.0  # search relevance, best first (0 where there is no ranking)
    matched: tuple[str, ...] = ()  # the query's words this hit matched, as typed
    missing: tuple[str, ...] = ()  # the query's words it did not match, as typed
    # Words of the reader's that the source does not use here, and the source's words they reached.
    reached: tuple[tuple[str, tuple[str, ...]], ...] = ()
    spans: tuple[tuple[int, int], ...] = ()  # matched words in the cleaned `text`, for emphasis
    term: Term | None = None  # for a glossary entry: its quote and markers are shown under it
    guidance: Guidance | None = None  # for a pointer to guidance: its record and address are shown with it


class Found(NamedTuple):
    """`fopinfo search`: the hits shown, best first (at most the limit), and how many there were."""

    k: Knowledge
    query: str
    hits: tuple[Hit, ...]
    total: int
    quotes: bool
    words: tuple[str, ...] = ()  # the query's words that count, as typed ("genetic test" quoted: one)
    ignored: tuple[str, ...] = ()  # common words that need not match ("is", "there")
    common: tuple[str, ...] = ()  # words in nearly every entry: alone they match nothing ("FOP")
    unused: tuple[str, ...] = ()  # words the file never uses (a people's word may still reach others)
    suggestions: tuple[str, ...] = ()  # did-you-mean, from the file's own words, when nothing matched
    corrected: tuple[tuple[str, str], ...] = ()  # (typed, searched for instead): a slip mended, said with every result

    @property
    def hidden(self) -> int:
        return self.total - len(self.hits)


class Definition(NamedTuple):
    k: Knowledge
    term: Term
    used_in: tuple[Statement, ...]  # statements whose words use the term
    quotes: bool


class Updates(NamedTuple):
    """`fopinfo updates`: fopinfo's own notes on later developments, newest first."""

    k: Knowledge
    notes: tuple[Note, ...]
    # (kind, medicine, regions) for each approval and refusal noted: which medicines stand where
    standing: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


Topic = SectionPage | SubjectPage


class Handout(NamedTuple):
    """The whole reference, or the chosen topics, as one document."""

    k: Knowledge
    topics: tuple[Topic, ...]
    glossary: tuple[Definition, ...]  # empty when topics were chosen
    cited_by: dict[int, int]  # counted over the statements this handout holds
    chosen: bool  # True when the reader picked the topics


class Fields(NamedTuple):
    """What a person fills in on a card or sheet: data, shown literally, never markup; None is a blank line."""

    name: str | None = None
    contact: str | None = None
    doctor: str | None = None
    note: str | None = None
    medicines: str | None = None  # the FOP medicines the person takes


#: (medicine, ((region, the boxed warning its label there carries, or None), ...)) for each medicine
#: fopinfo's notes record as approved somewhere: what a card or sheet says in one line.
Approved = tuple[tuple[str, tuple[tuple[str, BoxedWarning | None], ...]], ...]


class Card(NamedTuple):
    """`fopinfo card`: the wallet card; front the chosen source statements, back the fill-in fields."""

    k: Knowledge
    choice: Selection  # fopinfo's title; the trigger statement, then one group of the source's statements
    fields: Fields
    approved: Approved = ()


class Sheet(NamedTuple):
    """`fopinfo handout --for AUDIENCE`: one page of chosen statements under fopinfo's headings."""

    k: Knowledge
    audience: str  # "emergency", "school" or "dentist"
    choice: Selection
    notes: tuple[Note, ...]  # fopinfo's notes on where a medicine stands, bearing on the statements shown
    fields: Fields
    guidance: tuple[Guidance, ...] = ()  # fopinfo's pointers to what is written for this sheet's reader
    # (kind, medicine, regions) over the notes: the sheet shows these grouped by kind, not one by one
    standing: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    approved: Approved = ()  # the sheet's one line on medicines: approvals only, never refusals


FILE = "(file)"  # the path of a problem with the file itself: missing, not UTF-8, not YAML


class CheckResult(NamedTuple):
    target: Path
    problems: list[Problem]
    knowledge: Knowledge | None
    source: Path | None
    report: Report | None
    show_review: bool = False  # list each editorial element (--review), not only count them
    source_label: str = ""  # how the source is named to people: its path, or "the bundled source text"
    notices: tuple[str, ...] = ()  # what check could not do or what to migrate: said, never a failure

    @property
    def ok(self) -> bool:
        return not self.problems and (self.report is None or self.report.ok)

    @property
    def unreadable(self) -> bool:
        """The file itself could not be read or parsed; its one problem says why."""
        return bool(self.problems) and self.problems[0].path == FILE

    def failure(self) -> str | None:
        """The one line that tells why the check failed, or None."""
        if self.unreadable:
            return self.problems[0].message
        if self.problems:
            return f"{self.target}: {len(self.problems)} problem(s) found"
        if self.report is not None and not self.report.ok:
            return f"{self.target}: {len(self.report.findings)} problem(s) against {self.source_label}"
        return None


Answer = (
    Overview
    | FactList
    | TopicList
    | SectionPage
    | SubjectPage
    | Cited
    | SourceList
    | Found
    | Definition
    | Handout
    | Updates
    | Card
    | Sheet
    | CheckResult
)


def assert_never(answer: NoReturn) -> NoReturn:
    """The end of every view's match: mypy reports any answer type that reaches it.

    (typing.assert_never is Python 3.11+; a NoReturn parameter does the same on 3.10.)
    """
    raise AssertionError(f"no view for {type(answer).__name__}")

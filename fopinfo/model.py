"""The knowledge model: what a validated knowledge file holds, as immutable records.

NamedTuples rather than dataclasses: class creation is several times cheaper, and
every command pays for it at start-up.
"""

from collections.abc import Iterator
from typing import NamedTuple

from fopinfo.errors import BadKnowledgeFile


class Statement(NamedTuple):
    id: str
    text: str
    quote: str | None
    cites: tuple[int, ...]
    subjects: tuple[str, ...]
    section_id: str
    fact_id: str | None = None
    aim: bool = False
    # A lead and its list: the source's list lines that complete ``quote``, verbatim.
    items: tuple[str, ...] = ()


class Fact(NamedTuple):
    id: str
    number: int
    headline: str
    quote: str | None
    statements: tuple[Statement, ...]


class Section(NamedTuple):
    id: str
    title: str
    quote: str | None
    aliases: tuple[str, ...]
    statements: tuple[Statement, ...]
    facts: tuple[Fact, ...]
    editorial: bool = False  # the title is fopinfo's own, not the source's (quote null)

    def all_statements(self) -> Iterator[Statement]:
        yield from self.statements
        for fact in self.facts:
            yield from fact.statements


class Source(NamedTuple):
    number: int
    text: str | None  # None: numbered by the source, not reproduced in its copy


class Subject(NamedTuple):
    id: str
    title: str


class Allowance(NamedTuple):
    """Words a definition may use although its quotes do not hold them, and why."""

    words: tuple[str, ...]
    reason: str


class Term(NamedTuple):
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str | None  # None: the source uses the term but does not explain it
    quote: str | None
    cites: tuple[int, ...]
    more_quotes: tuple[str, ...] = ()  # further source passages the definition draws on
    allowances: tuple[Allowance, ...] = ()
    # True: the definition is fopinfo's paraphrase (bound to a review record); False: it is
    # made of the quotes' own word sequences, in the source's order (checked by machine).
    paraphrase: bool = False
    # Aliases that are fopinfo's, not names the quotes print (reviewed); also in ``aliases``.
    editorial_aliases: tuple[str, ...] = ()


class RelatedPage(NamedTuple):
    label: str
    section: str


# Why a line of the source page is left out: a closed list, each with a rule of where and
# what such a line may be (fopinfo.provenance.origin).
LEFT_OUT_REASONS = ("navigation link", "image caption", "site banner", "cookie notice", "credits", "call to action")


class LeftOut(NamedTuple):
    """A line of site furniture that fopinfo leaves out, verbatim, and why."""

    line: str
    reason: str | None  # one of LEFT_OUT_REASONS; None in a schema-1 file, which gives none


class Origin(NamedTuple):
    title: str
    publisher: str
    reference: str
    date: str
    audience: str
    disclaimer: str
    quotes: dict[str, str]
    left_out: tuple[LeftOut, ...]
    related_pages: tuple[RelatedPage, ...]
    source_sha256: str | None = None  # of the source text's UTF-8 bytes


class Reference(NamedTuple):
    """A public record a note rests on (not the source's reference list)."""

    title: str
    publisher: str
    date: str | None  # ISO date (day or month) as the record prints it; None: the record shows none
    url: str | None
    doi: str | None = None
    pmid: str | None = None


#: What a note is about: a closed list, so a reader sees at once which medicines are approved where.
KINDS = ("approval", "refusal", "label-change", "safety-warning", "trial-result", "guideline", "listing")
#: How a note without a kind (a schema-1 file) is shown.
UNCLASSIFIED = "unclassified"


class BoxedWarning(NamedTuple):
    """The one plain sentence an approval note carries when the medicine's label has a boxed warning."""

    text: str  # fopinfo's words
    reference: Reference  # the label (or the record that shows it)


class Note(NamedTuple):
    """fopinfo's own dated note on something that happened after the source: never the source's words."""

    id: str
    date: str  # ISO date of the event (a day, or a month when the record shows only the month)
    region: str | None  # where it applies, if anywhere in particular
    title: str  # a short line, for pointers
    text: str  # one or two sentences in fopinfo's own words
    reference: Reference
    checked: str  # ISO date fopinfo last checked the reference
    bears_on: tuple[str, ...]  # statement or section ids
    position: int = 0  # its place in the file's list (notes are shown newest first)
    kind: str | None = None  # one of KINDS; None only in a schema-1 file (shown as "unclassified")
    medicine: str | None = None  # the medicine it is about, as the summary of approvals names it
    warning: BoxedWarning | None = None  # an approval's boxed warning, in one sentence


#: What a guidance pointer is, as the sheet calls it: a closed list.
FORMS = ("guidance", "study", "case report")


class Guidance(NamedTuple):
    """fopinfo's pointer to something written for a sheet's reader: what it is and covers, never its advice."""

    id: str
    audiences: tuple[str, ...]  # the sheets it is shown on ("emergency", "school", "dentist")
    form: str  # one of FORMS
    title: str  # the record's own title
    publisher: str  # who published it (authors and journal for a study)
    date: str | None  # the date the record shows (year, month or day); None: no date shown
    url: str
    covers: str  # fopinfo's words: the topics it covers, never what it advises
    checked: str  # ISO date fopinfo last checked the record
    position: int = 0  # its place in the file's list


class Developments(NamedTuple):
    """Later developments: fopinfo's notes, and when they were last reviewed as a whole."""

    reviewed: str  # "YYYY-MM"
    notes: tuple[Note, ...]  # newest first
    on: dict[str, tuple[Note, ...]]  # statement or section id -> the notes bearing on it


class Group(NamedTuple):
    """Source statements chosen for a hand-over, under a heading that is fopinfo's ("" for none);
    or, with `show`, a place for what fopinfo fills in there ("guidance": the pointers written for
    the reader; "medicines": the one line on medicines approved since the source)."""

    heading: str
    statements: tuple[Statement, ...]
    show: str = ""


#: What a hand-over group may show instead of statements.
BLOCKS = ("guidance", "medicines")


class Selection(NamedTuple):
    """A wallet card or a one-page sheet: fopinfo's editorial title, then the chosen statements."""

    title: str
    groups: tuple[Group, ...]  # the card: one group without a heading
    # The source's statement on what triggers extra bone, set apart and emphasised, right after the person
    trigger: Group | None = None
    person: str = ""  # a sheet's heading over the person it is about (fopinfo's)

    def statements(self) -> Iterator[Statement]:
        if self.trigger is not None:
            yield from self.trigger.statements
        for group in self.groups:
            yield from group.statements


#: The one-page sheets a knowledge file may choose statements for, in order.
AUDIENCES = ("emergency", "school", "dentist")


class Handover(NamedTuple):
    """What a family hands over, chosen by statement id: titles and headings fopinfo's, statements the source's."""

    card: Selection | None
    sheets: dict[str, Selection]  # audience ("emergency", "school", "dentist") -> its sheet


class PeopleWord(NamedTuple):
    """fopinfo's search vocabulary: everyday words that reach words the source uses (words, never claims)."""

    words: tuple[str, ...]  # everyday words or phrases ("jab", "big toe")
    targets: tuple[str, ...]  # words or phrases of the file's own text ("injection", "great toes")


class Knowledge(NamedTuple):
    origin: Origin
    sources: tuple[Source, ...]
    subjects: tuple[Subject, ...]
    sections: tuple[Section, ...]
    glossary: tuple[Term, ...]
    developments: Developments | None = None
    handover: Handover | None = None
    schema: int = 2  # the file's schema version; 1 still loads and is reported as unreviewed
    people_words: tuple[PeopleWord, ...] = ()
    guidance: tuple[Guidance, ...] = ()  # fopinfo's pointers for the sheets' readers

    def notes_on(self, item_id: str) -> tuple[Note, ...]:
        """The later-development notes bearing on a statement or section (none when there are none)."""
        return self.developments.on.get(item_id, ()) if self.developments else ()

    def statements(self) -> Iterator[Statement]:
        for section in self.sections:
            yield from section.all_statements()

    def facts(self) -> Iterator[Fact]:
        for section in self.sections:
            yield from section.facts

    def counts(self) -> dict[str, int]:
        return {
            "sections": len(self.sections),
            "facts": sum(1 for _ in self.facts()),
            "statements": sum(1 for _ in self.statements()),
            "sources": len(self.sources),
            "terms": len(self.glossary),
            "notes": len(self.developments.notes) if self.developments else 0,
        }

    def section(self, section_id: str) -> Section:
        """The section with this id, by index: views ask once per statement."""
        return _index(self).sections[section_id]

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id, by index."""
        return _index(self).facts[fact_id]

    def source_range(self) -> str:
        numbers = [s.number for s in self.sources]
        if not numbers:
            return "none"
        lo, hi = min(numbers), max(numbers)
        return f"{lo}–{hi}" if len(numbers) == hi - lo + 1 else ", ".join(map(str, numbers))


class _Index(NamedTuple):
    knowledge: Knowledge
    sections: dict[str, Section]
    facts: dict[str, Fact]


_last_index: list[_Index] = []  # one entry: a run loads one Knowledge; a tuple has no room for a cache


def _index(k: Knowledge) -> _Index:
    if not _last_index or _last_index[0].knowledge is not k:
        facts = {f.id: f for s in k.sections for f in s.facts}
        _last_index[:] = [_Index(k, {s.id: s for s in k.sections}, facts)]
    return _last_index[0]


class Problem(NamedTuple):
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}"


class InvalidKnowledge(BadKnowledgeFile):
    """A file that parsed as YAML but does not have the knowledge file's shape."""

    def __init__(self, label: str, problems: list[Problem]) -> None:
        count = len(problems)
        more = f" (and {count - 1} more; run 'fopinfo check {label}')" if count > 1 else ""
        super().__init__(f"invalid knowledge file {label}: {problems[0]}{more}")
        self.problems = problems


def name_key(name: str) -> str:
    """How names are compared: composed Unicode (é typed two ways is one é), case-insensitive."""
    import unicodedata

    return unicodedata.normalize("NFC", name.strip()).casefold()

"""The check itself: statements, headings, definitions and coverage against the source."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from fopinfo.folding import normalise
from fopinfo.model import Fact, Knowledge, Section, Statement, Term
from fopinfo.provenance.report import Finding
from fopinfo.provenance.spans import spans
from fopinfo.provenance.text import MARKER, MARKER_HERE, SourceText, markers_after, numbers, show
from fopinfo.provenance.wording import compare, content_words, paraphrase, sensitive, stem, words


def slug(name: str) -> str:
    """A term's id is its name, lower case, with a hyphen for each run of other characters."""
    return re.sub(r"[^\w]+|_", "-", name.casefold()).strip("-")


def _name_key(text: str) -> str:
    """Names compared as stemmed words, hyphens as spaces: "flare up" finds "flare-ups"."""
    return " " + " ".join(stem(w) for w in words(text.replace("-", " "))) + " "


class Checker:
    def __init__(self, source_text: str) -> None:
        self.raw = source_text
        self.src = SourceText(source_text)
        self.findings: list[Finding] = []
        count = len(self.src.sentences)
        self.claimed: list[str | None] = [None] * count  # the statement that quotes each sentence
        self.furniture = bytearray(count)  # headings, origin quotes, left-out lines
        self.cursor = 0  # everything is quoted in source order: where the last element ended
        self.previous = "the start of the file"
        self.section_starts: list[tuple[int, str]] = []
        self.heading_at: list[int] = []  # where the source prints each quoted heading, in order
        self.heading_of: list[str] = []  # the path of the section or fact it heads
        self.read_markers: dict[int, str] = {}  # marker numbers read after quotes -> the path reading it
        self.statement_quotes: list[str] = []  # every statement's quote, for names of unexplained terms

    def index_headings(self, k: Knowledge) -> None:
        """Every quoted heading's line, so a statement can be held to the one it sits under."""
        found: list[tuple[int, str]] = []
        for si, section in enumerate(k.sections):
            heads = [(f"sections[{si}]", section.quote)]
            heads += [(f"sections[{si}].facts[{fi}]", f.quote) for fi, f in enumerate(section.facts)]
            for path, quote in heads:
                starts = self.src.lines.get(normalise(quote)) if quote else None
                if starts:
                    found.append((starts[0], path))
        found.sort()
        self.heading_at = [at for at, _ in found]
        self.heading_of = [path for _, path in found]

    def under(self, path: str, at: int, container: str) -> None:
        """A statement must sit under the heading the source prints it under."""
        i = bisect_right(self.heading_at, at) - 1
        owner = self.heading_of[i] if i >= 0 else None
        if owner != container:
            lo = self.heading_at[i] if i >= 0 else 0
            heading = self.src.text[lo : self.src.line_end(lo)] if i >= 0 else "no heading"
            self.add(f"{path}.quote", f"the source prints this under '{heading}', not under {container}")

    # ---------------------------------------------------------------- helpers

    def add(self, path: str, message: str) -> None:
        self.findings.append(Finding(path, message))

    def occurrences(self, quote: str) -> list[int]:
        needle, text, out = normalise(quote), self.src.text, []
        at = text.find(needle) if needle else -1
        while at >= 0:
            out.append(at)
            at = text.find(needle, at + 1)
        return out

    def furnish(self, lo: int, hi: int) -> None:
        for i in self.src.sentences_in(lo, self.src.marker_end(hi)):
            self.furniture[i] = 1

    def shown(self, path: str, shown: str, quote: str) -> None:
        """What users see against the quote it stands for: the same words, or a finding."""
        problems, edits = compare(shown, quote)
        for problem in problems:
            self.add(path, problem)
        del edits  # a recognised edit is accepted by a review record (provenance.reviews)

    def place(self, path: str, quote: str, *, line: bool) -> int:
        """Where the source prints ``quote`` next, in order; -1 when it does not."""
        needle = normalise(quote)
        if line:
            starts = self.src.lines.get(needle)
            if not starts:
                where = "not a whole line of" if needle in self.src.text else "not found in"
                self.add(path, f"{where} the source")
                return -1
            at = next((s for s in starts if s >= self.cursor), -1)
            first = starts[0]
        elif needle in self.src.run_index:
            starts = self.src.run_index[needle]
            index = bisect_left(starts, self.cursor)
            at = starts[index] if index < len(starts) else -1
            first = starts[0]
        else:
            at = self.src.text.find(needle, self.cursor)
            first = self.src.text.find(needle)
            if first < 0:
                self.add(path, "quote not found in the source")
                return -1
        if at < 0:
            self.add(path, f"out of source order: the source prints it before {self.previous}")
            return first
        self.cursor = at + len(needle)
        self.previous = path.rsplit(".", 1)[0]
        return at

    def claim(self, path: str, lo: int, hi: int) -> None:
        for i in self.src.sentences_in(lo, hi):
            other = self.claimed[i]
            if other is not None and other != path:
                lo_, hi_ = self.src.sentences[i]
                self.add(f"{path}.quote", f"quotes what {other} already quotes: '{self.src.text[lo_:hi_]}'")
            else:
                self.claimed[i] = path

    # ---------------------------------------------------------------- statements

    def statement(self, path: str, s: Statement, container: str | None = None) -> int:
        if s.quote is None:
            self.add(f"{path}.quote", "no quote")
            return -1
        self.shown(f"{path}.text", s.text, s.quote)
        at = self.place(f"{path}.quote", s.quote, line=False)
        if at < 0:
            return -1
        end = at + len(normalise(s.quote))
        run_end = self.src.marker_end(end)
        if self.src.run_at.get(at) != run_end:
            how = "starts inside a run" if at not in self.src.run_at else "stops before its run ends"
            self.add(f"{path}.quote", f"{how}: a statement quotes from a run's start to its marker or paragraph end")
        here = MARKER_HERE.match(self.src.text, end, self.src.line_end(end))
        printed = numbers(here.group(1)) if here else ()
        self.statement_quotes.append(s.quote)
        for n in printed:
            self.read_markers.setdefault(n, f"{path}.cites")
        if s.cites != printed:
            said = show(printed) if printed else "no marker"
            self.add(f"{path}.cites", f"cites {show(s.cites)} but the source prints {said} after this quote")
        self.claim(path, at, run_end)
        if self.src.bullet[self.src.line_index(at)]:
            self.add(f"{path}.quote", "the source prints this as a bullet line: it is an item of the lead above it")
        if container is not None:
            self.under(path, at, container)
        if s.items:
            self.items(path, at, run_end, s.items)
        return at

    def items(self, path: str, at: int, lead_end: int, items: tuple[str, ...]) -> None:
        """A lead's list: the source's very next lines, in order, word for word."""
        src = self.src
        if lead_end != src.line_end(at):
            self.add(f"{path}.items", "a list must follow the end of its lead's paragraph")
            return
        line = src.line_index(at)
        for j, item in enumerate(items):
            index = line + 1 + j
            if index >= len(src.line_starts) or not src.bullet[index]:
                self.add(f"{path}.items[{j}]", "the source prints no further bullet line under this lead")
                return
            lo = src.line_starts[index]
            hi = src.line_end(lo)
            if src.text[lo:hi] != normalise(item):
                self.add(f"{path}.items[{j}]", f"the source's next bullet line is '{src.text[lo:hi]}'")
                return
            self.claim(path, lo, hi)
            self.cursor = max(self.cursor, hi)
        after = line + 1 + len(items)
        if after < len(src.line_starts) and src.bullet[after]:
            self.add(f"{path}.items", f"leaves out the bullet line '{src.line_text(after)}' under this lead")

    def statements(self, path: str, statements: Iterable[Statement], headed: bool = True) -> list[int]:
        container = path if headed else None  # an own-titled section has no heading in the source
        return [self.statement(f"{path}.statements[{i}]", s, container) for i, s in enumerate(statements)]

    # ---------------------------------------------------------------- sections and facts

    def section(self, path: str, section: Section) -> None:
        start = self.cursor
        heading = -1
        if section.quote is None:
            if not section.editorial:
                self.add(f"{path}.quote", "no quote: a title of fopinfo's own must be declared `editorial: true`")
        elif section.editorial:
            self.add(f"{path}.editorial", "a title quoted from the source is not editorial")
        else:
            at = self.place(f"{path}.quote", section.quote, line=True)
            start = at if at >= 0 else start
            heading = at
            if at >= 0:
                self.furnish(at, at + len(normalise(section.quote)))
            self.shown(f"{path}.title", section.title, section.quote)
        starts = self.statements(path, section.statements, headed=section.quote is not None)
        if section.quote is None:
            self.own_title(path, section, starts[0] if starts else -1)
            start = starts[0] if starts and starts[0] >= 0 else start
        self.section_starts.append((start, section.id))
        firsts = [self.fact(f"{path}.facts[{fi}]", fact) for fi, fact in enumerate(section.facts)]
        if heading >= 0:
            self.adjacent(path, heading, starts[0] if starts else (firsts[0] if firsts else -1))

    def adjacent(self, path: str, heading: int, first: int) -> None:
        """A heading is printed right before what it heads: its first statement, or its first fact."""
        if first < 0:
            return
        src = self.src
        line = src.line_index(heading) + 1
        if line >= len(src.line_starts) or src.line_starts[line] != first:
            after = src.line_text(line) if line < len(src.line_starts) else "nothing"
            self.add(f"{path}.quote", f"not the heading of what it holds: the source prints '{after}' right after it")

    def own_title(self, path: str, section: Section, first: int) -> None:
        under = " ".join(t for s in section.all_statements() for t in (s.text, *s.items))
        extra = sorted(sensitive(section.title) - sensitive(under))
        if extra:
            words = ", ".join(repr(w) for w in extra)
            self.add(f"{path}.title", f"own title says {words}, which no statement under it says")
        vocabulary = {stem(w) for w in content_words(under)}
        foreign = [w for w in content_words(section.title) if stem(w) not in vocabulary and w.casefold() not in extra]
        if foreign:
            words = ", ".join(repr(w) for w in foreign)
            self.add(f"{path}.title", f"own title uses {words}, which no statement under it uses")
        if first < 0:
            return
        src = self.src
        line = src.line_index(first)
        # The source prints no heading here: the section must begin where its text breaks.
        starts_line = src.line_starts[line] == first
        before = src.sentences_in(src.line_starts[line - 1], first) if line else range(0)
        if not starts_line or any(self.claimed[i] for i in before):
            self.add(f"{path}.statements[0].quote", "an own-titled section must begin where the source breaks")

    def fact(self, path: str, fact: Fact) -> int:
        """Check a fact; where the source prints its headline (-1: nowhere)."""
        at = -1
        if fact.quote is None:
            self.add(f"{path}.quote", "no quote")
        else:
            at = self.place(f"{path}.quote", fact.quote, line=True)
            if at >= 0:
                self.furnish(at, at + len(normalise(fact.quote)))
            self.shown(f"{path}.headline", fact.headline, fact.quote)
        if not fact.statements:
            self.add(f"{path}.statements", "no statements: a fact holds what the source prints under it")
        starts = self.statements(path, fact.statements)
        if at >= 0 and starts:
            self.adjacent(path, at, starts[0])
        return at

    # ---------------------------------------------------------------- glossary

    def names(self, path: str, term: Term, quotes: list[str]) -> None:
        """A term and each alias are printed in the quotes its definition is drawn from (plural
        and hyphens aside); a term the source never explains, in a statement that uses it. An
        alias of fopinfo's own is declared under ``editorial_aliases`` and reviewed."""
        if slug(term.term) != term.id:
            self.add(f"{path}.term", f"'{term.term}' is not the term its entry '{term.id}' names")
        where = quotes or self.statement_quotes
        said = " ".join(_name_key(q) for q in where)
        plain = len(term.aliases) - len(term.editorial_aliases)
        named = [(f"{path}.term", term.term)]
        named += [(f"{path}.aliases[{i}]", a) for i, a in enumerate(term.aliases[:plain])]
        for npath, name in named:
            if _name_key(name) not in said:
                whose = "its quotes" if quotes else "any statement's quote"
                self.add(npath, f"'{name}' is not printed in {whose} (an alias of fopinfo's own is an editorial alias)")

    def term(self, path: str, term: Term) -> None:
        quotes = [(f"{path}.quote", term.quote)] if term.quote is not None else []
        quotes += [(f"{path}.more_quotes[{i}]", q) for i, q in enumerate(term.more_quotes)]
        self.names(path, term, [q for _, q in quotes])
        if term.definition is None and term.quote is not None:
            self.add(f"{path}.definition", "null says the source never explains the term, but it has a quote")
        if term.quote is None:
            if term.definition is not None:  # a null definition: used, never explained
                self.add(f"{path}.quote", "no quote")
            return
        expected: list[int] = []
        last = -1
        for qpath, quote in quotes:
            at = self.src.text.find(normalise(quote))
            if at < 0:
                self.add(qpath, "quote not found in the source")
                return
            if at < last:
                self.add(qpath, "out of source order: a term's quotes follow the source's order")
            last = at
            for n in markers_after(self.src.text, at + len(normalise(quote))):
                if n not in expected:
                    expected.append(n)
        if list(term.cites) != expected:
            printed = show(expected) if expected else "no marker"
            self.add(f"{path}.cites", f"cites {show(term.cites)} but the source prints {printed} after its quotes")
        if term.definition is None:
            return
        texts = [q for _, q in quotes]
        if not term.paraphrase:
            for problem in spans(term.definition, texts)[1]:
                self.add(f"{path}.definition", problem)
            if term.allowances:
                self.add(f"{path}.allowances", "only a declared paraphrase (paraphrase: true) may allow other words")
            return
        allowed = {w for a in term.allowances for w in a.words}
        names = [term.term, *term.aliases]
        for problem in paraphrase(term.definition, texts, names, allowed):
            self.add(f"{path}.definition", problem)
        for ai, allowance in enumerate(term.allowances):
            unused = [w for w in allowance.words if not paraphrase(w, texts, names, set())]
            if unused:
                self.add(f"{path}.allowances[{ai}]", f"allows {', '.join(unused)}, which the quotes already hold")

    # ---------------------------------------------------------------- coverage

    def coverage(self) -> tuple[int, tuple[str, ...]]:
        uncovered: list[str] = []
        for i, (lo, hi) in enumerate(self.src.sentences):
            if self.claimed[i] is None and not self.furniture[i]:
                uncovered.append(self.src.text[lo:hi])
                self.add("coverage", f"source sentence not covered: '{self.src.text[lo:hi]}'")
        return len(self.src.sentences) - len(uncovered), tuple(uncovered)

    def has_marker(self, lo: int, hi: int) -> bool:
        return self.src.marker_end(hi) != hi or MARKER.search(self.src.text, lo, hi) is not None

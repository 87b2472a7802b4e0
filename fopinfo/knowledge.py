"""The knowledge model, and the loader that validates a YAML knowledge file into it.

Validation collects every problem, each named by its path in the file
(``sections[2].statements[0].cites[1]``) and, when it can be found, its line.
"""

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from fopinfo.errors import BadKnowledgeFile

# Refuse larger files before parsing: far above a 100,000-statement file, far below
# what would exhaust memory.
MAX_FILE_BYTES = 256 * 1024 * 1024
SCHEMA = 1


class Statement(NamedTuple):
    id: str
    text: str
    quote: str | None
    cites: tuple[int, ...]
    subjects: tuple[str, ...]
    section_id: str
    fact_id: str | None = None
    aim: bool = False


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


class Term(NamedTuple):
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str | None  # None: the source uses the term but does not explain it
    quote: str | None
    cites: tuple[int, ...]


class RelatedPage(NamedTuple):
    label: str
    section: str


class Origin(NamedTuple):
    title: str
    publisher: str
    reference: str
    date: str
    audience: str
    disclaimer: str
    quotes: dict[str, str]
    left_out: tuple[str, ...]
    related_pages: tuple[RelatedPage, ...]


class Knowledge(NamedTuple):
    origin: Origin
    sources: tuple[Source, ...]
    subjects: tuple[Subject, ...]
    sections: tuple[Section, ...]
    glossary: tuple[Term, ...]

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
        }

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def source_range(self) -> str:
        numbers = [s.number for s in self.sources]
        if not numbers:
            return "none"
        lo, hi = min(numbers), max(numbers)
        return f"{lo}–{hi}" if len(numbers) == hi - lo + 1 else ", ".join(map(str, numbers))


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


# ---------------------------------------------------------------- loading


def bundled_path() -> Path:
    """The knowledge file that ships with fopinfo: inside the wheel, or in a checkout.

    Looked up beside the package rather than through importlib.resources: for an
    installed wheel that is the same file, and importlib.resources costs every command
    about 2.5 ms of imports (zipfile, tempfile) for nothing.
    """
    package = Path(__file__).resolve().parent
    installed = package / "data" / "facts.yaml"  # placed there by the wheel build
    if installed.is_file():
        return installed
    return package.parent / "data" / "facts.yaml"  # source checkout or editable install


def _yaml_loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, what: str = "knowledge file") -> str:
    """The file's text, or a one-line BadKnowledgeFile naming what is wrong with it."""
    label = f"{what} {path}"
    too_big = f"{label} is larger than the limit of {MAX_FILE_BYTES:,} bytes"
    try:
        if path.is_dir():
            raise BadKnowledgeFile(f"{label} is a directory, not a file")
        if os.stat(path).st_size > MAX_FILE_BYTES:  # refused before reading a byte
            raise BadKnowledgeFile(too_big)
        with open(path, "rb") as f:
            # Bounded even where st_size says nothing: devices, pipes, /proc files.
            raw = f.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise BadKnowledgeFile(too_big)
    except FileNotFoundError:
        raise BadKnowledgeFile(f"{label} does not exist") from None
    except PermissionError:
        raise BadKnowledgeFile(f"{label} cannot be read: permission denied") from None
    except OSError as exc:
        raise BadKnowledgeFile(f"{label} cannot be read: {exc.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise BadKnowledgeFile(f"{label} is not UTF-8: line {line}, byte {exc.start}") from None


def parse(text: str, label: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "not valid YAML"
        raise BadKnowledgeFile(f"knowledge file {label} is not valid YAML{where}: {problem}") from None
    except yaml.YAMLError as exc:
        raise BadKnowledgeFile(f"knowledge file {label} is not valid YAML: {exc}") from None
    except RecursionError:
        raise BadKnowledgeFile(f"knowledge file {label} is nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # e.g. date: 2020-02-30, or a 5,000-digit number
        raise BadKnowledgeFile(f"knowledge file {label} holds a value that cannot be read: {exc}") from None


class Checked(NamedTuple):
    knowledge: Knowledge | None
    problems: list[Problem]  # with their lines
    text: str  # kept so later checks can locate their findings too


def check_file(path: Path) -> Checked:
    """Read, parse and validate; a file that cannot be read or parsed raises BadKnowledgeFile."""
    text = read_text(path)
    knowledge, problems = validate(parse(text, str(path)))
    return Checked(knowledge, locate(problems, text) if problems else [], text)


def load(path: Path | None = None) -> Knowledge:
    """Load and validate a knowledge file (the bundled one when path is None)."""
    path = path or bundled_path()
    checked = check_file(path)
    if checked.knowledge is None:
        raise InvalidKnowledge(str(path), checked.problems)
    return checked.knowledge


def locate(problems: list[Problem], text: str) -> list[Problem]:
    """Add line numbers to problems; only on the error path, so loading stays fast."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_yaml_loader())
    except (yaml.YAMLError, RecursionError):
        return problems
    return [Problem(p.path, p.message, _line_of(root, p.path)) for p in problems]


def _line_of(node: Any, path: str) -> int | None:
    import re

    import yaml

    best = None  # a path that names nothing in the file (e.g. "coverage") has no line
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        if isinstance(node, yaml.MappingNode) and key:
            node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and index:
            i = int(index)
            node = node.value[i] if i < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        best = node.start_mark.line + 1
    return best


# ---------------------------------------------------------------- validation

_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "a string",
    int: "an integer",
    bool: "true or false",
    float: "a number",
    type(None): "null",
}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def name_key(name: str) -> str:
    """How names are compared: composed Unicode (é typed two ways is one é), case-insensitive."""
    import unicodedata

    return unicodedata.normalize("NFC", name.strip()).casefold()


def _brief(value: Any) -> str:
    """A value for an error message, bounded: an alias bomb must not be walked whole."""
    import reprlib

    brief = reprlib.Repr()
    brief.maxlevel, brief.maxlist, brief.maxdict, brief.maxstring, brief.maxlong = 2, 4, 4, 40, 40
    return brief.repr(value)


def _fmt(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


class _Validator:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(_fmt(path), message))

    def mapping(
        self, value: Any, path: tuple[str | int, ...], required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"must be a mapping, not {_type_name(value)}")
            return None
        allowed = required + optional
        for key in value:
            if key not in allowed:
                import difflib

                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"
                self.problem((*path, str(key)), f"unknown key{hint}")
        for key in required:
            if key not in value:
                self.problem(path, f"missing key '{key}'")
        return value

    def string(self, d: dict[str, Any], key: str, path: tuple[str | int, ...], *, nullable: bool = False) -> str | None:
        value = d.get(key)
        if value is None and (nullable or key not in d):
            return None  # a missing required key is reported by mapping()
        if not isinstance(value, str):
            self.problem((*path, key), f"must be a string, not {_type_name(value)}")
            return None
        if not value.strip():
            self.problem((*path, key), "is empty")
            return None
        return value.strip()

    def strings(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> tuple[str, ...]:
        items = self.sequence(d, key, path)
        out = []
        for i, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            else:
                self.problem((*path, key, i), f"must be a non-empty string, not {_type_name(item)!s}")
        return tuple(out)

    def numbers(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> tuple[int, ...]:
        items = self.sequence(d, key, path)
        out: list[int] = []
        for i, item in enumerate(items):
            if type(item) is not int or item < 1:
                self.problem((*path, key, i), f"must be a positive integer, not {_brief(item)}")
            elif item in out:
                self.problem((*path, key, i), f"source {item} is listed twice")
            else:
                out.append(item)
        return tuple(out)

    def sequence(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> list[Any]:
        value = d.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem((*path, key), f"must be a list, not {_type_name(value)}")
            return []
        return value

    def flag(self, d: dict[str, Any], key: str, path: tuple[str | int, ...]) -> bool:
        value = d.get(key, False)
        if not isinstance(value, bool):
            self.problem((*path, key), f"must be true or false, not {_type_name(value)}")
            return False
        return value


def validate(data: Any) -> tuple[Knowledge | None, list[Problem]]:
    """Check parsed YAML against the knowledge file's shape and rules; build the model."""
    v = _Validator()
    top = v.mapping(data, (), ("origin", "sources", "sections"), ("schema", "subjects", "glossary"))
    if top is None:
        return None, v.problems
    schema = top.get("schema", SCHEMA)
    if type(schema) is not int or schema != SCHEMA:
        v.problem(("schema",), f"fopinfo reads schema {SCHEMA}, not {_brief(schema)}")

    origin = _origin(v, top.get("origin"))
    sources = _sources(v, top)
    subjects = _subjects(v, top)
    sections = _sections(v, top)
    glossary = _glossary(v, top)

    known_subjects = {s.id for s in subjects}
    defined = {s.number for s in sources}
    cited: set[int] = set()
    statement_ids: dict[str, str] = {}
    for si, section in enumerate(sections):
        for statement, spath in _statement_paths(section, si):
            if statement.id in statement_ids:
                v.problem((*spath, "id"), f"duplicate statement id '{statement.id}'")
            statement_ids[statement.id] = _fmt(spath)
            for ci, n in enumerate(statement.cites):
                cited.add(n)
                if n not in defined:
                    v.problem((*spath, "cites", ci), f"source {n} is not defined")
            for ti, tag in enumerate(statement.subjects):
                if tag not in known_subjects:
                    v.problem((*spath, "subjects", ti), f"subject '{tag}' is not defined under subjects")
    for gi, term in enumerate(glossary):
        for ci, n in enumerate(term.cites):
            cited.add(n)
            if n not in defined:
                v.problem(("glossary", gi, "cites", ci), f"source {n} is not defined")
    for i, source in enumerate(sources):
        if source.number not in cited:
            v.problem(("sources", i), f"source {source.number} is not cited by any statement")

    if not sections and isinstance(top.get("sections"), list):
        v.problem(("sections",), "must list at least one section")
    _check_unique(v, "section id", [(("sections", i, "id"), s.id) for i, s in enumerate(sections)])
    _check_unique(v, "subject id", [(("subjects", i, "id"), s.id) for i, s in enumerate(subjects)])
    _check_unique(v, "term id", [(("glossary", i, "id"), t.id) for i, t in enumerate(glossary)])
    fact_ids = [
        (("sections", si, "facts", fi, "id"), f.id) for si, s in enumerate(sections) for fi, f in enumerate(s.facts)
    ]
    _check_unique(v, "fact id", fact_ids)
    _check_names(v, sections, subjects, glossary)
    if origin is not None:
        section_ids = {s.id for s in sections}
        for i, page in enumerate(origin.related_pages):
            if page.section not in section_ids:
                v.problem(("origin", "related_pages", i, "section"), f"section '{page.section}' is not defined")

    if v.problems or origin is None:
        return None, v.problems
    return Knowledge(origin, tuple(sources), tuple(subjects), tuple(sections), tuple(glossary)), []


def _check_unique(v: _Validator, what: str, ids: Sequence[tuple[tuple[str | int, ...], str]]) -> None:
    seen: set[str] = set()
    for path, item in ids:
        if item in seen:
            v.problem(path, f"duplicate {what} '{item}'")
        seen.add(item)


def _check_names(v: _Validator, sections: list[Section], subjects: list[Subject], glossary: list[Term]) -> None:
    """Topic names (section ids, titles, aliases, subject ids) share one namespace; so do terms."""
    owners: dict[str, str] = {}

    def claim(name: str, owner: str, path: tuple[str | int, ...]) -> None:
        key = name_key(name)
        if owners.setdefault(key, owner) != owner:
            v.problem(path, f"name '{name}' is claimed by both '{owners[key]}' and '{owner}'")

    for i, section in enumerate(sections):
        claim(section.id, section.id, ("sections", i, "id"))
        claim(section.title, section.id, ("sections", i, "title"))
        for a, alias in enumerate(section.aliases):
            claim(alias, section.id, ("sections", i, "aliases", a))
    for i, subject in enumerate(subjects):
        claim(subject.id, subject.id, ("subjects", i, "id"))
    owners.clear()
    for i, term in enumerate(glossary):
        claim(term.id, term.id, ("glossary", i, "id"))
        claim(term.term, term.id, ("glossary", i, "term"))
        for a, alias in enumerate(term.aliases):
            claim(alias, term.id, ("glossary", i, "aliases", a))


def _statement_paths(section: Section, si: int) -> Iterator[tuple[Statement, tuple[str | int, ...]]]:
    for i, statement in enumerate(section.statements):
        yield statement, ("sections", si, "statements", i)
    for fi, fact in enumerate(section.facts):
        for i, statement in enumerate(fact.statements):
            yield statement, ("sections", si, "facts", fi, "statements", i)


def _origin(v: _Validator, value: Any) -> Origin | None:
    path: tuple[str | int, ...] = ("origin",)
    keys = ("title", "publisher", "reference", "date", "audience", "disclaimer")
    d = v.mapping(value, path, keys, ("quotes", "left_out", "related_pages"))
    if d is None:
        return None
    fields = {key: v.string(d, key, path) or "" for key in keys}
    quotes: dict[str, str] = {}
    raw_quotes = d.get("quotes") or {}
    q = v.mapping(raw_quotes, (*path, "quotes"), (), keys)
    for key in q or {}:
        text = v.string(q or {}, key, (*path, "quotes"))
        if text:
            quotes[key] = text
    pages = []
    for i, item in enumerate(v.sequence(d, "related_pages", path)):
        ppath = (*path, "related_pages", i)
        p = v.mapping(item, ppath, ("label", "section"))
        if p is not None:
            pages.append(RelatedPage(v.string(p, "label", ppath) or "", v.string(p, "section", ppath) or ""))
    return Origin(
        **fields,
        quotes=quotes,
        left_out=v.strings(d, "left_out", path),
        related_pages=tuple(pages),
    )


def _sources(v: _Validator, top: dict[str, Any]) -> list[Source]:
    out: list[Source] = []
    seen: set[int] = set()
    for i, item in enumerate(v.sequence(top, "sources", ())):
        path: tuple[str | int, ...] = ("sources", i)
        d = v.mapping(item, path, ("number",), ("text",))
        if d is None:
            continue
        number = d.get("number")
        if type(number) is not int or number < 1:
            v.problem((*path, "number"), f"must be a positive integer, not {_brief(number)}")
            continue
        if number in seen:
            v.problem((*path, "number"), f"source {number} is defined twice")
        seen.add(number)
        out.append(Source(number, v.string(d, "text", path, nullable=True)))
    return out


def _subjects(v: _Validator, top: dict[str, Any]) -> list[Subject]:
    out = []
    for i, item in enumerate(v.sequence(top, "subjects", ())):
        path: tuple[str | int, ...] = ("subjects", i)
        d = v.mapping(item, path, ("id", "title"))
        if d is not None:
            out.append(Subject(v.string(d, "id", path) or "", v.string(d, "title", path) or ""))
    return out


def _sections(v: _Validator, top: dict[str, Any]) -> list[Section]:
    out = []
    fact_number = 0
    for i, item in enumerate(v.sequence(top, "sections", ())):
        path: tuple[str | int, ...] = ("sections", i)
        d = v.mapping(item, path, ("id", "title"), ("quote", "aliases", "statements", "facts"))
        if d is None:
            continue
        section_id = v.string(d, "id", path) or ""
        statements = _statements(v, d, path, section_id, None)
        facts = []
        for fi, raw in enumerate(v.sequence(d, "facts", path)):
            fpath = (*path, "facts", fi)
            f = v.mapping(raw, fpath, ("id", "headline", "statements"), ("quote",))
            if f is None:
                continue
            fact_number += 1
            fact_id = v.string(f, "id", fpath) or ""
            facts.append(
                Fact(
                    id=fact_id,
                    number=fact_number,
                    headline=v.string(f, "headline", fpath) or "",
                    quote=v.string(f, "quote", fpath, nullable=True),
                    statements=_statements(v, f, fpath, section_id, fact_id),
                )
            )
        if not statements and not facts:
            v.problem(path, "has neither statements nor facts")
        out.append(
            Section(
                id=section_id,
                title=v.string(d, "title", path) or "",
                quote=v.string(d, "quote", path, nullable=True),
                aliases=v.strings(d, "aliases", path),
                statements=statements,
                facts=tuple(facts),
            )
        )
    return out


def _statements(
    v: _Validator, parent: dict[str, Any], path: tuple[str | int, ...], section_id: str, fact_id: str | None
) -> tuple[Statement, ...]:
    out = []
    for i, item in enumerate(v.sequence(parent, "statements", path)):
        spath = (*path, "statements", i)
        d = v.mapping(item, spath, ("id", "text", "cites"), ("quote", "subjects", "aim"))
        if d is None:
            continue
        out.append(
            Statement(
                id=v.string(d, "id", spath) or "",
                text=v.string(d, "text", spath) or "",
                quote=v.string(d, "quote", spath, nullable=True),
                cites=v.numbers(d, "cites", spath),
                subjects=v.strings(d, "subjects", spath),
                section_id=section_id,
                fact_id=fact_id,
                aim=v.flag(d, "aim", spath),
            )
        )
    return tuple(out)


def _glossary(v: _Validator, top: dict[str, Any]) -> list[Term]:
    out = []
    for i, item in enumerate(v.sequence(top, "glossary", ())):
        path: tuple[str | int, ...] = ("glossary", i)
        d = v.mapping(item, path, ("id", "term", "definition"), ("aliases", "quote", "cites"))
        if d is None:
            continue
        out.append(
            Term(
                id=v.string(d, "id", path) or "",
                term=v.string(d, "term", path) or "",
                aliases=v.strings(d, "aliases", path),
                definition=v.string(d, "definition", path, nullable=True),
                quote=v.string(d, "quote", path, nullable=True),
                cites=v.numbers(d, "cites", path),
            )
        )
    return out

"""Reading a knowledge file: bounded reading, YAML parsing, validation, and line lookup."""

import os
from pathlib import Path
from typing import Any, NamedTuple

from fopinfo.compiled import BUNDLED_NAME, MISSING, loads, sha256_hex
from fopinfo.errors import BadKnowledgeFile
from fopinfo.model import InvalidKnowledge, Knowledge, Problem
from fopinfo.safe_text import excerpt

# Refuse larger files before parsing: far above a 100,000-statement file, far below
# what would exhaust memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


def bundled_path(name: str = "facts.yaml") -> Path:
    """A data file that ships with fopinfo (the knowledge file, or source/what-is-fop.txt):
    inside the wheel, or in a checkout.

    Looked up beside the package rather than through importlib.resources: for an
    installed wheel that is the same file, and importlib.resources costs every command
    about 2.5 ms of imports (zipfile, tempfile) for nothing. When neither file is there (the
    package runs from a zip: a zipapp), the installed path is given and ``read_text`` reads
    it through importlib.resources.
    """
    package = Path(__file__).resolve().parent
    installed = package / "data" / name  # placed there by the wheel build
    if installed.is_file():
        return installed
    checkout = package.parent / "data" / name  # source checkout or editable install
    return checkout if checkout.is_file() else installed


def _packaged(path: Path) -> bytes | None:
    """A bundled data file that is not a file on disk (a zipapp), read through importlib.resources."""
    data = Path(__file__).resolve().parent / "data"
    if path.parent != data and data not in path.parents:
        return None
    from importlib import resources

    try:
        return resources.files("fopinfo").joinpath("data", *path.relative_to(data).parts).read_bytes()
    except (OSError, ValueError):  # not packaged either: the caller says the file does not exist
        return None


def exists(path: Path) -> bool:
    """A file on disk, or one of the bundled data files inside a zipapp."""
    return path.exists() or _packaged(path) is not None


def read_text(path: Path, what: str = "knowledge file", origin: str | None = None) -> str:
    """The file's text, or a one-line BadKnowledgeFile naming what is wrong with it.

    origin names where the path came from (``--data``, ``FOPINFO_DATA``), for the reader to fix it there.
    """
    label = _label(path, what, origin)
    return _decode(_read_bytes(path, label)[0], label)


def _label(path: Path, what: str, origin: str | None) -> str:
    return f"{what} {path}" + (f" (from {origin})" if origin else "")


def _read_bytes(path: Path, label: str) -> tuple[bytes, os.stat_result | None]:
    """The file's bytes, and its stat as it was before they were read (what the cache keys on);
    no stat for the data packaged in a zip (``fopinfo.pyz``), which is never cached."""
    st: os.stat_result | None = None
    too_big = f"{label} is larger than the limit of {MAX_FILE_BYTES:,} bytes"
    try:
        if path.is_dir():
            raise BadKnowledgeFile(f"{label} is a directory, not a file")
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if st.st_size > MAX_FILE_BYTES:  # refused before reading a byte
                raise BadKnowledgeFile(too_big)
            # Bounded even where st_size says nothing: devices, pipes, /proc files.
            raw = f.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise BadKnowledgeFile(too_big)
    except (FileNotFoundError, NotADirectoryError) as exc:
        packaged = _packaged(path)
        if packaged is None:
            missing = isinstance(exc, FileNotFoundError)
            raise BadKnowledgeFile(
                f"{label} {'does not exist' if missing else f'cannot be read: {exc.strerror}'}"
            ) from None
        raw = packaged
    except PermissionError:
        raise BadKnowledgeFile(f"{label} cannot be read: permission denied") from None
    except OSError as exc:
        raise BadKnowledgeFile(f"{label} cannot be read: {exc.strerror}") from None
    return raw, st


def _decode(raw: bytes, label: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise BadKnowledgeFile(f"{label} is not UTF-8: line {line}, byte {exc.start}") from None


def parse(text: str, label: str) -> tuple[Any, list[Problem]]:
    """The file's value and its duplicate keys; BadKnowledgeFile when it cannot be read as a knowledge file."""
    import yaml

    from fopinfo.yaml_reading import Refused, read_yaml, reader_position

    try:
        return read_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        raise BadKnowledgeFile(f"knowledge file {label} is not valid YAML{_at(mark)}: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: no mark of its own
        line, column = reader_position(exc, text)
        raise BadKnowledgeFile(
            f"knowledge file {label} is not valid YAML at line {line}, column {column}: "
            f"unacceptable character U+{exc.character:04X} ({exc.reason})"
        ) from None
    except yaml.YAMLError as exc:
        one_line = " ".join(str(exc).split())
        raise BadKnowledgeFile(f"knowledge file {label} is not valid YAML: {excerpt(one_line)}") from None
    except Refused as exc:
        raise BadKnowledgeFile(f"knowledge file {label}{_at(exc.where)}: {exc.message}") from None
    except RecursionError:
        raise BadKnowledgeFile(f"knowledge file {label} is nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # e.g. date: 2020-02-30, or a 5,000-digit number
        raise BadKnowledgeFile(
            f"knowledge file {label} holds a value that cannot be read: {excerpt(str(exc))}"
        ) from None


def _at(mark: Any) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""


class Checked(NamedTuple):
    knowledge: Knowledge | None
    problems: list[Problem]  # with their lines
    text: str  # kept so later checks can locate their findings too


def check_file(path: Path, origin: str | None = None, *, keep: bool = False) -> Checked:
    """Read, parse and validate; a file that cannot be read or parsed raises BadKnowledgeFile.

    keep: a valid file's knowledge goes into the opt-in cache (``fopinfo.cache``).
    """
    label = _label(path, "knowledge file", origin)
    raw, st = _read_bytes(path, label)
    text = _decode(raw, label)
    del raw  # not kept through the parse: 87 MB at 100,000 statements
    data, duplicates = parse(text, str(path))
    from fopinfo.validation import validate

    knowledge, problems = validate(data)
    if duplicates:  # a value the validator saw may not be the one the author meant
        knowledge, problems = None, duplicates + problems
    elif keep and knowledge is not None and st is not None:
        from fopinfo import cache

        cache.store(path, st, knowledge)
    return Checked(knowledge, locate(problems, text) if problems else [], text)


def load(path: Path | None = None, origin: str | None = None) -> Knowledge:
    """Load and validate a knowledge file (the bundled one when path is None).

    The bundled file's validated knowledge comes from the compiled form the wheel ships, if
    it was compiled from these very bytes; another file's from the opt-in cache, if an entry
    holds this very file. Otherwise (or if the compiled form cannot be read back) the YAML is
    parsed and validated, so that every problem is reported with its line.
    """
    path = path or bundled_path()
    knowledge = compiled_bundled(path)
    if knowledge is not None:
        return knowledge
    from fopinfo import cache

    use_cache = cache.enabled()
    cached = cache.lookup(path) if use_cache else None
    if cached is not None:
        return cached
    checked = check_file(path, origin, keep=use_cache)
    if checked.knowledge is None:
        raise InvalidKnowledge(str(path), checked.problems)
    return checked.knowledge


def compiled_bundled(path: Path) -> Knowledge | None:
    """The bundled file's knowledge from the compiled form the wheel ships beside it (validated
    at build time, ``hatch_build.py``), if that was compiled from these very bytes (its
    SHA-256); else None. Never raises.

    A checkout or an editable install has no compiled form: it parses the YAML (or uses
    the opt-in cache).
    """
    installed = Path(__file__).resolve().parent / "data"
    if path.parent != installed or path.name != "facts.yaml":  # a compiled form found elsewhere is never trusted
        return None
    compiled = installed / BUNDLED_NAME
    try:
        with open(compiled, "rb") as f:
            blob = f.read()
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    plain = loads(blob, bundled_key(sha256_hex(raw)))
    if plain is MISSING:
        return None
    from fopinfo.model_codec import decode

    try:
        return decode(plain)
    except (ValueError, TypeError, KeyError, IndexError):  # not what the build's encode() wrote
        return None


def bundled_key(sha256: str) -> tuple[str, str, str]:
    """What the wheel's compiled knowledge is kept under: the validated model, for these YAML bytes."""
    return ("model", "sha256", sha256)


def locate(problems: list[Problem], text: str) -> list[Problem]:
    """Add line numbers to problems, in one pass; only on the error path, so loading stays fast."""
    from fopinfo.yaml_reading import lines_of

    lines = lines_of([p.path for p in problems if p.line is None], text)
    return [p if p.line is not None else p._replace(line=lines.get(p.path)) for p in problems]

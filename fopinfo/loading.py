"""Reading a knowledge file: bounded reading, YAML parsing, validation, and line lookup."""

import os
from pathlib import Path
from typing import Any, NamedTuple

from fopinfo.errors import BadKnowledgeFile
from fopinfo.model import InvalidKnowledge, Knowledge, Problem
from fopinfo.validation import validate

# Refuse larger files before parsing: far above a 100,000-statement file, far below
# what would exhaust memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


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

"""Loading and validation: every problem named by its path (and line), never a traceback."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from fopinfo.errors import BadKnowledgeFile
from fopinfo.loading import bundled_path, load
from fopinfo.model import InvalidKnowledge
from fopinfo.validation import validate
from tests.conftest import BUNDLED

Data = dict[str, Any]


@pytest.fixture(scope="module")
def original() -> Data:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def problems_after(original: Data) -> Callable[[Callable[[Data], None]], list[str]]:
    def mutate(change: Callable[[Data], None]) -> list[str]:
        data = copy.deepcopy(original)
        change(data)
        knowledge, problems = validate(data)
        assert (knowledge is None) == bool(problems)
        return [f"{p.path}: {p.message}" for p in problems]

    return mutate


def test_bundled_file_is_found_and_valid() -> None:
    assert bundled_path().is_file()
    assert validate(yaml.safe_load(bundled_path().read_text(encoding="utf-8")))[1] == []


def test_undefined_source(problems_after: Callable[..., list[str]]) -> None:
    def cite_16(d: Data) -> None:
        d["sections"][2]["statements"][0]["cites"] = [9, 16]

    assert problems_after(cite_16) == ["sections[2].statements[0].cites[1]: source 16 is not defined"]


def test_source_nothing_cites(problems_after: Callable[..., list[str]]) -> None:
    def add_16(d: Data) -> None:
        d["sources"].append({"number": 16, "text": None})

    assert problems_after(add_16) == ["sources[15]: source 16 is not cited by any statement"]


def test_unknown_key_suggests_the_closest(problems_after: Callable[..., list[str]]) -> None:
    def typo(d: Data) -> None:
        d["sections"][0]["statements"][1]["cite"] = d["sections"][0]["statements"][1].pop("cites")

    assert problems_after(typo) == [
        "sections[0].statements[1].cite: unknown key (did you mean 'cites'?)",
        "sections[0].statements[1]: missing key 'cites'",
    ]


def test_wrong_types_and_empty_text(problems_after: Callable[..., list[str]]) -> None:
    def break_it(d: Data) -> None:
        d["sections"][0]["statements"][0]["text"] = "  "
        d["sections"][0]["statements"][1]["cites"] = "3"
        d["sections"][1]["aliases"] = [7]

    assert problems_after(break_it) == [
        "sections[0].statements[0].text: is empty",
        "sections[0].statements[1].cites: must be a list, not a string",
        "sections[1].aliases[0]: must be a non-empty string, not an integer",
    ]


def test_duplicate_ids_and_alias_clash(problems_after: Callable[..., list[str]]) -> None:
    def clash(d: Data) -> None:
        d["sections"][0]["statements"][1]["id"] = "what.1"
        d["sections"][1]["aliases"].append("treatment")

    assert problems_after(clash) == [
        "sections[0].statements[1].id: duplicate statement id 'what.1'",
        "sections[2].aliases[1]: name 'treatment' is claimed by both 'causes' and 'management'",
    ]


def test_subject_names_share_the_topic_namespace(problems_after: Callable[..., list[str]]) -> None:
    def clash(d: Data) -> None:
        d["sections"][1]["aliases"].append("diagnosis")

    assert problems_after(clash) == ["subjects[2].id: name 'diagnosis' is claimed by both 'causes' and 'diagnosis'"]


def test_undeclared_subject_tag(problems_after: Callable[..., list[str]]) -> None:
    def tag(d: Data) -> None:
        d["sections"][0]["statements"][0]["subjects"] = ["prognosis"]

    assert problems_after(tag) == [
        "sections[0].statements[0].subjects[0]: subject 'prognosis' is not defined under subjects"
    ]


def test_not_a_mapping() -> None:
    assert [str(p) for p in validate(["a", "list"])[1]] == ["(top level): must be a mapping, not a list"]


def write(tmp_path: Path, content: str | bytes, name: str = "k.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(BadKnowledgeFile) as info:
        load(path)
    return info.value.message


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.yaml") == f"knowledge file {tmp_path / 'nope.yaml'} does not exist"


def test_directory(tmp_path: Path) -> None:
    assert error_of(tmp_path) == f"knowledge file {tmp_path} is a directory, not a file"


def test_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, b"schema: 1\norigin: caf\xe9\n")
    assert error_of(path) == f"knowledge file {path} is not UTF-8: line 2, byte 21"


def test_invalid_yaml_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "schema: 1\nsections: [\n  - a: b\n")
    message = error_of(path)
    assert message.startswith(f"knowledge file {path} is not valid YAML at line 3, column 3")


def test_python_tags_are_refused_not_executed(tmp_path: Path) -> None:
    path = write(tmp_path, "schema: !!python/object/apply:os.system ['echo pwned']\n")
    assert "is not valid YAML" in error_of(path)


def test_shape_errors_name_path_and_line(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace("cites: [6]", "cites: [6, 99]")
    path = write(tmp_path, text)
    with pytest.raises(InvalidKnowledge) as info:
        load(path)
    (problem,) = info.value.problems
    line = text.splitlines().index("        cites: [6, 99]") + 1
    assert str(problem) == f"line {line}: sections[3].statements[0].cites[1]: source 99 is not defined"
    assert info.value.message == f"invalid knowledge file {path}: {problem}"

"""Review records end to end: a change fails `check` by name until a named person accepts it,
one element at a time, each shown as a diff; nothing is accepted wholesale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from fopinfo import reviewing
from fopinfo.checking import bundled_source
from fopinfo.loading import bundled_path, load

SCRIPT = Path(sys.executable).with_name("fopinfo")
BMPS = "Bone Morphogenetic Proteins: specific bone-forming proteins"
CHANGED = "Bone Morphogenetic Proteins: bone-forming proteins"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "facts.yaml"
    shutil.copy(bundled_path(), target)
    shutil.copy(bundled_path().with_name("facts.reviews.yaml"), tmp_path / "facts.reviews.yaml")
    return target


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, text=True)


def test_change_fails_check_then_review_then_check_passes(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    records = tmp_path / "facts.reviews.yaml"
    before = records.read_text(encoding="utf-8")
    target.write_text(target.read_text(encoding="utf-8").replace(BMPS, CHANGED, 1), encoding="utf-8")

    done = _run("check", str(target), "--source", str(bundled_source()))
    assert done.returncode == 3
    assert any("glossary[3]: changed since its review record" in line for line in done.stdout.splitlines())

    shown = _run("check", str(target), "--source", str(bundled_source()), "--review")
    assert '-  "definition": "Bone Morphogenetic Proteins: specific bone-forming' in shown.stdout
    assert '+  "definition": "Bone Morphogenetic Proteins: bone-forming' in shown.stdout

    # From a pipe nothing is accepted without naming it, and the records are untouched.
    refused = _run("review", str(target), stdin="y\ny\ny\n")
    assert refused.returncode == 2 and "stdin is not a terminal" in refused.stderr
    assert records.read_text(encoding="utf-8") == before
    no_name = _run("review", str(target), "--accept", "term/bmps")
    assert no_name.returncode == 2 and "--reviewer" in no_name.stderr

    accepted = _run("review", str(target), "--accept", "term/bmps", "--reviewer", "Test Reviewer")
    assert accepted.returncode == 0, accepted
    assert "recorded: term/bmps (reviewed by Test Reviewer)" in accepted.stdout
    assert _run("check", str(target), "--source", str(bundled_source())).returncode == 0

    after = records.read_text(encoding="utf-8")
    import difflib

    changed = "\n".join(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm=""))
    assert "+  reviewer: Test Reviewer" in changed
    assert any(line.startswith("+") and CHANGED in line for line in changed.splitlines()), changed
    assert changed.count("+  sha256: ") == 1  # only that one record changed


def test_interactive_review_asks_each_element_and_the_reviewers_name(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    text = target.read_text(encoding="utf-8")
    text = text.replace("title: How common FOP is", "title: How rare FOP is").replace(BMPS, CHANGED, 1)
    target.write_text(text, encoding="utf-8")
    answers = iter(["n", "y", "", "Ada Reviewer"])  # skip the first, accept the second: a name is required
    said: list[str] = []
    left = reviewing.run(
        target,
        load(target),
        accept_keys=[],
        reviewer=None,
        interactive=True,
        say=said.append,
        ask=lambda _: next(answers),
    )
    assert left == 1
    assert sum(1 for s in said if s.startswith("\n[")) == 2  # each element shown on its own, with its diff
    pending = reviewing.pending_list(target, load(target))
    assert [p.key for p in pending] == ["term/bmps"]
    records = yaml.safe_load((tmp_path / "facts.reviews.yaml").read_text(encoding="utf-8"))["records"]
    assert [r["reviewer"] for r in records if r["key"] == "subject/frequency"] == ["Ada Reviewer"]


def test_interactive_review_stops_at_end_of_input_without_accepting(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    target.write_text(target.read_text(encoding="utf-8").replace(BMPS, CHANGED, 1), encoding="utf-8")

    def ask(_: str) -> str:
        raise EOFError

    before = (tmp_path / "facts.reviews.yaml").read_text(encoding="utf-8")
    left = reviewing.run(target, load(target), accept_keys=[], reviewer=None, interactive=True, say=print, ask=ask)
    assert left == 1
    assert (tmp_path / "facts.reviews.yaml").read_text(encoding="utf-8") == before


def test_a_tampered_record_is_a_finding(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    records = tmp_path / "facts.reviews.yaml"
    records.write_text(
        records.read_text(encoding="utf-8").replace("title: Diagnosis", "title: Diagnoses"), encoding="utf-8"
    )
    done = _run("check", str(target))
    assert done.returncode == 3
    assert "its SHA-256 is not that of the content it holds" in done.stdout


def test_the_bundled_file_is_fully_reviewed() -> None:
    assert reviewing.pending_list(bundled_path(), load()) == []


@pytest.mark.parametrize("kind", ["definition", "subjects", "subject title", "left out", "card", "sheet", "note"])
def test_every_kind_of_editorial_element_is_recorded(kind: str) -> None:
    from fopinfo.provenance.reviews import elements

    assert any(e.kind == kind for e in elements(load()))

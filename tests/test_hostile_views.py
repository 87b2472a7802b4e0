"""Views under hostile data: no link a renderer would make, no C1 control in JSON, columns by
cell width, and paths that are not UTF-8 kept recoverable."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import BUNDLED, Run

ORIGINAL: dict[str, Any] = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
LINKS = "see https://evil.example/x, www.evil.com, HTTP://EVIL.EXAMPLE, mailto me@evil.org or evil.com"
SCRIPT = Path(sys.executable).parent / "fopinfo"


def _write(tmp_path: Path, data: dict[str, Any], name: str = "hostile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def linky_file(tmp_path: Path) -> Path:
    data = copy.deepcopy(ORIGINAL)
    data["sections"][0]["statements"][0]["text"] = LINKS
    data["sections"][0]["title"] = "What " + LINKS
    data["sections"][4]["facts"][0]["headline"] = LINKS
    data["glossary"][1]["definition"] = LINKS
    data["origin"]["title"] = LINKS
    data["origin"]["disclaimer"] = LINKS
    data["developments"]["notes"][0]["text"] = LINKS
    data["developments"]["notes"][0]["title"] = LINKS
    data["handover"]["card"]["title"] = LINKS
    return _write(tmp_path, data)


# fopinfo's own addresses: its notes' public records (and boxed-warning labels) and its guidance pointers.
OWN = {note["reference"]["url"] for note in ORIGINAL["developments"]["notes"]}
OWN |= {n["warning"]["reference"]["url"] for n in ORIGINAL["developments"]["notes"] if n.get("warning")}
OWN |= {pointer["url"] for pointer in ORIGINAL.get("guidance") or []}
GFM = MarkdownIt("commonmark", {"linkify": True, "html": False}).enable("linkify")


@pytest.mark.parametrize(
    "args",
    [
        ["facts"],
        ["topic", "what"],
        ["define", "HO"],
        ["search", "evil"],
        ["updates"],
        ["sources"],
        ["topics"],
        ["card"],
        ["handout", "--for", "emergency"],
        ["handout"],
        [],
    ],
    ids=lambda a: " ".join(a) or "(none)",
)
def test_markdown_makes_no_link_under_a_linkifying_renderer(run: Run, linky_file: Path, args: list[str]) -> None:
    result = run("--data", str(linky_file), "--markdown", *args)
    assert result.exit_code == 0, result
    rendered = GFM.render(result.stdout)
    # No data is a link; the only links are fopinfo's own, to the public records it names (tests/test_links.py).
    assert set(re.findall(r'<a href="([^"]*)"', rendered)) <= OWN
    assert "evil" in rendered  # the text is still there, only not a link


def test_the_linkifying_renderer_would_link_the_raw_text() -> None:
    """The control: without fopinfo's escaping, every form above becomes a link."""
    assert GFM.render(LINKS).count("<a ") == 5


def test_json_escapes_c1_del_and_bidi_controls(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    data["sections"][0]["statements"][0]["text"] = "csi \x9b31m del \x7f rlo \u202eevil\u202c ls \u2028 end"
    out = run("--data", str(_write(tmp_path, data)), "topic", "what", "--json").stdout
    for raw in ("\x9b", "\x7f", "\u202e", "\u202c", "\u2028"):
        assert raw not in out
    assert "\\u009b" in out and "\\u007f" in out and "\\u202e" in out
    assert json.loads(out)["topic"]["statements"][0]["text"].startswith("csi \x9b31m")  # the data is kept


def test_columns_are_padded_by_cell_width(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    data["sections"][0]["id"] = "什么"  # two wide characters: four cells
    data["sections"][1]["id"] = "cafe\u0301"  # a combining accent: four cells
    for page in data["origin"]["related_pages"]:
        page["section"] = {"what": "什么", "causes": "cafe\u0301"}.get(page["section"], page["section"])
    data["handover"] = ORIGINAL["handover"]
    out = run("--data", str(_write(tmp_path, data)), "topics").stdout
    from rich.cells import cell_len

    starts = ("What is FOP?", "What Causes FOP?", "How is FOP managed?")
    rows = [(line, t) for line in out.splitlines() for t in starts if t in line]
    assert len(rows) == 3
    assert len({cell_len(line[: line.index(t)]) for line, t in rows}) == 1, rows


def test_source_numbers_of_three_digits_keep_rows_aligned(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    data["sources"].append({"number": 100, "text": None})
    data["sections"][0]["statements"][0]["cites"] = [1, 2, 100]
    out = run("--data", str(_write(tmp_path, data)), "sources").stdout
    rows = [line for line in out.splitlines() if "cited by" in line]
    assert len({line.index("cited by") for line in rows}) == 1, rows


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_a_non_utf8_path_stays_recoverable_in_check_json(tmp_path: Path) -> None:
    if not SCRIPT.exists():
        pytest.skip("the console script is not installed in this environment")
    name = os.fsencode(tmp_path) + b"/caf\xe9.yaml"
    with open(name, "wb") as f:
        f.write(BUNDLED.read_bytes())
    with open(os.fsencode(tmp_path) + b"/caf\xe9.reviews.yaml", "wb") as f:
        f.write(BUNDLED.with_name("facts.reviews.yaml").read_bytes())
    done = subprocess.run([os.fsencode(SCRIPT), b"check", name, b"--json"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)["file"]
    assert shown.endswith("caf\\xe9.yaml")
    assert os.fsencode(shown.replace("\\xe9", "\udce9")) == name  # the exact bytes can be recovered

"""The wallet card and the one-page sheets: only source statements (verbatim, with their markers),
fill-ins shown as data in every format, selections validated by `check`.

Run through the installed console script, as a family would run it.
"""

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

from fopinfo.model import Knowledge
from fopinfo.safe_text import clean
from fopinfo.views.wording import (
    EDITORIAL_NOTE,
    FIELD_LABELS,
    card_origin_line,
    disclaimer_line,
    marker_label,
    notes_line,
)
from tests.conftest import BUNDLED, SOURCE

SCRIPT = Path(sys.executable).with_name("fopinfo")
ORIGINAL: dict[str, Any] = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
CHOSEN = ORIGINAL["handover"]
AUDIENCES = ["emergency", "school", "dentist"]
FORMATS = {"text": [], "markdown": ["--markdown"], "html": ["--html"], "json": ["--json"]}
EPOCH = "1795564800"  # 2026-11-25


def fopinfo(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "FORCE_COLOR")}
    env.update({"SOURCE_DATE_EPOCH": EPOCH, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    if data is not None:
        env["FOPINFO_DATA"] = str(data)
    return subprocess.run(
        [str(SCRIPT), *args], env=env, capture_output=True, text=True, encoding="utf-8", check=False, timeout=60
    )


def ok(*args: str, data: Path | None = None) -> str:
    result = fopinfo(*args, data=data)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def knowledge() -> Knowledge:
    from fopinfo.loading import load

    return load(None)


def source_words() -> str:
    return " ".join(SOURCE.read_text(encoding="utf-8").split())


def commands() -> dict[str, list[str]]:
    return {"card": ["card"], **{a: ["handout", "--for", a] for a in AUDIENCES}}


def chosen_ids(what: str) -> list[str]:
    """The ids the knowledge file chooses, read from the YAML itself, not through fopinfo."""
    if what == "card":
        return list(CHOSEN["card"]["statements"])
    return [i for g in CHOSEN["sheets"][what]["groups"] for i in g["statements"]]


def shown_statements(what: str) -> list[dict[str, Any]]:
    doc = json.loads(ok(*commands()[what], "--json"))
    if what == "card":
        return list(doc["card"]["statements"])
    return [s for g in doc["sheet"]["groups"] for s in g["statements"]]


# ---------------------------------------------------------------- content: source statements only


@pytest.mark.parametrize("what", ["card", *AUDIENCES])
def test_every_statement_shown_is_a_source_statement_verbatim_with_its_markers(what: str) -> None:
    k = knowledge()
    by_id = {s.id: s for s in k.statements()}
    statements = shown_statements(what)
    assert [s["id"] for s in statements] == chosen_ids(what)
    words = source_words()
    for s in statements:
        model = by_id[s["id"]]
        assert (s["text"], s["cites"], s["quote"]) == (model.text, list(model.cites), model.quote)
        assert model.quote is not None
        assert " ".join(model.quote.split()) in words  # the source's own words, as the source prints them
    for fmt, flags in FORMATS.items():
        out = ok(*commands()[what], *flags)
        flat = " ".join(out.split())
        for s in statements:
            label = marker_label(s["cites"])
            if fmt == "json":
                continue  # compared above
            if fmt == "markdown":
                from fopinfo.views.markdown.blocks import esc

                assert f"{esc(s['text'])} {label}" in flat, (fmt, s["id"])  # markers print as they do, [1,2]
            elif fmt == "html":
                from html import escape

                assert f'{escape(s["text"])} <span class="markers">{label}</span>' in flat, (fmt, s["id"])
            else:
                assert f"{s['text']} {label}" in flat, (fmt, s["id"])


def test_the_card_holds_no_sentence_but_statements_labels_origin_and_disclaimer() -> None:
    k = knowledge()
    from fopinfo import clock
    from fopinfo.views.markdown.blocks import esc

    out = ok("card", "--markdown")
    blocks = [b for b in out.split("\n\n") if b.strip()]
    statements = {f"- {esc(s['text'])} {marker_label(s['cites'])}" for s in shown_statements("card")}
    allowed = {
        f"# {esc(CHOSEN['card']['title'])} †",
        f"*{esc(EDITORIAL_NOTE)}*",
        "---",
        esc(card_origin_line(k, clock.today())),
        f"**{esc(disclaimer_line(k))}**",
        f"*{esc(notes_line(k, clock.today()) or '')}*",
    }
    for block in blocks:
        for line in block.strip().split("\n"):
            label = re.fullmatch(r"- \*\*(.+):\*\* (\\_){24}", line)
            assert line in statements or line in allowed or (label and label[1] in dict(FIELD_LABELS).values()), line


def test_card_front_says_what_fop_is_what_triggers_bone_and_that_it_stays() -> None:
    text = " ".join(ok("card").split())
    assert "FOP — Fibrodysplasia Ossificans Progressiva †" in text
    for words in ("ultra-rare genetic disorder", "knocks and falls", "biopsy", "intramuscular injection"):
        assert words in text
    assert "does not go away" in text


@pytest.mark.parametrize("audience", AUDIENCES)
def test_sheets_put_the_triggers_first(audience: str) -> None:
    assert chosen_ids(audience)[0] == "what.5"
    doc = json.loads(ok("handout", "--for", audience, "--json"))["sheet"]
    assert doc["groups"][0]["statements"][0]["id"] == "what.5"
    assert doc["title_by"] == "fopinfo" and all(g["heading_by"] == "fopinfo" for g in doc["groups"])


def test_titles_and_headings_are_marked_as_fopinfo_s_in_every_format() -> None:
    headings = [g["heading"] for g in CHOSEN["sheets"]["emergency"]["groups"]]
    for fmt, flags in FORMATS.items():
        if fmt == "json":
            continue
        out = ok("handout", "--for", "emergency", *flags)
        for heading in headings:
            marked = f'{heading} <span class="mark">†</span>' if fmt == "html" else f"{heading} †"
            assert marked in out, (fmt, heading)
        from html import unescape

        assert "fopinfo's, not the source's" in unescape(out)


def test_the_emergency_sheet_shows_fopinfo_s_notes_on_management_without_source_markers() -> None:
    k = knowledge()
    # A sheet shows where medicines stand (approvals, refusals, safety warnings); the rest is in `updates`.
    shown = [n for n in k.notes_on("management.1") if n.kind in ("approval", "refusal", "safety-warning")]
    expected = [n.id for n in shown]
    assert expected  # the bundled file has notes on management
    doc = json.loads(ok("handout", "--for", "emergency", "--json"))["sheet"]
    assert sorted(n["id"] for n in doc["notes"]) == sorted(expected)
    assert all(n["by"] == "fopinfo" for n in doc["notes"])
    out = ok("handout", "--for", "emergency", "--markdown")
    notes = out.split("## Since this source was published (fopinfo's notes, not the source's)", 1)[1]
    notes = notes.split("- **Name:**", 1)[0]
    from fopinfo.views.markdown.blocks import esc

    for note in shown:  # grouped by kind: each medicine and where it stands
        assert note.medicine and note.region
        assert esc(note.medicine) in notes and esc(note.region) in notes
    assert "Approval notes" in notes and "Refusal notes" in notes
    assert not re.search(r"\\?\[\d", notes), "a note must never carry the source's markers"
    html = ok("handout", "--for", "emergency", "--html")
    own = sorted(g.url for g in k.guidance if "emergency" in g.audiences)
    assert sorted(re.findall(r'<a href="([^"]*)"', html)) == own  # the guidance pointers' records, as links
    assert html.count("http") == 2 * len(own) and "src=" not in html  # no other address: each link's text is it


def mutated(tmp_path: Path, change: Any) -> Path:
    data = copy.deepcopy(ORIGINAL)
    change(data)
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_card_back_points_to_notes_only_when_there_are_some(tmp_path: Path) -> None:
    assert " ".join(ok("card").split()).count("fopinfo updates") == 1
    without = mutated(tmp_path, lambda d: d.pop("developments"))
    for flags in FORMATS.values():
        assert "fopinfo updates" not in ok("card", *flags, data=without)
    assert json.loads(ok("card", "--json", data=without))["card"]["later_notes"] == 0


def test_a_file_without_a_card_says_so(tmp_path: Path) -> None:
    without = mutated(tmp_path, lambda d: d.pop("handover"))
    result = fopinfo("card", data=without)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith("Error: this knowledge file chooses no statements for a card (handover.card)")
    result = fopinfo("handout", "--for", "school", data=without)
    assert result.returncode == 1 and "school sheet" in result.stderr


# ---------------------------------------------------------------- fill-ins are data


HOSTILE = {
    "--name": "<script>alert(1)</script>",
    "--contact": "[x](javascript:alert(1))",
    "--doctor": "*emphasis* _u_ `code`",
    "--note": "\x1b[31mred\x07 <b>bold</b> &amp;",
}
CLEANED = {flag: clean(value) for flag, value in HOSTILE.items()}


def hostile_args() -> list[str]:
    return [part for flag, value in HOSTILE.items() for part in (flag, value)]


@pytest.mark.parametrize("what", ["card", "emergency"])
def test_fill_ins_are_literal_in_text_and_json(what: str) -> None:
    text = ok(*commands()[what], *hostile_args())
    assert "\x1b" not in text and "\x07" not in text
    for value in CLEANED.values():
        assert value in text
    doc = json.loads(ok(*commands()[what], *hostile_args(), "--json"))
    fields = (doc["card"] if what == "card" else doc["sheet"])["fields"]
    assert fields == {"name": CLEANED["--name"], "contact": CLEANED["--contact"], "doctor": CLEANED["--doctor"],
                      "note": CLEANED["--note"]}  # fmt: skip


# fopinfo's own addresses: the notes' public records and the guidance pointers' records.
OWN_LINKS = {f'<a href="{n.reference.url}">' for n in knowledge().developments.notes} | {  # type: ignore[union-attr]
    f'<a href="{g.url}">' for g in knowledge().guidance
}


@pytest.mark.parametrize("what", ["card", "emergency"])
def test_fill_ins_are_literal_in_html(what: str) -> None:
    from html import escape

    out = ok(*commands()[what], *hostile_args(), "--html")
    assert "<script" not in out and "<b>" not in out and "\x1b" not in out
    assert set(re.findall(r"<a [^>]*>", out)) <= OWN_LINKS  # no fill-in is a link; the notes' records are
    for value in CLEANED.values():
        assert escape(value) in out
    assert "<em>emphasis</em>" not in out


@pytest.mark.parametrize("what", ["card", "emergency"])
def test_fill_ins_are_literal_in_markdown_once_rendered(what: str) -> None:
    from markdown_it import MarkdownIt

    out = ok(*commands()[what], *hostile_args(), "--markdown")
    assert "\x1b" not in out
    rendered = MarkdownIt("commonmark").render(out)  # even a renderer that passes HTML through
    assert "<script" not in rendered and "<em>emphasis</em>" not in rendered
    assert set(re.findall(r"<a [^>]*>", rendered)) <= OWN_LINKS
    assert "<code>" not in rendered and "<b>" not in rendered
    from html import escape

    for value in CLEANED.values():
        assert escape(value, quote=False) in rendered


def test_a_fill_in_too_long_for_the_card_is_a_usage_error() -> None:
    result = fopinfo("card", "--note", "x" * 41)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: --note is 41 characters; the card has room for 40\n")
    assert fopinfo("card", "--note", "x" * 40).returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["handout", "--for", "nurse"], "'nurse' is not one of 'emergency', 'school', 'dentist'"),
        (["handout", "--name", "Ana"], "Error: --name fills in a sheet: add --for emergency, school or dentist"),
        (["handout", "--for", "school", "--topic", "causes"], "Error: choose --for or --topic"),
        (["handout", "--for", "school", "--html", "--json"], "Error: choose one of --json and --html"),
        (["card", "--markdown", "--html"], "Error: choose one of --markdown and --html"),
    ],
)
def test_usage_errors_name_the_problem(args: list[str], message: str) -> None:
    result = fopinfo(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert message in result.stderr.splitlines()[0]
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- selections validated by check


def _sheet(d: dict[str, Any], audience: str = "emergency") -> dict[str, Any]:
    sheet: dict[str, Any] = d["handover"]["sheets"][audience]
    return sheet


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d["handover"]["card"]["statements"].append("what.99"), "handover.card.statements[3]",
         "'what.99' is not a statement id (did you mean 'what.6'?)"),
        (lambda d: d["handover"]["card"]["statements"].append("what.1"), "handover.card.statements[3]",
         "'what.1' is chosen twice"),
        (lambda d: d["handover"]["card"].update(statements=[]), "handover.card.statements",
         "is empty: choose at least one statement by id"),
        (lambda d: d["handover"]["card"].update(title=""), "handover.card.title", "is empty"),
        (lambda d: _sheet(d)["groups"][1]["statements"].append("what.5"), "handover.sheets.emergency.groups[1]",
         "'what.5' is chosen twice"),
        (lambda d: _sheet(d).update(groups=[]), "handover.sheets.emergency.groups", "is empty"),
        (lambda d: _sheet(d, "school")["groups"][0].pop("heading"), "handover.sheets.school.groups[0]",
         "missing key 'heading'"),
        (lambda d: d["handover"]["sheets"].update(nurse=copy.deepcopy(d["handover"]["sheets"]["school"])),
         "handover.sheets.nurse", "unknown key"),
        (lambda d: _sheet(d)["groups"][3].update(statements=["management.2"]),
         "handover.sheets.emergency.groups[3].statements[0]", "'management.2' is not a statement id"),
        (lambda d: d.update(handover={}), "handover", "chooses nothing"),
    ],
)  # fmt: skip
def test_check_names_a_bad_selection_by_path(tmp_path: Path, change: Any, path: str, message: str) -> None:
    bad = mutated(tmp_path, change)
    result = fopinfo("check", str(bad))
    assert result.returncode == 3, result
    found = [line for line in result.stdout.splitlines() if path in line and message in line]
    assert found, result.stdout
    assert "Traceback" not in result.stderr
    assert fopinfo("card", data=bad).returncode == 3  # and no command uses the bad file


def test_the_bundled_selection_is_valid() -> None:
    assert "OK —" in ok("check", str(BUNDLED))

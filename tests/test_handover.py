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
    FIELD_LABELS,
    approved_line,
    card_source_line,
    disclaimer_line,
    marker_label,
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
        return [CHOSEN["card"]["trigger"], *CHOSEN["card"]["statements"]]
    sheet = CHOSEN["sheets"][what]
    return [sheet["trigger"]["statement"], *(i for g in sheet["groups"] for i in g.get("statements", []))]


def shown_statements(what: str) -> list[dict[str, Any]]:
    doc = json.loads(ok(*commands()[what], "--json"))
    if what == "card":
        return list(doc["card"]["statements"])
    sheet = doc["sheet"]
    return [s for g in [sheet["trigger"], *sheet["groups"]] for s in g["statements"]]


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

                shown = (f"{esc(s['text'])} {label}", f"{esc(s['text'])}** {label}")  # the trigger in bold
                assert any(x in flat for x in shown), (fmt, s["id"])  # markers print as they do, [1,2]
            elif fmt == "html":
                from html import escape

                marks = f'<span class="markers">{label}</span>'
                shown = (f"{escape(s['text'])} {marks}", f"{escape(s['text'])}</strong> {marks}")
                assert any(x in flat for x in shown), (fmt, s["id"])
            else:
                assert f"{s['text']} {label}" in flat, (fmt, s["id"])


def test_the_card_holds_no_sentence_but_statements_labels_origin_and_disclaimer() -> None:
    k = knowledge()
    from fopinfo import clock, query
    from fopinfo.views.markdown.blocks import esc

    doc = json.loads(ok("card", "--json"))["card"]
    approved = query.approved(k.developments.notes)  # type: ignore[union-attr]
    assert doc["approved"] == [  # JSON says whether a warning is there; the card says where it is shown
        {"medicine": m, "regions": [{"region": r, "boxed_warning": w is not None} for r, w in regions]}
        for m, regions in approved
    ]
    out = ok("card", "--markdown")
    blocks = [b for b in out.split("\n\n") if b.strip()]
    statements = {f"- {esc(s['text'])} {marker_label(s['cites'])}" for s in shown_statements("card")[1:]}
    trigger = shown_statements("card")[0]
    allowed = {
        f"# {esc(CHOSEN['card']['title'])}",
        f"> **{esc(trigger['text'])}** {marker_label(trigger['cites'])}",
        f"*{esc(card_source_line(k, medicines=True))}*",
        "---",
        f"**{esc(disclaimer_line(k))}**",
        f"*{esc(approved_line(approved, k, clock.today()) or '')}*",
    }
    for block in blocks:
        for line in block.strip().split("\n"):
            label = re.fullmatch(r"- \*\*(.+):\*\* (\\_){24}\\?", line)
            more = re.fullmatch(r"  (\\_){24}\\?", line)  # the notes' further writing lines
            assert (
                line in statements or line in allowed or more or (label and label[1] in dict(FIELD_LABELS).values())
            ), line


def test_card_front_opens_with_an_alert_and_the_trigger_statement_emphasised() -> None:
    text = " ".join(ok("card").split())
    assert text.startswith("Wallet card, front Medical alert: I have FOP Extra bone formation")
    for words in ("ultra-rare genetic disorder", "knocks and falls", "biopsy", "intramuscular injection"):
        assert words in text
    assert "does not go away" in text
    html = ok("card", "--html")
    assert '<p class="trigger"><strong>Extra bone formation' in html
    assert "<h1>Medical alert: I have FOP</h1>" in html


def test_the_card_has_three_writing_lines_for_notes_and_a_line_for_medicines() -> None:
    text = ok("card")
    assert text.count("_" * 24) == 4 + 3  # one for each field, three for allergies and other notes
    assert "FOP medicines taken: " + "_" * 24 in text
    html = ok("card", "--html")
    note = html.split('<div class="f-note">', 1)[1].split("</div>", 1)[0]
    assert note.count('<span class="blank"></span>') == 3


@pytest.mark.parametrize("audience", AUDIENCES)
def test_sheets_open_with_the_person_then_the_trigger_statement(audience: str) -> None:
    doc = json.loads(ok("handout", "--for", audience, "--json"))["sheet"]
    assert doc["trigger"]["statements"][0]["id"] == "what.5"
    assert doc["person_heading"] == CHOSEN["sheets"][audience]["person"]
    assert doc["title_by"] == "fopinfo" and all(g["heading_by"] == "fopinfo" for g in doc["groups"])
    for flags in ([], ["--markdown"], ["--html"]):
        out = " ".join(ok("handout", "--for", audience, *flags).split())
        name = out.index("Name:")
        trigger = out.index("Extra bone formation", name)
        first_other = min(out.index(s["text"][:25], name) for s in shown_statements(audience)[1:])
        assert name < trigger < first_other, flags


def test_the_order_after_the_trigger_is_each_reader_s() -> None:
    def headings(audience: str) -> list[str]:
        return [g["heading"] for g in json.loads(ok("handout", "--for", audience, "--json"))["sheet"]["groups"]]

    assert headings("dentist")[0].startswith("Where to read more on dental care")
    assert headings("school")[0] == "Why avoiding flare-ups matters"
    assert headings("emergency")[0] == "Written for emergency staff"
    assert len({tuple(headings(a)) for a in AUDIENCES}) == 3


PRINTED = {"text": [], "markdown": ["--markdown"], "html": ["--html"]}


@pytest.mark.parametrize("what", ["card", *AUDIENCES])
@pytest.mark.parametrize("fmt", PRINTED)
def test_printed_pages_carry_no_ids_commands_or_daggers_and_one_legend(what: str, fmt: str) -> None:
    k = knowledge()
    out = ok(*commands()[what], *PRINTED[fmt])
    assert "†" not in out and "»" not in out and "›" not in out
    assert "fopinfo updates" not in out and "'fopinfo" not in out and "(uncited)" not in out
    ids = [s.id for s in k.statements()] + [n.id for n in k.developments.notes] + [g.id for g in k.guidance]  # type: ignore[union-attr]
    for item in ids:
        assert not re.search(rf"(?<![\w/.-]){re.escape(item)}(?![\w-])", out), (item, fmt)
    from html import unescape

    flat = " ".join(unescape(out).replace("\\", "").split())
    legend = "fopinfo's words: the heading" if what == "card" else "are fopinfo's words"
    assert flat.count(legend) == 1


def test_the_medicines_line_names_approvals_and_boxed_warnings_but_no_refusal() -> None:
    k = knowledge()
    notes = k.developments.notes  # type: ignore[union-attr]
    approvals = [n for n in notes if n.kind == "approval"]
    refused = {n.region for n in notes if n.kind == "refusal"}
    assert approvals and refused  # the bundled file has both
    for what in ("card", "emergency", "dentist"):
        flat = " ".join(ok(*commands()[what]).split())
        line = flat[flat.index("Medicines approved for FOP" if what == "card" else "As of December 2026") :]
        line = line[: line.index(". ") + 1]
        for n in approvals:
            assert n.medicine and n.medicine in line and n.region and n.region in line, what
        # the label's warning, said where it applies, and where it is given: on a sheet, fopinfo's own
        # sentence right after the line; on the card, the address of the record that shows it
        warned = [n.warning for n in approvals if n.warning]
        assert warned
        for w in warned:
            if what == "card":
                assert f"United States (a warning on its label there, shown at {w.reference.url})" in line
            else:
                assert "United States (a warning on its label there: see below)" in line
                rest = flat[flat.index(line) + len(line) :]
                assert rest.startswith(f" {' '.join(w.text.split())} Warning shown on: {w.reference.publisher}")
        assert not any(region in flat for region in refused if region), what
    assert "Medicines" not in ok("handout", "--for", "school")  # no note bears on the school sheet's statements


def test_the_emergency_sheet_keeps_fopinfo_s_notes_in_json_and_its_pointers_as_links() -> None:
    k = knowledge()
    shown = [n for n in k.notes_on("management.1") if n.kind in ("approval", "refusal", "safety-warning")]
    doc = json.loads(ok("handout", "--for", "emergency", "--json"))["sheet"]
    assert sorted(n["id"] for n in doc["notes"]) == sorted(n.id for n in shown)
    assert all(n["by"] == "fopinfo" for n in doc["notes"])
    html = ok("handout", "--for", "emergency", "--html")
    own = sorted(
        [g.url for g in k.guidance if "emergency" in g.audiences]
        + [n.warning.reference.url for n in shown if n.warning and n.warning.reference.url]
    )
    assert sorted(re.findall(r'<a href="([^"]*)"', html)) == own  # the guidance pointers' records, as links
    assert html.count("http") == 2 * len(own) and "src=" not in html  # no other address: each link's text is it


def mutated(tmp_path: Path, change: Any) -> Path:
    data = copy.deepcopy(ORIGINAL)
    change(data)
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_card_names_approved_medicines_only_when_there_are_notes(tmp_path: Path) -> None:
    assert " ".join(ok("card").split()).count("Medicines approved for FOP since the source (as of December 2026)") == 1
    without = mutated(tmp_path, lambda d: d.pop("developments"))
    for flags in FORMATS.values():
        assert "Medicines approved" not in ok("card", *flags, data=without)
    assert json.loads(ok("card", "--json", data=without))["card"]["later_notes"] == 0
    assert "Medicines for FOP approved" not in ok("handout", "--for", "emergency", data=without)


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
    "--medicines": "**none** <i>x</i>",
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
                      "note": CLEANED["--note"], "medicines": CLEANED["--medicines"]}  # fmt: skip


# fopinfo's own addresses: the notes' public records (and those showing a label's warning) and the
# guidance pointers' records.
OWN_LINKS = (
    {f'<a href="{n.reference.url}">' for n in knowledge().developments.notes}  # type: ignore[union-attr]
    | {f'<a href="{n.warning.reference.url}">' for n in knowledge().developments.notes if n.warning}  # type: ignore[union-attr]
    | {f'<a href="{g.url}">' for g in knowledge().guidance}
)


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
    assert "<code>" not in rendered and "<b>" not in rendered and "<i>" not in rendered
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
        (
            ["handout", "--medicines", "x"],
            "Error: --medicines fills in a sheet: add --for emergency, school or dentist",
        ),
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
        (lambda d: d["handover"]["card"]["statements"].append("what.99"), "handover.card.statements[2]",
         "'what.99' is not a statement id (did you mean 'what.6'?)"),
        (lambda d: d["handover"]["card"]["statements"].append("what.1"), "handover.card.statements[2]",
         "'what.1' is chosen twice"),
        (lambda d: d["handover"]["card"]["statements"].append("what.5"), "handover.card.statements[2]",
         "'what.5' is chosen twice"),
        (lambda d: d["handover"]["card"].update(statements=[]), "handover.card.statements",
         "is empty: choose at least one statement by id"),
        (lambda d: d["handover"]["card"].update(title=""), "handover.card.title", "is empty"),
        (lambda d: _sheet(d)["groups"][2]["statements"].append("what.5"), "handover.sheets.emergency.groups[2]",
         "'what.5' is chosen twice"),
        (lambda d: _sheet(d)["groups"][0].update(show="advice"), "handover.sheets.emergency.groups[0].show",
         "must be one of guidance, medicines"),
        (lambda d: _sheet(d)["groups"][2].update(show="medicines"), "handover.sheets.emergency.groups[2]",
         "give either statements or show, not both"),
        (lambda d: _sheet(d)["groups"][2].update(statements=None, show="guidance") or _sheet(d)["groups"][2].pop(
         "statements"), "handover.sheets.emergency.groups[2].show", "'guidance' is shown twice"),
        (lambda d: _sheet(d)["trigger"].update(statement="what.55"), "handover.sheets.emergency.trigger",
         "'what.55' is not a statement id"),
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


# ---------------------------------------------------------------- the handout: a terminal view in a terminal


def in_a_terminal(*args: str) -> str:
    """Run fopinfo with its stdout a real terminal (a pty), 80 columns, no pager; what it printed."""
    import pty

    env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "FORCE_COLOR", "PAGER")}
    env.update({"SOURCE_DATE_EPOCH": EPOCH, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    master, slave = pty.openpty()
    process = subprocess.Popen([str(SCRIPT), *args], stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_the_handout_is_a_wrapped_terminal_view_in_a_terminal_and_markdown_in_a_pipe() -> None:
    shown = in_a_terminal("handout")
    assert shown.strip() and "## " not in shown and "**" not in shown and "\\_" not in shown
    assert all(len(line) <= 80 for line in shown.splitlines() if "://" not in line)  # wrapped; addresses whole
    piped = ok("handout")  # `fopinfo handout > fop.md` keeps giving Markdown
    assert piped.startswith("# ") and "\n## " in piped
    assert in_a_terminal("handout", "--markdown").startswith("# ")


# ---------------------------------------------------------------- narrow terminals, legends


def _drawn(args: list[str], columns: int, rich: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    """A card or sheet as the text view draws it at a width, on the plain canvas or Rich's."""
    import fopinfo.views.text as text_views
    from tests.test_plain_canvas import _invoke

    if rich:
        monkeypatch.setattr(text_views, "_unstyled", lambda color: False)
    env: dict[str, str | None] = {"COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    env |= {"SOURCE_DATE_EPOCH": EPOCH, "FOPINFO_DATA": None, "FORCE_COLOR": None}
    return _invoke(args, env)


@pytest.mark.parametrize("what", ["card", *AUDIENCES])
@pytest.mark.parametrize("columns", [40, 50, 60, 80, 100])
@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "filled"])
def test_every_line_fits_the_terminal_and_blanks_are_never_broken(
    what: str, columns: int, rich: bool, filled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    values = ["--name", "Ada Lovelace", "--note", "Penicillin, latex and adhesive tape"] if filled else []
    out = _drawn([*commands()[what], *values], columns, rich, monkeypatch)
    for line in out.splitlines():
        if line.strip().startswith("https://"):  # an address is printed whole, to open or copy
            continue
        assert len(line) <= columns, (columns, line)
        assert line.strip() != "_", (columns, out)  # no blank broken into a stray fragment
        if "_" in line:  # a blank is one run of underscores, at least MIN_BLANK long, ending the line
            blank = re.fullmatch(r"(.*?)(_+)", line)
            assert blank and len(blank[2]) >= 8 and "_" not in blank[1], (columns, line)
    labels = [label for _, label in FIELD_LABELS]
    assert all(f"{label}:" in out for label in labels)
    rows = [line for line in out.splitlines() if line.strip().startswith(tuple(labels))]
    blanks = sum(line.endswith("_") for line in out.splitlines())
    notes = 3 if what == "card" else 2
    assert len(rows) == len(labels) and blanks == (len(labels) - 1 + notes) - (2 + notes - 1 if filled else 0)


def test_at_80_columns_a_blank_is_24_underscores_beside_its_label() -> None:
    out = ok("card")
    assert "   Allergies, other notes: " + "_" * 24 + "\n" + " " * 27 + "_" * 24 + "\n" in out


@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
def test_a_label_with_no_room_beside_it_has_its_blanks_whole_under_it(
    rich: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fopinfo.views import wording
    from fopinfo.views.text import handover as text_handover

    long = "Allergies, other notes, and anything else the school should know"  # 64 cells: no room at 40
    monkeypatch.setattr(text_handover, "FIELD_LABELS", (*wording.FIELD_LABELS[:-1], ("note", long)))
    out = _drawn(["card"], 40, rich, monkeypatch)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("   Allergies"))
    label = " ".join(line.strip() for line in lines[at : at + 2])
    assert label == long + ":"  # the label alone, wrapped at words
    assert lines[at + 2 : at + 5] == ["   " + "_" * 24] * 3  # each of the card's 3 writing lines whole
    assert "_" not in lines[at] + lines[at + 1]


def _legend(out: str, fmt: str) -> str:
    from html import unescape

    flat = " ".join(unescape(re.sub(r"<[^>]+>", "", out)).replace("\\", "").split())
    start = flat.index("fopinfo's words: the heading" if "Wallet card" in flat or "card" in fmt else "Headings")
    return flat[start : flat.index("quoted from the source" if "Headings" in flat[start : start + 9] else "Quoted")]


@pytest.mark.parametrize("what", ["card", *AUDIENCES])
@pytest.mark.parametrize("fmt", PRINTED)
def test_the_legend_names_only_what_that_page_shows(what: str, fmt: str) -> None:
    """A legend never names a part the page does not have: the line on medicines, the reading pointers."""
    out = ok(*commands()[what], *PRINTED[fmt])
    doc = json.loads(ok(*commands()[what], "--json"))["card" if what == "card" else "sheet"]
    legend = _legend(out, "card" if what == "card" else fmt)
    prints_medicines = bool(doc["approved"]) and (
        what == "card" or any(g.get("show") == "medicines" for g in doc["groups"])
    )
    assert ("medicines" in legend) == prints_medicines, (what, fmt, legend)
    assert ("Medicines" in out or "As of December 2026" in out) == prints_medicines
    if what != "card":
        assert ("reading pointers" in legend) == bool(doc["guidance"]), (what, fmt, legend)
    else:  # the front's fine print names the card's own parts, never "this side"
        assert "this side" not in out and "the heading" in legend and "the field labels" in legend


def test_the_school_sheet_has_no_medicines_line_and_its_legend_names_none() -> None:
    for flags in PRINTED.values():
        out = " ".join(ok("handout", "--for", "school", *flags).split())
        assert "medicines are fopinfo's words" not in out and "the part on medicines" not in out
        assert "Headings and reading pointers are fopinfo's words." in out.replace("\\", "").replace("&#x27;", "'")


def test_without_notes_the_card_and_emergency_legends_leave_the_medicines_line_out(tmp_path: Path) -> None:
    without = mutated(tmp_path, lambda d: d.pop("developments"))
    for flags in PRINTED.values():
        card = " ".join(ok("card", *flags, data=without).split()).replace("&#x27;", "'")
        assert "fopinfo's words: the heading and the field labels." in card
        sheet = " ".join(ok("handout", "--for", "emergency", *flags, data=without).split()).replace("&#x27;", "'")
        assert "Headings and reading pointers are fopinfo's words." in sheet.replace("\\", "")

"""Issue 18: the notes of the December 2026 review, their kinds, the boxed-warning sentence, the
review log that `reviewed` rests on, schema 1 still loading, and the sheets' guidance pointers."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from fopinfo import query
from fopinfo.loading import load
from fopinfo.views.wording import standing_line
from tests.conftest import BUNDLED, REVIEWS, ROOT, Run, with_reviews

ORIGINAL: dict[str, Any] = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
LOG = ROOT / "docs" / "developments-review.md"
FORMATS = {"text": [], "markdown": ["--markdown"], "html": ["--html"], "json": ["--json"]}

# id: (kind, date, the record's address, the record's own date, what it bears on)
NEW_NOTES = {
    "usa-2026-garetosmab-label": (
        "listing",  # a label is published; no record seen shows an approval (content review)
        "2026-09-29",
        "https://api.fda.gov/drug/label.json?search=openfda.brand_name%3A%22Pasatru%22",
        "2026-09-29",
        ["management.1"],
    ),
    "usa-2026-zilurgisertib-listing": (
        "listing",
        "2026-09-25",
        "https://api.fda.gov/drug/ndc.json?search=packaging.package_ndc%3A%2279378-029-16%22",
        "2026-10-22",
        ["management.1"],
    ),
    "falkon-2025-fidrisertib-trial": (
        "trial-result",
        "2025-12-19",
        "https://checkorphan.org/news/ipsen-provides-update-on-phase-ii-falkon-trial-in-patients-with-ultra-rare-bone-disease-fibrodysplasia-ossificans-progressiva-fop",
        "2025-12-19",
        ["science.1"],
    ),
    "icc-2025-medical-guidelines": (
        "guideline",
        "2025-09-19",
        "https://doi.org/10.1093/jbmrpl/ziaf150",
        "2025-09-19",
        ["management.1"],
    ),
    "optima-2025-garetosmab-trial": (
        "trial-result",
        "2025-09-17",
        "https://www.telecomstoday.com/article/849884934-regeneron-announces-positive-phase-3-trial-in-adults-with-ultra-rare-genetic-disorder-fibrodysplasia-ossificans-progressiva-fop-demonstrating-that",
        "2025-09-17",
        ["science.1"],
    ),
    "usa-2025-palovarotene-label-change": (
        "label-change",
        "2025-03-13",
        "https://api.fda.gov/drug/drugsfda.json?search=application_number%3A%22NDA215559%22",
        "2026-07-14",
        ["management.1"],
    ),
    "genereviews-2024-fop": (
        "guideline",
        "2024-05-23",
        "https://https.ncbi.nlm.nih.gov/books/n/gene/fop",
        "2024-05-23",
        ["management.1", "genetic-test.1"],
    ),
    "usa-2023-palovarotene": (
        "approval",
        "2023-08",
        "https://dailymed.nlm.nih.gov/dailymed/medguide.cfm?setid=67dce406-7cc4-4d66-92de-ad18b6df0625",
        "2023-08",
        ["management.1"],
    ),
}
OLD_KINDS = {"canada-2022-palovarotene": "approval", "australia-2023-palovarotene": "approval"}
OLD_KINDS["eu-2023-sohonos-refused"] = "refusal"


def _flat(out: str) -> str:
    """What a reader sees, in any format: tags, Markdown escapes and line breaks gone."""
    from html import unescape

    # HTML tags go; a Markdown autolink (<https://…>) is not a tag: its address stays.
    return " ".join(unescape(re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^>]*)?>", "", out).replace("\\", "")).split())


def _notes(run: Run) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in json.loads(run("updates", "--json").stdout)["notes"]}


@pytest.mark.parametrize("note_id", NEW_NOTES)
def test_each_new_note_its_date_kind_record_and_what_it_bears_on(run: Run, note_id: str) -> None:
    kind, date, url, record_date, bears_on = NEW_NOTES[note_id]
    note = _notes(run)[note_id]
    assert (note["kind"], note["date"], note["reference"]["url"]) == (kind, date, url)
    assert (note["reference"]["date"], note["bears_on"], note["checked"]) == (record_date, bears_on, "2026-12-06")
    assert note["text"].endswith("Only an FOP specialist can say what applies to a person.")
    assert not re.search(r"\d+ ?%", note["text"] + note["title"] + note["reference"]["title"])  # no efficacy figures


def test_the_earlier_notes_have_kinds_and_the_approvals_name_their_medicine(run: Run) -> None:
    notes = _notes(run)
    for note_id, kind in OLD_KINDS.items():
        assert notes[note_id]["kind"] == kind
        assert notes[note_id]["medicine"] == "palovarotene (Sohonos)"


def test_what_the_records_do_not_show_the_notes_say(run: Run) -> None:
    notes = _notes(run)
    assert "shows no approval and no date of approval" in " ".join(notes["usa-2026-garetosmab-label"]["text"].split())
    listing = notes["usa-2026-zilurgisertib-listing"]["text"]
    assert "does not say what the medicine is for and does not mention FOP" in listing
    assert "does not say what changed" in notes["usa-2025-palovarotene-label-change"]["text"]
    assert notes["icc-2025-medical-guidelines"]["reference"]["doi"] == "10.1093/jbmrpl/ziaf150"
    assert "99" not in notes["optima-2025-garetosmab-trial"]["reference"]["title"]  # the real title's figure


def test_updates_are_newest_first_in_every_format(run: Run) -> None:
    ids = [n["id"] for n in json.loads(run("updates", "--json").stdout)["notes"]]
    dates = [_notes(run)[i]["date"] for i in ids]
    assert dates == sorted(dates, reverse=True)
    text = " ".join(run("updates").stdout.split())
    markdown = run("updates", "--markdown").stdout
    places = [text.index(f"note {i}") for i in ids]
    assert places == sorted(places)
    titles = [_notes(run)[i]["title"] for i in ids]  # printed pages carry no ids: the titles, in order
    places = [markdown.index(t.replace("(", "\\(").replace(")", "\\)")) if t not in markdown else markdown.index(t)
              for t in titles]  # fmt: skip
    assert places == sorted(places)


def test_every_note_is_labelled_by_kind_in_every_format(run: Run) -> None:
    text = " ".join(run("updates").stdout.split())
    assert "29 September 2026 · United States · listing" in text
    assert "25 September 2026 · United States · listing" in text
    assert "### 19 December 2025 · trial-result: Ipsen said" in _flat(run("handout", "--markdown").stdout)
    assert "The US FDA approved palovarotene (Sohonos) for FOP (approval)" in " ".join(
        run("topic", "management").stdout.split()
    )


def test_updates_open_with_which_medicines_stand_where(run: Run) -> None:
    line = (
        "Approval notes — palovarotene (Sohonos): Canada, United States, Australia. "
        "Refusal notes — palovarotene (Sohonos): European Union."
    )
    assert line in " ".join(run("updates").stdout.split())
    doc = json.loads(run("updates", "--json").stdout)
    assert doc["standing"][0] == {
        "kind": "approval",
        "medicine": "palovarotene (Sohonos)",
        "regions": ["Canada", "United States", "Australia"],
    }


BOXED = (
    "The US prescribing information of palovarotene (Sohonos) opens with a warning: the medicine can harm an "
    "unborn baby, and in children who are still growing it has made the growth plates of the bones close too "
    "early, which may not be reversible."
)


def test_the_boxed_warning_sentence_with_its_record_in_every_format(run: Run) -> None:
    note = _notes(run)["usa-2023-palovarotene"]
    assert note["warning"]["text"] == BOXED
    assert note["warning"]["reference"]["url"] == "https://sohonos.com/en-us/hcp"
    assert note["warning"]["reference"]["date"] is None  # the page shows none
    assert _notes(run)["usa-2026-garetosmab-label"]["warning"] is None  # none seen: none said
    for flags in FORMATS.values():
        for args in (["updates"] if "--html" not in flags else ["handout"],):
            out = run(*args, *flags).stdout
            flat = _flat(out)
            assert BOXED in flat, (args, flags)
            assert "Ipsen" in flat
        # A sheet says it in its one line on medicines (where the label has a boxed warning), then gives
        # fopinfo's sentence as written, with its record; the card points to that record.
        sheet = _flat(run("handout", "--for", "emergency", *flags).stdout)
        assert (
            "United States (a warning on its label there: see below)" in sheet and BOXED in sheet
        ) or '"boxed_warning": true' in sheet
        card = _flat(run("card", *flags).stdout)
        assert "United States (a warning on its label there, shown at" in card or '"boxed_warning": true' in card


def test_the_readme_sentence_about_approvals_is_the_notes(run: Run) -> None:
    """The README's sentence is generated from the notes' kinds: it cannot say less or more than they do."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    line = standing_line(query.updates(load(BUNDLED)).standing)
    assert line is not None and line in readme
    # Every such sentence in the README is that line, whole: none may say more (or older) than the notes.
    said = re.findall(r"Approval notes — .*?(?=\. [A-Z][a-z]+ [a-z]|$)", readme.replace(line, ""))
    assert not [s for s in said if "Refusal notes" in s or ";" in s], said
    assert "Later developments checked: December 2026" in readme
    assert "A medicine for FOP has since been approved in some countries" not in readme


def _write(tmp_path: Path, data: dict[str, Any], name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _with_log(tmp_path: Path, data: dict[str, Any]) -> Path:
    shutil.copy(LOG, tmp_path / "developments-review.md")
    return _write(tmp_path, data)


def test_check_refuses_a_note_without_a_kind(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    del data["developments"]["notes"][2]["kind"]
    result = run("check", str(_with_log(tmp_path, data)))
    assert result.exit_code == 3
    assert "developments.notes[2]: missing key 'kind'" in result.stdout


def test_check_refuses_a_kind_not_in_the_closed_list(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    data["developments"]["notes"][0]["kind"] = "news"
    result = run("check", str(_with_log(tmp_path, data)))
    assert result.exit_code == 3
    assert "developments.notes[0].kind: must be one of approval, refusal, label-change" in result.stdout


def test_check_refuses_a_reviewed_month_past_the_log(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    data["developments"]["reviewed"] = "2027-01"
    result = run("check", str(_with_log(tmp_path, data)))
    assert result.exit_code == 3
    line = next(x for x in result.stdout.splitlines() if "developments.reviewed" in x)
    assert re.match(r"line \d+: developments\.reviewed: 2027-01 is later than the last entry of the review log", line)
    assert "(2026-12-06)" in line
    assert run("check", "--json", str(tmp_path / "facts.yaml")).exit_code == 3


def test_the_bundled_reviewed_month_is_the_log_s_last_entry(run: Run) -> None:
    from fopinfo import review_log

    last = review_log.last_entry(LOG.read_text(encoding="utf-8"))
    assert last == "2026-12-06"
    assert load(BUNDLED).developments.reviewed == last[:7]  # type: ignore[union-attr]
    assert review_log.find(BUNDLED) == LOG
    assert run("check").exit_code == 0


def test_every_search_in_the_log_is_dated_and_numbered() -> None:
    rows = re.findall(
        r"^\| (\d{4}-\d{2}-\d{2}) \| (\d+) \| (docs|pages|issues|find_string) \|", LOG.read_text("utf-8"), re.M
    )
    assert [int(n) for _, n, _ in rows] == list(range(1, len(rows) + 1))
    assert len(rows) >= 65


def test_a_file_without_a_log_is_checked_and_says_so(run: Run, tmp_path: Path) -> None:
    result = run("check", str(with_reviews(_write(tmp_path, ORIGINAL))))
    assert result.exit_code == 0
    assert "note: no review log found (looked for" in " ".join(result.stdout.split())
    doc = json.loads(run("check", "--json", str(tmp_path / "facts.yaml")).stdout)
    assert doc["notices"] and doc["notices"][0].startswith("no review log found")


def test_a_schema_1_file_still_loads_its_notes_unclassified(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    data["schema"] = 1
    for note in data["developments"]["notes"]:
        del note["kind"]
    data.pop("people_words")  # a schema-2 part, as are left-out reasons: a schema-1 file has neither
    data["origin"]["left_out"] = [e["line"] for e in data["origin"]["left_out"]]
    path = _with_log(tmp_path, data)
    result = run("check", str(path))
    assert result.exit_code == 3  # it loads, but nothing in it is reviewed (issue 20): said, never hidden
    flat = " ".join(result.stdout.split())
    assert "To migrate, write 'schema: 2' and give every note a kind: approval, refusal" in flat
    notes = json.loads(run("--data", str(path), "updates", "--json").stdout)["notes"]
    assert {n["kind"] for n in notes} == {"unclassified"}
    assert "· unclassified" in run("--data", str(path), "updates").stdout
    assert json.loads(run("--data", str(path), "updates", "--json").stdout)["standing"] == []


def test_check_refuses_a_guidance_pointer_without_a_record(run: Run, tmp_path: Path) -> None:
    data = copy.deepcopy(ORIGINAL)
    del data["guidance"][1]["url"]
    result = run("check", str(_with_log(tmp_path, data)))
    assert result.exit_code == 3
    assert "guidance[1]: missing key 'url'" in result.stdout
    data["guidance"][1]["url"] = None
    result = run("check", str(_with_log(tmp_path, data)))
    assert "guidance[1].url: a pointer needs the address of its record, not null" in result.stdout


def test_kinds_warnings_and_pointers_are_bound_to_review_records(run: Run, tmp_path: Path) -> None:
    records = yaml.safe_load(REVIEWS.read_text(encoding="utf-8"))["records"]
    content = {r["key"]: r["content"] for r in records}
    for note in ORIGINAL["developments"]["notes"]:
        assert content[f"note/{note['id']}"]["kind"] == note["kind"]
    assert content["note/usa-2023-palovarotene"]["warning"]["text"]
    for pointer in ORIGINAL["guidance"]:
        assert content[f"guidance/{pointer['id']}"]["covers"] == " ".join(pointer["covers"].split())
    # A changed kind or pointer fails check, named, until a person reviews it again.
    data = copy.deepcopy(ORIGINAL)
    data["developments"]["notes"][0]["kind"] = "listing"
    data["guidance"][0]["covers"] = "airway and intubation"
    result = run("check", str(with_reviews(_with_log(tmp_path, data))))
    assert result.exit_code == 3
    assert "developments.notes[0]: changed since its review record" in result.stdout
    assert "guidance[0]: changed since its review record" in result.stdout


POINTERS = {
    "emergency": ["icc-emergency-summary", "ifopa-emergency-information"],
    "dentist": ["luchetti-1996-jaw", "spec-care-dentist-2007", "ifopa-emergency-information"],
    "school": ["ifopa-fop-and-school"],
}


@pytest.mark.parametrize("audience", POINTERS)
def test_sheets_carry_their_guidance_pointers_in_every_format(run: Run, audience: str) -> None:
    pointers = {p["id"]: p for p in ORIGINAL["guidance"]}
    doc = json.loads(run("handout", "--for", audience, "--json").stdout)["sheet"]
    assert [g["id"] for g in doc["guidance"]] == POINTERS[audience]
    assert all(g["by"] == "fopinfo" for g in doc["guidance"])
    for fmt, flags in FORMATS.items():
        if fmt == "json":
            continue
        out = run("handout", "--for", audience, *flags).stdout
        flat = _flat(out)
        heading = next(
            g["heading"] for g in ORIGINAL["handover"]["sheets"][audience]["groups"] if g.get("show") == "guidance"
        )
        assert heading in flat and "†" not in flat
        # the legend line, naming the part on medicines only where the sheet has one
        medicines = "" if audience == "school" else " and the part on medicines"
        shown = f"Headings{',' if medicines else ' and'} reading pointers{medicines} are fopinfo's words"
        assert shown in flat
        for pointer_id in POINTERS[audience]:
            p = pointers[pointer_id]
            assert " ".join(p["title"].split()) in flat and p["url"] in out, (fmt, pointer_id)
        # near the top: before the source's statements on what FOP is
        assert flat.index(heading) < flat.index("Fibrodysplasia Ossificans Progressiva or FOP")
        if audience != "school":
            assert "no date shown" in flat
    dentist = " ".join(run("handout", "--for", "dentist").stdout.split())
    if audience == "dentist":
        assert "Study: “Severe restriction" in dentist and "Case report: “Oral management" in dentist


def test_the_sheets_link_only_their_pointers_and_load_nothing(run: Run) -> None:
    html = run("handout", "--for", "emergency", "--html").stdout
    own = [p["url"] for p in ORIGINAL["guidance"] if "emergency" in p["for"]]
    # links to the pointers, and to the record showing a label's warning (after the line on medicines)
    warned = [n["warning"]["reference"]["url"] for n in ORIGINAL["developments"]["notes"] if n.get("warning")]
    assert re.findall(r'<a href="([^"]*)">', html) == own + warned and "src=" not in html

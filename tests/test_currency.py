"""Currency: the source's age, fopinfo's dated notes on later developments, and their checks."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
import yaml

from fopinfo.loading import load
from fopinfo.model import KINDS
from fopinfo.views.wording import age, developments_line
from tests.conftest import BUNDLED, Run

NOTE_IDS = [  # newest first
    "usa-2026-garetosmab-label",
    "usa-2026-zilurgisertib-listing",
    "falkon-2025-fidrisertib-trial",
    "icc-2025-medical-guidelines",
    "optima-2025-garetosmab-trial",
    "usa-2025-palovarotene-label-change",
    "genereviews-2024-fop",
    "australia-2023-palovarotene",
    "usa-2023-palovarotene",
    "eu-2023-sohonos-refused",
    "canada-2022-palovarotene",
]
# The notes shown after management.1, newest first.
ON_MANAGEMENT = [i for i in NOTE_IDS if i not in ("falkon-2025-fidrisertib-trial", "optima-2025-garetosmab-trial")]


def epoch(day: str) -> str:
    moment = datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.timezone.utc)
    return str(int(moment.timestamp()))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2020-12-31", "less than a year ago"),
        ("2021-11-30", "less than a year ago"),
        ("2021-12-01", "1 year ago"),
        ("2022-06-15", "1 year ago"),
        ("2025-12-01", "5 years ago"),
        ("2026-11-25", "5 years ago"),
    ],
)
def test_age_wording(today: str, expected: str) -> None:
    assert age("2020-12", datetime.date.fromisoformat(today)) == expected


def test_age_follows_source_date_epoch_in_every_format(run: Run) -> None:
    env = {"SOURCE_DATE_EPOCH": epoch("2021-12-02")}
    shown = "December 2020 — 1 year ago as of 2 December 2021."
    assert shown in " ".join(run("facts", env=env).stdout.split())
    assert shown in run("facts", "--markdown", env=env).stdout
    assert shown in run("handout", "--html", env=env).stdout
    origin = json.loads(run("facts", "--json", env=env).stdout)["origin"]
    assert (origin["age_years"], origin["age"], origin["today"]) == (1, "1 year ago", "2021-12-02")


def test_a_bad_source_date_epoch_is_a_usage_error(run: Run) -> None:
    result = run("facts", env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: SOURCE_DATE_EPOCH must be a whole number of seconds")


def test_reviewed_more_than_a_year_ago_warns(run: Run) -> None:
    k = load(BUNDLED)
    fresh = developments_line(k, datetime.date(2027, 11, 30))
    assert fresh is not None and "more than a year ago" not in fresh
    stale = developments_line(k, datetime.date(2027, 12, 1))
    assert stale == (
        "Later developments checked: December 2026 — more than a year ago: newer developments may be missing. "
        "11 notes by fopinfo, not the source, and not a complete list: 'fopinfo updates'."
    )
    result = run("topics", "--json", env={"SOURCE_DATE_EPOCH": epoch("2028-01-01")})
    assert json.loads(result.stdout)["developments"] == {"reviewed": "2026-12", "stale": True, "notes": 11}
    text = run("facts", env={"SOURCE_DATE_EPOCH": epoch("2028-01-01")}).stdout
    assert "— more than a year ago: newer developments may be missing." in " ".join(text.split())


def test_the_first_notes_their_dates_and_references(run: Run) -> None:
    doc = json.loads(run("updates", "--json").stdout)
    notes = {n["id"]: n for n in doc["notes"]}
    assert [n["id"] for n in doc["notes"]] == NOTE_IDS  # newest first
    assert (notes["canada-2022-palovarotene"]["date"], notes["canada-2022-palovarotene"]["region"]) == (
        "2022-01-24",
        "Canada",
    )
    assert notes["eu-2023-sohonos-refused"]["date"] == "2023-07-17"
    assert (
        notes["eu-2023-sohonos-refused"]["reference"]["url"]
        == "https://www.ema.europa.eu/en/medicines/human/EPAR/sohonos"
    )
    assert notes["canada-2022-palovarotene"]["reference"]["publisher"] == "Ipsen"
    for note in doc["notes"]:
        assert note["by"] == "fopinfo"
        assert note["checked"] in ("2026-11-25", "2026-12-06")
        assert note["kind"] in KINDS
        assert note["text"].endswith("Only an FOP specialist can say what applies to a person.")
        assert not re.search(r"\[\d", note["text"])  # never with the source's markers


def test_notes_follow_the_statement_they_bear_on_and_leave_it_unchanged(run: Run) -> None:
    plain = " ".join(run("topic", "management").stdout.split())
    lead = "There is currently no cure for FOP and management is primarily focused on: [9]"
    last_aim = "• optimizing existing physical function"
    pointer = "» Since this source (fopinfo's note, not the source's): August 2023, United States"
    assert plain.index(lead) < plain.index(last_aim) < plain.index(pointer)
    statement = json.loads(run("topic", "management", "--json").stdout)["topic"]["statements"][0]
    source = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sections"][2]["statements"][0]
    assert (
        (statement["text"], statement["cites"])
        == (source["text"], source["cites"])
        == (
            "There is currently no cure for FOP and management is primarily focused on:",
            [9],
        )
    )
    assert statement["notes"] == ON_MANAGEMENT
    for args in (["cite", "9"], ["search", "no cure"]):
        assert "Since this source (fopinfo's note, not the source's)" in run(*args).stdout
    assert "*Since this source (fopinfo's note, not the source's)" in run("handout").stdout
    assert "## Since this source was published" in run("handout").stdout


def test_search_finds_notes_labelled_as_notes(run: Run) -> None:
    out = run("search", "palovarotene").stdout
    flat = " ".join(out.split())
    assert "— fopinfo's note, not the source's, 24 January 2022; Reference: Ipsen, “Health Canada approves" in flat
    assert "(canada-2022-palovarotene)" in flat
    doc = json.loads(run("search", "palovarotene", "--json").stdout)
    assert {r["kind"] for r in doc["results"]} == {"note"}


def _mutated(tmp_path: Path, change: object) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    assert callable(change)
    change(data["developments"]["notes"][0])
    path = tmp_path / "notes.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda n: n.pop("date"), "developments.notes[0]: missing key 'date'"),
        (lambda n: n.pop("checked"), "developments.notes[0]: missing key 'checked'"),
        (lambda n: n.pop("text"), "developments.notes[0]: missing key 'text'"),
        (
            lambda n: n["reference"].update(url=None),
            "developments.notes[0].reference.url: a note's reference needs a URL or a DOI",
        ),
        (
            lambda n: n.update(date="2019-05-01"),
            "developments.notes[0].date: 2019-05-01 is before the source's date (2020-12): not a later development",
        ),
        (
            lambda n: n.update(bears_on=["management.9"]),
            "developments.notes[0].bears_on[0]: 'management.9' is not a statement or section id",
        ),
        (lambda n: n.update(date="2022-13-01"), "developments.notes[0].date: is not a real date: 2022-13-01"),
        (
            lambda n: n.update(checked="2021-01-01"),
            "developments.notes[0].checked: 2021-01-01 is before the event it checks (2022-01-24)",
        ),
    ],
)
def test_bad_notes_are_named_by_path_exit_3(run: Run, tmp_path: Path, change: object, expected: str) -> None:
    result = run("check", str(_mutated(tmp_path, change)))
    assert result.exit_code == 3
    assert any(line.endswith(expected) for line in result.stdout.splitlines()), result.stdout

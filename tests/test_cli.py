"""Every command and every error path, through the CLI as a user runs it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from fopinfo import __version__
from tests.conftest import BUNDLED, ROOT, SOURCE, Result, Run, with_reviews

DISCLAIMER = (
    "fopinfo: not medical advice. The source: “Please always consult a healthcare professional if you require "
    "healthcare advice or if you have any specific concerns regarding Fibrodysplasia Ossificans Progressiva. "
    "The information provided here is not intended to replace professional advice.”"
)
ORIGIN = (
    "Source: “What is FOP?”, Ipsen, reference NON-US-001996, December 2020 — 5 years ago as of 25 November 2026. "
    "Markers like [1,4] are its reference numbers (its list of references is not reproduced)."
)
LATER = (
    "Later developments checked: December 2026. 11 notes by fopinfo, not the source, "
    "and not a complete list: 'fopinfo updates'."
)
ANSI = re.compile(r"\x1b\[")

CONTENT_COMMANDS = [
    ["facts"],
    ["topic", "causes"],
    ["topic", "inheritance"],
    ["cite", "7"],
    ["sources"],
    ["search", "bone"],
    ["define", "HO"],
    ["define", "flare-up"],
]
ALL_COMMANDS = [*CONTENT_COMMANDS, ["topics"], ["check"], []]


def ends_with_origin_and_disclaimer(result: Result) -> bool:
    footer = result.stdout.rsplit("\n\nSource:", 1)[-1]  # wrapped at words: compare the words
    return " ".join(("Source:" + footer).split()) == " ".join([ORIGIN, LATER, DISCLAIMER])


@pytest.mark.parametrize("args", CONTENT_COMMANDS, ids=" ".join)
def test_content_views_end_with_origin_and_disclaimer(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result
    assert ends_with_origin_and_disclaimer(result)
    assert result.stderr == ""


@pytest.mark.parametrize("args", ALL_COMMANDS, ids=lambda a: " ".join(a) or "(none)")
def test_json_parses_for_every_command_after_and_before(run: Run, args: list[str]) -> None:
    after = run(*args, "--json")
    before = run("--json", *args)
    assert after.exit_code == before.exit_code == 0
    assert json.loads(after.stdout) == json.loads(before.stdout)


@pytest.mark.parametrize("args", ALL_COMMANDS, ids=lambda a: " ".join(a) or "(none)")
def test_no_escape_codes_when_not_a_terminal_or_no_color(run: Run, args: list[str]) -> None:
    assert not ANSI.search(run(*args).stdout)
    assert not ANSI.search(run(*args, env={"NO_COLOR": "1", "FORCE_COLOR": ""}).stdout)


def test_force_color_styles_markers(run: Run) -> None:
    assert ANSI.search(run("cite", "7", env={"FORCE_COLOR": "1"}).stdout)


def test_facts_are_numbered_with_markers(run: Run) -> None:
    out = run("facts").stdout
    headlines = re.findall(r"^ ?(\d+)\. (.+)$", out, re.MULTILINE)
    assert [int(n) for n, _ in headlines] == list(range(1, 11))
    assert headlines[0][1] == "FOP is ultra-rare"
    # every fact's statements start under its headline's first letter, fact 10's too
    assert "\n 1. FOP is ultra-rare\n    Only around one or two people per million have the condition. [1]\n" in out
    assert "\n10. There is a growing FOP community\n    In 2019" in out
    assert "affects patients. [7,13,14]" in out.replace("\n    ", " ")


def test_facts_json_shape(run: Run) -> None:
    doc = json.loads(run("facts", "--json").stdout)
    assert [f["number"] for f in doc["facts"]] == list(range(1, 11))
    first = doc["facts"][0]["statements"][0]
    assert first == {
        "id": "ultra-rare.1",
        "text": "Only around one or two people per million have the condition.",
        "quote": "Only around one or two people per million have the condition.",
        "cites": [1],
        "subjects": ["frequency"],
        "section": "facts",
        "fact": "ultra-rare",
        "aim": False,
        "notes": [],
        "items": [],
    }
    assert doc["origin"]["reference"] == "NON-US-001996"
    assert doc["origin"]["date"] == "2020-12"
    assert (doc["origin"]["age_years"], doc["origin"]["age"]) == (5, "5 years ago")
    assert doc["developments"] == {"reviewed": "2026-12", "stale": False, "notes": 11}


def test_topics_lists_sections_aliases_and_subjects(run: Run) -> None:
    out = run("topics").stdout
    assert "  management   How is FOP managed?  (also: managed, treatment, care)\n" in out
    assert "  inheritance  Inheritance and genetics\n" in out


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("what", "What is FOP?"),
        ("causes", "What Causes FOP?"),
        ("cause", "What Causes FOP?"),
        ("CAUSES", "What Causes FOP?"),
        ("management", "How is FOP managed?"),
        ("managed", "How is FOP managed?"),
        ("treatment", "How is FOP managed?"),
        ("treat", "How is FOP managed?"),
        ("how is fop managed?", "How is FOP managed?"),
        ("facts", "FOP Facts"),
        ("discovery", "Discovery of the FOP gene"),
    ],
)
def test_topic_names(run: Run, name: str, title: str) -> None:
    result = run("topic", name)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == title


def test_topic_section_in_full(run: Run) -> None:
    out = run("topic", "management").stdout
    assert out.startswith(
        "How is FOP managed?\n\n"
        "There is currently no cure for FOP and management is primarily focused on: [9]\n"
        "   • careful avoidance of activities or procedures that might cause injury or\n"
    )
    # A lead and its list: marker 9 is printed once, after the lead, as the source prints it.
    assert "   • optimizing existing physical function\n" in out
    assert out.count("[9]") == 1
    assert "The source links to (not included): Learn more about preventing FOP flare-ups\n" in out


@pytest.mark.parametrize(
    ("subject", "ids"),
    [
        ("frequency", ["what.1", "ultra-rare.1", "ultra-rare.2", "single-gene.1", "anyone.1"]),
        ("triggers", ["what.5", "what.6", "irreversible.2"]),
        ("managing", ["management.1", "care-team.1"]),
        ("community", ["care-team.1", "growing-community.1"]),
    ],
)
def test_subjects_gather_statements_from_every_section(run: Run, subject: str, ids: list[str]) -> None:
    doc = json.loads(run("topic", subject, "--json").stdout)["topic"]
    assert doc["kind"] == "subject"
    assert [s["id"] for s in doc["statements"]] == ids
    text = run("topic", subject).stdout
    assert "fopinfo's subject tags (an editorial aid, not the source's)" in text.replace("\n", " ")


def test_unknown_topic(run: Run) -> None:
    result = run("topic", "causs")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: no topic named 'causs'",
        "  did you mean: causes, cause?",
        "  topics: what, causes, management, discovery, facts, frequency, inheritance, diagnosis, symptoms, "
        "triggers, community, managing",
    ]


def test_ambiguous_topic_prefix(run: Run) -> None:
    result = run("topic", "c")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "Error: 'c' matches more than one topic",
        "  did you mean: care, causes, community?",
    ]


def test_cite_7(run: Run) -> None:
    result = run("cite", "7")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Source 7",
        "   Numbered by the source; the copy fopinfo uses does not reproduce it.",
        "",
        "Cited by 4 statements",
    ]
    doc = json.loads(run("cite", "7", "--json").stdout)
    assert doc["source"] == {"number": 7, "text": None, "reproduced": False}
    assert [s["id"] for s in doc["statements"]] == ["causes.4", "single-gene.1", "single-gene.2", "science.1"]


def test_cite_6_is_the_2006_call_out(run: Run) -> None:
    doc = json.loads(run("cite", "6", "--json").stdout)
    assert [s["text"] for s in doc["statements"]] == [
        "Researchers discovered the gene responsible for extra bone formation in FOP in 2006"
    ]  # as the source prints it: no full stop


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("16", "Error: there is no source 16; this knowledge file numbers its sources 1–15"),
        ("0", "Error: there is no source 0; this knowledge file numbers its sources 1–15"),
        ("-1", "Error: '-1' is not a source number; this knowledge file numbers its sources 1–15"),
        ("7.0", "Error: '7.0' is not a source number; this knowledge file numbers its sources 1–15"),
        ("seven", "Error: 'seven' is not a source number; this knowledge file numbers its sources 1–15"),
        ("٧", "Error: '٧' is not a source number; this knowledge file numbers its sources 1–15"),
    ],
)
def test_cite_bad_numbers(run: Run, arg: str, message: str) -> None:
    result = run("cite", "--", arg)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message


def test_sources(run: Run) -> None:
    out = run("sources").stdout.splitlines()
    assert out[:3] == [
        "Sources (15)",
        "   [1]  cited by 7 statements  not reproduced in the copy",
        "   [2]  cited by 1 statement   not reproduced in the copy",
    ]
    doc = json.loads(run("sources", "--json").stdout)
    assert {s["number"]: s["cited_by"] for s in doc["sources"]} == {
        1: 7,
        2: 1,
        3: 2,
        4: 3,
        5: 2,
        6: 1,
        7: 4,
        8: 1,
        9: 2,
        10: 1,
        11: 1,
        12: 1,
        13: 3,
        14: 3,
        15: 1,
    }


def test_search_limits_and_counts(run: Run) -> None:
    result = run("search", "BONE", "--limit", "2")
    assert result.exit_code == 0
    assert result.stdout.startswith("19 matches for “BONE”, best first\n")
    assert "17 more not shown; use --limit 0 to see all.\n" in result.stdout
    doc = json.loads(run("search", "bone", "--limit", "0", "--json").stdout)
    assert (doc["total"], doc["shown"]) == (19, 19)
    scores = [r["score"] for r in doc["results"]]
    assert scores[0] >= scores[-1] > 0  # ranked, best first
    # A term's name above body text: "Bone Morphogenetic Proteins", then the headline "…normal bone…".
    assert (doc["results"][0]["kind"], doc["results"][0]["id"]) == ("term", "bmps")
    assert ("headline", "normal-bone") in [(r["kind"], r["id"]) for r in doc["results"][:4]]


def test_search_covers_headlines_and_glossary(run: Run) -> None:
    doc = json.loads(run("search", "morphogenetic", "--json").stdout)
    assert [(r["kind"], r["id"]) for r in doc["results"]] == [("term", "bmps"), ("statement", "causes.2")]
    doc = json.loads(run("search", "misdiagnosed", "--json").stdout)
    assert [(r["kind"], r["id"]) for r in doc["results"]] == [
        ("headline", "misdiagnosis"),
        ("statement", "misdiagnosis.1"),
    ]


def test_search_nothing_found_and_empty(run: Run) -> None:
    none = run("search", "xylophone")
    assert none.exit_code == 1
    assert none.stderr.splitlines()[:2] == [
        "Error: the source does not mention 'xylophone'",
        "  See what the source covers: fopinfo topics",
    ]
    empty = run("search", "  ")
    assert (empty.exit_code, empty.stderr.splitlines()[0]) == (2, "Error: the search query is empty")
    negative = run("search", "bone", "--limit", "-1")
    assert negative.exit_code == 2


@pytest.mark.parametrize(
    ("name", "term"), [("ho", "Heterotopic Ossification"), ("alk", "ALK2/ACVR1"), ("IFOPA", "IFOPA")]
)
def test_define(run: Run, name: str, term: str) -> None:
    doc = json.loads(run("define", name, "--json").stdout)
    assert doc["term"]["term"] == term
    assert doc["term"]["explained"] is True


def test_define_unexplained_term_lists_where_it_is_used(run: Run) -> None:
    result = run("define", "flare-up")
    assert "   The source uses this term but does not explain it.\n" in result.stdout
    assert "Where the source uses it (6)\n" in result.stdout
    doc = json.loads(run("define", "flare-u", "--json").stdout)["term"]
    assert doc["definition"] is None
    assert doc["used_in"] == [
        "what.6",
        "causes.5",
        "management.1",
        "normal-bone.1",
        "genetic-test.1",
        "irreversible.2",
    ]


def test_define_takes_a_term_typed_unquoted(run: Run) -> None:
    """`define hallux valgus` was "Got unexpected extra argument(s) (valgus)"; search took the same words."""
    assert run("define", "hallux", "valgus").stdout == run("define", "hallux valgus").stdout
    unquoted = run("define", "spontaneous", "genetic", "mutation", "--json")
    assert json.loads(unquoted.stdout)["term"]["id"] == "spontaneous-mutation"
    assert run("define", "no", "such", "term").stderr.splitlines()[0] == "Error: no term named 'no such term'"


def test_spontaneous_mutation_is_not_defined_with_the_sources_sentence(run: Run) -> None:
    """The source never says what a spontaneous mutation is; its sentence about it was shown as
    "In fopinfo's words" (a new-user trial): now it is listed where the source uses it."""
    doc = json.loads(run("define", "spontaneous mutation", "--json").stdout)["term"]
    assert (doc["definition"], doc["explained"], doc["used_in"]) == (None, False, ["causes.4", "anyone.2"])


def test_define_unknown(run: Run) -> None:
    result = run("define", "bunyon")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == ["Error: no term named 'bunyon'", "  did you mean: bunion, bunions?"]


def test_check_bundled(run: Run) -> None:
    result = run("check")
    assert result.exit_code == 0
    summary, *notices = result.stdout.splitlines()
    assert summary == f"{BUNDLED}: OK — 5 sections, 10 facts, 28 statements, 15 sources, 10 terms, 11 notes"
    # Said, never hidden: the shipped review records are an AI agent's, awaiting a person.
    assert [n for n in notices if "made by an AI agent and await a person's sign-off" in n]


def test_check_reports_every_problem(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (
        BUNDLED.read_text(encoding="utf-8").replace("cites: [6]", "cites: [6, 16]").replace("id: what.2", "id: what.1")
    )
    bad.write_text(text, encoding="utf-8")
    result = run("check", str(bad))
    assert result.exit_code == 3
    assert result.stderr == f"Error: {bad}: 2 problem(s) found\n"
    assert [re.sub(r"^line \d+: ", "", line) for line in result.stdout.splitlines()] == [
        "sections[0].statements[1].id: duplicate statement id 'what.1'",
        "sections[3].statements[0].cites[1]: source 16 is not defined",
    ]
    doc = json.loads(run("check", str(bad), "--json").stdout)
    assert doc["ok"] is False and len(doc["problems"]) == 2


def test_data_option_and_environment_variable(run: Run, tmp_path: Path) -> None:
    translated = tmp_path / "fr.yaml"
    translated.write_text(
        BUNDLED.read_text(encoding="utf-8").replace("title: FOP Facts", "title: Faits sur la FOP"), encoding="utf-8"
    )
    assert run("--data", str(translated), "topic", "facts").stdout.startswith("Faits sur la FOP\n")
    assert run("topic", "facts", env={"FOPINFO_DATA": str(translated)}).stdout.startswith("Faits sur la FOP\n")
    with_reviews(translated)  # a translated title is an editorial change: check names it until it is reviewed
    shutil.copy(ROOT / "docs" / "developments-review.md", tmp_path)  # the log its reviewed month rests on
    checked = run("check", env={"FOPINFO_DATA": str(translated)})
    assert checked.exit_code == 3
    lines = [line for line in checked.stdout.splitlines() if not line.startswith("note: ")]
    assert [line.split(": ")[0] for line in lines[:-1]] == [f"line {_line_of(translated)}"]
    assert "sections[4]: changed since its review record" in checked.stdout
    assert lines[-1].startswith(f"{translated}: valid, not reviewed")


def _line_of(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line == "  - id: facts")


@pytest.mark.parametrize("args", [["facts"], ["cite", "7"], ["check"], []], ids=lambda a: " ".join(a) or "(none)")
def test_bad_data_file_is_one_line_exit_3(run: Run, tmp_path: Path, args: list[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("sections: [\n", encoding="utf-8")
    result = run("--data", str(broken), *args)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: knowledge file {broken} is not valid YAML at line 2, column 1")
    assert len(result.stderr.splitlines()) == 1


def test_missing_data_file(run: Run, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "none.yaml"), "facts")
    assert (result.exit_code, result.stderr) == (
        3,
        f"Error: knowledge file {tmp_path / 'none.yaml'} (from --data) does not exist\n",
    )


def test_no_arguments_is_an_overview_not_an_error(run: Run) -> None:
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith(f"fopinfo {__version__} — a sourced, offline reference")
    assert "  causes       What Causes FOP?" in result.stdout
    assert "  cite        Source N and every statement that cites it.\n" in result.stdout
    assert ends_with_origin_and_disclaimer(result)


def test_version_and_help(run: Run) -> None:
    assert run("--version").stdout == f"fopinfo {__version__}\n"
    for command in ("facts", "topics", "topic", "cite", "sources", "search", "define", "handout", "check"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert result.stdout.startswith(f"Usage: fopinfo {command} [OPTIONS]")


def test_unknown_command_and_option(run: Run) -> None:
    result = run("fcts")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == ["Error: No such command 'fcts'", "  Did you mean: fopinfo facts"]
    result = run("facts", "--jsn")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith("Error: No such option: --jsn")


def test_quote_shows_the_source_words_under_each_statement(run: Run) -> None:
    out = run("cite", "8", "--quote").stdout
    assert out.splitlines()[4:9] == [
        "   FOP is a congenital genetic condition which means that it is present at",
        "   birth. However, the diagnosis will often not be made until much later in",
        "   childhood when a flare-up arouses suspicion. [8]",
        "      “FOP is a congenital genetic condition which means that it is present at",
        "      birth. However, the diagnosis will often not be made until much later in",
    ]
    assert "“" not in run("cite", "8").stdout.split("Source:")[0]


def test_shown_text_keeps_the_sources_punctuation(run: Run) -> None:
    out = " ".join(run("topic", "causes", "--quote").stdout.split())
    assert "Proteins (BMPs). And through this interaction, normal bone is formed. (uncited)" in out
    assert "Proteins (BMPs). And through this interaction, normal bone is formed.” (uncited)" in out


NOTES_NEWEST_FIRST = [
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


def test_check_source_proves_the_bundled_file(run: Run) -> None:
    result = run("check", str(BUNDLED), "--source", str(SOURCE))
    assert result.exit_code == 0, result
    assert [line for line in result.stdout.splitlines()[1:] if not line.startswith("note: ")] == [
        "provenance: faithful to the bundled source text",  # the fixture is the bundled file
        "coverage: 78/78 source sentences",
        "notes: 11 notes by fopinfo, not from the source, so not proven against it (checked to carry none of its "
        "markers or sentences, and bound to review records; each rests on its own record): "
        + ", ".join(NOTES_NEWEST_FIRST),
        "review: 0 editorial element(s) to sign off (list them with --review)",
    ]
    doc = json.loads(run("check", "--source", str(SOURCE), "--json").stdout)
    assert doc["provenance"]["outside_proof"] == {"notes": NOTES_NEWEST_FIRST}
    assert doc["ok"] is True
    assert doc["provenance"]["coverage"] == {"covered": 78, "sentences": 78}
    assert doc["provenance"]["findings"] == []


def test_check_source_catches_an_altered_figure(run: Run, tmp_path: Path) -> None:
    altered = with_reviews(tmp_path / "altered.yaml")
    text = BUNDLED.read_text(encoding="utf-8")
    altered.write_text(text.replace("text: Only around one or two people", "text: Only around one or three people"))
    result = run("check", str(altered), "--source", str(SOURCE))
    assert result.exit_code == 3
    line = next(n for n, text in enumerate(altered.read_text().splitlines(), 1) if "one or three" in text)
    finding = "says 'three' where the source says 'two'"
    assert f"line {line}: sections[4].facts[0].statements[0].text: {finding}" in result.stdout
    assert result.stderr == f"Error: {altered}: 1 problem(s) against the bundled source text\n"


def test_check_source_missing(run: Run, tmp_path: Path) -> None:
    result = run("check", "--source", str(tmp_path / "gone.txt"))
    assert (result.exit_code, result.stderr) == (3, f"Error: source file {tmp_path / 'gone.txt'} does not exist\n")


def _edited(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _year_2007(d: dict[str, Any]) -> None:
    d["sections"][3]["statements"][0]["text"] = d["sections"][3]["statements"][0]["text"].replace("2006", "2007")


def _quote_word(d: dict[str, Any]) -> None:
    d["sections"][0]["statements"][2]["quote"] = d["sections"][0]["statements"][2]["quote"].replace("ribbons", "strips")


def _moved_marker(d: dict[str, Any]) -> None:
    d["sections"][0]["statements"][3]["cites"] = [5]


def _dropped(d: dict[str, Any]) -> None:
    del d["sections"][4]["facts"][6]["statements"][0]
    d.pop("handover", None)  # the card chooses this statement: check would name that first


@pytest.mark.parametrize(
    ("edit", "finding"),
    [
        (_year_2007, "sections[3].statements[0].text: says '2007' where the source says '2006'"),
        (_quote_word, "sections[0].statements[2].quote: quote not found in the source"),
        (_moved_marker, "sections[0].statements[3].cites: cites [5] but the source prints [1, 4] after this quote"),
        (_dropped, "coverage: source sentence not covered: 'The extra bone that is formed does not go away.1,3'"),
    ],
    ids=["figure", "quote", "marker", "dropped"],
)
def test_check_source_catches_each_unfaithful_edit(
    run: Run, tmp_path: Path, edit: Callable[[dict[str, Any]], None], finding: str
) -> None:
    result = run("check", str(_edited(tmp_path, edit)), "--source", str(SOURCE))
    assert result.exit_code == 3
    assert finding in [re.sub(r"^line \d+: ", "", line) for line in result.stdout.splitlines()]


def test_search_highlights_matches(run: Run) -> None:
    out = run("search", "morphogenetic", env={"FORCE_COLOR": "1"}).stdout
    assert "Bone \x1b[1;33mMorphogenetic\x1b[0m" in out  # bold yellow, case kept as printed


def test_check_json_for_a_file_that_cannot_be_read(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = run("check", str(missing), "--json")
    assert result.exit_code == 3
    assert json.loads(result.stdout) == {
        "file": str(missing),
        "ok": False,
        "problems": [{"path": "(file)", "line": None, "message": f"knowledge file {missing} does not exist"}],
        "summary": None,
        "notices": [],
    }
    assert result.stderr == f"Error: knowledge file {missing} does not exist\n"
    text = run("check", str(missing))
    assert (text.exit_code, text.stdout) == (3, "")


def test_completion_reads_the_data_option(run: Run, tmp_path: Path) -> None:
    renamed = tmp_path / "renamed.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    renamed.write_text(text.replace("aliases: [cause, genetics, gene]", "aliases: [origins]"), encoding="utf-8")
    words = f"fopinfo --data {renamed} topic or"
    env = {"_FOPINFO_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}
    assert run(env=env).stdout.split() == ["origins"]


def test_output_flags_are_checked_everywhere(run: Run) -> None:
    for args in (["--json", "--markdown"], ["--json", "--markdown", "facts"], ["facts", "--json", "--markdown"]):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (2, "Error: choose one of --json and --markdown\n")
    check = run("--markdown", "check")
    assert (check.exit_code, check.stderr) == (0, "")
    assert check.stdout.startswith("# Check of ")
    html = run("--markdown", "handout", "--html")
    assert (html.exit_code, html.stderr) == (2, "Error: choose one of --markdown and --html\n")
    overview = run("--markdown").stdout
    assert overview.startswith(f"# fopinfo {__version__}\n")
    assert "- **cite**: Source N and every statement that cites it.\n" in overview

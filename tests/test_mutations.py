"""Unfaithful edits of a copy of the bundled knowledge file: `check` must catch each one.

Every edit changes what users see (or what the proof rests on); each is caught with a
finding naming its path, and the check fails (exit 3). A sample runs through the real
console script; the rest through the library the command calls. Editorial elements
(subject tags and titles) are not findings: they are listed for review.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from fopinfo.checking import bundled_source, check
from fopinfo.loading import bundled_path

Data = dict[str, Any]
Edit = Callable[[Data], None]
SCRIPT = Path(sys.executable).with_name("fopinfo")


@cache
def _bundled() -> Data:
    data: Data = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    return data


def _at(d: Data, path: str) -> tuple[Any, str | int]:
    """The container holding ``path`` (e.g. ``sections[4].facts[0].headline``) and its key."""
    parts: list[str | int] = []
    for piece in path.replace("]", "").replace("[", ".").split("."):
        parts.append(int(piece) if piece.isdigit() else piece)
    node: Any = d
    for part in parts[:-1]:
        node = node[part]
    return node, parts[-1]


def sub(path: str, old: str, new: str) -> Edit:
    """Replace ``old`` (which must be there) by ``new`` in the string at ``path``."""

    def edit(d: Data) -> None:
        node, key = _at(d, path)
        assert old in node[key], f"{old!r} not in {path}"
        node[key] = node[key].replace(old, new, 1)

    return edit


def put(path: str, value: Any) -> Edit:
    def edit(d: Data) -> None:
        node, key = _at(d, path)
        node[key] = value

    return edit


def drop(path: str) -> Edit:
    def edit(d: Data) -> None:
        node, key = _at(d, path)
        del node[key]

    return edit


def unlinked(statement_id: str) -> Edit:
    """fopinfo's notes no longer bearing on a statement the edit removes (else that is what check reports)."""

    def edit(d: Data) -> None:
        notes = d["developments"]["notes"]
        d["developments"]["notes"] = [n for n in notes if statement_id not in n["bears_on"]]

    return edit


def both(*edits: Edit) -> Edit:
    def edit(d: Data) -> None:
        for e in edits:
            e(d)

    return edit


def move(src: str, dst: str) -> Edit:
    """Take the statement at ``src`` out and insert it at ``dst`` (a list position)."""

    def edit(d: Data) -> None:
        node, key = _at(d, src)
        item = node.pop(key)
        target, index = _at(d, dst)
        target.insert(index, item)

    return edit


def copy_to(src: str, dst: str) -> Edit:
    def edit(d: Data) -> None:
        node, key = _at(d, src)
        item = copy.deepcopy(node[key])
        item["id"] += "-copy"
        target, index = _at(d, dst)
        target.insert(index, item)

    return edit


def swap_facts(a: int, b: int) -> Edit:
    def edit(d: Data) -> None:
        facts = d["sections"][4]["facts"]
        facts[a], facts[b] = facts[b], facts[a]

    return edit


W, C, M, D, F = "sections[0]", "sections[1]", "sections[2]", "sections[3]", "sections[4]"

# id: (edit, the path a finding must name)
MUTATIONS: dict[str, tuple[Edit, str]] = {
    # ---- statement wording: negations
    "negation-removed": (sub(f"{W}.statements[3].text", "does not go away", "goes away"), f"{W}.statements[3].text"),
    "negation-dropped-clause": (sub(f"{C}.statements[5].text", " but they are not", ""), f"{C}.statements[5].text"),
    "no-cure-to-a-cure": (sub(f"{M}.statements[0].text", "no cure", "a cure"), f"{M}.statements[0].text"),
    "negation-added": (sub(f"{W}.statements[2].text", "should not be", "should be"), f"{W}.statements[2].text"),
    "negation-inserted": (
        sub(f"{F}.facts[7].statements[0].text", "have been", "have not been"),
        f"{F}.facts[7].statements[0].text",
    ),
    "irreversible-negated": (
        sub(f"{F}.facts[6].statements[0].text", "does not go away", "can go away"),
        f"{F}.facts[6].statements[0].text",
    ),
    # ---- hedges hardened or dropped
    "may-to-will": (
        sub(f"{F}.facts[1].statements[0].text", "may start", "will start"),
        f"{F}.facts[1].statements[0].text",
    ),
    "most-to-all": (sub(f"{C}.statements[3].text", "Most cases", "All cases"), f"{C}.statements[3].text"),
    "around-dropped": (sub(f"{F}.facts[0].statements[0].text", "around ", ""), f"{F}.facts[0].statements[0].text"),
    "potentially-dropped": (sub(f"{W}.statements[3].text", "potentially ", ""), f"{W}.statements[3].text"),
    "can-to-is": (sub(f"{W}.statements[4].text", "can be triggered", "is triggered"), f"{W}.statements[4].text"),
    "often-dropped": (sub(f"{C}.statements[4].text", "will often not", "will not"), f"{C}.statements[4].text"),
    "can-confirm-to-always": (
        sub(f"{F}.facts[4].statements[0].text", "can confirm", "always confirms"),
        f"{F}.facts[4].statements[0].text",
    ),
    "majority-to-all": (
        sub(f"{F}.facts[5].statements[1].text", "the majority of", "all"),
        f"{F}.facts[5].statements[1].text",
    ),
    # ---- quantities
    "one-or-two-to-one-to-two": (
        sub(f"{F}.facts[0].statements[0].text", "one or two", "one to two"),
        f"{F}.facts[0].statements[0].text",
    ),
    "over-half-to-under-half": (
        sub(f"{F}.facts[3].statements[0].text", "over half", "under half"),
        f"{F}.facts[3].statements[0].text",
    ),
    "many-to-a-few": (
        sub(f"{F}.facts[8].statements[0].text", "many different", "a few different"),
        f"{F}.facts[8].statements[0].text",
    ),
    "year-2019-to-2021": (sub(f"{F}.facts[9].statements[0].text", "2019", "2021"), f"{F}.facts[9].statements[0].text"),
    "third-to-half": (sub(f"{F}.facts[9].statements[0].text", "a third", "half"), f"{F}.facts[9].statements[0].text"),
    "year-2006-to-2016": (sub(f"{D}.statements[0].text", "2006", "2016"), f"{D}.statements[0].text"),
    # ---- entities swapped
    "biopsy-to-blood-test": (sub(f"{W}.statements[4].text", "biopsy", "blood test"), f"{W}.statements[4].text"),
    "intramuscular-to-intravenous": (
        sub(f"{W}.statements[4].text", "intramuscular", "intravenous"),
        f"{W}.statements[4].text",
    ),
    "girls-and-boys-to-boys": (
        sub(f"{F}.facts[5].statements[0].text", "girls as well as boys", "boys"),
        f"{F}.facts[5].statements[0].text",
    ),
    "childhood-to-adulthood": (
        sub(f"{C}.statements[4].text", "much later in childhood", "in adulthood"),
        f"{C}.statements[4].text",
    ),
    "birth-to-adolescence": (
        sub(f"{F}.facts[2].statements[0].text", "from birth", "from adolescence"),
        f"{F}.facts[2].statements[0].text",
    ),
    "normal-to-abnormal-bone": (
        sub(f"{C}.statements[1].text", "normal bone is formed", "abnormal bone is formed"),
        f"{C}.statements[1].text",
    ),
    "gene-name-added": (sub(f"{W}.statements[1].text", "or HO", "or HO (ACVR1)"), f"{W}.statements[1].text"),
    # ---- clauses invented, words deleted
    "clause-invented": (
        sub(f"{W}.statements[5].text", "condition.", "condition. Testing is always advised."),
        f"{W}.statements[5].text",
    ),
    "clause-from-quote-words": (
        sub(f"{C}.statements[2].text", "extra bone.", "extra bone in the womb."),
        f"{C}.statements[2].text",
    ),
    "second-sentence-deleted": (
        sub(
            f"{F}.facts[6].statements[1].text",
            " Recognizing and avoiding certain activities to help prevent FOP flare-ups is important to try to"
            " limit the formation of additional bone.",
            "",
        ),
        f"{F}.facts[6].statements[1].text",
    ),
    "tail-deleted": (
        sub(f"{F}.facts[3].statements[0].text", ", bunions or other rare diseases", ""),
        f"{F}.facts[3].statements[0].text",
    ),
    "parentheses-dropped": (
        sub(f"{W}.statements[3].text", "(such as locked arms or a locked back)", ""),
        f"{W}.statements[3].text",
    ),
    # ---- the lead's list
    "item-word-dropped": (
        sub(f"{M}.statements[0].items[0]", "careful avoidance", "avoidance"),
        f"{M}.statements[0].items[0]",
    ),
    "item-reworded": (
        sub(f"{M}.statements[0].items[2]", "optimizing existing", "restoring lost"),
        f"{M}.statements[0].items[2]",
    ),
    "item-dropped": (drop(f"{M}.statements[0].items[1]"), f"{M}.statements[0].items[1]"),
    "lead-marker-dropped": (put(f"{M}.statements[0].cites", []), f"{M}.statements[0].cites"),
    # ---- markers
    "marker-moved": (put(f"{W}.statements[3].cites", [1]), f"{W}.statements[3].cites"),
    "marker-on-uncited": (put(f"{C}.statements[0].cites", [7]), f"{C}.statements[0].cites"),
    "glossary-marker": (put("glossary[4].cites", []), "glossary[4].cites"),
    # ---- glossary definitions
    "def-outside-to-inside": (
        sub("glossary[0].definition", "outside of the skeleton", "inside of the skeleton"),
        "glossary[0].definition",
    ),
    "def-ho-inside": (sub("glossary[1].definition", "outside", "inside"), "glossary[1].definition"),
    "def-at-birth-to-later": (
        sub("glossary[4].definition", "at birth", "later in childhood"),
        "glossary[4].definition",
    ),
    "def-faulty-to-normal": (sub("glossary[2].definition", "faulty copy", "normal copy"), "glossary[2].definition"),
    "def-without-to-with": (sub("glossary[3].definition", "without FOP", "with FOP"), "glossary[3].definition"),
    "def-most-to-some": (sub("glossary[5].definition", "Most cases", "Some cases"), "glossary[5].definition"),
    "def-third-to-half": (sub("glossary[6].definition", "a third", "half"), "glossary[6].definition"),
    "def-negation-dropped": (sub("glossary[7].definition", " but they are not", ""), "glossary[7].definition"),
    "def-hedge-added": (sub("glossary[0].definition", "that causes", "that rarely causes"), "glossary[0].definition"),
    "def-one-to-two": (sub("glossary[7].definition", "one clear", "two clear"), "glossary[7].definition"),
    "def-allowance-removed": (drop("glossary[3].allowances"), "glossary[3].definition"),
    # ---- headlines, titles and own titles
    "headline-hardened": (sub(f"{F}.facts[3].headline", "may be", "is always"), f"{F}.facts[3].headline"),
    "headline-negation-dropped": (sub(f"{F}.facts[6].headline", "can’t", "can"), f"{F}.facts[6].headline"),
    "headline-and-quote": (
        both(sub(f"{F}.facts[0].headline", "ultra-rare", "common"), sub(f"{F}.facts[0].quote", "ultra-rare", "common")),
        f"{F}.facts[0].quote",
    ),
    "title-managed-to-cured": (sub(f"{M}.title", "managed", "cured"), f"{M}.title"),
    "own-title-year": (sub(f"{D}.title", "gene", "gene in 2007"), f"{D}.title"),
    "own-title-negation": (sub(f"{D}.title", "Discovery", "No discovery"), f"{D}.title"),
    "own-title-undeclared": (drop(f"{D}.editorial"), f"{D}.quote"),
    "own-title-entity": (sub(f"{D}.title", "gene", "cure"), f"{D}.title"),
    # ---- glossary names, explained terms, the reference list
    "term-renamed": (put("glossary[7].term", "hallux rigidus"), "glossary[7].term"),
    "alias-invented": (put("glossary[1].aliases", ["HO", "myositis ossificans"]), "glossary[1].aliases[1]"),
    "definition-nulled": (put("glossary[4].definition", None), "glossary[4].definition"),
    "reference-invented": (put("sources[0].text", "Kaplan FS, et al. 2008."), "sources[0].text"),
    "title-quote-nulled": (put(f"{W}.quote", None), f"{W}.quote"),
    # ---- origin
    "date-changed": (put("origin.date", "2021-12"), "origin.date"),
    "date-month-changed": (put("origin.date", "2020-11"), "origin.date"),
    "reference-changed": (put("origin.reference", "NON-US-001997"), "origin.reference"),
    "reference-truncated": (put("origin.reference", "US-001996"), "origin.reference"),
    "publisher-changed": (put("origin.publisher", "Kanga Health"), "origin.publisher"),
    "audience-changed": (put("origin.audience", "UK residents"), "origin.audience"),
    "disclaimer-negation-dropped": (sub("origin.disclaimer", "not intended", "intended"), "origin.disclaimer"),
    "disclaimer-hedged": (sub("origin.disclaimer", "always consult", "sometimes consult"), "origin.disclaimer"),
    "title-changed": (put("origin.title", "What is FOP and how is it cured?"), "origin.title"),
    "related-label": (sub("origin.related_pages[0].label", "flare-ups", "treatments"), "origin.related_pages[0].label"),
    "related-section": (put("origin.related_pages[0].section", "facts"), "origin.related_pages[0].section"),
    "source-hash": (put("origin.source_sha256", "0" * 64), "origin.source_sha256"),
    "source-hash-missing": (drop("origin.source_sha256"), "origin.source_sha256"),
    "audience-quote": (sub("origin.quotes.audience", "U.S.", "UK"), "origin.quotes.audience"),
    # ---- structure
    "dropped-glossary-quoted": (drop(f"{W}.statements[1]"), "coverage"),
    "dropped-statement": (both(drop(f"{F}.facts[7].statements[0]"), unlinked("science.1")), "coverage"),
    "cut-short": (
        both(
            sub(f"{F}.facts[6].statements[0].text", "does not go away.", "does not go"),
            sub(f"{F}.facts[6].statements[0].quote", "does not go away.", "does not go"),
        ),
        f"{F}.facts[6].statements[0].quote",
    ),
    "cut-at-sentence": (
        both(
            sub(
                f"{C}.statements[4].text",
                " However, the diagnosis will often not be made until much later in "
                "childhood when a flare-up arouses suspicion.",
                "",
            ),
            sub(
                f"{C}.statements[4].quote",
                " However, the diagnosis will often not be made until much later in "
                "childhood when a flare-up arouses suspicion.",
                "",
            ),
        ),
        f"{C}.statements[4].quote",
    ),
    "duplicated-elsewhere": (copy_to(f"{W}.statements[1]", f"{C}.statements[6]"), f"{C}.statements[6].quote"),
    "duplicated-in-fact": (
        copy_to(f"{F}.facts[0].statements[0]", f"{F}.facts[9].statements[1]"),
        f"{F}.facts[9].statements[1].quote",
    ),
    "moved-to-next-fact": (
        move(f"{F}.facts[0].statements[1]", f"{F}.facts[1].statements[0]"),
        f"{F}.facts[1].statements[0].quote",
    ),
    "moved-to-previous-fact": (
        move(f"{F}.facts[5].statements[0]", f"{F}.facts[4].statements[1]"),
        f"{F}.facts[4].statements[1].quote",
    ),
    "moved-across-sections": (move(f"{W}.statements[5]", f"{C}.statements[0]"), f"{C}.statements[0].quote"),
    "statements-swapped": (move(f"{W}.statements[0]", f"{W}.statements[1]"), f"{W}.statements[1].quote"),
    "facts-swapped": (swap_facts(0, 1), f"{F}.facts[1].quote"),
    "statements-null": (
        both(put(f"{F}.facts[7].statements", None), unlinked("science.1")),
        f"{F}.facts[7].statements",
    ),
    "quote-and-text-reworded": (
        both(sub(f"{W}.statements[2].text", "ribbons", "strips"), sub(f"{W}.statements[2].quote", "ribbons", "strips")),
        f"{W}.statements[2].quote",
    ),
    "list-as-separate-aims": (
        both(put(f"{M}.statements[0].items", []), copy_to(f"{M}.statements[0]", f"{M}.statements[1]")),
        "coverage",
    ),
    "content-left-out": (
        both(
            drop(f"{F}.facts[7].statements[0]"),
            unlinked("science.1"),
            lambda d: d["origin"]["left_out"].append(
                "Since the FOP gene was discovered, doctors and researchers have been working hard to better "
                "understand this condition and how it affects patients."
            ),
        ),
        "origin.left_out[14]",
    ),
    "furniture-line-removed": (drop("origin.left_out[11]"), "coverage"),
}


def _write(tmp_path: Path, edit: Edit) -> Path:
    data = copy.deepcopy(_bundled())
    edit(data)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_there_are_enough_mutations() -> None:
    assert len(MUTATIONS) >= 60


def test_the_bundled_file_has_no_findings() -> None:
    result = check(bundled_path(), bundled_source())
    assert result.problems == []
    assert result.report is not None
    assert result.report.findings == ()
    assert result.ok


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_is_caught_by_path(tmp_path: Path, name: str) -> None:
    edit, path = MUTATIONS[name]
    result = check(_write(tmp_path, edit), bundled_source())
    assert not result.ok  # the command turns this into exit 3
    findings = [*result.problems, *(result.report.findings if result.report else ())]
    assert path in [f.path for f in findings], findings


SAMPLE = [
    "no-cure-to-a-cure",
    "def-at-birth-to-later",
    "own-title-year",
    "date-changed",
    "statements-null",
    "moved-to-next-fact",
    "item-reworded",
    "headline-hardened",
]


@pytest.mark.parametrize("name", SAMPLE)
def test_the_console_script_exits_3_naming_the_path(tmp_path: Path, name: str) -> None:
    edit, path = MUTATIONS[name]
    done = subprocess.run(
        [str(SCRIPT), "check", str(_write(tmp_path, edit)), "--against-source"], capture_output=True, text=True
    )
    assert done.returncode == 3, done
    assert any(f"{path}: " in line for line in done.stdout.splitlines()), done.stdout
    assert done.stderr.startswith("Error: ")


# ---------------------------------------------------------------- editorial, not findings


def _review(tmp_path: Path, edit: Edit) -> list[tuple[str, str, str]]:
    result = check(_write(tmp_path, edit), bundled_source())
    assert result.report is not None
    assert result.report.findings == ()
    return [(r.kind, r.path, r.detail) for r in result.report.review]


def test_subject_tags_are_listed_for_review_not_findings(tmp_path: Path) -> None:
    review = _review(tmp_path, put(f"{W}.statements[0].subjects", ["community"]))
    assert ("subjects", f"{W}.statements[0].subjects", "what.1: community") in review


def test_subject_titles_are_listed_for_review_not_findings(tmp_path: Path) -> None:
    review = _review(tmp_path, put("subjects[0].title", "How rare FOP is"))
    assert ("subject title", "subjects[0].title", "frequency: How rare FOP is") in review


def test_case_alone_is_a_recognised_edit(tmp_path: Path) -> None:
    review = _review(tmp_path, sub(f"{W}.statements[1].text", "Heterotopic", "heterotopic"))
    assert ("edit", f"{W}.statements[1].text", "case changed: 'Heterotopic' shown as 'heterotopic'") in review

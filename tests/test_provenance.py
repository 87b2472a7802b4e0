"""fopinfo.provenance: the rules, piece by piece, and the bundled file held against its source.

The mutation suite (tests/test_mutations.py) edits copies of the file; these tests pin
the rules themselves: which edits are recognised, what a paraphrase may do, how markers
are read, and what the review list holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

from fopinfo.checking import bundled_source
from fopinfo.loading import bundled_path, load
from fopinfo.model import Knowledge
from fopinfo.provenance import Finding, Report, check, markers_after, normalise
from fopinfo.provenance.wording import compare, paraphrase, sensitive

SCRIPT = Path(sys.executable).with_name("fopinfo")


@cache
def bundled() -> Knowledge:
    return load()


@cache
def source() -> str:
    return bundled_source().read_text(encoding="utf-8")


@cache
def report() -> Report:
    return check(bundled(), source())


# ---------------------------------------------------------------- the bundled file


def test_bundled_file_passes() -> None:
    r = report()
    assert r.findings == ()
    assert r.uncovered == ()
    assert r.covered == r.sentences
    assert r.sentences > 50
    assert r.ok


def test_the_source_ships_beside_the_knowledge_file_and_its_hash_is_recorded() -> None:
    import hashlib

    assert bundled_source().parent.parent == bundled_path().parent
    assert bundled().origin.source_sha256 == hashlib.sha256(bundled_source().read_bytes()).hexdigest()


def test_a_different_source_text_is_a_finding() -> None:
    r = check(bundled(), source().replace("December 2020", "December 2020 "))  # one space: other bytes
    assert [f.path for f in r.findings] == ["origin.source_sha256"]
    assert "not the one recorded" in r.findings[0].message


def test_the_bundled_file_makes_no_punctuation_edits() -> None:
    """causes.2 and discovery.1 show the source's own punctuation (issue 20): no edit to list."""
    assert not any(r.kind == "edit" for r in report().review)


# ---------------------------------------------------------------- shown words


@pytest.mark.parametrize(
    ("shown", "quote", "edits"),
    [
        ("A b, and c.", "A b. And c.", ["sentences joined: '. And' shown as ', and'"]),
        ("All of FOP were", "All of FOP, were", ["comma dropped after 'FOP'"]),
        ("in 2006.", "in 2006", ["final period added"]),
        ("in 2006", "in 2006.", ["final period dropped"]),
        ("it’s “so” – now", 'it\'s "so" - now', []),  # typography only
        ("the fop gene", "the FOP gene", ["case changed: 'FOP' shown as 'fop'"]),
    ],
)
def test_recognised_edits(shown: str, quote: str, edits: list[str]) -> None:
    assert compare(shown, quote) == ([], edits)


@pytest.mark.parametrize(
    ("shown", "quote", "problem"),
    [
        ("does go away", "does not go away", "leaves out 'not', which the source says"),
        ("it is not rare", "it is rare", "adds 'not', which the source does not say"),
        ("one to two", "one or two", "says 'to' where the source says 'or'"),
        ("a blood test or", "a biopsy or", "says 'blood test' where the source says 'biopsy'"),
        ("ultra rare", "ultra-rare", "says 'ultra rare' where the source says 'ultra-rare'"),
        ("locked joints", "locked joints (such as arms)", "leaves out 'such as arms', which the source says"),
        ("bunions", "(bunions)", "punctuation '(' at the start shown as ''"),
        ("A b; c", "A b, c", "punctuation ',' after 'b' shown as ';'"),
    ],
)
def test_any_other_change_is_a_problem(shown: str, quote: str, problem: str) -> None:
    assert compare(shown, quote)[0][0] == problem


def test_paraphrase_rules() -> None:
    quote = ["FOP is a congenital genetic condition which means that it is present at birth."]
    assert paraphrase("Present at birth. FOP is a congenital genetic condition.", quote, ["congenital"], set()) == []
    assert paraphrase("Present later in childhood.", quote, [], set()) == [
        "'later' is not in its quote",
        "'childhood' is not in its quote",
    ]
    assert paraphrase("Not present at birth.", quote, [], set()) == ["adds 'not', which its quote does not say"]
    hedged = ["It may look like bunions but they are not."]
    assert paraphrase("It looks like bunions but they are not.", hedged, [], set()) == [
        "drops 'may', which its quote says"
    ]
    assert paraphrase("It may look like ALK2 bunions but they are not.", hedged, [], {"ALK2"}) == []


def test_sensitive_words() -> None:
    assert sensitive("Only around one or two per million may, in 2019, not") == {
        "only", "around", "one", "two", "million", "may", "2019", "not",
    }  # fmt: skip


def test_normalisation_is_typography_only() -> None:
    assert normalise("it’s  not\u00a0– “so”\n") == 'it\'s not - "so"'
    assert normalise("ribbons") != normalise("strips")


def test_statement_findings_name_their_path_and_say_what_changed() -> None:
    k = bundled()
    section = k.sections[4]
    fact = section.facts[0]
    changed = fact.statements[0]._replace(text=fact.statements[0].text.replace("one or two", "one or three"))
    facts = (fact._replace(statements=(changed, *fact.statements[1:])), *section.facts[1:])
    sections = (*k.sections[:4], section._replace(facts=facts))
    r = check(k._replace(sections=sections), source())
    assert r.findings == (
        Finding("sections[4].facts[0].statements[0].text", "says 'three' where the source says 'two'"),
    )


# ---------------------------------------------------------------- marker reading


def markers(paragraph: str, quote: str) -> tuple[int, ...]:
    return markers_after(paragraph, paragraph.index(quote) + len(quote))


@pytest.mark.parametrize(
    ("paragraph", "quote", "expected"),
    [
        ("tendons and ligaments.1,2", "tendons and ligaments.", (1, 2)),
        ("how it affects patients. 7,13,14", "how it affects patients.", (7, 13, 14)),
        ("extra bone formation in FOP in 20066", "extra bone formation in FOP in 2006", (6,)),
        ("management is primarily focused on:9", "management is primarily focused on:", (9,)),
        ("called Heterotopic Ossification or HO.3 Over time", "called Heterotopic", (3,)),
        ("FOP is congenital. However, it is found late.8 Other", "FOP is congenital.", (8,)),
        ("Activin-Like Kinase 2 or ACtiVin Receptor type-1 (ALK2/ACVR1).", "Activin-Like", ()),
        ("In 2019, a third of the world's FOP population.15", "In", (15,)),
        ("and that is being born with turned-in great toes.", "and that is", ()),
        ("a gene.\nNext paragraph.1", "a gene.", ()),  # never past the paragraph
    ],
)
def test_markers_after(paragraph: str, quote: str, expected: tuple[int, ...]) -> None:
    assert markers(paragraph, quote) == expected


# ---------------------------------------------------------------- cost


def test_matching_is_linear_in_a_long_unbroken_source() -> None:
    """A source of one 4 MB paragraph: every quote is found by str.find, not by scanning."""
    long = source() + "\n" + "word " * 800_000 + "end."
    started = time.perf_counter()
    r = check(bundled(), long)
    assert time.perf_counter() - started < 10
    paths = [f.path for f in r.findings]
    # The footer is no longer the page's last line: its credits are then findings too.
    assert paths[0] == "origin.source_sha256" and paths[-1] == "coverage"
    assert set(paths[1:-1]) <= {f"origin.left_out[{i}].reason" for i in range(9, 13)}


# ---------------------------------------------------------------- the command


def test_check_against_the_bundled_source_json_and_review() -> None:
    done = subprocess.run(
        [str(SCRIPT), "check", "--against-source", "--json"], capture_output=True, text=True, check=True
    )
    doc = json.loads(done.stdout)
    provenance = doc["provenance"]
    assert (doc["ok"], provenance["ok"], provenance["findings"]) == (True, True, [])
    assert provenance["source"] == str(bundled_source())
    assert provenance["review"] == []  # every editorial element matches its review record
    done = subprocess.run([str(SCRIPT), "check", "--against-source", "--review"], capture_output=True, text=True)
    assert done.returncode == 0
    lines = [line for line in done.stdout.splitlines() if not line.startswith("note: ")]
    assert lines[4] == "review: 0 editorial element(s) to sign off"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--review"], "Error: --review needs a source: add --against-source or --source FILE"),
        (["--against-source", "--source", "x.txt"], "Error: choose one of --source FILE and --against-source"),
    ],
)
def test_check_usage_errors(args: list[str], error: str) -> None:
    done = subprocess.run([str(SCRIPT), "check", *args], capture_output=True, text=True)
    assert (done.returncode, done.stderr.splitlines()[0]) == (2, error)

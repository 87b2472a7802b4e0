"""The bundled knowledge file against the source, checked by hand-written tables.

The tables were written from data/source/what-is-fop.txt by reading it, not
generated from data/facts.yaml, so a drift in either shows up here.
"""

from __future__ import annotations

import pytest

from fopinfo.loading import load
from fopinfo.model import Knowledge

# For every marker the source prints, the statements that carry it.
CITED_BY = {
    1: {"what.1", "what.3", "what.4", "ultra-rare.1", "normal-bone.1", "irreversible.1", "irreversible.2"},
    2: {"what.1"},
    3: {"what.2", "irreversible.1"},
    4: {"what.4", "normal-bone.1", "irreversible.2"},
    5: {"what.5", "anyone.1"},
    6: {"discovery.1"},
    7: {"causes.4", "single-gene.1", "single-gene.2", "science.1"},
    8: {"causes.5"},
    9: {"management.1", "genetic-test.1"},  # printed twice: after "focused on:" and the genetic test
    10: {"ultra-rare.2"},
    11: {"misdiagnosis.1"},
    12: {"misdiagnosis.1"},
    13: {"genetic-test.1", "science.1", "care-team.1"},
    14: {"genetic-test.1", "science.1", "care-team.1"},
    15: {"growing-community.1"},
}
# Runs that end with no marker in the source.
UNCITED = {"what.6", "causes.1", "causes.2", "causes.3", "causes.6", "anyone.2"}

FACT_HEADLINES = [
    "FOP is ultra-rare",
    "Extra bone due to FOP is normal bone, it’s just in the wrong place",
    "FOP is caused by a defect in a single gene",
    "FOP may be misdiagnosed at first",
    "FOP diagnosis can be confirmed by a genetic test",
    "FOP can affect anyone",
    "FOP can’t be reversed",
    "Doctors and researchers are advancing the science",
    "FOP management requires a team of professionals",
    "There is a growing FOP community",
]

# Names, numbers and terms the source prints that must survive exactly.
EXACT_WORDING = {
    "causes.1": "ALK2/ACVR1",
    "causes.2": "Bone Morphogenetic Proteins (BMPs)",
    "causes.6": "bunions (hallux valgus) but they are not",
    "discovery.1": "in 2006",
    "ultra-rare.1": "one or two people per million",
    "misdiagnosis.1": "Just over half",
    "growing-community.1": "In 2019, a third of the world’s FOP population",
    "management.1": "no cure",
    "causes.5": "will often not be made until much later in childhood",
}


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def test_every_marker_is_carried_by_exactly_the_source_statements(k: Knowledge) -> None:
    actual: dict[int, set[str]] = {}
    for statement in k.statements():
        for n in statement.cites:
            actual.setdefault(n, set()).add(statement.id)
    assert actual == CITED_BY


def test_uncited_runs_have_no_markers(k: Knowledge) -> None:
    assert {s.id for s in k.statements() if not s.cites} == UNCITED


def test_sources_one_to_fifteen_are_numbered_but_not_reproduced(k: Knowledge) -> None:
    assert [s.number for s in k.sources] == list(range(1, 16))
    assert all(s.text is None for s in k.sources)


def test_sections_and_facts(k: Knowledge) -> None:
    assert [s.id for s in k.sections] == ["what", "causes", "management", "discovery", "facts"]
    assert [s.title for s in k.sections][:3] == ["What is FOP?", "What Causes FOP?", "How is FOP managed?"]
    assert [f.headline for f in k.facts()] == FACT_HEADLINES
    assert [f.number for f in k.facts()] == list(range(1, 11))
    assert sum(1 for _ in k.statements()) == 28


def test_the_management_lead_and_its_three_aims_are_one_statement_citing_nine(k: Knowledge) -> None:
    (lead,) = k.section("management").statements
    assert lead.text == "There is currently no cure for FOP and management is primarily focused on:"
    assert lead.cites == (9,)
    assert list(lead.items) == [
        "careful avoidance of activities or procedures that might cause injury or harm and thus extra bone "
        "to form during or after a flare-up",
        "medication to manage FOP symptoms such as provide relief for the pain and inflammation that occurs "
        "during flare-ups",
        "optimizing existing physical function",
    ]
    assert not any(s.aim for s in k.statements())


@pytest.mark.parametrize(("statement_id", "wording"), sorted(EXACT_WORDING.items()))
def test_names_and_numbers_are_kept_exactly(k: Knowledge, statement_id: str, wording: str) -> None:
    statement = next(s for s in k.statements() if s.id == statement_id)
    assert wording in statement.text


def test_origin(k: Knowledge) -> None:
    o = k.origin
    assert (o.title, o.publisher, o.reference, o.date) == ("What is FOP?", "Ipsen", "NON-US-001996", "2020-12")
    assert "consult a healthcare professional" in o.disclaimer
    assert "not intended to replace professional advice" in o.disclaimer


def test_glossary_terms(k: Knowledge) -> None:
    assert [t.term for t in k.glossary] == [
        "FOP",
        "Heterotopic Ossification",
        "ALK2/ACVR1",
        "BMPs",
        "congenital",
        "spontaneous mutation",
        "IFOPA",
        "hallux valgus",
        "bunions",
        "flare-up",
    ]
    flare_up = next(t for t in k.glossary if t.id == "flare-up")
    assert flare_up.definition is None  # the source never explains it


def test_hallux_valgus_is_never_equated_with_the_fop_toe_sign(k: Knowledge) -> None:
    term = next(t for t in k.glossary if t.id == "hallux-valgus")
    # The source's point: the toes may look like bunions (hallux valgus) but are not. So fopinfo
    # neither calls bunions another name for it nor defines it: `define` shows the source's sentence.
    assert term.definition is None
    assert not {"bunion", "bunions"} & {a.casefold() for a in term.aliases}
    assert term.cites == ()  # never the misdiagnosis sentence's [11,12]


def test_define_hallux_shows_the_misdiagnosis_statement_with_its_own_markers(k: Knowledge) -> None:
    from fopinfo import query

    assert [s.id for s in query.define(k, "hallux valgus").used_in] == ["causes.6"]
    answer = query.define(k, "bunions")  # both uses, side by side, each with its own markers
    assert answer.term.definition is None
    assert [s.id for s in answer.used_in] == ["causes.6", "misdiagnosis.1"]
    assert answer.used_in[1].cites == (11, 12)

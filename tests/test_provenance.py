"""fopinfo.provenance: the bundled knowledge file held against its source document."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from fopinfo.loading import load
from fopinfo.model import Knowledge, Statement, Term
from fopinfo.provenance import Finding, Report, check, markers_after, normalise

SOURCE = Path(__file__).resolve().parent / "fixtures" / "what-is-fop.txt"


@cache
def bundled() -> Knowledge:
    return load()


@cache
def source() -> str:
    return SOURCE.read_text(encoding="utf-8")


def edit_statement(
    k: Knowledge, statement_id: str, change: Callable[[Statement], Statement | None]
) -> tuple[Knowledge, str]:
    """A copy of k with one statement changed (or dropped, when change returns None),
    and that statement's path in the loader's format."""
    found: list[str] = []

    def edit(statements: tuple[Statement, ...], path: str) -> tuple[Statement, ...]:
        out = []
        for i, s in enumerate(statements):
            if s.id != statement_id:
                out.append(s)
                continue
            found.append(f"{path}.statements[{i}]")
            new = change(s)
            if new is not None:
                out.append(new)
        return tuple(out)

    sections = []
    for si, section in enumerate(k.sections):
        facts = tuple(
            f._replace(statements=edit(f.statements, f"sections[{si}].facts[{fi}]"))
            for fi, f in enumerate(section.facts)
        )
        statements = edit(section.statements, f"sections[{si}]")
        sections.append(section._replace(statements=statements, facts=facts))
    assert len(found) == 1, f"statement {statement_id} not found"
    return k._replace(sections=tuple(sections)), found[0]


def edit_term(k: Knowledge, term_id: str, change: Callable[[Term], Term]) -> tuple[Knowledge, str]:
    index = next(i for i, t in enumerate(k.glossary) if t.id == term_id)
    glossary = list(k.glossary)
    glossary[index] = change(glossary[index])
    return k._replace(glossary=tuple(glossary)), f"glossary[{index}]"


def replace_in(field: str, old: str, new: str) -> Callable[[Statement], Statement]:
    def change(s: Statement) -> Statement:
        value = getattr(s, field)
        assert old in value
        return s._replace(**{field: value.replace(old, new)})

    return change


def paths(report: Report) -> list[str]:
    return [f.path for f in report.findings]


# ---------------------------------------------------------------- the bundled file


def test_bundled_file_passes() -> None:
    report = check(bundled(), source())
    assert report.findings == ()
    assert report.uncovered == ()
    assert report.covered == report.sentences
    assert report.sentences > 50
    assert report.ok


# ---------------------------------------------------------------- mutations


def test_changed_figure_in_text() -> None:
    k, path = edit_statement(bundled(), "discovery.1", replace_in("text", "2006", "2007"))
    report = check(k, source())
    assert report.findings == (Finding(f"{path}.text", "'2007' is not in the quote"),)
    assert not report.ok


def test_changed_number_word_in_text() -> None:
    k, path = edit_statement(bundled(), "ultra-rare.1", replace_in("text", "one or two", "one or three"))
    report = check(k, source())
    assert report.findings == (Finding(f"{path}.text", "'three' is not in the quote"),)


def test_invented_name_in_text() -> None:
    k, path = edit_statement(bundled(), "what.2", replace_in("text", "or HO", "or HO (ACVR1)"))
    assert check(k, source()).findings == (Finding(f"{path}.text", "'ACVR1' is not in the quote"),)


def test_changed_word_in_quote() -> None:
    k, path = edit_statement(bundled(), "what.3", replace_in("quote", "ribbons", "strips"))
    report = check(k, source())
    assert report.findings[0] == Finding(f"{path}.quote", "quote not found in the source")
    # The sentence it quoted is now accounted for by nothing.
    assert paths(report)[1:] == ["coverage"]
    assert "ribbons" in report.uncovered[0]
    assert report.covered == report.sentences - 1


def test_changed_cites() -> None:
    k, path = edit_statement(bundled(), "what.4", lambda s: s._replace(cites=(5,)))
    report = check(k, source())
    assert report.findings == (Finding(f"{path}.cites", "cites [5] but the source prints [1, 4] after this quote"),)


def test_cites_for_an_uncited_run() -> None:
    k, path = edit_statement(bundled(), "causes.1", lambda s: s._replace(cites=(7,)))
    report = check(k, source())
    assert report.findings == (Finding(f"{path}.cites", "cites [7] but the source prints no marker after this quote"),)


def test_aim_takes_the_marker_of_the_sentence_it_completes() -> None:
    k, path = edit_statement(bundled(), "management.3", lambda s: s._replace(cites=(8,)))
    report = check(k, source())
    assert paths(report) == [f"{path}.cites"]
    assert "[9]" in report.findings[0].message


def test_dropped_statement_leaves_its_sentence_uncovered() -> None:
    k, _ = edit_statement(bundled(), "irreversible.1", lambda s: None)
    report = check(k, source())
    assert paths(report) == ["coverage"]
    assert "does not go away" in report.findings[0].message
    assert report.uncovered == ("The extra bone that is formed does not go away.1,3",)
    assert report.covered == report.sentences - 1


def test_statement_without_quote() -> None:
    k, path = edit_statement(bundled(), "what.6", lambda s: s._replace(quote=None))
    report = check(k, source())
    assert paths(report) == [f"{path}.quote", "coverage"]
    assert report.findings[0].message == "no quote"


def test_changed_glossary_quote() -> None:
    def change(t: Term) -> Term:
        assert t.quote is not None
        return t._replace(quote=t.quote.replace("skeleton", "skeletons"))

    k, path = edit_term(bundled(), "heterotopic-ossification", change)
    report = check(k, source())
    # The statement what.2 still quotes the same sentence, so coverage holds.
    assert report.findings == (Finding(f"{path}.quote", "quote not found in the source"),)


def test_changed_glossary_cites() -> None:
    k, path = edit_term(bundled(), "congenital", lambda t: t._replace(cites=()))
    report = check(k, source())
    assert report.findings == (Finding(f"{path}.cites", "cites [] but the source prints [8] after this quote"),)


def test_unexplained_term_needs_no_quote() -> None:
    k, _ = edit_term(bundled(), "flare-up", lambda t: t)
    assert check(k, source()).ok
    k, path = edit_term(bundled(), "flare-up", lambda t: t._replace(definition="A flare."))
    assert paths(check(k, source())) == [f"{path}.quote"]


def test_origin_quotes_and_left_out() -> None:
    k = bundled()
    quotes = {**k.origin.quotes, "disclaimer": "Always consult a doctor."}
    left_out = (*k.origin.left_out, "Subscribe to our newsletter")
    origin = k.origin._replace(quotes=quotes, left_out=left_out)
    report = check(k._replace(origin=origin), source())
    assert report.findings[:2] == (
        Finding("origin.quotes.disclaimer", "quote not found in the source"),
        Finding(f"origin.left_out[{len(left_out) - 1}]", "left-out line not found in the source"),
    )


def test_normalisation_is_typography_only() -> None:
    assert normalise("it’s  not\u00a0– “so”\n") == 'it\'s not - "so"'
    assert normalise("ribbons") != normalise("strips")


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

"""The printed card and sheets measured in a real headless Chromium (tests/browser.py).

Without Chromium these skip with the reason; with FOPINFO_REQUIRE_BROWSER=1 (CI) they fail instead.
"""

from __future__ import annotations

import re

import pytest

from tests import browser
from tests.test_handover import AUDIENCES, OWN_LINKS, knowledge, ok, shown_statements

# Every fill-in at its limit (query.FIELD_LIMITS), in the widest letter.
WIDE = [part for flag in ("--name", "--contact", "--doctor", "--medicines", "--note") for part in (flag, "W" * 40)]
PAGES = {
    "card": ["card", "--html"],
    "card-filled": ["card", "--html", *WIDE],
    **{a: ["handout", "--for", a, "--html"] for a in AUDIENCES},
    **{f"{a}-filled": ["handout", "--for", a, "--html", *WIDE] for a in AUDIENCES},
}
pytestmark = pytest.mark.usefixtures("chromium")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_prints_on_exactly_one_page(page: str, paper: browser.Paper) -> None:
    assert browser.pdf_page_count(ok(*PAGES[page]), paper) == 1


@pytest.mark.parametrize("page", ["card", "card-filled"])
def test_card_sides_are_bank_card_size(page: str) -> None:
    sides = browser.measure(ok(*PAGES[page]), ".side")
    assert len(sides) == 2
    for width, height in sides:
        assert width == pytest.approx(85.6, abs=1) and height == pytest.approx(54, abs=1)


@pytest.mark.parametrize("page", PAGES)
def test_nothing_overflows_or_is_clipped_in_print_or_at_390_px(page: str) -> None:
    html = ok(*PAGES[page])
    assert browser.overflowing(html, width=718, media="print") == []
    assert browser.overflowing(html, width=390) == []
    assert browser.horizontal_overflow_px(html, 390) == 0


def test_card_type_is_at_least_7_pt_in_print() -> None:
    html = ok(*PAGES["card-filled"])
    context, page, _ = browser._open(html, width=718, media="print")
    try:
        sizes: list[float] = page.evaluate(
            """() => [...document.querySelectorAll('.card *')].filter(e => [...e.childNodes].some(
                n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize))"""
        )
    finally:
        context.close()
    assert sizes and min(sizes) * 72 / 96 >= 7 - 1e-3  # px to pt (Chromium rounds 7 pt to 9.33333 px)


@pytest.mark.usefixtures("axe")
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("width", [390, 1024])
def test_no_accessibility_violations(page: str, width: int) -> None:
    violations = browser.axe_violations(ok(*PAGES[page]), width=width)
    assert violations == [], browser.describe_violations(violations)


@pytest.mark.parametrize("page", ["card", "emergency"])
def test_self_contained(page: str) -> None:
    html = ok(*PAGES[page])
    assert browser.external_requests(html) == []
    assert "<script" not in html and "src=" not in html
    # The only addresses are links to the public records fopinfo points to (never loaded), their text the address.
    assert set(re.findall(r'<a href="[^"]*">', html)) <= OWN_LINKS
    assert "http" not in re.sub(r'<a href="([^"]*)">\1</a>', "", html)
    assert '<meta name="viewport"' in html


def printed_text(html: str, paper: browser.Paper = "A4") -> str:
    """The text of the printed PDF, whitespace folded: what a reader of the paper sees, in its order."""
    import io
    import unicodedata

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(browser.pdf_bytes(html, paper)))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures ("ﬁ") as letters


@pytest.mark.parametrize("audience", AUDIENCES)
def test_printed_sheet_reads_person_first_and_the_trigger_in_its_first_third(audience: str) -> None:
    text = printed_text(ok(*PAGES[audience]))
    name = text.index("Name:")
    trigger = text.index("Extra bone formation")
    statements = [s for s in shown_statements(audience) if s["id"] != "what.5"]
    first_statement = min(text.index(" ".join(s["text"].split()[:4])) for s in statements)
    assert name < trigger < first_statement
    assert trigger < len(text) / 3


@pytest.mark.parametrize("page", ["card", *AUDIENCES])
def test_printed_text_has_no_ids_command_names_or_symbols_read_aloud(page: str) -> None:
    text = printed_text(ok(*PAGES[page]))
    k = knowledge()
    assert "fopinfo updates" not in text and "fopinfo handout" not in text and "(uncited)" not in text
    assert not any(symbol in text for symbol in "†›»")
    ids = [s.id for s in k.statements()] + [n.id for n in k.developments.notes] + [g.id for g in k.guidance]  # type: ignore[union-attr]
    for item in ids:
        assert not re.search(rf"(?<![\w/.-]){re.escape(item)}(?![\w-])", text), item


def test_the_blank_card_has_three_writing_lines_for_notes_each_tall_enough_to_write_on() -> None:
    lines = browser.measure(ok(*PAGES["card"]), ".back .f-note .blank")
    assert len(lines) == 3
    for width, height in lines:
        assert height >= 4 - 0.05 and width >= 25
    rows = browser.measure(ok(*PAGES["card"]), ".back .fields > div")
    assert len(rows) == 5  # name, contact, doctor, medicines, allergies and other notes

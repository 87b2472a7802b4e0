"""The browser harness (tests/browser.py) measured against pages whose answers are known.

Each check has a control that must come out differently, so a harness that returned a constant, ignored
print media, or ignored the paper size would fail here. These tests need Chromium: without it they skip
(with FOPINFO_REQUIRE_BROWSER=1, as in CI, they fail instead).
"""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

from tests import browser


def page(body: str, style: str = "", title: str = "Sample") -> str:
    """A small, valid, self-contained HTML document."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>body {{ font: 16px/1.4 sans-serif; color: #111; background: #fff }}"
        f" {style}</style></head><body><main>{body}</main></body></html>"
    )


CARD = page('<div class="card"><h1>FOP</h1><p>Wallet card</p></div>', ".card { width: 85.6mm; height: 54mm }")
# A card that is only card-sized when printed: on screen it fills the width.
PRINT_ONLY_CARD = page(
    '<div class="card"><p>Card</p></div>',
    ".card { width: 100%; height: 200px } @media print { .card { width: 85.6mm; height: 54mm } }",
)
SHORT = page("<h1>Short</h1><p>One paragraph.</p>")
LONG = page("".join(f"<p>Paragraph {i}: FOP reference text that fills the page.</p>" for i in range(120)))


def stack(count: int, height_mm: float) -> str:
    """``count`` blocks of ``height_mm`` each, printed with no page margin."""
    blocks = "".join(f'<div class="b">{i}</div>' for i in range(count))
    return page(blocks, f"@page {{ margin: 0 }} body {{ margin: 0 }} .b {{ height: {height_mm}mm }}")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- no browser needed ----------------------------------------------------------------------------


def test_a_missing_chromium_is_a_reason_not_a_crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOPINFO_CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert browser.chromium_path() is None
    reason = browser.unavailable()
    assert reason is not None
    if importlib.util.find_spec("playwright") and importlib.util.find_spec("pypdf"):
        assert "FOPINFO_CHROMIUM" in reason


def test_a_missing_axe_is_a_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOPINFO_AXE_JS", str(tmp_path / "axe.min.js"))
    assert browser.axe_js_path() is None
    if browser.unavailable() is None:
        reason = browser.axe_unavailable()
        assert reason is not None and "FOPINFO_AXE_JS" in reason


# --- sizes in mm ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("chromium")
def test_a_card_measures_85_6_by_54_mm_at_print() -> None:
    [(width, height)] = browser.measure(CARD, ".card")
    assert width == pytest.approx(85.6, abs=1)
    assert height == pytest.approx(54, abs=1)


@pytest.mark.usefixtures("chromium")
def test_measure_tells_sizes_apart_and_counts_elements() -> None:
    html = page('<div class="x"></div><div class="x"></div>', ".x { width: 90mm; height: 50mm }")
    sizes = browser.measure(html, ".x")
    assert len(sizes) == 2
    for width, height in sizes:
        assert width == pytest.approx(90, abs=1) and width != pytest.approx(85.6, abs=1)
        assert height == pytest.approx(50, abs=1)
    assert browser.measure(html, ".absent") == []


@pytest.mark.usefixtures("chromium")
def test_measure_applies_print_media() -> None:
    [(width, height)] = browser.measure(PRINT_ONLY_CARD, ".card", media="print")
    assert (width, height) == pytest.approx((85.6, 54), abs=1)
    [(screen_width, screen_height)] = browser.measure(PRINT_ONLY_CARD, ".card", media="screen", width=1024)
    assert screen_width > 200 and screen_height == pytest.approx(200 / browser.PX_PER_MM, abs=0.5)


# --- printed pages --------------------------------------------------------------------------------


@pytest.mark.usefixtures("chromium")
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_short_page_prints_one_page_long_page_more(paper: browser.Paper) -> None:
    assert browser.pdf_page_count(SHORT, paper) == 1
    assert browser.pdf_page_count(LONG, paper) > 1


@pytest.mark.usefixtures("chromium")
def test_paper_sizes_are_real() -> None:
    [(a4_w, a4_h)] = browser.pdf_pages_mm(SHORT, "A4")
    [(letter_w, letter_h)] = browser.pdf_pages_mm(SHORT, "Letter")
    assert (a4_w, a4_h) == pytest.approx((210, 297), abs=1)
    assert (letter_w, letter_h) == pytest.approx((215.9, 279.4), abs=1)


@pytest.mark.usefixtures("chromium")
def test_the_paper_asked_for_wins_over_a_css_page_size_but_not_its_orientation() -> None:
    wide = page("<p>Card</p>", "@page { size: 85.6mm 54mm }")
    tall = page("<p>Card</p>", "@page { size: 54mm 85.6mm }")
    assert browser.pdf_pages_mm(wide, "Letter") == [pytest.approx((279.4, 215.9), abs=1)]
    assert browser.pdf_pages_mm(tall, "Letter") == [pytest.approx((215.9, 279.4), abs=1)]


@pytest.mark.usefixtures("chromium")
def test_millimetres_on_paper_decide_the_page_count() -> None:
    # 4 x 71 mm = 284 mm: fits A4 (297 mm tall), not Letter (279.4 mm); 5 x 54 = 270 mm fits both, 6 x 54 neither.
    assert browser.pdf_page_count(stack(4, 71), "A4") == 1
    assert browser.pdf_page_count(stack(4, 71), "Letter") == 2
    assert browser.pdf_page_count(stack(5, 54), "Letter") == 1
    assert browser.pdf_page_count(stack(6, 54), "A4") == 2


@pytest.mark.usefixtures("chromium")
def test_default_margins_are_the_print_dialogs_unless_the_page_sets_its_own() -> None:
    # 5 x 56 mm = 280 mm fits A4 with no margin, not within Chrome's default 0.4 in margins (276.7 mm left).
    blocks = "".join(f'<div class="b">{i}</div>' for i in range(5))
    plain = page(blocks, "body { margin: 0 } .b { height: 56mm }")
    assert browser.pdf_page_count(plain, "A4") == 2
    assert browser.pdf_page_count(plain, "A4", margin_mm=0) == 1
    assert browser.pdf_page_count(stack(5, 56), "A4") == 1  # its @page { margin: 0 } wins


# --- overflow and clipping ------------------------------------------------------------------------


@pytest.mark.usefixtures("chromium")
def test_clipped_text_is_reported() -> None:
    clipped = page(
        '<p class="clip">Fibrodysplasia ossificans progressiva is a rare genetic condition</p>',
        ".clip { width: 100px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis }",
    )
    found = browser.overflowing(clipped)
    assert len(found) == 1 and found[0].startswith("p.clip: scrollWidth"), found


@pytest.mark.usefixtures("chromium")
def test_text_taller_than_its_box_is_reported() -> None:
    tall = page('<div id="box">' + "Line of text. " * 40 + "</div>", "#box { width: 80mm; height: 20mm }")
    found = browser.overflowing(tall)
    assert len(found) == 1 and found[0].startswith("div#box: scrollHeight"), found  # not its ancestors too


@pytest.mark.usefixtures("chromium")
def test_an_ignored_scroll_container_is_not_reported() -> None:
    scroller = page('<div id="log">' + "Line of text. " * 40 + "</div>", "#log { height: 20mm; overflow: auto }")
    assert [item.split(":")[0] for item in browser.overflowing(scroller)] == ["div#log"]
    assert browser.overflowing(scroller, ignore=["#log"]) == []


@pytest.mark.usefixtures("chromium")
def test_a_clean_page_has_no_overflow() -> None:
    assert browser.overflowing(CARD) == []
    assert browser.overflowing(LONG) == []  # a long page scrolls; that is not overflow


@pytest.mark.usefixtures("chromium")
def test_a_page_wider_than_a_phone_is_reported_at_390_px() -> None:
    wide = page('<table class="t"><tr><td>wide</td></tr></table>', ".t { width: 600px }")
    assert browser.horizontal_overflow_px(wide, 390) > 100
    assert any(item.startswith("html: scrollWidth") for item in browser.overflowing(wide, width=390))
    assert browser.horizontal_overflow_px(wide, 1024) == 0
    assert browser.horizontal_overflow_px(LONG, 390) == 0


# --- self-containment -----------------------------------------------------------------------------


@pytest.mark.usefixtures("chromium")
def test_requests_for_outside_resources_are_refused_and_listed() -> None:
    needy = page('<img src="https://example.invalid/logo.png" alt="Logo">')
    assert browser.external_requests(needy) == ["https://example.invalid/logo.png"]
    assert browser.external_requests(CARD) == []


# --- accessibility --------------------------------------------------------------------------------


@pytest.mark.usefixtures("axe")
def test_axe_reports_nothing_on_a_clean_page() -> None:
    violations = browser.axe_violations(CARD)
    assert violations == [], browser.describe_violations(violations)


@pytest.mark.usefixtures("axe")
def test_axe_reports_an_image_without_alt_text() -> None:
    pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    violations = browser.axe_violations(page(f'<img src="{pixel}" width="20" height="20">'))
    assert [v["id"] for v in violations] == ["image-alt"], browser.describe_violations(violations)


@pytest.mark.usefixtures("axe")
def test_axe_reports_low_contrast_text() -> None:
    violations = browser.axe_violations(page('<p style="color: #bbb">Faint text</p>'))
    assert [v["id"] for v in violations] == ["color-contrast"], browser.describe_violations(violations)


def test_axe_version_is_known() -> None:
    if browser.axe_js_path() is None:
        pytest.skip("axe-core not installed")
    major, minor = (int(part) for part in browser.axe_version().split(".")[:2])
    assert (major, minor) >= (4, 8)


# --- screenshots ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("chromium")
def test_screenshot_is_a_png_of_the_asked_width(tmp_path: Path) -> None:
    short = browser.screenshot(SHORT, tmp_path / "short.png", 390)
    long = browser.screenshot(LONG, tmp_path / "long.png", 390)
    assert png_size(short) == (390, 800)
    width, height = png_size(long)
    assert width == 390 and height > 3000  # the full page, not the viewport
    assert png_size(browser.screenshot(LONG, tmp_path / "top.png", 390, full_page=False)) == (390, 800)

"""Regenerate docs/card.png and docs/sheet-{emergency,school,dentist}.png: the wallet card and each
one-page sheet as they print (print CSS, A4), in headless Chromium.

    python -m tests.screenshots

Uses tests/browser.py's system Chromium; the card and sheets are the bundled ones with blank fields,
on the fixed day the golden files use, so a picture changes only when its page does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.testing import CliRunner

from fopinfo.cli import app
from tests import browser
from tests.golden import ENVIRONMENT

DOCS = Path(__file__).resolve().parent.parent / "docs"
A4_WIDTH_PX = round(210 * browser.PX_PER_MM)
#: A sheet's printable width on A4 (its @page side margins are 12 mm).
SHEET_WIDTH_PX = round((210 - 2 * 12) * browser.PX_PER_MM)
AUDIENCES = ("emergency", "school", "dentist")


def html_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--html"], env=ENVIRONMENT)
    assert result.exit_code == 0, result.output
    return result.stdout


def card_html() -> str:
    return html_of("card")


def save(html: str, path: Path, *, scale: int = 2, selector: str = ".sheet", width: int = A4_WIDTH_PX) -> Path:
    """The printed element ``selector`` (the card: clipped to its cut and fold marks), at ``scale`` px per CSS px."""
    context = browser._browser().new_context(viewport={"width": width, "height": 600}, device_scale_factor=scale)
    context.route("**/*", lambda route: route.abort())  # self-contained: nothing is fetched
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.set_content(html, wait_until="load")
        page.locator(selector).screenshot(path=str(path))
    finally:
        context.close()
    return path


def main() -> int:
    reason = browser.unavailable()
    if reason:
        print(f"cannot make screenshots: {reason}", file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    try:
        targets = [save(card_html(), DOCS / "card.png")]
        for audience in AUDIENCES:
            html = html_of("handout", "--for", audience)
            targets.append(save(html, DOCS / f"sheet-{audience}.png", selector="main", width=SHEET_WIDTH_PX))
    finally:
        browser.close()
    for target in targets:
        print(os.path.relpath(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())

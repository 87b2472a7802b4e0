"""Regenerate docs/card.png: the wallet card as it prints (print CSS, A4 width), in headless Chromium.

    python -m tests.screenshots

Uses tests/browser.py's system Chromium; the card is the bundled one with blank fields, on the
fixed day the golden files use, so the picture changes only when the card does.
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


def card_html() -> str:
    result = CliRunner().invoke(app, ["card", "--html"], env=ENVIRONMENT)
    assert result.exit_code == 0, result.output
    return result.stdout


def save(html: str, path: Path, *, scale: int = 2) -> Path:
    """The printed card only (clipped to its cut and fold marks), at ``scale`` device pixels per CSS px."""
    context = browser._browser().new_context(viewport={"width": A4_WIDTH_PX, "height": 600}, device_scale_factor=scale)
    context.route("**/*", lambda route: route.abort())  # self-contained: nothing is fetched
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.set_content(html, wait_until="load")
        page.locator(".sheet").screenshot(path=str(path))
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
        target = save(card_html(), DOCS / "card.png")
    finally:
        browser.close()
    print(os.path.relpath(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())

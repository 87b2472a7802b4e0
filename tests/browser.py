"""Render self-contained HTML in a real headless Chromium and measure it.

A test harness for pages the project prints from HTML (a wallet card, one-page
sheets): how many pages they print on A4 and US Letter, how big an element is in
millimetres at print, whether any text overflows or is clipped, whether the page
fits a 390 px phone, what axe-core says about accessibility, and a screenshot.

Nothing is downloaded at run time. The browser is the system's Chromium (Debian's
``chromium`` package, or ``FOPINFO_CHROMIUM``), driven by Playwright's Python
package through ``executable_path``. PDF pages are counted with pypdf. axe-core is
the ``axe.min.js`` that the ``axe-playwright-python`` wheel ships (only that file
is used, not its API); ``FOPINFO_AXE_JS`` may name another copy, e.g. one from
``npm pack axe-core``.

One browser is started on first use and kept for the whole process (the tests'
session fixture calls :func:`close`); every call gets a fresh browser context, so
calls do not share state. Pages are loaded with ``set_content`` and every network
request they make is refused: a page that needs anything from outside shows it in
:func:`external_requests` and renders without it, as it would offline.

Units: CSS px are 1/96 in, so 1 mm = 96 / 25.4 px. Printing uses Chromium's own
print path (``page.pdf``) with the margins of Chrome's print dialog by default
(0.4 in); an ``@page { margin }`` rule in the page overrides them, as in a browser.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

Paper = Literal["A4", "Letter"]
Media = Literal["print", "screen"]

MM_PER_INCH = 25.4
PX_PER_INCH = 96.0
PX_PER_MM = PX_PER_INCH / MM_PER_INCH
#: Paper sizes in mm (width, height), portrait.
PAPER_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
#: Chrome's print dialog "Default" margins, used when the page sets no @page margin.
DEFAULT_MARGIN_MM = 0.4 * MM_PER_INCH
#: The axe-core tags for WCAG 2.0 and 2.1, levels A and AA.
WCAG21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")

_state: dict[str, Any] = {}


# --- what is available ----------------------------------------------------------------------------


def chromium_path() -> str | None:
    """The Chromium to drive: ``FOPINFO_CHROMIUM`` if set, else the first one on PATH, else None."""
    override = os.environ.get("FOPINFO_CHROMIUM")
    if override:
        return override if os.access(override, os.X_OK) and Path(override).is_file() else None
    for name in _CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def axe_js_path() -> Path | None:
    """axe-core's ``axe.min.js``: ``FOPINFO_AXE_JS`` if set, else the copy in ``axe-playwright-python``."""
    override = os.environ.get("FOPINFO_AXE_JS")
    if override:
        return Path(override) if Path(override).is_file() else None
    if importlib.util.find_spec("axe_playwright_python") is None:
        return None
    candidate = Path(str(resources.files("axe_playwright_python") / "axe.min.js"))
    return candidate if candidate.is_file() else None


def unavailable() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    for module, package in (("playwright", "playwright"), ("pypdf", "pypdf")):
        if importlib.util.find_spec(module) is None:
            return f"Python package {package!r} is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        where = os.environ.get("FOPINFO_CHROMIUM")
        if where:
            return f"FOPINFO_CHROMIUM={where} is not an executable file"
        return "no Chromium on PATH (apt-get install chromium, or set FOPINFO_CHROMIUM)"
    return None


def axe_unavailable() -> str | None:
    """Why the accessibility audit cannot run here, or None if it can."""
    reason = unavailable()
    if reason:
        return reason
    if axe_js_path() is None:
        where = os.environ.get("FOPINFO_AXE_JS")
        if where:
            return f"FOPINFO_AXE_JS={where} is not a file"
        return "axe-core not found: pip install axe-playwright-python (in the 'test' extra), or set FOPINFO_AXE_JS"
    return None


# --- one browser per process ----------------------------------------------------------------------


def _browser() -> Browser:
    browser: Browser | None = _state.get("browser")
    if browser is not None and browser.is_connected():
        return browser
    reason = unavailable()
    if reason:
        raise RuntimeError(f"cannot start the browser: {reason}")
    from playwright.sync_api import sync_playwright

    playwright: Playwright | None = _state.get("playwright")
    if playwright is None:
        playwright = sync_playwright().start()
        _state["playwright"] = playwright
    browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True)
    _state["browser"] = browser
    return browser


def close() -> None:
    """Close the shared browser and Playwright, if started. Safe to call more than once."""
    browser: Browser | None = _state.pop("browser", None)
    playwright: Playwright | None = _state.pop("playwright", None)
    if browser is not None:
        browser.close()
    if playwright is not None:
        playwright.stop()


def browser_version() -> str:
    """The version of the Chromium in use (starts it if needed)."""
    return _browser().version


def _printable_width_px(paper: Paper) -> int:
    return round((PAPER_MM[paper][0] - 2 * DEFAULT_MARGIN_MM) * PX_PER_MM)


def _open(
    html: str, *, width: int, height: int = 800, media: Media = "screen"
) -> tuple[BrowserContext, Page, list[str]]:
    """A fresh context and page with ``html`` loaded and fonts ready; the URLs it asked for (all refused)."""
    context = _browser().new_context(
        viewport={"width": width, "height": height}, device_scale_factor=1, bypass_csp=True, java_script_enabled=True
    )
    blocked: list[str] = []

    def refuse(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    context.route("**/*", refuse)
    page = context.new_page()
    page.emulate_media(media=media)
    page.set_content(html, wait_until="load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return context, page, blocked


# --- measurements ---------------------------------------------------------------------------------


def pdf_bytes(
    html: str, paper: Paper = "A4", *, margin_mm: float = DEFAULT_MARGIN_MM, landscape: bool = False
) -> bytes:
    """Print ``html`` to PDF through Chromium on ``paper``.

    An ``@page { margin }`` in the page wins over ``margin_mm``, as in a browser. An ``@page { size }`` does
    not set the paper (it stays the one asked for, as when a user picks it in the print dialog), but Chromium
    takes its orientation: a size wider than tall prints the paper in landscape.
    """
    context, page, _ = _open(html, width=_printable_width_px(paper), media="print")
    try:
        margin = f"{margin_mm}mm"
        return page.pdf(
            format=paper,
            landscape=landscape,
            print_background=True,
            margin={"top": margin, "right": margin, "bottom": margin, "left": margin},
        )
    finally:
        context.close()


def pdf_page_count(html: str, paper: Paper = "A4", *, margin_mm: float = DEFAULT_MARGIN_MM) -> int:
    """How many pages ``html`` prints on ``paper`` ("A4" or "Letter")."""
    return len(pdf_pages_mm(html, paper, margin_mm=margin_mm))


def pdf_pages_mm(html: str, paper: Paper = "A4", *, margin_mm: float = DEFAULT_MARGIN_MM) -> list[tuple[float, float]]:
    """The size in mm (width, height) of each page ``html`` prints on ``paper``."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes(html, paper, margin_mm=margin_mm)))
    return [
        (float(p.mediabox.width) / 72 * MM_PER_INCH, float(p.mediabox.height) / 72 * MM_PER_INCH) for p in reader.pages
    ]


def measure(html: str, selector: str, media: Media = "print", *, width: int | None = None) -> list[tuple[float, float]]:
    """Width and height in mm of every element matching ``selector``, laid out for ``media``.

    For print the viewport is the printable width of A4 at the default margins, unless ``width`` (px) is given.
    """
    viewport = width or (_printable_width_px("A4") if media == "print" else 1024)
    context, page, _ = _open(html, width=viewport, media=media)
    try:
        sizes: list[list[float]] = page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)].map(e => {
                const r = e.getBoundingClientRect();
                return [r.width, r.height];
            })""",
            selector,
        )
    finally:
        context.close()
    return [(w / PX_PER_MM, h / PX_PER_MM) for w, h in sizes]


_OVERFLOW_JS = """([tolerance, ignore]) => {
    const ignored = ignore.flatMap(s => [...document.querySelectorAll(s)]);
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + [...e.classList].map(c => '.' + c).join('');
    const root = document.documentElement;
    const found = [];
    for (const e of [root, ...root.querySelectorAll('*')]) {
        if (ignored.some(i => i.contains(e)) || (e.clientWidth === 0 && e.clientHeight === 0)) continue;
        const problems = [];
        if (e.scrollWidth > e.clientWidth + tolerance)
            problems.push(`scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}`);
        // The root scrolls vertically by design: a long page is not an overflow.
        if (e !== root && e.scrollHeight > e.clientHeight + tolerance)
            problems.push(`scrollHeight ${e.scrollHeight} > clientHeight ${e.clientHeight}`);
        if (problems.length) found.push([e, problems]);
    }
    // Overflow shows in every ancestor up to the first that clips it: name the deepest element of each
    // chain, and the root whenever the page is wider than the viewport.
    const deepest = found.filter(([e]) => e === root || !found.some(([o]) => o !== e && o !== root && e.contains(o)));
    return deepest.map(([e, problems]) => {
        const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
        return `${name(e)}: ${problems.join(', ')}` + (text && e !== root ? ` ${JSON.stringify(text)}` : '');
    });
}"""


def overflowing(
    html: str,
    *,
    width: int = 390,
    height: int = 800,
    media: Media = "screen",
    tolerance: int = 1,
    ignore: Sequence[str] = (),
) -> list[str]:
    """Elements whose content is wider or taller than their box (overflowing or clipped), as descriptions.

    Checks every element, the root included (horizontally only: a long page scrolls down by design), so a
    page wider than ``width`` px shows up as ``html``. Content that spills out of a box also makes each
    ancestor up to the first clipping one overflow; only the deepest element of such a chain is listed.
    Scroll containers count as overflowing too (on a card or a sheet, they are a fault); elements matching
    a selector in ``ignore``, and their descendants, are skipped, e.g. a deliberate scroll container
    (content that visibly spills out of an ignored element still shows in its ancestors).
    """
    context, page, _ = _open(html, width=width, height=height, media=media)
    try:
        found: list[str] = page.evaluate(_OVERFLOW_JS, [tolerance, list(ignore)])
    finally:
        context.close()
    return found


def horizontal_overflow_px(html: str, width: int = 390) -> int:
    """How many px the document is wider than a ``width`` px viewport (0 if it fits)."""
    context, page, _ = _open(html, width=width)
    try:
        extra: int = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    finally:
        context.close()
    return max(0, extra)


def external_requests(html: str) -> list[str]:
    """URLs the page tried to fetch (all refused): a self-contained page makes none."""
    context, _page, blocked = _open(html, width=1024)
    context.close()
    return blocked


def axe_violations(html: str, tags: Sequence[str] = WCAG21_AA, *, width: int = 1024) -> list[dict[str, Any]]:
    """axe-core's violations for ``tags`` (default: WCAG 2.0/2.1 A and AA), as axe reports them.

    Each is a dict with ``id``, ``impact``, ``help``, ``helpUrl`` and ``nodes`` (each with ``target`` and
    ``failureSummary``). Results axe cannot decide ("incomplete") are not violations and are not returned.
    """
    source = _state.get("axe_source")
    if source is None:
        path = axe_js_path()
        if path is None:
            raise RuntimeError(f"cannot run axe-core: {axe_unavailable()}")
        source = path.read_text(encoding="utf-8")
        _state["axe_source"] = source
    context, page, _ = _open(html, width=width)
    try:
        page.add_script_tag(content=source)
        violations: list[dict[str, Any]] = page.evaluate(
            """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                .then(r => r.violations)""",
            list(tags),
        )
    finally:
        context.close()
    return violations


def axe_version() -> str:
    """The version of the axe-core in use, from its banner (no browser needed)."""
    path = axe_js_path()
    if path is None:
        raise RuntimeError(f"cannot find axe-core: {axe_unavailable()}")
    with path.open(encoding="utf-8") as handle:
        banner = handle.readline()  # "/*! axe v4.12.1"
    return banner.split("axe v", 1)[-1].strip()


def describe_violations(violations: Sequence[dict[str, Any]]) -> str:
    """One line per violation and node, for an assertion message."""
    lines = []
    for v in violations:
        for node in v.get("nodes", []):
            lines.append(f"{v['id']} ({v.get('impact')}): {v.get('help')} at {node.get('target')}")
    return "\n".join(lines) or "no violations"


def screenshot(
    html: str, path: str | Path, width: int = 390, *, height: int = 800, full_page: bool = True, media: Media = "screen"
) -> Path:
    """Save a PNG of ``html`` rendered ``width`` px wide (the whole page unless ``full_page`` is false)."""
    target = Path(path)
    context, page, _ = _open(html, width=width, height=height, media=media)
    try:
        page.screenshot(path=str(target), full_page=full_page, type="png")
    finally:
        context.close()
    return target

"""The wallet card and the one-page sheets as printable HTML: built here, not from Markdown, because
paper decides their layout (a card is 85.6 × 54 mm a side, a sheet one page).

Self-contained: inline CSS, no scripts, no external assets; the only URLs are links to the
public records fopinfo points to, their addresses printed as their text. Every string from the
knowledge file or the command line is escaped (and cleaned of control characters): data, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from fopinfo import clock
from fopinfo.answers import Card, Fields, Sheet
from fopinfo.model import Knowledge, Statement
from fopinfo.safe_text import clean
from fopinfo.views.wording import (
    EDITORIAL_MARK,
    EDITORIAL_NOTE,
    FIELD_LABELS,
    GUIDANCE_CLOSE,
    GUIDANCE_HEADING,
    SHEET_EDITORIAL_NOTE,
    SHEET_NOTES_CLOSE,
    SHEET_NOTES_HEADING,
    card_origin_line,
    covers_line,
    developments_line,
    disclaimer_line,
    marker_label,
    notes_line,
    origin_line,
    pointer_line,
    sheet_notes,
)

HOW_TO_PRINT = (
    "Print at 100% scale (not “fit to page”), on A4 or US Letter. Cut along the solid outline, "
    "fold along the dashed line, and laminate."
)


def _e(text: str) -> str:
    return escape(clean(text))


def _link(url: str | None) -> str:
    """A public record fopinfo points to as a real link, its address the link's text, so paper shows it too."""
    if not url or not url.lower().startswith(("https://", "http://")):
        return ""
    address = _e(url)
    return f' <a href="{address}">{address}</a>'


def _editorial(title: str) -> str:
    return f'{_e(title)} <span class="mark">{EDITORIAL_MARK}</span>'


def _markers(cites: Iterable[int]) -> str:
    label = marker_label(cites)
    return f'<span class="markers">{label}</span>' if label.startswith("[") else f"<em>{label}</em>"


def _chosen(statements: Iterable[Statement]) -> str:
    """The source's statements verbatim with their markers; the aims that complete a lead, listed under it."""
    out: list[str] = []
    open_aims = False
    for s in statements:
        item = f"<li>{_e(s.text)} {_markers(s.cites)}"
        if s.items:  # a lead's list, the source's own lines, under it
            item += "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in s.items) + "</ul>"
        if s.aim:
            out.append(("" if open_aims else "<ul>") + item + "</li>")
            open_aims = True
            continue
        if open_aims:
            out.append("</ul></li>")
            open_aims = False
        elif out:
            out.append("</li>")
        out.append(item)
    out.append("</ul></li>" if open_aims else "</li>" if out else "")
    return "<ul>" + "".join(out) + "</ul>\n"


def _fields(fields: Fields) -> str:
    rows = []
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        shown = f'<span class="value">{_e(value)}</span>' if value else '<span class="blank"></span>'
        rows.append(f"<div><dt>{label}:</dt><dd>{shown}</dd></div>")
    return f'<dl class="fields">{"".join(rows)}</dl>\n'


def _page(title: str, css: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_BASE_CSS}{css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


_BASE_CSS = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 12px; color: #111; background: #fff;
       font-family: Arial, "Liberation Sans", Helvetica, "DejaVu Sans", sans-serif; overflow-wrap: break-word; }
h1, h2, p, ul, dl, dd { margin: 0; }
.markers { color: #333; white-space: nowrap; }
.mark { font-weight: normal; }
.fields div { display: flex; align-items: baseline; gap: 0.4em; }
.fields dt { font-weight: bold; white-space: nowrap; }
.fields dd { flex: 1; min-width: 0; }
.fields .blank { display: block; border-bottom: 1px solid #555; height: 1.3em; }
@media print { body { padding: 0; } }
"""

# On paper: two 85.6 × 54 mm sides in a row, joined at the fold, with cut and fold marks around them.
# On a screen: the two sides one under the other, as wide as the screen allows, in larger type.
_CARD_CSS = """
@page { margin: 10mm; }
.how { font-size: 11pt; line-height: 1.4; max-width: 40em; margin-bottom: 1em; }
.sheet { position: relative; }
.card { display: flex; flex-wrap: wrap; gap: 12px; }
.side { width: 100%; max-width: 30em; border: 1px solid #555; border-radius: 8px; padding: 0.8em;
        font-size: 15px; line-height: 1.35; }
.side h1 { font-size: 1.15em; line-height: 1.2; margin-bottom: 0.3em; }
.side ul { padding-left: 1.1em; }
.side li + li { margin-top: 0.15em; }
.side .small { font-size: 0.9em; margin-top: 0.3em; }
.fields div + div { margin-top: 0.2em; }
.crop { display: none; }
@media print {
  .how { font-size: 10pt; margin-bottom: 8mm; }
  .sheet { width: 183.2mm; padding: 6mm; break-inside: avoid; }
  .card { gap: 0; flex-wrap: nowrap; outline: 0.25mm solid #000; }
  .side { width: 85.6mm; height: 54mm; max-width: none; border: 0; border-radius: 0;
          padding: 1.1mm 3mm; font-size: 7.5pt; line-height: 1.1; }
  .front { border-right: 0.25mm dashed #000; }
  .side h1 { font-size: 9pt; margin-bottom: 1mm; }
  .side ul { padding-left: 3mm; }
  .side li + li { margin-top: 0.6mm; }
  .side .small { font-size: 7pt; margin-top: 0.3mm; line-height: 1.05; }
  .fields div { min-height: 3.5mm; }
  .fields div + div { margin-top: 0; }
  .fields .blank { height: 4mm; }
  .crop { display: block; position: absolute; border: 0 solid #000; }
  .crop.v { width: 0; height: 4mm; border-left-width: 0.2mm; }
  .crop.h { width: 4mm; height: 0; border-top-width: 0.2mm; }
  .crop.fold { border-left-style: dashed; }
  .top { top: 1mm; } .bottom { bottom: 1mm; } .left { left: 1mm; } .right { right: 1mm; }
  .x0 { left: 6mm; } .x1 { left: 91.6mm; } .x2 { left: 177.2mm; }
  .y0 { top: 6mm; } .y1 { top: 60mm; }
}
"""

_MARKS = "".join(
    f'<span class="crop {cls}"></span>'
    for cls in (
        "v top x0",
        "v top x2",
        "v bottom x0",
        "v bottom x2",
        "h left y0",
        "h right y0",
        "h left y1",
        "h right y1",
        "v fold top x1",
        "v fold bottom x1",
    )
)


def card(a: Card) -> str:
    k = a.k
    later = notes_line(k, clock.today())
    front = (
        '<section class="side front" aria-label="Card front">\n'
        f"<h1>{_editorial(a.choice.title)}</h1>\n{_chosen(a.choice.statements())}"
        f'<p class="small">{_e(EDITORIAL_NOTE)}</p>\n</section>\n'
    )
    back = (
        '<section class="side back" aria-label="Card back">\n'
        f"{_fields(a.fields)}"
        + (f'<p class="small">{_e(later)}</p>\n' if later else "")
        + f'<p class="small">{_e(card_origin_line(k, clock.today()))}</p>\n'
        f'<p class="small">{_e(disclaimer_line(k))}</p>\n</section>\n'
    )
    body = (
        f'<main>\n<p class="how">{escape(HOW_TO_PRINT)}</p>\n'
        f'<div class="sheet">\n<div class="card">\n{front}{back}</div>\n'
        f'<div aria-hidden="true">{_MARKS}</div>\n</div>\n</main>\n'
    )
    return _page(f"FOP wallet card: {clean(a.choice.title)}", _CARD_CSS, body)


_SHEET_CSS = """
@page { margin: 12mm 14mm; }
main { max-width: 46em; margin: 0 auto; font-size: 16px; line-height: 1.45; }
h1 { font-size: 1.4em; line-height: 1.25; margin-bottom: 0.4em; }
h2 { font-size: 1.08em; margin: 0.9em 0 0.25em; }
ul { padding-left: 1.3em; }
li + li { margin-top: 0.2em; }
.notes li { margin-top: 0.3em; }
.guidance li { margin-top: 0.2em; }
.guidance p { font-size: 0.9em; margin-top: 0.2em; }
.url { overflow-wrap: anywhere; color: #333; }
.ref { color: #333; }
.ref a { color: inherit; overflow-wrap: anywhere; }
.fields { margin-top: 1em; }
.fields div + div { margin-top: 0.6em; }
footer { margin-top: 1em; border-top: 1px solid #555; padding-top: 0.5em; font-size: 0.9em; }
footer p + p { margin-top: 0.3em; }
@media print {
  main { max-width: none; font-size: 9.5pt; line-height: 1.25; }
  h1 { font-size: 14pt; }
  h2 { font-size: 10.5pt; margin-top: 2.5mm; break-after: avoid; }
  li { break-inside: avoid; }
  li + li { margin-top: 0.8mm; }
  .notes ul, .guidance ul { font-size: 8pt; line-height: 1.2; }
  .notes li, .guidance li { margin-top: 0.5mm; }
  .guidance p { font-size: 8pt; margin-top: 0.5mm; }
  .fields { margin-top: 3mm; }
  .fields div + div { margin-top: 2mm; }
  .fields .blank { height: 5mm; }
  footer { margin-top: 3mm; padding-top: 1.5mm; font-size: 8pt; }
  footer p + p { margin-top: 0.6mm; }
}
"""


def sheet(a: Sheet) -> str:
    k = a.k
    parts = [f"<h1>{_editorial(a.choice.title)}</h1>\n"]
    if a.guidance:  # near the top; each address a link whose text is the address, so paper shows it
        items = "".join(
            f'<li>{_e(pointer_line(g))} {_e(covers_line(g))}<span class="url">{_link(g.url) or " " + _e(g.url)}</span>'
            "</li>"
            for g in a.guidance
        )
        parts.append(
            f'<section class="guidance">\n<h2>{_editorial(GUIDANCE_HEADING)}</h2>\n<ul>{items}</ul>'
            f"<p>{_e(GUIDANCE_CLOSE)}</p>\n</section>\n"
        )
    for group in a.choice.groups:
        parts.append(f"<section>\n<h2>{_editorial(group.heading)}</h2>\n{_chosen(group.statements)}</section>\n")
    if a.notes:
        items = "".join(
            f"<li><strong>{_e(line)}</strong></li>" if bold else f"<li>{_e(line)}</li>"
            for line, bold in sheet_notes(a.notes, a.standing)
        )
        close = f"<p>{_e(SHEET_NOTES_CLOSE)}</p>"
        parts.append(
            f'<section class="notes">\n<h2>{_e(SHEET_NOTES_HEADING)}</h2>\n<ul>{items}</ul>{close}\n</section>\n'
        )
    parts.append(_fields(a.fields))
    parts.append(_footer(k, SHEET_EDITORIAL_NOTE if a.guidance else EDITORIAL_NOTE))
    return _page(clean(a.choice.title), _SHEET_CSS, "<main>\n" + "".join(parts) + "</main>\n")


def _footer(k: Knowledge, *lines: str) -> str:
    today = clock.today()
    later = developments_line(k, today)
    shown = [*lines, origin_line(k, today), *([later] if later else [])]
    paragraphs = "".join(f"<p>{_e(line)}</p>" for line in shown)
    return f"<footer>{paragraphs}<p><strong>{_e(disclaimer_line(k))}</strong></p></footer>\n"

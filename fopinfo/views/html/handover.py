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
from fopinfo.model import Group, Knowledge, Statement
from fopinfo.safe_text import clean
from fopinfo.views.wording import (
    CARD_NOTE_LINES,
    FIELD_LABELS,
    GUIDANCE_CLOSE,
    SHEET_NOTE_LINES,
    approved_line,
    approved_warnings,
    boxed_lines,
    card_source_line,
    covers_line,
    disclaimer_line,
    marker_label,
    origin_line,
    pointer_line,
    sheet_developments_line,
    sheet_legend,
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


def _linked(line: str, urls: Iterable[str | None]) -> str:
    """A line of fopinfo's, escaped, each of the given addresses in it a link whose text is the address."""
    out = _e(line)
    for url in urls:
        linked = _link(url).strip()
        if linked:
            out = out.replace(_e(url or ""), linked)
    return out


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


def _trigger(statements: Iterable[Statement]) -> str:
    """The source's trigger statement, set apart in a box and in bold: still its words and its marker."""
    return "".join(f'<p class="trigger"><strong>{_e(s.text)}</strong> {_markers(s.cites)}</p>\n' for s in statements)


def _fields(fields: Fields, note_lines: int) -> str:
    """Each fill-in, or a line to write on (several for the notes): the person the page is about."""
    rows = []
    for key, label in FIELD_LABELS:
        value: str | None = getattr(fields, key)
        lines = note_lines if key == "note" else 1
        shown = f'<span class="value">{_e(value)}</span>' if value else '<span class="blank"></span>' * lines
        rows.append(f'<div class="f-{key}"><dt>{label}:</dt><dd>{shown}</dd></div>')
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
.trigger { border: 2px solid #111; border-radius: 4px; padding: 0.35em 0.5em; }
.fields div { display: flex; align-items: baseline; gap: 0.4em; }
.fields dt { font-weight: bold; white-space: nowrap; }
.fields dd { flex: 1; min-width: 0; }
.fields .value { overflow-wrap: anywhere; }
.fields .blank { display: block; border-bottom: 1px solid #555; height: 1.3em; }
.fields div.f-note { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 0.4em; align-items: end; }
.fields .f-note dd { display: contents; }
.fields .f-note .blank + .blank { grid-column: 1 / -1; }
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
        font-size: 15px; line-height: 1.35; display: flex; flex-direction: column; }
.side h1 { font-size: 1.2em; line-height: 1.2; margin-bottom: 0.35em; padding-bottom: 0.2em;
           border-bottom: 3px solid #111; }
.side .trigger { margin-bottom: 0.35em; }
.side ul { padding-left: 1.1em; }
.side li + li { margin-top: 0.15em; }
.side .small { font-size: 0.85em; margin-top: 0.3em; }
.side .foot { margin-top: auto; }
.fields div + div { margin-top: 0.25em; }
.crop { display: none; }
@media print {
  .how { font-size: 10pt; margin-bottom: 8mm; }
  .sheet { width: 183.2mm; padding: 6mm; break-inside: avoid; }
  .card { gap: 0; flex-wrap: nowrap; outline: 0.25mm solid #000; }
  .side { width: 85.6mm; height: 54mm; max-width: none; border: 0; border-radius: 0;
          padding: 1.3mm 3mm 0.8mm; font-size: 7.5pt; line-height: 1.12; }
  .front { border-right: 0.25mm dashed #000; }
  .side h1 { font-size: 9.5pt; line-height: 1.12; margin-bottom: 1.2mm; padding-bottom: 0.8mm;
             border-bottom-width: 0.6mm; }
  .side .trigger { font-size: 8pt; border-width: 0.45mm; padding: 0.6mm 1.2mm; margin-bottom: 1mm; }
  .side ul { padding-left: 3mm; }
  .side li + li { margin-top: 0.6mm; }
  .side .small { font-size: 7pt; margin-top: 0.5mm; line-height: 1.05; }
  .back .foot { margin-top: 0.7mm; }
  .fields div { min-height: 4mm; align-items: flex-end; }
  .fields div + div { margin-top: 0; }
  .fields div.f-note { grid-auto-rows: 4.2mm; }
  .fields .blank { height: 4.2mm; }
  .side .fields .value { font-size: 7pt; line-height: 1.05; }
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
    today = clock.today()
    trigger = _trigger(a.choice.trigger.statements) if a.choice.trigger else ""
    later = approved_line(a.approved, k, today)
    warned = [w.reference.url for w in approved_warnings(a.approved)]  # where each warning is shown
    front = (
        '<section class="side front" aria-label="Card front">\n'
        f"<h1>{_e(a.choice.title)}</h1>\n{trigger}{_chosen(s for g in a.choice.groups for s in g.statements)}"
        + (f'<p class="small foot">{_linked(later, warned)}</p>\n' if later else "")
        + "</section>\n"
    )
    back = (
        '<section class="side back" aria-label="Card back">\n'
        f"{_fields(a.fields, CARD_NOTE_LINES)}"
        f'<p class="small foot">{_e(card_source_line(k, medicines=later is not None))}</p>\n'
        f'<p class="small">{_e(disclaimer_line(k))}</p>\n</section>\n'
    )
    body = (
        f'<main>\n<p class="how">{escape(HOW_TO_PRINT)}</p>\n'
        f'<div class="sheet">\n<div class="card">\n{front}{back}</div>\n'
        f'<div aria-hidden="true">{_MARKS}</div>\n</div>\n</main>\n'
    )
    return _page(f"FOP wallet card: {clean(a.choice.title)}", _CARD_CSS, body)


_SHEET_CSS = """
@page { margin: 10mm 12mm; }
main { max-width: 46em; margin: 0 auto; font-size: 16px; line-height: 1.45; }
h1 { font-size: 1.4em; line-height: 1.25; margin-bottom: 0.2em; }
h2 { font-size: 1.08em; margin: 0.9em 0 0.25em; }
.legend { font-size: 0.85em; color: #333; }
ul { padding-left: 1.3em; }
li + li { margin-top: 0.2em; }
.person { border: 1px solid #555; border-radius: 6px; padding: 0.2em 0.6em 0.6em; margin-top: 0.6em; }
.person h2 { margin-top: 0.3em; }
.fields div + div { margin-top: 0.6em; }
.trigger { font-size: 1.1em; }
.guidance li { margin-top: 0.2em; }
.guidance p { font-size: 0.9em; margin-top: 0.2em; }
.url { overflow-wrap: anywhere; color: #333; }
.medicines p + p { margin-top: 0.2em; }
.medicines .record { font-size: 0.9em; }
footer { margin-top: 1em; border-top: 1px solid #555; padding-top: 0.5em; font-size: 0.9em; }
footer p + p { margin-top: 0.3em; }
@media print {
  main { max-width: none; font-size: 9.5pt; line-height: 1.25; }
  h1 { font-size: 13pt; }
  h2 { font-size: 10pt; margin-top: 1.6mm; margin-bottom: 0.6mm; break-after: avoid; }
  .legend { font-size: 7.5pt; }
  .person { margin-top: 1.5mm; padding: 0 3mm 2mm; }
  .person h2 { margin-top: 1.2mm; }
  .fields { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 6mm; row-gap: 1.2mm; }
  .fields div + div { margin-top: 0; }
  .fields .f-note { grid-column: 1 / -1; }
  .fields .blank { height: 5.5mm; }
  .trigger { font-size: 10.5pt; border-width: 0.6mm; padding: 1.2mm 2.5mm; }
  li { break-inside: avoid; }
  li + li { margin-top: 0.6mm; }
  .guidance ul { font-size: 8pt; line-height: 1.18; }
  .guidance li { margin-top: 0.4mm; }
  .guidance p { font-size: 7.5pt; margin-top: 0.4mm; }
  .medicines p + p { margin-top: 0.4mm; }
  .medicines p { font-size: 8pt; line-height: 1.18; }
  .medicines .record { font-size: 7.5pt; }
  footer { margin-top: 2.5mm; padding-top: 1.2mm; font-size: 7.5pt; line-height: 1.15; }
  footer p + p { margin-top: 0.5mm; }
}
"""


def _block(a: Sheet, group: Group, number: int) -> str:
    """One group of the sheet in the file's order: statements, the guidance pointers or the line on medicines."""
    heading = f'<h2 id="h{number}">{_e(group.heading)}</h2>\n'
    if group.show == "guidance":
        if not a.guidance:
            return ""
        items = "".join(  # each address a link whose text is the address, so paper shows it
            f'<li>{_e(pointer_line(g))} {_e(covers_line(g))}<span class="url">{_link(g.url) or " " + _e(g.url)}</span>'
            "</li>"
            for g in a.guidance
        )
        return (
            f'<section class="guidance" aria-labelledby="h{number}">\n{heading}<ul>{items}</ul>'
            f"<p>{_e(GUIDANCE_CLOSE)}</p>\n</section>\n"
        )
    if group.show == "medicines":
        line = approved_line(a.approved, a.k, clock.today(), lead=False)
        if not line:
            return ""
        warnings = ""
        for w in approved_warnings(a.approved):  # fopinfo's one sentence, as written, and the record that shows it
            text, record = boxed_lines(w, with_url=False)
            warnings += f'<p class="warning"><strong>{_e(text)}</strong> <span class="record">{_e(record)}'
            warnings += f'<span class="url">{_link(w.reference.url)}</span></span></p>\n'
        return (
            f'<section class="medicines" aria-labelledby="h{number}">\n{heading}<p>{_e(line)}</p>\n{warnings}'
            "</section>\n"
        )
    return f'<section aria-labelledby="h{number}">\n{heading}{_chosen(group.statements)}</section>\n'


def sheet(a: Sheet) -> str:
    c = a.choice
    parts = [f"<h1>{_e(c.title)}</h1>\n", f'<p class="legend">{_e(sheet_legend(a, clock.today()))}</p>\n']
    person = _e(c.person or "The person this sheet is about")
    parts.append(
        f'<section class="person" aria-labelledby="person">\n<h2 id="person">{person}</h2>\n'
        f"{_fields(a.fields, SHEET_NOTE_LINES)}</section>\n"
    )
    if c.trigger is not None:
        parts.append(
            f'<section aria-labelledby="trigger">\n<h2 id="trigger">{_e(c.trigger.heading)}</h2>\n'
            f"{_trigger(c.trigger.statements)}</section>\n"
        )
    parts += [_block(a, group, i) for i, group in enumerate(c.groups)]
    parts.append(_footer(a.k))
    return _page(clean(c.title), _SHEET_CSS, "<main>\n" + "".join(parts) + "</main>\n")


def _footer(k: Knowledge) -> str:
    today = clock.today()
    later = sheet_developments_line(k, today)
    shown = [origin_line(k, today), *([later] if later else [])]
    paragraphs = "".join(f"<p>{_e(line)}</p>" for line in shown)
    return f"<footer>{paragraphs}<p><strong>{_e(disclaimer_line(k))}</strong></p></footer>\n"

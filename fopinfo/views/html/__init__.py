"""HTML views: one self-contained, printable page per answer (inline CSS, no scripts, no assets).

Content pages are the Markdown view rendered by markdown-it-py with ``html=False``, so any
HTML that reached the Markdown is shown as text, never passed through. fopinfo's own
addresses are links whose text is the address, so a printed page shows where each leads.
"""

from __future__ import annotations

from fopinfo.answers import (
    Answer,
    Card,
    CheckResult,
    Cited,
    Definition,
    FactList,
    Found,
    Handout,
    Overview,
    SectionPage,
    Sheet,
    SourceList,
    SubjectPage,
    TopicList,
    Updates,
    assert_never,
)
from fopinfo.safe_text import clean
from fopinfo.views import markdown
from fopinfo.views.html import handover


def show(answer: Answer) -> None:
    from fopinfo import terminal

    terminal.write(render(answer, terminal.brief))


def render(answer: Answer, brief: bool = False) -> str:
    match answer:
        case Handout():
            return to_html(markdown.render(answer, brief), markdown.HANDOUT_TITLE)
        case (
            Overview()
            | FactList()
            | TopicList()
            | SectionPage()
            | SubjectPage()
            | Cited()
            | SourceList()
            | Found()
            | Definition()
            | Updates()
            | CheckResult()
        ):
            text = markdown.render(answer, brief)
            return to_html(text, _title(text))
        case Card():
            return handover.card(answer)
        case Sheet():
            return handover.sheet(answer)
        case _:
            assert_never(answer)


def _title(markdown_text: str) -> str:
    """The page's first heading as plain text (its Markdown escapes removed)."""
    import re

    first = markdown_text.split("\n", 1)[0].removeprefix("# ")
    return "fopinfo: " + re.sub(r"\\(.)", r"\1", first)


_CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 42em; margin: 2em auto;
       padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; break-after: avoid; }
li, p { break-inside: avoid; }
blockquote { color: #444; border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; }
hr { border: 0; border-top: 1px solid #999; margin-top: 2em; }
a { color: inherit; overflow-wrap: anywhere; }
@page { margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
"""


def to_html(markdown_text: str, title: str) -> str:
    """One self-contained, printable page: inline CSS, no scripts, no external assets."""
    from html import escape

    from markdown_it import MarkdownIt

    # html=False: any HTML that reached the Markdown is shown as text, never passed through.
    body = MarkdownIt("commonmark", {"html": False}).render(markdown_text)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(clean(title))}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )

"""Text views: ``show(answer)`` prints any answer for a terminal, a pipe or a file.

The reference answers are drawn by ``reference``, the card and sheets by ``handover``, both
from the blocks in ``blocks``; this module only dispatches.
"""

from __future__ import annotations

import os
from collections.abc import Callable

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
from fopinfo.views.text import handover, reference
from fopinfo.views.text.blocks import footer
from fopinfo.views.text.canvas import Canvas


def show(answer: Answer) -> None:
    """Print any answer for a terminal: written as it is rendered where no pager could show it
    (a pipe, a file, --no-pager), else rendered whole, then written or paged at once."""
    from fopinfo import terminal

    if not terminal.may_page():
        c = choose(terminal.write)
        _show(c, answer, terminal.brief)
        c.pass_on()
        return
    pieces: list[str] = []
    c = choose(pieces.append)
    _show(c, answer, terminal.brief)
    c.pass_on()
    terminal.write("".join(pieces))


def _show(c: Canvas, answer: Answer, brief: bool = False) -> None:
    match answer:
        case Overview():
            reference.overview(c, answer)
        case FactList():
            reference.facts(c, answer)
        case TopicList():
            reference.topic_table(c, answer.k)
        case SectionPage():
            reference.section(c, answer)
        case SubjectPage():
            reference.subject(c, answer)
        case Cited():
            reference.cite(c, answer)
        case SourceList():
            reference.sources(c, answer)
        case Found():
            reference.search(c, answer)
        case Definition():
            reference.define(c, answer)
        case Handout():
            reference.handout(c, answer)
        case Updates():
            reference.updates(c, answer)
        case CheckResult():
            reference.check(c, answer)
            return
        case Card():
            handover.show_card(c, answer)  # its back holds the origin and disclaimer
            return
        case Sheet():
            handover.show_sheet(c, answer)
            return
        case _:
            assert_never(answer)
    if not isinstance(answer, TopicList):
        footer(c, answer.k, brief)


def choose(take: Callable[[str], None]) -> Canvas:
    """The plain canvas where Rich would write no style (``--color never``, or stdout not a
    terminal with neither FORCE_COLOR nor TTY_COMPATIBLE set), else Rich's."""
    from fopinfo import terminal

    if _unstyled(terminal.color):
        from fopinfo.views.text.plain import PlainCanvas

        return PlainCanvas(take)
    from fopinfo.views.text.rich_canvas import RichCanvas

    return RichCanvas(take)


def _unstyled(color: str) -> bool:
    """Whether Rich, given fopinfo's colour choice, would see no terminal (so write no style)."""
    from fopinfo import terminal

    if color == "never":
        return True  # Rich is told force_terminal=False
    if color == "always" or "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return False  # Rich decides (these make it see a terminal)
    return not terminal.is_terminal()

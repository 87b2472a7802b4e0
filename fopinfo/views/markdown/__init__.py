"""CommonMark views: ``show(answer)`` writes any answer as Markdown (the HTML view renders it).

The reference answers are written by ``reference``, the card and sheets by ``handover``, both
from the blocks in ``blocks``; this module only dispatches. No Rich here.
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
from fopinfo.views.markdown import handover, reference
from fopinfo.views.markdown.blocks import fact, page, unescaped_markers
from fopinfo.views.markdown.reference import HANDOUT_TITLE
from fopinfo.views.wording import standing_line

__all__ = ["HANDOUT_TITLE", "render", "show"]


def show(answer: Answer) -> None:
    """Write any answer as one CommonMark document."""
    from fopinfo import terminal

    terminal.write(render(answer, terminal.brief))


def render(answer: Answer, brief: bool = False) -> str:
    """The answer as one CommonMark document; brief: a one-line footer (not on the card and sheets)."""
    return unescaped_markers(_render(answer, brief))


def _render(answer: Answer, brief: bool) -> str:
    match answer:
        case Overview():
            return page(answer.k, reference.overview(answer), brief)
        case FactList():
            blocks = ["# FOP Facts"]
            for f in answer.facts:
                blocks += fact(answer.k, f, answer.quotes, "##")
            return page(answer.k, blocks, brief)
        case TopicList():
            return page(answer.k, ["# Topics", *reference.topic_lists(answer.k)], brief)
        case SectionPage():
            return page(answer.k, reference.section(answer, "#"), brief)
        case SubjectPage():
            return page(answer.k, reference.subject(answer, "#"), brief)
        case Cited():
            return page(answer.k, reference.cite(answer), brief)
        case SourceList():
            return page(answer.k, reference.sources(answer), brief)
        case Found():
            return page(answer.k, reference.search(answer), brief)
        case Definition():
            return page(answer.k, reference.define(answer, "#"), brief)
        case Handout():
            return page(answer.k, reference.handout(answer), brief)
        case Updates():
            glance = standing_line(answer.standing)
            return page(answer.k, ["# Later developments", *reference.updates(answer.notes, "##", glance)], brief)
        case CheckResult():
            return reference.check(answer)
        case Card():
            return handover.card(answer)
        case Sheet():
            return handover.sheet(answer)
        case _:
            assert_never(answer)

"""The hand-over commands: the whole reference or a one-page sheet (`handout`), and the wallet card (`card`)."""

# No `from __future__ import annotations`: see cli.py.

from typing import Annotated

import typer

from fopinfo import completion
from fopinfo.cli_context import choose_format, knowledge, show
from fopinfo.cli_params import (
    Audience,
    ContactOption,
    DoctorOption,
    HtmlFlag,
    JsonFlag,
    MarkdownFlag,
    MedicinesOption,
    NameOption,
    NoteOption,
    examples,
)
from fopinfo.errors import UsageProblem

HANDOUT_EXAMPLES = examples(
    "fopinfo handout > fop.md",
    "fopinfo handout --html > fop.html",
    "fopinfo handout --topic triggers --topic diagnosis",
    "fopinfo handout --for emergency --html > emergency.html",
)
CARD_EXAMPLES = examples(
    "fopinfo card",
    'fopinfo card --html --name "Sam Lee" --medicines "none" > card.html',
    "fopinfo card --markdown",
)


def handout(
    ctx: typer.Context,
    topic_names: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            metavar="NAME",
            help="Only this topic or subject (repeatable).",
            autocompletion=completion.topics,
            show_default=False,
        ),
    ] = None,
    audience: Annotated[
        Audience | None,
        typer.Option(
            "--for",
            help="A one-page sheet for the emergency room, a school or a dentist instead of the whole reference.",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    name: NameOption = None,
    contact: ContactOption = None,
    doctor: DoctorOption = None,
    medicines: MedicinesOption = None,
    note: NoteOption = None,
    html: HtmlFlag = False,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
) -> None:
    """The whole reference, or a one-page sheet, to print or share.

    In a terminal it is shown like every other command; piped or redirected, the whole reference
    is Markdown (so `> fop.md` makes a Markdown file); --html gives one self-contained printable page.
    """
    from fopinfo import query, terminal

    chosen = choose_format(ctx, json_, markdown, html)
    if chosen == "text" and audience is None and not terminal.is_terminal():
        chosen = "markdown"  # `fopinfo handout > fop.md`: a file to keep or share is Markdown
    given = (
        ("--name", name),
        ("--contact", contact),
        ("--doctor", doctor),
        ("--medicines", medicines),
        ("--note", note),
    )
    filled = [flag for flag, value in given if value is not None]
    if audience is None:
        if filled:
            raise UsageProblem(f"{filled[0]} fills in a sheet: add --for emergency, school or dentist")
        show(chosen, query.handout(knowledge(ctx), topic_names))
        return
    if topic_names:
        raise UsageProblem("choose --for or --topic: a sheet holds its own chosen statements")
    fields = query.fields(name, contact, doctor, note, medicines)
    show(chosen, query.sheet(knowledge(ctx), audience.value, fields))


def card(
    ctx: typer.Context,
    name: NameOption = None,
    contact: ContactOption = None,
    doctor: DoctorOption = None,
    medicines: MedicinesOption = None,
    note: NoteOption = None,
    html: HtmlFlag = False,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
) -> None:
    """A wallet card about FOP to fill in, print and carry.

    --html prints it, front and back, bank-card size, with cut and fold marks.
    """
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown, html)
    fields = query.fields(name, contact, doctor, note, medicines)
    show(chosen, query.card(knowledge(ctx), fields))

"""Thin Typer commands: parse, ask query for one answer, hand it to the chosen view.

Views are imported only once a format is chosen, so --json never pays for Rich and the
overview never pays for JSON. Output flags are validated before any work is done.
"""

# No `from __future__ import annotations` here: Typer reads every command's signature, and
# string annotations would cost an eval each on every run.

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple, cast

import typer
from typer.core import TyperGroup

from fopinfo import __version__, completion, review_command
from fopinfo.cli_params import (
    Audience,
    Color,
    ContactOption,
    DoctorOption,
    HtmlFlag,
    JsonFlag,
    MarkdownFlag,
    NameOption,
    NoteOption,
    QuoteFlag,
    examples,
)
from fopinfo.errors import EXIT_OK, BadKnowledgeFile, NothingFound, UsageProblem
from fopinfo.group import FopinfoGroup

if TYPE_CHECKING:
    from fopinfo.answers import Answer
    from fopinfo.model import Knowledge

Format = Literal["text", "json", "markdown", "html"]


app = typer.Typer(
    cls=FopinfoGroup,
    name="fopinfo",
    epilog=(
        "Exit codes: 0 ok, 1 nothing found, 2 usage error, 3 bad knowledge file, 4 output not written, 130 interrupted."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Options(NamedTuple):
    data: Path | None
    json: bool
    markdown: bool
    data_origin: str | None = None  # "--data" or "FOPINFO_DATA": named when the file cannot be read


def _options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options(None, False, False)


def _data_origin(ctx: typer.Context) -> str | None:
    root = ctx.find_root()
    if root.params.get("data") is None:
        return None
    source = root.get_parameter_source("data")  # Click's ParameterSource, compared by name (public API)
    return "FOPINFO_DATA" if getattr(source, "name", "") == "ENVIRONMENT" else "--data"


def _knowledge(ctx: typer.Context) -> "Knowledge":
    from fopinfo.loading import load

    return load(_options(ctx).data, _options(ctx).data_origin)


def _format(ctx: typer.Context, json_: bool, markdown: bool = False, html: bool = False) -> Format:
    """The one output format the command's and the global flags ask for; two is a usage error."""
    options = _options(ctx)
    chosen = [
        name
        for name, on in (
            ("--json", json_ or options.json),
            ("--markdown", markdown or options.markdown),
            ("--html", html),
        )
        if on
    ]
    if len(chosen) > 1:
        raise UsageProblem(f"choose one of {' and '.join(chosen)}")
    return cast(Format, chosen[0][2:]) if chosen else "text"


def _show(chosen: Format, answer: "Answer") -> None:
    """Hand the answer to the chosen format's view (imported only now)."""
    if chosen == "json":
        from fopinfo.views import json as view
    elif chosen == "markdown":
        from fopinfo.views import markdown as view  # type: ignore[no-redef]
    elif chosen == "html":
        from fopinfo.views import html as view  # type: ignore[no-redef]
    else:
        from fopinfo.views import text as view  # type: ignore[no-redef]
    view.show(answer)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"fopinfo {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="FOPINFO_DATA",
            metavar="PATH",
            readable=False,  # fopinfo reports an unreadable file itself: exit 3, naming --data or FOPINFO_DATA
            help="Knowledge file to read instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            help="Colour and styles: auto (in a terminal, unless NO_COLOR is set), always or never.",
            case_sensitive=False,
        ),
    ] = Color.auto,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page output (otherwise long output in a terminal is paged).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """A sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP).

    Every statement comes from one source document, with the citation markers it prints
    after it, or (uncited); fopinfo's own notes on later developments are marked as its own.
    Not medical advice.
    """
    from fopinfo import terminal

    terminal.color, terminal.paging = color.value, not no_pager
    ctx.obj = Options(data, json_, markdown, _data_origin(ctx))
    if ctx.invoked_subcommand is not None:
        return
    from fopinfo.answers import Overview

    chosen = _format(ctx, json_, markdown)
    k = _knowledge(ctx)
    group = ctx.command
    assert isinstance(group, TyperGroup)
    commands = tuple((name, group.commands[name].get_short_help_str(60)) for name in group.list_commands(ctx))
    _show(chosen, Overview(k, __version__, commands))


@app.command(epilog=examples("fopinfo facts", "fopinfo facts --quote", "fopinfo facts --markdown > fop-facts.md"))
def facts(
    ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False, quote: QuoteFlag = False
) -> None:
    """The ten FOP Facts, numbered, with their markers."""
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    _show(chosen, query.facts(_knowledge(ctx), quote))


@app.command(epilog=examples("fopinfo topics", "fopinfo topics --json"))
def topics(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Every topic: sections (with aliases) and subjects."""
    from fopinfo.answers import TopicList

    chosen = _format(ctx, json_, markdown)
    _show(chosen, TopicList(_knowledge(ctx)))


@app.command(epilog=examples("fopinfo topic causes", "fopinfo topic diagnosis --quote", "fopinfo topic treat"))
def topic(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="Section or subject: id, alias, title or unique prefix.",
            autocompletion=completion.topics,
        ),
    ],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """One section in full, or every statement on one subject."""
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    _show(chosen, query.topic(_knowledge(ctx), name, quote))


@app.command(epilog=examples("fopinfo cite 7", "fopinfo cite 9 --json"))
def cite(
    ctx: typer.Context,
    number: Annotated[
        str,
        typer.Argument(metavar="N", help="Source number, as printed in markers.", autocompletion=completion.sources),
    ],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """Source N and every statement that cites it."""
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    _show(chosen, query.cite(_knowledge(ctx), number, quote))


@app.command(epilog=examples("fopinfo sources", "fopinfo sources --markdown"))
def sources(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Every source number and how many statements cite it."""
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    _show(chosen, query.sources(_knowledge(ctx)))


@app.command(
    epilog=examples("fopinfo search injection", "fopinfo search bone --limit 0", 'fopinfo search "genetic test" --json')
)
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find (case-insensitive).")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Most results to show; 0 for all.")] = 20,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """Search statements, fact headlines and the glossary."""
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    found = query.search(_knowledge(ctx), text, limit, quote)
    if not found.total and chosen != "json":
        raise NothingFound(f"nothing matches '{found.query}'")
    _show(chosen, found)  # JSON shows an empty result too, then exits 1 like the text
    if not found.total:
        raise typer.Exit(NothingFound.exit_code)


@app.command(epilog=examples("fopinfo define HO", 'fopinfo define "hallux valgus" --quote', "fopinfo define flare-up"))
def define(
    ctx: typer.Context,
    term: Annotated[
        str,
        typer.Argument(metavar="TERM", help="Glossary term, alias or unique prefix.", autocompletion=completion.terms),
    ],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """A glossary entry, defined only with what the source says."""
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    _show(chosen, query.define(_knowledge(ctx), term, quote))


@app.command(epilog=examples("fopinfo updates", "fopinfo updates --json"))
def updates(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Later developments: fopinfo's own dated, referenced notes.

    What has happened since the source was written, each note with its date, region,
    the public record it rests on and when fopinfo last checked it. Never the source's words.
    """
    from fopinfo import query

    chosen = _format(ctx, json_, markdown)
    _show(chosen, query.updates(_knowledge(ctx)))


@app.command(
    epilog=examples(
        "fopinfo handout > fop.md",
        "fopinfo handout --html > fop.html",
        "fopinfo handout --topic triggers --topic diagnosis",
        "fopinfo handout --for emergency --html > emergency.html",
    )
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
        ),
    ] = None,
    name: NameOption = None,
    contact: ContactOption = None,
    doctor: DoctorOption = None,
    note: NoteOption = None,
    html: HtmlFlag = False,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
) -> None:
    """The whole reference, or a one-page sheet, to print or share.

    Markdown on stdout by default (a sheet: text); --html gives one self-contained printable page.
    """
    from fopinfo import query

    chosen = _format(ctx, json_, markdown, html)
    chosen = "markdown" if chosen == "text" and audience is None else chosen  # a handout is Markdown by default
    given = (("--name", name), ("--contact", contact), ("--doctor", doctor), ("--note", note))
    filled = [flag for flag, value in given if value is not None]
    if audience is None:
        if filled:
            raise UsageProblem(f"{filled[0]} fills in a sheet: add --for emergency, school or dentist")
        _show(chosen, query.handout(_knowledge(ctx), topic_names))
        return
    if topic_names:
        raise UsageProblem("choose --for or --topic: a sheet holds its own chosen statements")
    fields = query.fields(name, contact, doctor, note)
    _show(chosen, query.sheet(_knowledge(ctx), audience.value, fields))


@app.command(
    epilog=examples(
        "fopinfo card",
        'fopinfo card --html --name "Sam Lee" --contact "Alex Lee 555 0100" > card.html',
        "fopinfo card --markdown",
    )
)
def card(
    ctx: typer.Context,
    name: NameOption = None,
    contact: ContactOption = None,
    doctor: DoctorOption = None,
    note: NoteOption = None,
    html: HtmlFlag = False,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
) -> None:
    """A wallet card about FOP to fill in, print and carry.

    --html prints it, front and back, bank-card size, with cut and fold marks.
    """
    from fopinfo import query

    chosen = _format(ctx, json_, markdown, html)
    fields = query.fields(name, contact, doctor, note)
    _show(chosen, query.card(_knowledge(ctx), fields))


@app.command(
    epilog=examples(
        "fopinfo check",
        "fopinfo check --against-source --review",
        "fopinfo check my-translation.yaml --source page.txt",
    )
)
def check(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="Knowledge file to check (default: --data, FOPINFO_DATA, else the bundled file).",
            show_default=False,
            readable=False,
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            metavar="FILE",
            readable=False,
            help="Also hold the file against this source text: quotes, markers, coverage.",
        ),
    ] = None,
    against_source: Annotated[
        bool,
        typer.Option("--against-source", help="Hold the file against the source text bundled with fopinfo."),
    ] = False,
    review: Annotated[
        bool,
        typer.Option("--review", help="With a source: list every editorial element for a person to sign off."),
    ] = False,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
) -> None:
    """Validate a knowledge file and summarise what it holds."""
    from fopinfo import checking

    if source is not None and against_source:
        raise UsageProblem("choose one of --source FILE and --against-source")
    if against_source:
        source = checking.bundled_source()
    if review and source is None:
        raise UsageProblem("--review needs a source: add --against-source or --source FILE")
    chosen = _format(ctx, json_, markdown)
    options = _options(ctx)
    origin = None if path else options.data_origin
    result = checking.check(checking.target(path, options.data), source, origin, review=review or chosen == "json")
    _show(chosen, result._replace(show_review=review))
    failure = result.failure()
    if failure:
        raise BadKnowledgeFile(failure)


@app.command(epilog=review_command.EXAMPLES)
def review(
    ctx: typer.Context,
    path: review_command.PathArg = None,
    accept: review_command.AcceptOption = None,
    reviewer: review_command.ReviewerOption = None,
    list_: review_command.ListFlag = False,
) -> None:
    """Review editorial elements one at a time, each shown as a diff (an editorial review, not a clinical one)."""
    review_command.review(path or _options(ctx).data, list_, accept or [], reviewer)


def main() -> int:
    """Run the CLI and return its exit code (fopinfo.entry ends the process with it)."""
    # Characters the terminal cannot encode are replaced, never fatal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    code = app(standalone_mode=False)
    return code if isinstance(code, int) else EXIT_OK

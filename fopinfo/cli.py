"""Thin Typer commands: parse, ask query, hand the answer to a view, map errors to exit codes.

Views are imported inside commands so that --json never pays for Rich, and the
overview never pays for JSON.
"""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperGroup

from fopinfo import __version__
from fopinfo.errors import EXIT_INTERRUPTED, EXIT_OK, BadKnowledgeFile, FopinfoError, UsageProblem
from fopinfo.model import Knowledge, Section
from fopinfo.outcome import report, write_stderr


class FopinfoGroup(TyperGroup):
    """Reports every error as one line on stderr (then hints) with a documented exit code.

    Failed writes to stdout (closed pipe, full disk, closed stdout) are not handled here
    but around the whole run, in fopinfo.outcome, whichever command or view wrote.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            argv = sys.argv[1:] if args is None else list(args)
            installing = any(a.partition("=")[0] == "--install-completion" for a in argv)
            if installing:
                _check_home()
            # Not standalone: Typer then returns exit codes and re-raises errors, so they
            # are reported here in one format. Ctrl-C comes back as exit code 130.
            try:
                code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
            except OSError as exc:
                if not installing:
                    raise
                where = f": {exc.filename}" if exc.filename else ""
                raise UsageProblem(
                    f"cannot install shell completion: {(exc.strerror or str(exc)).lower()}{where}"
                ) from None
        except FopinfoError as exc:
            report(exc.message, exc.hints)
            code = exc.exit_code
        except typer.Abort:  # end of input at a prompt (fopinfo has none, but click may raise it)
            code = EXIT_INTERRUPTED
        except ClickException as exc:
            hints: tuple[str, ...] = ()
            if isinstance(exc, UsageError) and exc.ctx is not None:
                hints = (f"Try '{exc.ctx.command_path} --help' for help.",)
            report(exc.format_message(), hints)
            code = exc.exit_code
        code = code if isinstance(code, int) else EXIT_OK
        if code == EXIT_INTERRUPTED:
            write_stderr("Interrupted.\n")
        if standalone_mode:
            sys.exit(code)
        return code


def _check_home() -> None:
    """Typer writes completion into HOME and would create a missing HOME first: refuse instead."""
    import os

    home = os.environ.get("HOME")
    if not home:
        raise UsageProblem("cannot install shell completion: HOME is not set")
    if not os.path.isdir(home):
        raise UsageProblem(f"cannot install shell completion: HOME ({home}) is not an existing folder")


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
    from typer._click.core import ParameterSource

    root = ctx.find_root()
    if root.params.get("data") is None:
        return None
    return "FOPINFO_DATA" if root.get_parameter_source("data") == ParameterSource.ENVIRONMENT else "--data"


def _knowledge(ctx: typer.Context) -> Knowledge:
    from fopinfo.loading import load

    return load(_options(ctx).data, _options(ctx).data_origin)


def _format(ctx: typer.Context, json_: bool, markdown: bool = False) -> str:
    """'json', 'markdown' or 'text', from the command's flags and the global ones."""
    options = _options(ctx)
    as_json, as_markdown = json_ or options.json, markdown or options.markdown
    if as_json and as_markdown:
        raise UsageProblem("choose one of --json and --markdown")
    return "json" if as_json else "markdown" if as_markdown else "text"


def _emit(ctx: typer.Context, json_: bool, markdown: bool, view: str, *args: Any) -> None:
    """Hand the answer to the view of that name in the chosen format's module.

    The three modules name their views alike; each is imported only when chosen, so
    neither --json nor --markdown ever loads Rich.
    """
    chosen = _format(ctx, json_, markdown)
    if chosen == "json":
        from fopinfo import jsonview

        jsonview.dump(getattr(jsonview, view)(*args))
    elif chosen == "markdown":
        from fopinfo import markdown as markdown_view

        sys.stdout.write(getattr(markdown_view, view)(*args))
    else:
        from fopinfo import render

        getattr(render, view)(*args)


def _completion_knowledge(ctx: typer.Context) -> Knowledge | None:
    from fopinfo.loading import load

    data = ctx.find_root().params.get("data")  # --data, or FOPINFO_DATA read into it
    try:
        return load(Path(data) if data else None)
    except FopinfoError:
        return None


def _complete_topic(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _completion_knowledge(ctx)
    if k is None:
        return []
    names = [s.id for s in k.sections] + [a for s in k.sections for a in s.aliases] + [s.id for s in k.subjects]
    return [n for n in names if n.casefold().startswith(incomplete.casefold())]


def _complete_term(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _completion_knowledge(ctx)
    if k is None:
        return []
    names = [name for t in k.glossary for name in (t.term, *t.aliases)]
    return [n for n in names if n.casefold().startswith(incomplete.casefold())]


def _complete_source(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _completion_knowledge(ctx)
    return [str(s.number) for s in k.sources if str(s.number).startswith(incomplete)] if k else []


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"fopinfo {__version__}\n")
        raise typer.Exit()


JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of text.")]
MarkdownFlag = Annotated[bool, typer.Option("--markdown", help="Print the view as CommonMark Markdown.")]
QuoteFlag = Annotated[bool, typer.Option("--quote", help="Show the source's own words under each statement.")]


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
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A sourced, offline reference for Fibrodysplasia Ossificans Progressiva (FOP).

    Every statement comes from one source document and carries its citation markers.
    Not medical advice.
    """
    ctx.obj = Options(data, json_, markdown, _data_origin(ctx))
    if ctx.invoked_subcommand is not None:
        return
    k = _knowledge(ctx)
    group = ctx.command
    assert isinstance(group, typer.core.TyperGroup)
    commands = [(name, group.commands[name].get_short_help_str(60)) for name in group.list_commands(ctx)]
    _emit(ctx, json_, markdown, "overview", k, __version__, commands)


@app.command()
def facts(
    ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False, quote: QuoteFlag = False
) -> None:
    """The ten FOP Facts, numbered, with their markers."""
    _emit(ctx, json_, markdown, "facts", _knowledge(ctx), quote)


@app.command()
def topics(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Every topic: sections (with aliases) and subjects."""
    _emit(ctx, json_, markdown, "topics", _knowledge(ctx))


@app.command()
def topic(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(help="Section or subject: id, alias, title or unique prefix.", autocompletion=_complete_topic),
    ],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """One section in full, or every statement on one subject."""
    from fopinfo import query

    k = _knowledge(ctx)
    found = query.resolve_topic(k, name)
    if isinstance(found, Section):
        _emit(ctx, json_, markdown, "section", k, found, quote)
    else:
        _emit(ctx, json_, markdown, "subject", k, found, query.about_subject(k, found), quote)


@app.command()
def cite(
    ctx: typer.Context,
    number: Annotated[
        str,
        typer.Argument(metavar="N", help="Source number, as printed in markers.", autocompletion=_complete_source),
    ],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """Source N and every statement that cites it."""
    from fopinfo import query

    k = _knowledge(ctx)
    source = query.parse_source_number(k, number)
    _emit(ctx, json_, markdown, "cite", k, source, query.citing(k, source.number), quote)


@app.command()
def sources(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Every source number and how many statements cite it."""
    from fopinfo import query

    k = _knowledge(ctx)
    _emit(ctx, json_, markdown, "sources", k, query.cite_counts(k))


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find (case-insensitive).")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most results to show; 0 for all.")] = 20,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """Search statements, fact headlines and the glossary."""
    from fopinfo import query

    k = _knowledge(ctx)
    _emit(ctx, json_, markdown, "search", k, query.search(k, text, limit), quote)


@app.command()
def define(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(help="Glossary term, alias or unique prefix.", autocompletion=_complete_term)],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """A glossary entry, defined only with what the source says."""
    from fopinfo import query

    k = _knowledge(ctx)
    found = query.resolve_term(k, term)
    _emit(ctx, json_, markdown, "define", k, found, query.term_usages(k, found), quote)


@app.command()
def handout(
    ctx: typer.Context,
    topic_names: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            metavar="NAME",
            help="Only this topic or subject (repeatable).",
            autocompletion=_complete_topic,
            show_default=False,
        ),
    ] = None,
    html: Annotated[
        bool, typer.Option("--html", help="A self-contained printable HTML page instead of Markdown.")
    ] = False,
    json_: JsonFlag = False,
) -> None:
    """The whole reference as one printable document, on stdout (Markdown, or --html)."""
    from fopinfo import query

    as_json = _format(ctx, json_) == "json"
    if as_json and html:
        raise UsageProblem("choose one of --json and --html")
    k = _knowledge(ctx)
    chosen = query.resolve_topics(k, topic_names) if topic_names else None
    if as_json:
        from fopinfo import jsonview

        return jsonview.dump(jsonview.handout(k, chosen))
    from fopinfo import markdown

    document = markdown.handout(k, chosen)
    sys.stdout.write(markdown.to_html(document, markdown.HANDOUT_TITLE) if html else document)


@app.command()
def check(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
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
    json_: JsonFlag = False,
) -> None:
    """Validate a knowledge file and summarise what it holds."""
    from fopinfo import checking, loading

    options = _options(ctx)
    origin = None if path else options.data_origin
    result = checking.check(path or options.data or loading.bundled_path(), source, origin)
    if _format(ctx, json_) == "markdown":
        raise UsageProblem("check has no Markdown view; use --json, or neither")
    if _format(ctx, json_) == "json":
        from fopinfo import jsonview

        jsonview.dump(jsonview.check(result))
    else:
        from fopinfo import render

        render.check(result)
    failure = result.failure()
    if failure:
        raise BadKnowledgeFile(failure)


def main() -> int:
    """Run the CLI and return its exit code (fopinfo.entry ends the process with it)."""
    # Characters the terminal cannot encode are replaced, never fatal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    code = app(standalone_mode=False)
    return code if isinstance(code, int) else EXIT_OK

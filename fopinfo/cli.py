"""Thin Typer commands: parse, ask query for one answer, hand it to the chosen view.

Views are imported only once a format is chosen, so --json never pays for Rich and the
overview never pays for JSON. Output flags are validated before any work is done.
"""

# No `from __future__ import annotations` here: Typer reads every command's signature, and
# string annotations would cost an eval each on every run.

import copy
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from typer.core import TyperGroup

from fopinfo import __version__, cli_handover, completion, group, review_command
from fopinfo.cli_context import Options, choose_format, data_origin, knowledge, options_of, show
from fopinfo.cli_params import (
    Color,
    JsonFlag,
    MarkdownFlag,
    QuoteFlag,
    Shell,
    examples,
)
from fopinfo.errors import EXIT_OK, BadKnowledgeFile, NothingFound, UsageProblem
from fopinfo.group import FopinfoGroup

if TYPE_CHECKING:
    from fopinfo.answers import Found

    pass

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
    brief: Annotated[
        bool, typer.Option("--brief", help="A one-line footer: the source, its age, and not medical advice.")
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

    --data, --json, --markdown, --color, --no-pager and --brief may also follow the
    command: fopinfo cite 5 --color always.
    """
    from fopinfo import terminal

    terminal.color, terminal.paging, terminal.brief = color.value, not no_pager, brief
    ctx.obj = Options(data, json_, markdown, data_origin(ctx))
    if ctx.invoked_subcommand is not None:
        return
    from fopinfo.answers import Overview

    chosen = choose_format(ctx, json_, markdown)
    k = knowledge(ctx)
    group = ctx.command
    assert isinstance(group, TyperGroup)
    commands = tuple((name, group.commands[name].get_short_help_str(60)) for name in group.list_commands(ctx))
    show(chosen, Overview(k, __version__, commands))


@app.command(epilog=examples("fopinfo facts", "fopinfo facts --quote", "fopinfo facts --markdown > fop-facts.md"))
def facts(
    ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False, quote: QuoteFlag = False
) -> None:
    """The ten FOP Facts, numbered, with their markers."""
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, query.facts(knowledge(ctx), quote))


@app.command(epilog=examples("fopinfo topics", "fopinfo topics --json"))
def topics(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Every topic: sections (with aliases) and subjects."""
    from fopinfo.answers import TopicList

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, TopicList(knowledge(ctx)))


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

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, query.topic(knowledge(ctx), name, quote))


@app.command(epilog=examples("fopinfo cite 7", 'fopinfo cite "[1,4]"', "fopinfo cite 9 --json"))
def cite(
    ctx: typer.Context,
    number: Annotated[
        str,
        typer.Argument(
            metavar="N",
            help="Source number, or several as markers print them: 5, [5], 1,4 or [1,4].",
            autocompletion=completion.sources,
        ),
    ],
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """Source N and every statement that cites it."""
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, query.cite(knowledge(ctx), number, quote))


@app.command(epilog=examples("fopinfo sources", "fopinfo sources --markdown"))
def sources(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Every source number and how many statements cite it."""
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, query.sources(knowledge(ctx)))


@app.command(
    epilog=examples(
        "fopinfo search is there a cure",
        "fopinfo search flu shot",
        "fopinfo search '\"genetic test\"' --json",
        "fopinfo search bone --limit 0",
    )
)
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...",
            help="Your own words, any order, quoted or not; a quoted phrase inside matches as a phrase.",
            show_default=False,
        ),
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Most results to show; 0 for all.")] = 20,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """Ask in your own words; the best answers first."""
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown)
    found = query.search(knowledge(ctx), words, limit, quote)
    if not found.total and chosen != "json":
        raise _nothing_found(found)
    show(chosen, found)  # JSON shows an empty result too, then exits 1 like the text
    if not found.total:
        raise typer.Exit(NothingFound.exit_code)


def _nothing_found(found: "Found") -> NothingFound:
    """One line saying what the source does not mention, then did-you-mean and where to look instead."""
    quoted = ", ".join(f"'{w}'" for w in found.unused)
    if found.unused:
        message = f"the source does not mention {quoted}"
    elif not found.words:
        message = f"'{found.query}' holds only common words ({', '.join(found.ignored)}): add what you want to know"
    elif found.common:
        common = ", ".join(f"'{w}'" for w in found.common)
        message = f"{common} is in nearly every statement, so alone it finds nothing: add a word to narrow it"
    else:
        message = f"nothing in the source matches '{found.query}'"
    hints = [f"Did you mean: {', '.join(found.suggestions)}?"] if found.suggestions else []
    hints.append("See what the source covers: fopinfo topics")
    # What the source leaves out, emergency staff, dentists and schools often ask: their sheets
    # name the guidance written for them.
    hints.append("For emergency staff, dentists and schools: fopinfo handout --for emergency (or dentist, school)")
    return NothingFound(message, tuple(hints))


@app.command(epilog=examples("fopinfo define HO", 'fopinfo define "hallux valgus" --quote', "fopinfo define flare-up"))
def define(
    ctx: typer.Context,
    term: Annotated[
        str,
        typer.Argument(
            metavar="TERM",
            help="Glossary term, alias or unique prefix, quoted or not.",
            autocompletion=completion.terms,
        ),
    ],
    # The rest of a term typed unquoted (`define hallux valgus`), as search takes words; not
    # completed (a term is offered whole at the first word), not listed.
    more: Annotated[list[str] | None, typer.Argument(hidden=True, show_default=False, metavar="WORDS")] = None,
    json_: JsonFlag = False,
    markdown: MarkdownFlag = False,
    quote: QuoteFlag = False,
) -> None:
    """A glossary entry, defined only with what the source says."""
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, query.define(knowledge(ctx), " ".join([term, *(more or ())]), quote))


@app.command(epilog=examples("fopinfo updates", "fopinfo updates --json"))
def updates(ctx: typer.Context, json_: JsonFlag = False, markdown: MarkdownFlag = False) -> None:
    """Later developments: fopinfo's own dated, referenced notes.

    What has happened since the source was written, each note with its date, region,
    the public record it rests on and when fopinfo last checked it. Never the source's words.
    """
    from fopinfo import query

    chosen = choose_format(ctx, json_, markdown)
    show(chosen, query.updates(knowledge(ctx)))


# The hand-over commands, defined beside their options; registered here to keep the listed order.
app.command(epilog=cli_handover.HANDOUT_EXAMPLES)(cli_handover.handout)
app.command(epilog=cli_handover.CARD_EXAMPLES)(cli_handover.card)


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
    chosen = choose_format(ctx, json_, markdown)
    options = options_of(ctx)
    origin = None if path else options.data_origin
    result = checking.check(checking.target(path, options.data), source, origin, review=review or chosen == "json")
    show(chosen, result._replace(show_review=review))
    failure = result.failure()
    if failure:
        raise BadKnowledgeFile(failure)


@app.command(epilog=review_command.EXAMPLES, short_help="Review fopinfo's editorial elements, one at a time.")
def review(
    ctx: typer.Context,
    path: review_command.PathArg = None,
    accept: review_command.AcceptOption = None,
    reviewer: review_command.ReviewerOption = None,
    list_: review_command.ListFlag = False,
) -> None:
    """Review editorial elements one at a time, each shown as a diff (an editorial review, not a clinical one)."""
    review_command.review(path or options_of(ctx).data, list_, accept or [], reviewer)


@app.command(
    "completion",
    epilog=examples(
        "fopinfo completion fish > ~/.config/fish/completions/fopinfo.fish",
        "fopinfo completion bash | less",
    )
    + (
        "\n\nOr one line in the shell's start-up file:\n\n\b\n"
        '  bash, in ~/.bashrc:                  eval "$(fopinfo completion bash)"\n'
        '  zsh, in ~/.zshrc after compinit:     eval "$(fopinfo completion zsh)"\n'
        "  fish, in ~/.config/fish/config.fish: fopinfo completion fish | source\n\n"
        "Or let --install-completion [SHELL] install it: it changes no file\n"
        "but its own where the shell allows."
    ),
)
def completion_script(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", case_sensitive=False)],
) -> None:
    """Print the shell completion script for bash, zsh or fish."""
    from fopinfo import shell_install

    sys.stdout.write(shell_install.script(shell.value))


def main() -> int:
    """Run the CLI and return its exit code (fopinfo.entry ends the process with it)."""
    # Characters the terminal cannot encode are replaced, never fatal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    argv = sys.argv[1:]
    name = invoked(argv)
    cli = app
    if name is not None:  # Typer builds every registered command from its signature on each run
        cli = copy.copy(app)
        cli.registered_commands = [c for c in app.registered_commands if _name(c) == name]
        group.every_command = lambda: dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    code = cli(args=argv, standalone_mode=False, prog_name="fopinfo")
    return code if isinstance(code, int) else EXIT_OK


# The group's options that take a value: the argument after one is its value, not a command.
VALUED_OPTIONS = ("--data", "--color")


def invoked(argv: list[str]) -> str | None:
    """The one command a command line runs, when that is certain; else None, and every command
    is built (a completion request, help, the completion options, no command, a name that
    is not a command and gets a hint listing the others)."""
    if completion.COMPLETE_VAR in os.environ:
        return None
    args = iter(argv)
    for arg in args:
        if arg in VALUED_OPTIONS:
            next(args, None)
        elif arg in ("-h", "--help") or arg.startswith(("--install-completion", "--show-completion")):
            return None
        elif arg.startswith("-"):
            if not arg.startswith("--") and arg != "-V":  # short options in one word: -hV
                return None
        else:
            return arg if arg in {_name(c) for c in app.registered_commands} else None
    return None


def _name(command: typer.models.CommandInfo) -> str:
    assert command.callback is not None
    return command.name or command.callback.__name__.replace("_", "-")

"""The CLI's command group: every error reported as one line on stderr, with its exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import typer
from typer.core import TyperGroup

from fopinfo import completion, interrupts, terminal
from fopinfo.bash_words import shell_word
from fopinfo.click_names import ClickError, ClickException, UsageError
from fopinfo.errors import EXIT_INTERRUPTED, EXIT_OK, FopinfoError, UsageProblem
from fopinfo.outcome import report, write_stderr

if TYPE_CHECKING:
    from fopinfo.model import Knowledge

_COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
_COMPLETION_HELP = {
    "install_completion": "Install completion for SHELL (bash, zsh or fish; default: the current shell).",
    "show_completion": "Print the completion script for SHELL (bash, zsh or fish; default: the current shell).",
}


# Every command, for hints that name other commands: set by fopinfo.cli.main when it builds
# only the command a line runs (asked only on the error path, where building all costs nothing).
every_command: Callable[[], dict[str, Any]] | None = None


def _commands(group: TyperGroup) -> dict[str, Any]:
    return every_command() if every_command is not None else dict(group.commands)


class FopinfoGroup(TyperGroup):
    """Reports every error as one line on stderr (then hints) with a documented exit code.

    Failed writes to stdout (closed pipe, full disk, closed stdout) are not handled here
    but around the whole run, in fopinfo.outcome, whichever command or view wrote.

    The global options are accepted after the command too (`fopinfo cite 5 --color always`):
    each command carries hidden copies of them, which set what the group's own set.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        after = _after_command(self.params)
        for command in self.commands.values():
            known = {name for param in command.params for name in getattr(param, "opts", ())}
            command.params += [option for option in after if not known & set(getattr(option, "opts", ()))]

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> Any:  # type: ignore[override]
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            found = _unknown_command_hint(ctx, args) if args and not args[0].startswith("-") else None
            if found is None:
                raise
            # Click's "Did you mean 'x'?" (any close command) gives way to the hint.
            message = cast(ClickError, exc).format_message().split(". Did you mean")[0].rstrip(".")
            hints = found if found[-1].endswith(" --help") else (*found, "Try 'fopinfo --help' for help.")
            raise UsageProblem(message, hints) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        completion.prepare(self)  # only when a shell asks for completions
        for param in self.params:  # Typer's two completion options, answered by fopinfo.shell_install
            param.help = _COMPLETION_HELP.get(param.name or "", param.help)  # type: ignore[attr-defined]
        try:
            # --install-completion and --show-completion are fopinfo's (safe writes, SHELL honoured).
            argv = sys.argv[1:] if args is None else list(args)
            request = None
            if (
                any(a.partition("=")[0] in _COMPLETION_OPTIONS for a in argv)
                and completion.COMPLETE_VAR not in os.environ
            ):
                from fopinfo import shell_install

                request = shell_install.requested(argv)
            if request is not None:
                code = shell_install.run(request)
            else:
                # Not standalone: Typer then returns exit codes and re-raises errors, so they
                # are reported here in one format. Ctrl-C comes back as exit code 130.
                code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except FopinfoError as exc:
            report(exc.message, exc.hints)
            code = exc.exit_code
        except typer.Abort:  # end of input at a prompt (fopinfo has none, but click may raise it)
            code = EXIT_INTERRUPTED
        except ClickException as exc:
            hints: tuple[str, ...] = ()
            if isinstance(exc, UsageError):
                usage_ctx = getattr(exc, "ctx", None)
                path = usage_ctx.command_path if usage_ctx is not None else _command_path(self, args)
                hints = (f"Try '{path} --help' for help.",)
            error = cast(ClickError, exc)
            report(_elsewhere(self, exc) or error.format_message(), hints)
            code = error.exit_code
        code = code if isinstance(code, int) else EXIT_OK
        if code == EXIT_INTERRUPTED and interrupts.first_notice():
            write_stderr("Interrupted.\n")
        if standalone_mode:
            sys.exit(code)
        return code


def _unknown_command_hint(ctx: typer.Context, args: Sequence[str]) -> tuple[str, ...] | None:
    """What a line that names no command most likely meant: a topic typed as a command, a
    misspelt command (the rest of the line kept), `help`, or a question or a word to search for.
    A real word one slip from a command ("cheek pain") is offered to search when search answers
    it, with the command's help second.

    None when the first word is as close to two commands as each other (Click's own message,
    which names them, stands). Only on the error path, so loading the knowledge file here costs
    nothing otherwise.
    """
    name, *rest = args
    word = name.strip().casefold()
    if not word:
        return None
    if word == "help":
        command = next((a for a in rest if a in _commands(cast(TyperGroup, ctx.command))), None)
        return (f"Did you mean: fopinfo {command} --help" if command else "Did you mean: fopinfo --help",)
    audience = {"emergency": "emergency", "er": "emergency", "school": "school", "dentist": "dentist"}
    if not rest and word in audience:
        return (f"Did you mean: fopinfo handout --for {audience[word]}",)
    one_word = len(word.split()) == 1
    topic = one_word and _is_topic(ctx, name)
    if topic and not rest:
        return (f"Did you mean: fopinfo topic {shell_word(name)}",)
    words = [w for arg in args for w in arg.split()]
    search = f"To ask in your own words: fopinfo search {' '.join(map(shell_word, words))}"
    if one_word and not topic:
        close = close_commands(word, _commands(cast(TyperGroup, ctx.command)))
        if len(close) == 1:
            command = f"fopinfo {' '.join([close[0], *map(shell_word, rest)])}"
            from fopinfo.search.real_words import COMMAND_LOOKALIKES

            if word not in COMMAND_LOOKALIKES or not _search_finds(ctx, words):
                return (f"Did you mean: {command}",)
            # A word and a search that answers: most likely a question. The command is offered
            # by its help, as the rest of the line was written for search ("cheek pain" is no file).
            return (search, f"Or, for the command it is close to: fopinfo {close[0]} --help")
        if close:
            return None
    return (search,)


def _search_finds(ctx: typer.Context, words: Sequence[str]) -> bool:
    from fopinfo.query import search

    return _courtesy(ctx, lambda k: search(k, words).total > 0)


def _is_topic(ctx: typer.Context, name: str) -> bool:
    from fopinfo.query import resolve_topic

    def named(k: Knowledge) -> bool:
        resolve_topic(k, name)  # raises when no topic has that name
        return True

    return _courtesy(ctx, named)


def _courtesy(ctx: typer.Context, ask: Callable[[Knowledge], bool]) -> bool:
    """Ask the knowledge file the line names something for a hint; False when it cannot answer."""
    from fopinfo.loading import load

    data = ctx.params.get("data")  # as typed: the group's callback has not converted it yet
    try:
        return ask(load(Path(data) if data else None))
    except (FopinfoError, OSError, ValueError):  # a hint is a courtesy: a bad --data says so itself
        return False


def close_commands(word: str, commands: Iterable[str]) -> list[str]:
    """The commands a typed word is a slip of: it starts as the command does (or with its first two
    letters swapped), is at most one letter longer or shorter, and is one slip from it (a letter
    added, dropped or changed, or two neighbours swapped: "serach", "fcts") or as close by
    difflib's measure (0.8: "fates" -> "facts"). Several commands as close: all of them."""
    import difflib

    close = []
    for command in commands:
        if len(word) < 3 or abs(len(word) - len(command)) > 1:
            continue
        if word[0] != command[0] and word[:2] != command[1::-1]:
            continue
        if _one_edit(word, command) or difflib.SequenceMatcher(None, word, command).ratio() >= 0.8:
            close.append(command)
    return close


def _one_edit(typed: str, command: str) -> bool:
    """Whether ``typed`` is ``command`` with one letter added, dropped or changed, or two neighbours swapped."""
    if len(typed) == len(command):
        differ = [i for i, (a, b) in enumerate(zip(typed, command, strict=True)) if a != b]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and (typed[differ[0]], typed[differ[1]]) == (command[differ[1]], command[differ[0]])
        )
    longer, shorter = (typed, command) if len(typed) > len(command) else (command, typed)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


# The group's options a command accepts after it too, and what each sets (--json and --markdown
# each command has as its own).
_GLOBAL = ("color", "no_pager", "brief", "data")


def _after_command(params: list[Any]) -> list[Any]:
    """Hidden copies of the group's global options, each setting what the group's own set, when given."""
    import copy

    copies = []
    for param in params:
        if param.name not in _GLOBAL:
            continue
        option = copy.copy(param)
        option.hidden, option.expose_value, option.envvar = True, False, None
        option.default = False if getattr(param, "is_flag", False) else None
        option.callback = _set_global
        copies.append(option)
    return copies


def _set_global(ctx: Any, param: Any, value: Any) -> None:
    """A global option given after the command: set as the group's own would have set it."""
    if value is None or value is False:
        return
    if param.name == "color":
        terminal.color = str(getattr(value, "value", value)).lower()
    elif param.name == "no_pager":
        terminal.paging = False
    elif param.name == "brief":
        terminal.brief = True
    elif param.name == "data":
        root = ctx.find_root()
        if hasattr(root.obj, "_replace"):  # the group's Options (fopinfo.cli_context)
            root.obj = root.obj._replace(data=Path(value), data_origin="--data")


def _elsewhere(group: TyperGroup, exc: Exception) -> str | None:
    """For an option this command lacks but others take (`facts --html`): which commands take it."""
    name = getattr(exc, "option_name", None)
    usage_ctx = getattr(exc, "ctx", None)
    if not name or usage_ctx is None:
        return None
    takers = [
        f"fopinfo {command_name}"
        for command_name, command in _commands(group).items()
        if any(name in getattr(p, "opts", ()) and not getattr(p, "hidden", False) for p in command.params)
    ]
    if not takers:
        return None
    return f"{usage_ctx.command_path} has no option {name}; {name} is an option of {', '.join(takers)}"


def _command_path(group: TyperGroup, args: Sequence[str] | None) -> str:
    """'fopinfo handout' for an error Click raised before it knew the command's context."""
    given = list(sys.argv[1:] if args is None else args)
    commands = _commands(group)
    name = next((a for a in given if a in commands), None)
    return f"fopinfo {name}" if name else "fopinfo"

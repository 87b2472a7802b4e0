"""The CLI's command group: every error reported as one line on stderr, with its exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import typer
from typer.core import TyperGroup

from fopinfo import completion, terminal
from fopinfo.click_names import ClickError, ClickException, UsageError
from fopinfo.errors import EXIT_INTERRUPTED, EXIT_OK, FopinfoError, UsageProblem
from fopinfo.outcome import report, write_stderr


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
            if isinstance(exc, UsageError):
                usage_ctx = getattr(exc, "ctx", None)
                path = usage_ctx.command_path if usage_ctx is not None else _command_path(self, args)
                hints = (f"Try '{path} --help' for help.",)
            error = cast(ClickError, exc)
            report(_elsewhere(self, exc) or error.format_message(), hints)
            code = error.exit_code
        code = code if isinstance(code, int) else EXIT_OK
        if code == EXIT_INTERRUPTED:
            write_stderr("Interrupted.\n")
        if standalone_mode:
            sys.exit(code)
        return code


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
        for command_name, command in group.commands.items()
        if any(name in getattr(p, "opts", ()) and not getattr(p, "hidden", False) for p in command.params)
    ]
    if not takers:
        return None
    return f"{usage_ctx.command_path} has no option {name}; {name} is an option of {', '.join(takers)}"


def _command_path(group: TyperGroup, args: Sequence[str] | None) -> str:
    """'fopinfo handout' for an error Click raised before it knew the command's context."""
    given = list(sys.argv[1:] if args is None else args)
    name = next((a for a in given if a in group.commands), None)
    return f"fopinfo {name}" if name else "fopinfo"


def _check_home() -> None:
    """Typer writes completion into HOME and would create a missing HOME first: refuse instead."""
    import os

    home = os.environ.get("HOME")
    if not home:
        raise UsageProblem("cannot install shell completion: HOME is not set")
    if not os.path.isdir(home):
        raise UsageProblem(f"cannot install shell completion: HOME ({home}) is not an existing folder")

"""Where output goes: straight to stdout, or through a pager when a terminal shows it.

As git and gh do: text longer than the terminal goes through $FOPINFO_PAGER, else
$PAGER, else `less -FRX` (colours kept, quits at once if it fits); never when stdout
is a pipe or a file, never with --no-pager, and never on a dumb terminal (TERM=dumb).
The choices are set once by the CLI.

The pager cannot lose output (modelled on Click 8's pager): it is used only when its
program exists; when it cannot start, or exits non-zero without being interrupted (as
`PAGER=false` does), the text is printed instead. Ctrl-C belongs to the pager while it
runs (less uses it to stop a search): fopinfo waits for the pager to end, so the
terminal is handed back clean, never to an orphaned less. `less` always gets -R, even
when the user's LESS lacks it, so styles never show as raw escape codes.
"""

from __future__ import annotations

import os
import sys

# Set by the CLI's global options before any view runs.
color = "auto"  # "auto" | "always" | "never"
paging = True
brief = False  # --brief: a one-line footer

DEFAULT_PAGER = "less -FRX"
# less options that take a value: the rest of their word is the value, not more options.
_LESS_VALUED = set("bhjkoOpPtTxyz#")


def color_choice() -> tuple[bool | None, bool]:
    """(force_terminal, no_color) for Rich: --color wins over NO_COLOR and FORCE_COLOR."""
    if color == "always":
        return True, False
    if color == "never":
        return False, True
    return None, bool(os.environ.get("NO_COLOR"))


def dumb() -> bool:
    """A terminal that obeys no escape codes (Emacs' shell, some CI logs)."""
    return os.environ.get("TERM", "") in ("dumb", "unknown")


def _height() -> int:
    import shutil

    return shutil.get_terminal_size().lines


def write(text: str) -> None:
    """Write a whole view: paged when it is taller than the terminal showing it."""
    if paging and not dumb() and text.count("\n") >= _height() and _is_terminal() and _page(text):
        return
    sys.stdout.write(text)


def may_page() -> bool:
    """Whether write() might page a view (paging on, and stdout a terminal); if not, a view
    may be written piece by piece as it is rendered, each piece through write()."""
    return paging and _is_terminal()


def is_terminal() -> bool:
    """Whether stdout is a terminal (not a pipe or a file)."""
    return _is_terminal()


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdout
        return False


def pager_command() -> list[str] | None:
    """The pager's words, its program found on PATH; None to print directly (cat, or no such program)."""
    import shlex
    import shutil

    command = os.environ.get("FOPINFO_PAGER") or os.environ.get("PAGER") or DEFAULT_PAGER
    try:
        words = shlex.split(command)
    except ValueError:  # unbalanced quotes: not a command anyone can run
        return None
    program = shutil.which(words[0]) if words and words != ["cat"] else None
    return [program, *words[1:]] if program else None


def less_options(less: str, arguments: list[str]) -> str:
    """The LESS variable to give `less`: the user's own, with -R added when neither it nor the command has R or r."""
    import shlex

    try:
        words = shlex.split(less)
    except ValueError:
        words = less.split()
    for word in [*words, *arguments]:
        if word.startswith("--"):
            if word.lower() in ("--raw-control-chars", "--raw_control_chars"):
                return less
            continue
        for letter in word.lstrip("-+"):
            if letter in "rR":  # the user's own choice of raw mode (even -+R, turning it off)
                return less
            if letter in _LESS_VALUED:
                break
    return f"{less} -R".strip()


def _page(text: str) -> bool:
    """Run the pager on the text; False when it could not show it (then print directly)."""
    import contextlib
    import signal
    import subprocess

    words = pager_command()
    if words is None:
        return False
    env = dict(os.environ)
    env.setdefault("LV", "-c")
    if os.path.basename(words[0]).removesuffix(".exe") == "less":
        env["LESS"] = less_options(os.environ["LESS"], words[1:]) if "LESS" in os.environ else "FRX"
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.flush()
    interrupted: list[int] = []
    try:
        # Ctrl-C reaches the pager too; here it is only noted, and the pager decides (set before it
        # starts, so no Ctrl-C can end fopinfo and leave an orphaned pager). Exec restores the default.
        previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum))
    except ValueError:  # not the main thread: Ctrl-C stays as it was
        previous = None
    try:
        # Its words as a command, not through a shell (as Click and gh run it): a shell between
        # would take the Ctrl-C meant for less as its own.
        pager = subprocess.Popen(words, stdin=subprocess.PIPE, env=env)
        assert pager.stdin is not None
        try:
            pager.stdin.write(text.encode(encoding, errors="replace"))
            pager.stdin.close()
        except BrokenPipeError:  # the reader quit the pager early, or it never read: see its status
            with contextlib.suppress(OSError):
                pager.stdin.close()
        code = pager.wait()
    except OSError:
        return False
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if interrupted and code != 0:
        raise KeyboardInterrupt  # the pager ended on Ctrl-C: fopinfo was interrupted with it
    return code == 0

"""Where output goes: straight to stdout, or through a pager when a terminal shows it.

As git and gh do: text longer than the terminal goes through $FOPINFO_PAGER, else
$PAGER, else `less -FRX` (colours kept, quits at once if it fits); never when stdout
is a pipe or a file, and never with --no-pager. The choices are set once by the CLI.
"""

from __future__ import annotations

import os
import sys

# Set by the CLI's global options before any view runs.
color = "auto"  # "auto" | "always" | "never"
paging = True

DEFAULT_PAGER = "less -FRX"


def color_choice() -> tuple[bool | None, bool]:
    """(force_terminal, no_color) for Rich: --color wins over NO_COLOR and FORCE_COLOR."""
    if color == "always":
        return True, False
    if color == "never":
        return False, True
    return None, bool(os.environ.get("NO_COLOR"))


def _height() -> int:
    import shutil

    return shutil.get_terminal_size().lines


def write(text: str) -> None:
    """Write a whole view: paged when it is taller than the terminal showing it."""
    if paging and text.count("\n") >= _height() and _is_terminal() and _page(text):
        return
    sys.stdout.write(text)


def may_page() -> bool:
    """Whether write() might page a view (paging on, and stdout a terminal); if not, a view
    may be written piece by piece as it is rendered, each piece through write()."""
    return paging and _is_terminal()


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdout
        return False


def _page(text: str) -> bool:
    """Run the pager on the text; False if it could not be started (then print directly)."""
    import subprocess

    command = os.environ.get("FOPINFO_PAGER") or os.environ.get("PAGER") or DEFAULT_PAGER
    if command.strip() in ("", "cat"):
        return False
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LV": os.environ.get("LV", "-c")}
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.flush()
    try:
        # Through the shell, as git runs core.pager, so PAGER may carry its own options.
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode(encoding, errors="replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early: that is fine
        pass
    pager.wait()
    return True

"""Answers given before Typer, Rich or YAML are imported: ``fopinfo --version`` and ``-V``,
and a shell's completion request for a topic, a term or a source number.

Standard library only, so such a run costs little more than the interpreter's start-up.
Only an exact request is answered here; anything else (``--version`` with other options,
another option before the command than one ``--data``, another shell, another command, a
checkout without the compiled candidates, a ``--data`` file the cache holds no current
entry for) returns to the full CLI, which gives the same answer more slowly: the fast path
never changes an output. ``FOPINFO_NO_FAST_PATH=1`` turns it off (the tests compare both
paths byte for byte with it).

A completion request is answered from the candidates computed by ``fopinfo.candidates``: for
the bundled file, those the wheel build computed (``hatch_build.py``:
``fopinfo/data/completion.marshal``, keyed by the SHA-256 of ``facts.yaml``); for a file
named by ``--data FILE`` (``--data=FILE``) before the command, or else by FOPINFO_DATA, those
the opt-in cache (FOPINFO_CACHE=1) kept beside the file's knowledge, read only while the
entry is current (``fopinfo.cache_entry``: the file's device, inode, size, mtime and ctime,
and fopinfo's own code), so an edited file is never served stale. The answer is a copy of
what ``fopinfo.completion`` and ``query.completions`` do for bash, zsh and fish and of how
Typer prints the answer (``typer._completion_classes``). Where Typer would pass a
description through Rich (zsh and fish), the fast path answers only when Rich would leave
it as it is: no markup, no emoji code, no control character, shorter than any width Rich
could wrap it at. How the run ends is what ``outcome.run``
does for any command: a reader gone away (EPIPE) is exit 0, any other failed write one
``Error:`` line on stderr and exit 4 (tests/test_hardening.py holds both paths to it).
"""

from __future__ import annotations

import errno
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (~2 ms of the fast path)
if TYPE_CHECKING:
    from typing import Any

VERSION_ARGS = (["--version"], ["-V"])
EXIT_OK = 0
EXIT_OUTPUT = 4  # as fopinfo.errors.EXIT_OUTPUT
OFF_VAR = "FOPINFO_NO_FAST_PATH"  # set (not empty): every request goes to the full CLI
COMPLETE_VAR = "_FOPINFO_COMPLETE"  # as fopinfo.completion.COMPLETE_VAR
CANDIDATES_NAME = "completion.marshal"  # beside the installed facts.yaml, in the wheel
# The words before the one completed -> which candidates (the autocompletion of cli.py's arguments).
COMPLETED = {("topic",): "topics", ("define",): "terms", ("cite",): "sources", ("handout", "--topic"): "topics"}
Offer = tuple[str, str]


def answer_early(argv: list[str] | None = None) -> None:
    """Answer the command line here and end the process, or return for the full CLI to answer it."""
    if os.environ.get(OFF_VAR):
        return
    args = sys.argv[1:] if argv is None else argv
    if COMPLETE_VAR in os.environ:
        answer = completion_answer(os.environ) if not args else None
        if answer is not None:
            write_and_exit(answer)
        return
    if args in VERSION_ARGS:
        from fopinfo import __version__

        write_and_exit(f"fopinfo {__version__}\n")


# ---------------------------------------------------------------- completion


def completion_answer(environ: Any) -> str | None:
    """What the full CLI prints for this completion request, or None where it must answer."""
    shell = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}.get(environ[COMPLETE_VAR])
    if shell is None or not _utf8(sys.stdout):
        return None
    if shell == "fish" and environ.get("_TYPER_COMPLETE_FISH_ACTION") != "get-args":
        return None
    request = _request(shell, environ)
    if request is None:
        return None
    words, incomplete = request
    chosen = _data(words, environ)
    if chosen is None:
        return None
    data, words = chosen
    kind = COMPLETED.get(tuple(words))
    if kind is None or incomplete[:1] == "-" or incomplete == "=":  # options: the CLI's
        return None
    candidates = _candidates() if data is None else _cached_candidates(data)
    if candidates is None:
        return None
    if kind == "sources":
        offers = [(n, _description(shell, text)) for n, text in candidates["sources"] if n.startswith(incomplete)]
    else:
        from fopinfo import bash_words  # only for a Tab, never for --version

        quote = bash_words.opening_quote(environ) if shell == "bash" else ""
        offers = _offers(shell, quote, candidates[kind], incomplete)
    return _printed(shell, offers, environ)


def _data(words: list[str], environ: Any) -> tuple[str | None, list[str]] | None:
    """(the knowledge file the CLI completes from, None for the bundled one; the words after a
    leading ``--data FILE``), or None where the CLI must tell."""
    if words[:1] == ["--data"] and len(words) > 1:
        data, words = words[1], words[2:]
    elif words[:1] and words[0].startswith("--data="):
        data, words = words[0].removeprefix("--data="), words[1:]
    elif "FOPINFO_DATA" in environ:
        data = environ["FOPINFO_DATA"]  # read by Click only when the command line gives no --data
    else:
        return None, words
    return (data, words) if data and not data.startswith("-") else None


def _cached_candidates(data: str) -> dict[str, Any] | None:
    """The candidates the opt-in cache kept with its current entry for the file at ``data``, if any."""
    from fopinfo import cache_entry
    from fopinfo.compiled import MISSING

    if not cache_entry.enabled():
        return None
    candidates = cache_entry.read(data, knowledge=False)
    return None if candidates is MISSING or type(candidates) is not dict else candidates


def _utf8(stream: Any) -> bool:
    import codecs

    try:
        return stream is not None and codecs.lookup(stream.encoding).name == "utf-8"
    except (AttributeError, LookupError, TypeError):
        return False


def _request(shell: str, environ: Any) -> tuple[list[str], str] | None:
    """(the words before the one completed, what was typed of it), as Typer reads them."""
    if shell == "bash":
        try:
            cwords = _split(environ["COMP_WORDS"])
            cword = int(environ["COMP_CWORD"])
        except (KeyError, ValueError):
            return None
        if cword < 1:
            return None
        return cwords[1:cword], cwords[cword] if cword < len(cwords) else ""
    typed = environ.get("_TYPER_COMPLETE_ARGS", "")
    args = _split(typed)[1:]
    if args and not typed.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _split(text: str) -> list[str]:
    """As click's split_arg_string: shlex, keeping an unfinished last word as it is."""
    import shlex

    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out = []
    try:
        for token in lex:
            out.append(token)
    except ValueError:
        out.append(lex.token)
    return out


def _candidates() -> dict[str, Any] | None:
    """The wheel's completion candidates for the installed facts.yaml, if computed from these very bytes."""
    from fopinfo.compiled import MISSING, loads, sha256_hex

    data = os.path.join(os.path.dirname(os.path.realpath(__file__)), "data")
    try:
        with open(os.path.join(data, CANDIDATES_NAME), "rb") as f:
            blob = f.read()
        with open(os.path.join(data, "facts.yaml"), "rb") as f:
            raw = f.read()
    except OSError:
        return None
    candidates = loads(blob, ("completion", "sha256", sha256_hex(raw)))
    return None if candidates is MISSING or type(candidates) is not dict else candidates


def _name_key(name: str) -> str:
    """As fopinfo.model.name_key."""
    import unicodedata

    return unicodedata.normalize("NFC", name.strip()).casefold()


def _offers(shell: str, quote: str, owners: list[tuple[str, tuple[str, ...]]], typed: str) -> list[Offer]:
    """As fopinfo.completion._offers over query.completions: one name per owner, described."""
    import re

    from fopinfo.bash_words import inserted

    if shell == "zsh":
        usable = re.compile(r"['\"\\\x00-\x1f]")
    elif quote == '"':
        usable = re.compile(r"[!\x00-\x1f]")
    else:
        usable = re.compile(r"[\x00-\x1f]")
    key = _name_key(typed)
    best: dict[int, tuple[tuple[bool, bool], str]] = {}
    for index, (_, names) in enumerate(owners):
        for name in names:
            offered = _as_typed(name, typed) if _name_key(name).startswith(key) and not usable.search(name) else None
            if offered is None:
                continue
            rank = (any(c.isspace() for c in name), not name.startswith(typed))
            if index not in best or rank < best[index][0]:
                best[index] = (rank, offered)
    offers: dict[str, int] = {}
    for index, (_, offered) in best.items():
        offers.setdefault(offered, index)
    out = []
    for name, index in offers.items():
        title = owners[index][0]
        word = inserted(name, quote) if shell == "bash" else name
        out.append((word, _description(shell, title, _name_key(title) == _name_key(name))))
    return out


def _as_typed(name: str, typed: str) -> str | None:
    """As query._as_typed."""
    if name.startswith(typed):
        return name
    rest = name[len(typed) :]
    offered = typed + (rest.lower() if typed.islower() else rest)
    return offered if _name_key(offered) == _name_key(name) else None


def _description(shell: str, text: str, same: bool = False) -> str:
    """As completion._description."""
    if same or not text:
        return ""
    text = " ".join(text.split())
    text = text if len(text) <= 60 else text[:59].rstrip() + "…"
    return _zsh_text(text) if shell == "zsh" else text


def _zsh_text(text: str) -> str:
    """As completion._zsh_text."""
    import re

    text = re.sub(r'"([^"]*)"', "“\\1”", text)
    return text.replace('"', "”").replace("'", "’")


def _printed(shell: str, offers: list[Offer], environ: Any) -> str | None:
    """As Typer's BashComplete, ZshComplete and FishComplete print them, then click.echo's newline."""
    if shell == "bash":
        lines = [value for value, _ in offers]
        text = "\n".join(lines)
    elif shell == "zsh":
        lines = []
        for value, help_ in offers:
            if not help_:
                lines.append(f'"{_zsh_escape(value)}"')
                continue
            shown = _zsh_escape(help_)
            if not _rich_leaves(shown, environ):
                return None
            lines.append(f'"{_zsh_escape(value)}":"{shown}"')
        text = "_arguments '*: :((" + "\n".join(lines) + "))'" if lines else "_files"
    else:
        import re

        lines = []
        for value, help_ in offers:
            if not help_:
                lines.append(value)
                continue
            shown = re.sub(r"\s", " ", help_)
            if not _rich_leaves(shown, environ):
                return None
            lines.append(f"{value}\t{shown}")
        text = "\n".join(lines)
    return None if "\x1b" in text else text + "\n"  # click.echo strips ANSI codes: the CLI's


def _zsh_escape(s: str) -> str:
    return s.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _rich_leaves(text: str, environ: Any) -> bool:
    """Whether Typer's help sanitising (Rich rendering the text at the console's width) keeps it as it is."""
    import re

    if "[" in text or re.search(r":\S*:", text) or text != text.strip():  # markup, emoji codes
        return False
    if any(ord(c) < 32 or 127 <= ord(c) < 160 or ord(c) >= 0x1100 for c in text):  # control, wide
        return False
    if "TERMINAL_WIDTH" in environ:
        return False
    widths = [80]
    for fd in (0, 1, 2):  # as Rich's Console.size: the first standard stream that is a terminal
        try:
            widths.append(os.get_terminal_size(fd).columns)
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS")
    if columns is not None:
        if not (columns.isascii() and columns.isdigit()):
            return False
        widths.append(int(columns))
    return len(text) < min(widths)


def write_and_exit(text: str) -> None:
    """Write the whole answer to stdout and end the process with the outcome's exit code."""
    try:
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            raise OSError(errno.EBADF, "stdout is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
        code = EXIT_OK
    except OSError as exc:
        code = EXIT_OK if exc.errno == errno.EPIPE else failed_write(exc)
    os._exit(code)


def failed_write(error: OSError) -> int:
    reason = error.strerror or str(error)
    reason = reason[0].lower() + reason[1:] if reason else "unknown error"
    try:
        sys.stderr.write(f"Error: cannot write the output: {reason}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):  # stderr closed or full: nowhere to say it
        pass
    return EXIT_OUTPUT

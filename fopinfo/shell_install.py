"""Shell completion: fopinfo's own scripts, printed or installed, never damaging a user's file.

``fopinfo completion bash|zsh|fish`` prints a script (the gh/ripgrep way);
``--show-completion [SHELL]`` does the same, ``--install-completion [SHELL]`` installs it
(without SHELL: the shell fopinfo runs in). The scripts ask fopinfo for candidates through
the protocol Typer answers (``_FOPINFO_COMPLETE=complete_SHELL``) and never fall back to
file names.

Installing touches only fopinfo's own file where the shell allows it: fish's
``completions/`` folder, bash-completion's user folder (when bash-completion is present).
zsh (and bash without bash-completion) also needs one line in its start-up file. Writes
are safe whatever happens:

- fopinfo's script is written to a temporary file in the same folder, synced, and renamed
  over the old one: a reader sees the old file or the new one, never a part;
- a start-up file is only appended to, with one line it does not hold yet (a second run
  changes nothing), after checking the append can succeed (permission, free space, the
  file-size limit); it is read as bytes, so any encoding survives; if the append still
  fails, the file is cut back to its original length;
- paths are quoted with ``shlex.quote``; every failure names the file (exit 4).

Standard library only, imported only when completion is asked for.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from fopinfo.errors import EXIT_OK, NotWritten, UsageProblem

SHELLS = ("bash", "zsh", "fish")
MARK = "# fopinfo completion"  # ends every line fopinfo adds to a start-up file
INSTALL, SHOW = "--install-completion", "--show-completion"
# Shells fopinfo may be started from, to tell "an unsupported shell" from "not a shell".
_KNOWN_SHELLS = frozenset(
    {"bash", "zsh", "fish", "sh", "dash", "ash", "ksh", "mksh", "oksh", "pdksh", "yash", "posh", "tcsh", "csh",
     "pwsh", "powershell", "nu", "xonsh", "elvish", "ion", "busybox"}
)  # fmt: skip
_BASH_COMPLETION = (  # bash-completion's own script: present where it is installed
    "/usr/share/bash-completion/bash_completion",
    "/etc/bash_completion",
    "/usr/local/share/bash-completion/bash_completion",
    "/opt/homebrew/share/bash-completion/bash_completion",
    "/usr/local/etc/profile.d/bash_completion.sh",
    "/opt/homebrew/etc/profile.d/bash_completion.sh",
)

# No "-o default": with nothing to offer, bash offers nothing rather than file names.
# mapfile, not COMPREPLY=( $(...) ), so a candidate is never expanded as a file pattern.
_BASH = r"""# fopinfo completion for bash: eval "$(fopinfo completion bash)" in ~/.bashrc
_fopinfo_completion() {
    local IFS=$'\n'
    mapfile -t COMPREPLY < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \
        _FOPINFO_COMPLETE=complete_bash "$1" 2>/dev/null)
    return 0
}
complete -F _fopinfo_completion fopinfo
"""
# Works sourced (eval "$(fopinfo completion zsh)" after compinit) and as an autoloaded
# _fopinfo in fpath. Only an "_arguments" answer is used: Typer's "_files" would offer files.
_ZSH = r"""#compdef fopinfo
# fopinfo completion for zsh: eval "$(fopinfo completion zsh)" in ~/.zshrc, after compinit
_fopinfo() {
    local answer
    answer="$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _FOPINFO_COMPLETE=complete_zsh fopinfo 2>/dev/null)"
    [[ $answer == _arguments* ]] && eval ${=answer}
}
if [[ $funcstack[1] == _fopinfo ]]; then
    _fopinfo "$@"
else
    compdef _fopinfo fopinfo
fi
"""
# The first line turns file names off for every fopinfo word, also where fopinfo offers nothing.
_FISH = (
    "# fopinfo completion for fish: fopinfo completion fish | source\n"
    "complete --command fopinfo --no-files\n"
    'complete --command fopinfo --no-files --arguments "(env _FOPINFO_COMPLETE=complete_fish'
    ' _TYPER_COMPLETE_FISH_ACTION=get-args _TYPER_COMPLETE_ARGS=(commandline -cp) fopinfo 2>/dev/null)"\n'
)
_SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}


def script(shell: str) -> str:
    return _SCRIPTS[_supported(shell)]


class Request(NamedTuple):
    option: str  # INSTALL or SHOW
    shell: str | None  # as given, or None: the shell fopinfo runs in


def requested(argv: Sequence[str]) -> Request | None:
    """--install-completion or --show-completion among the options before the command, with its SHELL."""
    at = 0
    while at < len(argv):
        word = argv[at]
        name, equals, value = word.partition("=")
        if name in (INSTALL, SHOW):
            if equals:
                return Request(name, value)
            following = argv[at + 1] if at + 1 < len(argv) else None
            return Request(name, following if following and not following.startswith("-") else None)
        if word == "--" or not word.startswith("-"):
            return None  # a command (its own options follow) or the end of options
        at += 2 if word in ("--data", "--color") else 1
    return None


def run(request: Request, environ: Mapping[str, str] = os.environ) -> int:
    """Answer the request on stdout; a problem raises a FopinfoError."""
    import sys

    shell = _supported(request.shell) if request.shell is not None else detected_shell(environ)
    if request.option == SHOW:
        sys.stdout.write(script(shell))
        return EXIT_OK
    sys.stdout.write(install(shell, environ))
    return EXIT_OK


# ---------------------------------------------------------------- which shell


def _supported(shell: str) -> str:
    name = shell.strip().lower()
    if name not in SHELLS:
        raise UsageProblem(
            f"fopinfo completes in bash, zsh and fish, not in '{shell}'",
            ("name one: fopinfo --install-completion bash (or zsh, fish)",),
        )
    return name


def detected_shell(environ: Mapping[str, str] = os.environ) -> str:
    """The nearest shell among fopinfo's parent processes (Linux /proc), else $SHELL's name."""
    found = _parent_shell() or Path(environ.get("SHELL", "")).name
    if not found:
        raise UsageProblem(
            "cannot tell which shell this is", ("name it: fopinfo --install-completion bash (or zsh, fish)",)
        )
    return _supported(found)


def _parent_shell() -> str | None:
    pid = os.getppid()
    for _ in range(16):  # a few wrappers (uv run, pipx, a terminal) at most
        try:
            stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        name, _, rest = stat.partition("(")[2].rpartition(")")
        name = name.lstrip("-")
        if name in _KNOWN_SHELLS:
            return name
        fields = rest.split()
        if len(fields) < 2 or not fields[1].isdigit() or int(fields[1]) <= 1:
            return None
        pid = int(fields[1])
    return None


# ---------------------------------------------------------------- where, and the one line


class Plan(NamedTuple):
    script: Path  # fopinfo's own file
    rc: Path | None  # the start-up file that needs a line, if any
    line: bytes  # that line (without its newline)


def plan(shell: str, environ: Mapping[str, str]) -> Plan:
    home = _home(environ)
    data_home = _xdg(environ, "XDG_DATA_HOME", home / ".local" / "share")
    if shell == "fish":
        return Plan(
            _xdg(environ, "XDG_CONFIG_HOME", home / ".config") / "fish" / "completions" / "fopinfo.fish", None, b""
        )
    if shell == "zsh":
        target = data_home / "zsh" / "site-functions" / "_fopinfo"
        rc = _xdg(environ, "ZDOTDIR", home) / ".zshrc"
        folder = _quoted(target.parent)
        line = f"fpath=({folder} $fpath); autoload -Uz _fopinfo; (( $+functions[compdef] )) && compdef _fopinfo fopinfo"
        return Plan(target, rc, os.fsencode(f"{line}  {MARK}"))
    user_dir = _xdg(environ, "BASH_COMPLETION_USER_DIR", data_home / "bash-completion")
    target = user_dir / "completions" / "fopinfo"
    if any(os.path.isfile(path) for path in _BASH_COMPLETION):
        return Plan(target, None, b"")  # bash-completion loads it from there by itself
    quoted = _quoted(target)
    return Plan(target, home / ".bashrc", os.fsencode(f"[ -r {quoted} ] && . {quoted}  {MARK}"))


def _home(environ: Mapping[str, str]) -> Path:
    home = environ.get("HOME")
    if not home:
        raise UsageProblem("cannot install shell completion: HOME is not set")
    if not os.path.isdir(home):  # never created: a missing HOME is a mistake to report
        raise UsageProblem(f"cannot install shell completion: HOME ({home}) is not an existing folder")
    return Path(home)


def _xdg(environ: Mapping[str, str], name: str, default: Path) -> Path:
    value = environ.get(name, "")
    return Path(value) if os.path.isabs(value) else default  # relative values are invalid: ignored


def _quoted(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))


# ---------------------------------------------------------------- installing


def install(shell: str, environ: Mapping[str, str] = os.environ) -> str:
    """Install completion for the shell; what was done, as lines for stdout."""
    where = plan(shell, environ)
    original = _read(where.rc) if where.rc else None
    needs_line = where.rc is not None and where.line not in (original or b"").splitlines()
    addition = b""
    if where.rc is not None and needs_line:
        separator = b"\n" if original and not original.endswith(b"\n") else b""
        addition = separator + where.line + b"\n"
        _check_can_append(where.rc, len(original or b""), len(addition))  # before anything is written
    wrote = _write_atomically(where.script, script(shell).encode("utf-8"))
    said = [f"{shell} completion {'installed in' if wrote else 'already installed in'} {where.script}"]
    if where.rc is not None:
        if needs_line:
            _append(where.rc, original, addition)
            said.append(f"added one line to {where.rc}: {os.fsdecode(where.line)}")
        else:
            said.append(f"{where.rc} already loads it")
    if wrote or needs_line:
        said.append("Open a new shell to use it.")
    return "".join(f"{line}\n" for line in said)


def _failed(path: Path, error: OSError) -> NotWritten:
    reason = (error.strerror or str(error)).lower()
    return NotWritten(f"cannot install shell completion: {path}: {reason}")


def _read(path: Path) -> bytes | None:
    """The file's bytes (None if it does not exist), never decoded: any encoding survives."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _failed(path, exc) from None


def _check_can_append(path: Path, size: int, adding: int) -> None:
    """Refuse before writing when the append cannot succeed: permission, free space, file-size limit."""
    import resource

    exists = size > 0 or path.exists()
    folder = path.parent
    problem: OSError | None = None
    if not os.access(path if exists else folder, os.W_OK):
        problem = OSError(errno.EACCES, os.strerror(errno.EACCES))
    else:
        try:
            room = os.statvfs(folder)
            if room.f_bavail * room.f_frsize < adding:
                problem = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError as exc:
            problem = exc
        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        if problem is None and limit != resource.RLIM_INFINITY and size + adding > limit:
            problem = OSError(errno.EFBIG, os.strerror(errno.EFBIG))
    if problem is not None:
        raise _failed(path, problem)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _append(path: Path, original: bytes | None, addition: bytes) -> None:
    """Append in place (a symlinked or hard-linked start-up file stays linked); on failure, cut back."""
    created = original is None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | (os.O_CREAT | os.O_EXCL if created else 0), 0o644)
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        size = os.fstat(fd).st_size
        try:
            _write_all(fd, addition)
            os.fsync(fd)
        except OSError as exc:
            os.ftruncate(fd, size)  # back to the original bytes exactly
            if created:
                os.unlink(path)
            raise _failed(path, exc) from None
    finally:
        os.close(fd)


def _write_atomically(path: Path, data: bytes) -> bool:
    """fopinfo's own file: a temporary file in the same folder, synced, renamed over it. False if unchanged."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # the folder cannot be made or written to
        raise _failed(Path(exc.filename) if exc.filename else path.parent, exc) from None
    try:
        try:
            os.fchmod(fd, 0o644)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except OSError as exc:
        try:  # noqa: SIM105
            os.unlink(temporary)
        except OSError:
            pass
        raise _failed(path, exc) from None
    _sync_folder(path.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot sync a folder, which is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

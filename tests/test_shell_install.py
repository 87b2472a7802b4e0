"""--install-completion never damages a user's file: tried on real files, with a real file-size
limit, an apostrophe in HOME, a Latin-1 byte, a symlink, a read-only home as an unprivileged user,
and from a shell fopinfo does not support. Each start-up file is then read by the real shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

FOPINFO = Path(sys.executable).parent / "fopinfo"
pytestmark = pytest.mark.skipif(not FOPINFO.is_file(), reason="needs the installed console script")
MARK = b"  # fopinfo completion\n"


def env(home: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(home), "PATH": f"{FOPINFO.parent}:/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def install(home: Path, shell: str, prefix: str = "", **extra: str) -> subprocess.CompletedProcess[str]:
    script = f'{prefix}"$F" --install-completion {shell}'
    return subprocess.run(
        ["bash", "-c", script],
        env={**env(home, **extra), "F": str(FOPINFO)},
        capture_output=True,
        text=True,
        timeout=30,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def _uses_bashrc() -> bool:
    """bash-completion loads fopinfo's file by itself where it is installed; else ~/.bashrc needs a line."""
    return not any(
        os.path.isfile(p) for p in ("/usr/share/bash-completion/bash_completion", "/etc/bash_completion")
    ) and not any(Path("/usr/local/share/bash-completion").glob("bash_completion"))


# ---------------------------------------------------------------- appending one line, once


def test_a_latin1_start_up_file_keeps_every_byte_and_gets_one_line(home: Path) -> None:
    original = b"# caf\xe9\nalias ll='ls -l'"  # not UTF-8, and no final newline
    (home / ".zshrc").write_bytes(original)
    result = install(home, "zsh")
    assert (result.returncode, result.stderr) == (0, "")
    after = (home / ".zshrc").read_bytes()
    assert after.startswith(original + b"\n")  # the missing newline is added, nothing else touched
    added = after[len(original) + 1 :]
    assert added.count(b"\n") == 1 and added.endswith(MARK) and added.startswith(b"fpath=(")
    assert b"zstyle" not in after and b"compinit" not in after.replace(b"functions[compdef]", b"")


@pytest.mark.parametrize("shell", ["zsh", "bash", "fish"])
def test_a_second_run_changes_nothing(home: Path, shell: str) -> None:
    (home / ".zshrc").write_bytes(b"# mine\n")
    (home / ".bashrc").write_bytes(b"# mine\n")
    assert install(home, shell).returncode == 0
    before = snapshot(home)
    again = install(home, shell)
    assert (again.returncode, again.stderr) == (0, "")
    assert "already installed" in again.stdout
    assert snapshot(home) == before  # not a byte, not a modification time


def test_a_symlinked_start_up_file_stays_a_symlink(home: Path) -> None:
    dotfiles = home / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "zshrc").write_bytes(b"# managed\n")
    (home / ".zshrc").symlink_to(dotfiles / "zshrc")
    assert install(home, "zsh").returncode == 0
    assert (home / ".zshrc").is_symlink()
    assert (dotfiles / "zshrc").read_bytes().startswith(b"# managed\nfpath=(")


def test_zdotdir_and_xdg_folders_are_honoured(home: Path, tmp_path: Path) -> None:
    zdot, data, config = tmp_path / "zdot", tmp_path / "data", tmp_path / "config"
    zdot.mkdir()
    assert install(home, "zsh", ZDOTDIR=str(zdot), XDG_DATA_HOME=str(data)).returncode == 0
    assert (data / "zsh" / "site-functions" / "_fopinfo").is_file()
    assert (zdot / ".zshrc").read_bytes().endswith(MARK)
    assert install(home, "fish", XDG_CONFIG_HOME=str(config)).returncode == 0
    assert (config / "fish" / "completions" / "fopinfo.fish").is_file()
    assert list(home.iterdir()) == []  # nothing in HOME itself


# ---------------------------------------------------------------- quoting: the shell reads what was written


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_an_apostrophe_in_home_is_quoted_for_the_shell(tmp_path: Path, shell: str) -> None:
    binary = shutil.which(shell)
    if binary is None:
        pytest.skip(f"{shell} is not installed")
    home = tmp_path / "o'neil $HOME `x`"
    home.mkdir()
    if shell == "zsh":
        (home / ".zshrc").write_bytes(b"autoload -Uz compinit; compinit -u -D\n")
    result = install(home, shell)
    assert (result.returncode, result.stderr) == (0, "")
    probe = "complete -p fopinfo" if shell == "bash" else "print -r -- $_comps[fopinfo]"
    if shell == "bash" and not _uses_bashrc():
        probe = "__load_completion fopinfo; " + probe
    shown = subprocess.run([binary, "-i", "-c", probe], env=env(home), capture_output=True, text=True, timeout=30)
    assert "error" not in shown.stderr.lower() and "unmatched" not in shown.stderr.lower(), shown.stderr
    assert shown.stdout == ("complete -F _fopinfo_completion fopinfo\n" if shell == "bash" else "_fopinfo\n")


# ---------------------------------------------------------------- failures leave the original bytes


def test_a_full_file_size_limit_leaves_the_start_up_file_intact(home: Path) -> None:
    original = b"# caf\xe9\n" + b"x" * (2048 - 8 - 20) + b"\n"  # 20 bytes below 2 KiB: the line does not fit
    (home / ".zshrc").write_bytes(original)
    result = install(home, "zsh", prefix="ulimit -f 2; trap '' XFSZ; ")
    assert result.returncode == 4
    assert result.stderr == f"Error: cannot install shell completion: {home / '.zshrc'}: file too large\n"
    assert result.stdout == ""
    assert (home / ".zshrc").read_bytes() == original
    assert not (home / ".local").exists()  # refused before anything was written


def test_a_file_size_limit_below_the_script_leaves_nothing_behind(home: Path) -> None:
    result = install(home, "fish", prefix="ulimit -f 0; trap '' XFSZ; ")
    assert result.returncode == 4
    target = home / ".config" / "fish" / "completions" / "fopinfo.fish"
    assert result.stderr == f"Error: cannot install shell completion: {target}: file too large\n"
    assert list(target.parent.iterdir()) == []  # no temporary file, no half script


@pytest.fixture
def root_owned_home() -> Iterator[Path]:
    """A HOME the unprivileged user can read but not write (root ignores permissions, so it is dropped)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to create a home another user cannot write")
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv to become an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="fopinfo-home-"))
    folder.chmod(0o755)
    (folder / ".zshrc").write_bytes(b"# caf\xe9\n")
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("shell", ["zsh", "bash", "fish"])
def test_a_read_only_home_is_an_error_naming_the_file(root_owned_home: Path, shell: str) -> None:
    before = snapshot(root_owned_home)
    unprivileged = "setpriv --reuid=nobody --regid=nogroup --clear-groups "
    result = install(root_owned_home, shell, prefix=unprivileged)
    assert result.returncode == 4, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"Error: cannot install shell completion: {root_owned_home}/")
    assert first.endswith(": permission denied")
    assert snapshot(root_owned_home) == before


# ---------------------------------------------------------------- which shell


def test_an_unsupported_shell_is_a_usage_error_on_stderr(home: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", f"'{FOPINFO}' --install-completion"], env=env(home), capture_output=True, text=True, timeout=30
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "Error: fopinfo completes in bash, zsh and fish, not in 'sh'\n"
        "  name one: fopinfo --install-completion bash (or zsh, fish)\n"
    )
    assert list(home.iterdir()) == []
    named = install(home, "tcsh")
    assert (named.returncode, named.stdout) == (2, "")
    assert named.stderr.startswith("Error: fopinfo completes in bash, zsh and fish, not in 'tcsh'\n")


def test_the_shell_it_runs_in_is_the_default(home: Path) -> None:
    zsh = shutil.which("zsh")
    if zsh is None:
        pytest.skip("zsh is not installed")
    result = subprocess.run(
        [zsh, "-fc", f"'{FOPINFO}' --install-completion; true"], env=env(home), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("zsh completion installed in ")
    shown = subprocess.run([zsh, "-fc", f"'{FOPINFO}' --show-completion; true"], env=env(home), capture_output=True)
    assert shown.stdout.startswith(b"#compdef fopinfo\n")

"""Hardening II, tried for real: the installed console script, real pipes, /dev/full, a closed
descriptor, an unprivileged user, and hostile files generated here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.conftest import BUNDLED

FOPINFO = Path(sys.executable).parent / "fopinfo"
pytestmark = pytest.mark.skipif(not FOPINFO.is_file(), reason="needs the installed console script")

OUTPUTS = [
    ["--version"],
    ["facts"],
    ["cite", "6", "--json"],
    ["define", "bunions", "--markdown"],
    ["handout"],
    ["handout", "--html"],
    ["handout", "--json"],
    ["--help"],
]


def env() -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "FORCE_COLOR", "NO_COLOR")}
    return {**base, "COLUMNS": "80"}


def shell(script: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script], env={**env(), "F": str(FOPINFO), **extra}, capture_output=True, text=True, check=False
    )


def run(*args: str, stdout: int | IO[Any] = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FOPINFO), *args], env=env(), stdout=stdout, stderr=subprocess.PIPE, text=True, check=False
    )


def quoted(args: list[str]) -> str:
    return " ".join(f"'{a}'" for a in args)


# ---------------------------------------------------------------- writing output fails


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_reader_gone_before_the_final_flush_exits_0_quietly(args: list[str]) -> None:
    for reader in ("true", "head -c0"):
        for _ in range(3):  # the race is the reader leaving before or after the write: both must hold
            result = shell(f'"$F" {quoted(args)} | {reader}; echo "rc=${{PIPESTATUS[0]}}"')
            assert (result.stdout, result.stderr) == ("rc=0\n", "")


def test_reader_gone_in_the_middle_of_a_large_output(tmp_path: Path) -> None:
    from tests.test_robustness import large_file

    big = large_file(tmp_path, 3000)
    for flag in ("", "--json", "--markdown"):
        result = shell(f'"$F" --data "{big}" topic what {flag} | head -c1 >/dev/null; echo "rc=${{PIPESTATUS[0]}}"')
        assert (result.stdout, result.stderr) == ("rc=0\n", "")


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_disk_full_is_one_error_line_and_exit_4(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(*args, stdout=full)
    assert (result.returncode, result.stderr) == (4, "Error: cannot write the output: no space left on device\n")


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_closed_stdout_is_one_error_line_and_exit_4(args: list[str]) -> None:
    result = shell(f'"$F" {quoted(args)} >&-')
    assert (result.returncode, result.stderr) == (4, "Error: cannot write the output: stdout is closed\n")


def test_usage_error_with_stderr_closed_or_full_still_exits_2() -> None:
    assert shell('"$F" topic nosuch 2>&-').returncode == 2
    assert shell('"$F" nosuchcommand 2>/dev/full').returncode == 2
    result = shell('"$F" facts >/dev/full 2>&-')
    assert (result.returncode, result.stderr) == (4, "")


# ---------------------------------------------------------------- nothing obeyed on stderr

BUNDLED_TEXT = BUNDLED.read_text(encoding="utf-8")


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_clean(stderr: str) -> None:
    unsafe = [c for c in stderr if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E]
    assert not unsafe, stderr[:300]
    assert all(len(line) <= 1000 for line in stderr.splitlines()), max(map(len, stderr.splitlines()))


def test_control_sequences_in_a_key_are_shown_not_obeyed(tmp_path: Path) -> None:
    path = written(tmp_path, '"\\e]0;PWNED\\a": 1\n' + BUNDLED_TEXT)
    result = run("--data", str(path), "facts")
    assert result.returncode == 3
    assert_clean(result.stderr)
    assert "(top level)" not in result.stderr and "\\x1b]0;PWNED\\x07: unknown key" in result.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [("id: what\n", 'id: "wh\\u202eat"\n'), ("id: what\n", 'id: "what\\u009b2J"\n'), ("id: what\n", 'id: "wh\\nat"\n')],
    ids=["bidi-override", "csi", "newline"],
)
def test_names_with_control_characters_are_a_validation_error(tmp_path: Path, old: str, new: str) -> None:
    assert old in BUNDLED_TEXT
    result = run("--data", str(written(tmp_path, BUNDLED_TEXT.replace(old, new, 1))), "check")
    assert result.returncode == 3
    assert "holds a control or bidi character" in result.stdout + result.stderr
    assert_clean(result.stderr)


def test_echoed_values_are_bounded_excerpts(tmp_path: Path) -> None:
    result = run("topic", "x" * 100_000 + "\x1b[2J")  # an argument is at most 128 KiB on Linux
    assert result.returncode == 2
    assert_clean(result.stderr)
    huge = "x" * 2_000_000
    assert result.returncode == 2
    assert_clean(result.stderr)
    doubled = BUNDLED_TEXT.replace("id: what\n", f"id: {huge}\n", 1).replace("id: causes\n", f"id: {huge}\n", 1)
    result = run("--data", str(written(tmp_path, doubled)), "facts")
    assert result.returncode == 3
    assert_clean(result.stderr)
    assert len(result.stderr) < 2000


# ---------------------------------------------------------------- unreadable file, for real


@pytest.fixture
def unreadable() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="fopinfo-perm-"))
    folder.chmod(0o755)
    path = folder / "f.yaml"
    path.write_bytes(BUNDLED.read_bytes())
    path.chmod(0o000)
    yield path
    shutil.rmtree(folder)


def as_unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []  # already unprivileged: mode 000 is enough
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot become an unprivileged user")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def test_unreadable_file_exits_3_naming_where_the_path_came_from(unreadable: Path) -> None:
    prefix = as_unprivileged()
    cases = [
        (["--data", str(unreadable), "facts"], {}, "--data"),
        (["facts"], {"FOPINFO_DATA": str(unreadable)}, "FOPINFO_DATA"),
    ]
    for args, extra, origin in cases:
        result = subprocess.run(
            [*prefix, str(FOPINFO), *args], env={**env(), **extra}, capture_output=True, text=True, check=False
        )
        assert (result.returncode, result.stderr) == (
            3,
            f"Error: knowledge file {unreadable} (from {origin}) cannot be read: permission denied\n",
        )


# ---------------------------------------------------------------- duplicate keys, aliases, merge keys


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    lines = BUNDLED_TEXT.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 1, f"{indent}text: A second text that would silently win.\n")
    result = run("--data", str(written(tmp_path, "".join(lines))), "check")
    assert result.returncode == 3
    assert f"line {at + 2}: " in result.stdout
    assert f"duplicate key 'text' (lines {at + 1} and {at + 2})" in result.stdout
    top = run("--data", str(written(tmp_path, BUNDLED_TEXT + "sections: []\n")), "facts")
    assert top.returncode == 3
    assert "sections: duplicate key 'sections'" in top.stderr


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        ("x: &a [1]\ny: *a\n", "aliases (*name) are not allowed"),
        ("x: {<<: {a: 1}}\n", "merge keys (<<) are not allowed"),
    ],
    ids=["alias", "merge"],
)
def test_aliases_and_merge_keys_are_refused(tmp_path: Path, tail: str, message: str) -> None:
    result = run("--data", str(written(tmp_path, BUNDLED_TEXT + tail)), "facts")
    assert result.returncode == 3
    assert message in result.stderr and "at line" in result.stderr


# ---------------------------------------------------------------- bounded work, linear cost


@pytest.mark.slow
def test_millions_of_empty_lists_are_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "lists.yaml"
    path.write_text("sources: [" + "[]," * 5_000_001 + "]\n", encoding="utf-8")
    started = time.monotonic()
    result = run("--data", str(path), "facts")
    assert time.monotonic() - started < 30
    assert result.returncode == 3
    assert "more than 5,000,000 values, the limit for a knowledge file" in result.stderr


@pytest.mark.slow
def test_many_cites_and_many_unknown_keys_stay_fast(tmp_path: Path) -> None:
    cites = ", ".join(str(n) for n in range(1, 30_001))
    text = BUNDLED_TEXT.replace("cites: [6]", f"cites: [{cites}]", 1)
    started = time.monotonic()
    result = run("--data", str(written(tmp_path, text)), "check")
    assert result.returncode == 3  # sources 16… are not defined
    unknown = "".join(f"unknown{i}: 1\n" for i in range(30_000)) + BUNDLED_TEXT
    result = run("--data", str(written(tmp_path, unknown)), "check")
    assert result.returncode == 3
    assert "line 30000: unknown29999" in result.stdout or "more than 1,000 problems" in result.stdout
    assert time.monotonic() - started < 20  # quadratic, these took 43 s and 23 s


# ---------------------------------------------------------------- --install-completion and HOME


def test_install_completion_never_creates_home(tmp_path: Path) -> None:
    home = tmp_path / "no-such-home"
    result = subprocess.run(
        [str(FOPINFO), "--install-completion", "bash"],
        env={**env(), "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (
        2,
        f"Error: cannot install shell completion: HOME ({home}) is not an existing folder\n",
    )
    assert not home.exists()
    unusable = tmp_path / "file"
    unusable.write_text("")
    result = subprocess.run(
        [str(FOPINFO), "--install-completion", "bash"],
        env={**env(), "HOME": str(unusable)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: cannot install shell completion: HOME")

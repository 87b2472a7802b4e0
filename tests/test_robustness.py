"""Hardening: no traceback, no hang, nothing written, whatever the arguments, file or terminal."""

from __future__ import annotations

import copy
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fopinfo import loading, model
from fopinfo.errors import BadKnowledgeFile
from tests.conftest import BUNDLED, ROOT, Run, with_reviews

ORIGINAL: dict[str, Any] = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))

# ---------------------------------------------------------------- any argument vector

WORDS = st.sampled_from(
    ["facts", "topics", "topic", "cite", "sources", "search", "define", "check", "--json", "--quote", "--limit",
     "-n", "--data", "--source", "--help", "--version", "causes", "c", "inheritance", "hallux", "flare", "bone",
     "7", "16", "0", "-1", "7.5", "1e9", "99999999999999999999999", "٧", "", " ", "--", "-", "[bold]x[/]",
     "\x1b[31m", "données", "/nonexistent.yaml", str(BUNDLED), "—", "what?"]
)  # fmt: skip
ARGUMENTS = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=ARGUMENTS)
def test_any_argument_vector(run: Run, argv: list[str]) -> None:
    # --install-completion is left out on purpose: it is the one option that writes.
    argv = [a for a in argv if not a.startswith(("--install-completion", "--show-completion"))]
    result = run(*argv)  # an exception would propagate and fail the test
    assert result.exit_code in (0, 1, 2, 3)
    if result.exit_code == 1 and not result.stderr and "--json" in argv:
        # docs/robustness.md: `search --json` with no match answers in JSON, total 0, and exits 1.
        assert json.loads(result.stdout)["total"] == 0, result
    elif result.exit_code:
        assert result.stderr.startswith("Error: "), result
        assert "Traceback" not in result.stderr


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=ARGUMENTS)
def test_a_command_built_alone_answers_as_the_whole_cli(
    run: Run, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """fopinfo.cli.main builds only the command a line names: whatever the line, the same
    exit code, stdout and stderr as the CLI with every command built."""
    from fopinfo import cli

    argv = [a for a in argv if not a.startswith(("--install-completion", "--show-completion"))]
    whole = run(*argv)
    monkeypatch.setattr("sys.argv", ["fopinfo", *argv])
    monkeypatch.setattr("typer._click.formatting.FORCED_WIDTH", 80)  # as the runner sets it for help
    capsys.readouterr()
    code = cli.main()
    out, err = capsys.readouterr()
    assert (code, out, err) == (whole.exit_code, whole.stdout, whole.stderr)


# ---------------------------------------------------------------- any knowledge file


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*path, i))
    return out


PATHS = _paths(ORIGINAL)[1:]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=50),
    st.just("x" * 100_000),
    st.just([]),
    st.just({}),
    st.just([[[[[[[[["deep"]]]]]]]]]),
    st.just({"unexpected": "key"}),
)


def _mutate(data: dict[str, Any], path: tuple[Any, ...], value: Any, delete: bool) -> None:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value


@settings(max_examples=300, deadline=None)
@given(
    edits=st.lists(st.tuples(st.sampled_from(PATHS), VALUES, st.booleans()), min_size=1, max_size=3),
)
def test_any_mutated_knowledge_file_loads_or_fails_cleanly(
    tmp_path_factory: pytest.TempPathFactory, edits: Any
) -> None:
    data = copy.deepcopy(ORIGINAL)
    for path, value, delete in edits:
        try:
            _mutate(data, path, value, delete)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this path
    path = tmp_path_factory.mktemp("fuzz") / "k.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        loaded = loading.load(path)
    except model.InvalidKnowledge as exc:
        assert exc.problems
        assert all(p.path and p.message for p in exc.problems)
        assert exc.message.startswith(f"invalid knowledge file {path}: ")
    except BadKnowledgeFile as exc:
        assert str(path) in exc.message
    else:
        assert isinstance(loaded, model.Knowledge)


NO_SECTIONS = {**ORIGINAL, "sections": [], "sources": [], "glossary": []}
NO_SECTIONS["origin"] = {**ORIGINAL["origin"], "related_pages": []}


def write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "k.yaml"
    path.write_bytes(content)
    return path


def test_bom_is_accepted(run: Run, tmp_path: Path) -> None:
    path = with_reviews(write(tmp_path, b"\xef\xbb\xbf" + BUNDLED.read_bytes()))
    assert run("--data", str(path), "check").exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "(top level): must be a mapping, not null"),
        (b"- a\n- b\n", "(top level): must be a mapping, not a list"),
        (b"a: [1\n", "is not valid YAML at line 2, column 1"),
        (b"schema: !!python/object/apply:os.system ['true']\n", "is not valid YAML at line 1, column 9"),
        (b"\xff\xfe\x00", "is not UTF-8: line 1, byte 0"),
        (b"[" * 5000 + b"]" * 5000, "is not valid YAML at line 1, column 1001: exceeded maximum nesting depth"),
        (b"schema: 2020-02-30\n", "holds a value that cannot be read: day is out of range for month"),
        (b"schema: " + b"9" * 5000 + b"\n", "holds a value that cannot be read: Exceeds the limit"),
        (yaml.safe_dump(NO_SECTIONS).encode(), "sections: must list at least one section"),
    ],
    ids=["empty", "list", "invalid", "python-tag", "utf16", "deep", "bad-date", "huge-int", "no-sections"],
)
def test_bad_files_fail_in_one_line(run: Run, tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path, content)
    result = run("--data", str(path), "facts")
    assert result.exit_code == 3
    assert message in result.stderr.splitlines()[0]
    assert len(result.stderr.splitlines()) == 1


BOMB = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
    f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)
]


@pytest.mark.parametrize(
    "tail",
    [
        ["sections: *a9", "origin: *a9", "sources: *a9"],  # where mappings are expected
        ["schema: *a9"],  # where a number is expected: the message must not print it whole
        [BUNDLED.read_text(encoding="utf-8").replace("cites: [6]", "cites: [*a9]")],
    ],
    ids=["mappings", "scalar", "cites"],
)
def test_alias_bomb_is_refused_quickly(run: Run, tmp_path: Path, tail: list[str]) -> None:
    path = write(tmp_path, "\n".join(BOMB + tail).encode())
    started = time.monotonic()
    result = run("--data", str(path), "check")
    assert time.monotonic() - started < 10  # a bomb walked whole would take hours
    assert result.exit_code == 3
    assert len(result.stdout) + len(result.stderr) < 5000


def test_non_regular_files_are_read_with_the_limit(run: Run) -> None:
    result = run("--data", "/dev/zero", "facts")
    assert (result.exit_code, result.stderr) == (
        3,
        f"Error: knowledge file /dev/zero (from --data) is larger than the limit of {loading.MAX_FILE_BYTES:,} bytes\n",
    )
    empty = run("--data", "/dev/null", "facts")
    assert (empty.exit_code, empty.stderr.splitlines()[0]) == (
        3,
        "Error: invalid knowledge file /dev/null: (top level): must be a mapping, not null",
    )


def test_file_over_the_size_limit_is_refused_before_parsing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(loading.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    result = run("--data", str(path), "facts")
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: knowledge file {path} (from --data) is larger than the limit of {loading.MAX_FILE_BYTES:,} bytes\n"
    )


# An unreadable file is tried for real, as an unprivileged user, in test_hardening.py.


# ---------------------------------------------------------------- data is shown, never obeyed

HOSTILE = "[bold red]x[/] \x1b]0;pwned\x07\x1b[31mred\x1b[0m \x1b]52;c;Y2xpcA==\x07 *emphasis* \x08\x0c"


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    data = copy.deepcopy(ORIGINAL)
    data["sections"][0]["statements"][0]["text"] = HOSTILE
    data["sections"][4]["facts"][0]["headline"] = HOSTILE
    data["glossary"][1]["definition"] = HOSTILE
    data["origin"]["disclaimer"] = HOSTILE
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["facts"], ["topic", "what"], ["cite", "1"], ["search", "bold"], ["define", "HO"], []],
    ids=lambda a: " ".join(a) or "(none)",
)
def test_markup_and_escape_sequences_are_shown_not_obeyed(run: Run, hostile_file: Path, args: list[str]) -> None:
    for env in ({}, {"FORCE_COLOR": "1"}):
        out = run("--data", str(hostile_file), *args, env=env).stdout
        assert "[bold red]x[/]" in out
        assert "]0;pwned" in out and "\x1b]" not in out  # OSC (title, clipboard) stripped
        assert "\x1b[31mred" not in out and "\x07" not in out and "\x08" not in out


def test_json_keeps_hostile_text_as_escaped_data(run: Run, hostile_file: Path) -> None:
    out = run("--data", str(hostile_file), "topic", "what", "--json").stdout
    assert "\x1b" not in out
    assert json.loads(out)["topic"]["statements"][0]["text"] == HOSTILE.strip()  # the loader trims ends


# ---------------------------------------------------------------- any terminal


def run_module(*args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "FORCE_COLOR", "NO_COLOR")}
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "fopinfo", *args], env={**base, **(env or {})}, capture_output=True, check=False, **kw
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_legacy_encodings_replace_what_they_cannot_show(encoding: str) -> None:
    for args in (["facts"], ["cite", "7"], ["facts", "--json"], ["topic", "cuases"]):
        result = run_module(*args, env={"PYTHONIOENCODING": encoding})
        assert b"Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 2)
        result.stdout.decode(encoding)  # only characters the encoding has
    text = run_module("facts", env={"PYTHONIOENCODING": "ascii"}).stdout.decode()
    assert "it?s just in the wrong place" in text
    doc = json.loads(run_module("facts", "--json", env={"PYTHONIOENCODING": "ascii"}).stdout)
    assert doc["facts"][1]["headline"].endswith("it’s just in the wrong place")  # escaped, not lost


@pytest.mark.parametrize("columns", ["0", "10", "400"])
def test_narrow_and_wide_terminals(run: Run, columns: str) -> None:
    for args in (["facts"], ["topic", "what"], ["cite", "7"], ["search", "bone"], ["sources"], ["topics"], []):
        result = run(*args, env={"COLUMNS": columns})
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        last = "  managing" if args == ["topics"] else "advice.”"  # the whole view was printed
        assert lines[-1].startswith(last) if args == ["topics"] else lines[-1].endswith(last)
        # Narrow terminals wrap at a readable minimum of 40 columns rather than word by word
        # (an address stands whole on a line of its own, so a terminal can open or copy it).
        wrapped = [line for line in lines if not line.strip().startswith("https://")]
        assert max(map(len, wrapped)) <= max(40, int(columns))


class NoAliasDumper(yaml.CSafeDumper):
    """Writes shared values out in full: knowledge files may not hold aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def large_file(folder: Path, statements: int) -> Path:
    """The bundled file with its first section grown to many statements."""
    data = copy.deepcopy(ORIGINAL)
    first = data["sections"][0]["statements"][0]
    data["sections"][0]["statements"] = [dict(first, id=f"s{i}") for i in range(statements)]
    data.pop("handover", None)  # it chooses statements by the ids replaced here
    path = folder / "big.yaml"
    path.write_text(yaml.dump(data, Dumper=NoAliasDumper, allow_unicode=True), encoding="utf-8")
    return path


def test_output_piped_into_head_exits_quietly(tmp_path: Path) -> None:
    big = large_file(tmp_path, 3000)
    env = {k: v for k, v in os.environ.items() if k != "FOPINFO_DATA"}
    env["PYTHONPATH"] = str(ROOT)
    for flag in ("", "--json", "--markdown"):
        shell = (
            f"'{sys.executable}' -m fopinfo --data '{big}' topic what {flag} | head -1; echo \"rc=${{PIPESTATUS[0]}}\""
        )
        result = subprocess.run(["bash", "-c", shell], env=env, capture_output=True, text=True, check=False)
        first, status = result.stdout.splitlines()
        assert first in ("What is FOP?", "{", "# What is FOP?")
        assert status == "rc=0"  # a closed pipe is not an error
        assert result.stderr == ""


COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-9]|9[0-7])")


def test_no_color_force_color_and_term_dumb(run: Run) -> None:
    assert COLOUR.search(run("cite", "7", env={"FORCE_COLOR": "1"}).stdout)
    # NO_COLOR removes colour even when styling is forced; bold and italic may stay.
    forced_plain = run("cite", "7", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert not COLOUR.search(forced_plain) and "\x1b[1m" in forced_plain
    assert "\x1b[" not in run("cite", "7", env={"TERM": "dumb"}).stdout


# ---------------------------------------------------------------- nothing written; Ctrl-C


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "mine.yaml"
    data.write_bytes(BUNDLED.read_bytes())
    with_reviews(data)
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))
    before, bundled_before = _snapshot(tmp_path), BUNDLED.read_bytes()
    source = str(ROOT / "tests" / "fixtures" / "what-is-fop.txt")
    commands = [["facts"], ["cite", "7"], ["check"], ["cite", "99"], ["topic", "nope"], ["search", "zzz"]]
    codes = [
        run_module("--data", str(data), *args, cwd=tmp_path).returncode
        for args in [*commands, ["check", "--source", source], ["--json", "sources"]]
    ]
    codes.append(run_module("--data", str(tmp_path / "missing.yaml"), "facts", cwd=tmp_path).returncode)
    assert codes == [0, 0, 0, 2, 2, 1, 0, 0, 3]  # each really ran, successes and failures alike
    assert _snapshot(tmp_path) == before
    assert BUNDLED.read_bytes() == bundled_before


def test_interrupt_while_loading_exits_130(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(path: Path | None = None, origin: str | None = None) -> model.Knowledge:
        raise KeyboardInterrupt

    monkeypatch.setattr(loading, "load", interrupted)
    result = run("facts")
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "Interrupted.\n")


def test_real_sigint_exits_130_without_traceback(tmp_path: Path) -> None:
    big = large_file(tmp_path, 60000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "fopinfo", "--data", str(big), "check"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(0.6)  # past start-up, inside parsing the large file
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr
    assert stderr.endswith(b"Interrupted.\n")

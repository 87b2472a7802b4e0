"""One renderer stays the source of truth: where no style can show, the plain canvas writes
exactly the bytes Rich writes (issue 24), for every golden case, at every width, on hostile
text, and on any text hypothesis makes up; and it is chosen only where Rich would style nothing."""

from __future__ import annotations

import copy
import io
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len
from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner

import fopinfo.views.text as text_views
from fopinfo.cli import app
from fopinfo.views.text import layout, plain, rich_canvas
from fopinfo.views.text.styled import Styled
from tests.conftest import BUNDLED
from tests.golden import ENVIRONMENT, GOLDEN, ROOT, cases, output_of

TEXT_CASES = sorted((name, command) for name, command in cases().items() if name.endswith(".txt"))


def _with_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text view drawn by the Rich canvas, even where the plain one would be chosen."""
    monkeypatch.setattr(text_views, "_unstyled", lambda color: False)


def _invoke(args: list[str], env: dict[str, str | None]) -> str:
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code in (0, 1, 3), (args, result.output)
    return result.stdout


@pytest.mark.parametrize(("name", "command"), TEXT_CASES)
def test_rich_writes_every_golden_text_case_byte_for_byte(
    name: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_rich(monkeypatch)
    assert output_of(command) == (GOLDEN / name).read_text(encoding="utf-8"), name


def test_the_golden_cases_are_drawn_by_the_plain_canvas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without this, the test above could compare Rich with itself."""
    drawn: list[str] = []
    original = text_views.choose

    def spy(take: Any) -> Any:
        canvas = original(take)
        drawn.append(type(canvas).__name__)
        return canvas

    monkeypatch.setattr(text_views, "choose", spy)
    output_of("facts")
    assert drawn == ["PlainCanvas"]


WIDE_COMMANDS = ["", "facts --quote", "topics", "topic causes", "cite 7", "sources", "search bone injection"]
WIDE_COMMANDS += ["define HO", "handout", "card", "handout --for emergency", "handout --for school", "updates"]
WIDE_COMMANDS += ["check data/facts.yaml --against-source --review"]


@pytest.mark.parametrize("columns", ["1", "39", "41", "57", "99", "133", ""])
def test_both_canvases_agree_at_every_width(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**ENVIRONMENT, "COLUMNS": columns or None}
    monkeypatch.chdir(ROOT)
    plain_out = [_invoke(command.split(), env) for command in WIDE_COMMANDS]
    _with_rich(monkeypatch)
    assert [_invoke(command.split(), env) for command in WIDE_COMMANDS] == plain_out


def _hostile(tmp_path: Path) -> Path:
    """Wide, combining, tabbed, unbreakable and multi-line text where the views put the file's words."""
    data: dict[str, Any] = copy.deepcopy(yaml.safe_load(BUNDLED.read_text(encoding="utf-8")))
    statements = data["sections"][0]["statements"]
    statements[0]["text"] = "什么是 FOP？" * 9 + " 👩‍👩‍👧 fam\u0301ily\tTab\tand\ttabs " + "x" * 150
    statements[1]["text"] = "line one\nline two\n\n\tindented\u00a0nbsp   spaces   " + "é" * 95 + " end"
    data["sections"][0]["title"] = "Ｗｈａｔ　ｉｓ　ＦＯＰ？\u200b\u200d" * 3
    data["sections"][4]["facts"][0]["headline"] = "a" * 250
    data["glossary"][1]["definition"] = "word " * 40 + "\t\t" + "🦴" * 30
    data["sources"][0]["text"] = "https://example.org/" + "very-long-path/" * 12
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("columns", ["40", "80", "100"])
def test_both_canvases_agree_on_hostile_text(columns: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(_hostile(tmp_path))
    env = {**ENVIRONMENT, "COLUMNS": columns}
    commands = [["facts", "--quote"], ["topic", "what"], ["sources"], ["topics"], ["search", "FOP"], ["handout"]]
    plain_out = [_invoke(["--data", path, *c], env) for c in commands]
    assert any("什么" in out for out in plain_out)
    _with_rich(monkeypatch)
    assert [_invoke(["--data", path, *c], env) for c in commands] == plain_out


# Text as knowledge files hold it after cleaning: any printable character, spaces of every
# kind, tabs and newlines, wide and zero-width characters, and long runs without a space.
_SPECIAL = ["\t", "\n", "\u00a0", "\u2003", "什", "Ｗ", "👩", "\u200d", "\u0301", "é", "🦴"]
_CHARS = st.sampled_from([*"abc xyz  ,.-“”’—…•†", *_SPECIAL])
_TEXT = st.one_of(st.text(_CHARS, max_size=160), st.text(min_size=0, max_size=80).map(lambda s: s.replace("\r", "")))


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, width=st.integers(min_value=1, max_value=120))
def test_wrap_breaks_where_rich_breaks(text: str, width: int) -> None:
    from fopinfo.safe_text import clean

    text = clean(text)
    console = Console(width=120, file=io.StringIO())
    assert layout.wrap(text, width) == [line.plain for line in Text(text).wrap(console, width)]
    assert layout.cell_len(text) == rich_cell_len(text)


@settings(max_examples=300, deadline=None)
@given(lead=st.text(st.sampled_from(list(" •»0123456789.什")), max_size=30), text=_TEXT, width=st.integers(40, 100))
def test_a_hung_text_is_what_rich_draws(lead: str, text: str, width: int) -> None:
    from fopinfo.safe_text import clean

    text = clean(text)
    drawn: list[str] = []
    canvas = rich_canvas.RichCanvas(drawn.append)
    canvas.console.width = canvas.width = width
    canvas.hang(Styled(lead, style="bold"), Styled(text))
    canvas.pass_on()
    assert "".join(plain.hung(width, lead, text)) == "".join(drawn)


def test_every_one_cell_character_is_one_cell_in_every_unicode_version() -> None:
    from rich.cells import get_character_cell_size

    versions: tuple[str, ...] | None
    try:  # Rich 14 and later: a table per Unicode version (UNICODE_VERSION picks one)
        from rich._unicode_data._versions import VERSIONS as versions
    except ImportError:  # Rich 13: one table
        versions = None

    for low, high in layout._SINGLE_CELL_RANGES:
        for code in range(low, high + 1):
            if versions is None:
                sizes = {get_character_cell_size(chr(code))}
            else:
                sizes = {get_character_cell_size(chr(code), version) for version in versions}
            assert sizes == {1}, (hex(code), sizes)
    assert not layout.one_cell("\t") and not layout.one_cell("什") and not layout.one_cell("e\u0301")


class _Stdout(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("color", ["auto", "always", "never"])
@pytest.mark.parametrize(
    "env",
    [
        {},
        {"NO_COLOR": "1"},
        {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": ""},
        {"TTY_COMPATIBLE": "1"},
        {"TTY_COMPATIBLE": "0"},
        {"TERM": "dumb"},
        {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
    ],
)
def test_the_plain_canvas_only_where_rich_would_style_nothing(
    tty: bool, color: str, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fopinfo import terminal

    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TERM", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(terminal, "color", color)
    monkeypatch.setattr(sys, "stdout", _Stdout(tty))
    canvas = text_views.choose(lambda text: None)
    if isinstance(canvas, plain.PlainCanvas):
        assert rich_canvas.RichCanvas(lambda text: None).console.color_system is None
    else:
        assert isinstance(canvas, rich_canvas.RichCanvas)
    # A terminal fopinfo may style is never given the plain canvas.
    if tty and color == "auto" and env.get("TTY_COMPATIBLE") != "0" and env.get("TERM") != "dumb":
        assert isinstance(canvas, rich_canvas.RichCanvas)


def test_a_pipe_imports_no_rich_and_a_styled_terminal_does() -> None:
    import os
    import subprocess

    def modules(*args: str, **extra: str) -> set[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "FORCE_COLOR", "TTY_COMPATIBLE")}
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "fopinfo", *args],
            cwd=ROOT,
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=True,
        )
        return {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}

    for command in (["facts"], ["topic", "causes"], ["cite", "7"], ["search", "bone"], ["handout", "--for", "school"]):
        assert "rich" not in modules(*command), command
    assert "rich" in modules("--color", "always", "facts")
    assert "rich" in modules("facts", FORCE_COLOR="1")


@pytest.mark.parametrize("columns", [None, "72", "0", "9999"])
@pytest.mark.parametrize("sizes", [{0: 63}, {1: 77}, {2: 120, 0: 50}, {}, {0: 0}])
def test_the_plain_canvas_is_as_wide_as_rich_would_be(
    columns: str | None, sizes: dict[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a pipe, Rich takes COLUMNS, else the first of stdin, stdout, stderr that is a terminal."""
    import os

    def terminal_size(descriptor: int) -> os.terminal_size:
        if descriptor not in sizes:
            raise OSError("not a terminal")
        return os.terminal_size((sizes[descriptor], 24))

    monkeypatch.setattr(os, "get_terminal_size", terminal_size)
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(sys, "stdout", _Stdout(False))
    assert plain.PlainCanvas(lambda text: None).width == rich_canvas.RichCanvas(lambda text: None).width

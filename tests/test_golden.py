"""Every command × format, compared exactly with its golden file (regenerate: python -m tests.golden --update)."""

from __future__ import annotations

import pytest

from tests.golden import ENVIRONMENT, GOLDEN, cases, output_of


@pytest.mark.parametrize(("name", "command"), sorted(cases().items()))
def test_output_matches_golden_file(name: str, command: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert output_of(command) == expected, f"`fopinfo {command}` differs from tests/golden/{name}"


def test_no_stray_golden_files() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(cases())


@pytest.mark.parametrize("rows", [1, 2, 7])
def test_listings_printed_in_batches_give_the_same_bytes(rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Long listings are rendered ROWS_AT_ONCE rows at a time and passed on: the bytes are one print's."""
    from fopinfo.views.text import canvas

    monkeypatch.setattr(canvas, "ROWS_AT_ONCE", rows)
    for name, command in sorted(cases().items()):
        if name.endswith(".txt"):
            expected = (GOLDEN / name).read_text(encoding="utf-8")
            assert output_of(command) == expected, f"`fopinfo {command}` differs from tests/golden/{name}"


def test_styled_listings_printed_in_batches_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from fopinfo.cli import app
    from fopinfo.views.text import canvas

    env = {**ENVIRONMENT, "TERM": "xterm-256color", "NO_COLOR": None}

    def styled(command: str) -> str:
        result = CliRunner().invoke(app, ["--color", "always", *command.split()], env=env)
        assert result.exit_code == 0, result.output
        return result.stdout

    commands = ["sources", "topics", ""]
    whole = [styled(command) for command in commands]
    assert all("\x1b[" in out for out in whole)
    monkeypatch.setattr(canvas, "ROWS_AT_ONCE", 1)
    assert [styled(command) for command in commands] == whole


@pytest.mark.parametrize(("name", "command"), sorted(cases().items()))
def test_the_command_built_alone_gives_the_golden_output(
    name: str, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """fopinfo.cli.main builds only the command a line runs (Typer builds each from its signature):
    every golden case through it, as the console script runs it, gives the same bytes."""
    import shlex

    from fopinfo import cli
    from tests.golden import ROOT

    argv = shlex.split(command)
    for variable, value in ENVIRONMENT.items():
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value)
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("sys.argv", ["fopinfo", *argv])
    names: list[str | None] = []
    real_invoked = cli.invoked

    def spy(args: list[str]) -> str | None:
        names.append(real_invoked(args))
        return names[-1]

    monkeypatch.setattr(cli, "invoked", spy)
    assert cli.main() == 0
    assert capsys.readouterr().out == (GOLDEN / name).read_text(encoding="utf-8")
    commands = [a for a in argv if not a.startswith("-")]
    assert names == [commands[0] if commands else None]  # every case but the overview ran its command alone

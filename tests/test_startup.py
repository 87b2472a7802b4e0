"""Only what a command needs: what each kind of run imports, and the start-up fast path's
answers byte for byte the full CLI's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, Run


def imported(*args: str) -> set[str]:
    """The modules a run of ``python -m fopinfo ARGS`` imported, from ``-X importtime``."""
    env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "FOPINFO_CACHE")}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fopinfo", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_imports_neither_typer_nor_rich_nor_yaml(flag: str) -> None:
    modules = imported(flag)
    assert "fopinfo.fast_path" in modules
    assert top(modules) & {"typer", "rich", "yaml", "click", "typing"} == set()  # typing: annotations only


def test_json_imports_no_rich() -> None:
    modules = imported("facts", "--json")
    assert "fopinfo.views.json" in modules
    assert "rich" not in top(modules)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_fast_path_answers_as_the_cli_does(flag: str, run: Run) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fopinfo", flag], cwd=ROOT, capture_output=True, text=True, check=False
    )
    slow = run(flag)  # in-process through Typer: no fast path
    assert (result.returncode, result.stdout, result.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


@pytest.mark.parametrize("args", [["--version", "--version"], ["-V", "facts"], ["--data", "x", "--version"]])
def test_anything_but_the_exact_command_line_goes_to_the_cli(args: list[str]) -> None:
    modules = imported(*args)
    assert "typer" in top(modules)

"""The package as a newcomer gets it: build the wheel, install it in a fresh venv, run it elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built wheel (and its declared dependencies) installed."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = work.glob("fopinfo-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "fopinfo/data/facts.yaml" in names
    assert "fopinfo/data/source/what-is-fop.txt" in names  # the source ships beside the knowledge file
    assert not [n for n in names if n.startswith("tests/")]
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    return venv


def run_outside(venv: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "PYTHONPATH", "FORCE_COLOR")}
    return subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", check=False)


def test_installed_console_script_cites_from_the_bundled_file(installed: Path, tmp_path: Path) -> None:
    result = run_outside(installed, tmp_path, str(installed / "bin" / "fopinfo"), "cite", "7")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Source 7\n   Numbered by the source; the copy fopinfo uses does not reproduce it.\n"
    )
    assert "Cited by 4 statements" in result.stdout
    assert "\x1b[" not in result.stdout


def test_installed_facts_json(installed: Path, tmp_path: Path) -> None:
    result = run_outside(installed, tmp_path, str(installed / "bin" / "fopinfo"), "facts", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["facts"]) == 10
    assert doc["facts"][0]["statements"][0]["cites"] == [1]


def test_installed_module_entry_point_and_errors(installed: Path, tmp_path: Path) -> None:
    python = str(installed / "bin" / "python")
    assert run_outside(installed, tmp_path, python, "-m", "fopinfo", "--version").stdout.startswith("fopinfo ")
    result = run_outside(installed, tmp_path, python, "-m", "fopinfo", "cite", "99")
    assert result.returncode == 2
    assert result.stderr == "Error: there is no source 99; this knowledge file numbers its sources 1–15\n"
    assert "Traceback" not in result.stderr


def test_installed_check_against_the_bundled_source(installed: Path, tmp_path: Path) -> None:
    result = run_outside(installed, tmp_path, str(installed / "bin" / "fopinfo"), "check", "--against-source")
    assert result.returncode == 0, result.stderr
    assert "provenance: faithful to the bundled source text\n" in result.stdout

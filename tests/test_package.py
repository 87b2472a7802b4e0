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
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = work.glob("fopinfo-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built wheel (and its declared dependencies) installed."""
    work = tmp_path_factory.mktemp("venv")
    names = zipfile.ZipFile(wheel).namelist()
    assert "fopinfo/data/facts.yaml" in names
    assert "fopinfo/py.typed" in names  # the code is strictly typed: say so to type checkers
    assert "fopinfo/schema/knowledge.schema.json" in names  # where the data file's $schema line points
    assert "fopinfo/data/source/what-is-fop.txt" in names  # the source ships beside the knowledge file
    assert not [n for n in names if n.startswith("tests/")]
    # The manual page as shared data: installed to <environment>/share/man/man1/fopinfo.1.
    page = next(n for n in names if n.endswith(".data/data/share/man/man1/fopinfo.1"))
    assert zipfile.ZipFile(wheel).read(page).decode() == (ROOT / "man" / "fopinfo.1").read_text(encoding="utf-8")
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    headers = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT\n" in headers
    assert "License-File: LICENSE\n" in headers and "License-File: NOTICE\n" in headers
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    assert (venv / "share" / "man" / "man1" / "fopinfo.1").is_file()
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


def _interpreters() -> list[str]:
    """Python 3.10-3.13 interpreters on this machine (pyenv's, or on PATH), one per version."""
    import shutil

    found = {}
    pyenv = Path.home() / ".pyenv" / "versions"
    for minor in ("3.10", "3.11", "3.12", "3.13"):
        candidates = sorted(pyenv.glob(f"{minor}.*/bin/python")) if pyenv.is_dir() else []
        path = str(candidates[-1]) if candidates else shutil.which(f"python{minor}")
        if path:
            found[minor] = path
    return [found[m] for m in sorted(found)]


@pytest.mark.slow
@pytest.mark.parametrize("minor", ["3.10", "3.11", "3.12", "3.13"])
def test_wheel_runs_on_each_claimed_python(minor: str, wheel: Path, tmp_path: Path) -> None:
    """The classifiers claim 3.10-3.13: install the wheel with each and run it."""
    python = next((p for p in _interpreters() if f"/{minor}." in p or p.endswith(f"python{minor}")), None)
    if python is None:
        pytest.skip(f"no Python {minor} interpreter on this machine")
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    result = run_outside(venv, tmp_path, str(venv / "bin" / "fopinfo"), "facts", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["facts"]) == 10
    version = run_outside(venv, tmp_path, str(venv / "bin" / "python"), "--version").stdout
    assert version.startswith(f"Python {minor}.")


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["pipx", "uv"])
def test_user_install_with_pipx_or_uv(tool: str, tmp_path: Path) -> None:
    """The README's way for a user to keep fopinfo: `pipx install .` or `uv tool install .`."""
    import shutil

    exe = shutil.which(tool) or str(Path(sys.executable).parent / tool)
    if not Path(exe).exists():
        pytest.skip(f"{tool} is not installed (it comes with the test extra)")
    bin_dir = tmp_path / "bin"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "PYTHONPATH", "VIRTUAL_ENV")},
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(bin_dir),
        "UV_TOOL_DIR": str(tmp_path / "uv-tools"),
        "UV_TOOL_BIN_DIR": str(bin_dir),
        "UV_CACHE_DIR": str(tmp_path / "uv-cache"),
        "HOME": str(tmp_path / "home"),
    }
    (tmp_path / "home").mkdir()
    install = ["install"] if tool == "pipx" else ["tool", "install"]
    command = [exe, *install, str(ROOT), "--python", sys.executable]
    installed = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    result = subprocess.run(
        [str(bin_dir / "fopinfo"), "facts"], env=env, capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("FOP Facts (10)\n")


def test_installed_check_against_the_bundled_source(installed: Path, tmp_path: Path) -> None:
    result = run_outside(installed, tmp_path, str(installed / "bin" / "fopinfo"), "check", "--against-source")
    assert result.returncode == 0, result.stderr
    assert "provenance: faithful to the bundled source text\n" in result.stdout

"""The package as a newcomer gets it: build the wheel, install it in a fresh venv, run it elsewhere."""

from __future__ import annotations

import hashlib
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


# ---------------------------------------------------------------- the knowledge, pre-parsed


def test_wheel_ships_the_knowledge_pre_parsed(wheel: Path) -> None:
    """The compiled form equals what parsing and validating the YAML give, keyed by the hash of
    the very bytes shipped."""
    from fopinfo.compiled import MISSING, loads
    from fopinfo.loading import bundled_key
    from fopinfo.model_codec import decode
    from fopinfo.validation import validate
    from fopinfo.yaml_reading import read_yaml

    with zipfile.ZipFile(wheel) as z:
        raw = z.read("fopinfo/data/facts.yaml")
        blob = z.read("fopinfo/data/facts.marshal")
    assert raw == (ROOT / "data" / "facts.yaml").read_bytes()
    parsed, duplicates = read_yaml(raw.decode("utf-8-sig"))
    assert not duplicates
    knowledge, problems = validate(parsed)
    assert knowledge is not None and not problems
    assert decode(loads(blob, bundled_key(hashlib.sha256(raw).hexdigest()))) == knowledge
    assert loads(blob, bundled_key(hashlib.sha256(raw + b"\n").hexdigest())) is MISSING
    assert loads(blob, ("sha256", hashlib.sha256(raw).hexdigest())) is MISSING  # the old layout's key


def _imported(venv: Path, tmp_path: Path, *args: str) -> set[str]:
    """The top-level packages a run of ``python -m fopinfo ARGS`` imported (``-X importtime``)."""
    result = run_outside(venv, tmp_path, str(venv / "bin" / "python"), "-X", "importtime", "-m", "fopinfo", *args)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert any(line.endswith("| fopinfo.entry") for line in lines)
    return {line.split("|")[-1].strip().split(".")[0] for line in lines}


COMMANDS = [
    "",
    "facts",
    "facts --json",
    "facts --markdown",
    "topics",
    "topic causes",
    "cite 7",
    "sources",
    "search bone",
    "define HO",
    "updates",
    "handout --for school",
    "handout --html",
    "card",
]


def test_installed_commands_import_no_yaml(installed: Path, tmp_path: Path) -> None:
    """With the compiled form, no command pays for PyYAML (``check`` reads the YAML: it checks the file)."""
    for command in COMMANDS:
        imported = _imported(installed, tmp_path, *command.split())
        assert "yaml" not in imported, command
        if "--json" in command or "--markdown" in command:
            assert "rich" not in imported, command
    assert {"typer", "rich", "yaml"} & _imported(installed, tmp_path, "--version") == set()
    assert {"typer", "rich", "yaml"} & _imported(installed, tmp_path, "-V") == set()


def test_installed_knowledge_edited_after_install_is_read_not_served_stale(installed: Path, tmp_path: Path) -> None:
    """A compiled form that does not match the installed YAML (or cannot be read) is ignored: the YAML is parsed."""
    (site,) = installed.glob("lib/python*/site-packages/fopinfo/data")
    yaml_file, compiled = site / "facts.yaml", site / "facts.marshal"
    original, blob = yaml_file.read_bytes(), compiled.read_bytes()
    fopinfo = str(installed / "bin" / "fopinfo")
    try:
        yaml_file.write_bytes(original.replace(b"FOP is ultra-rare", b"FOP is ULTRA-RARE"))  # same size
        result = run_outside(installed, tmp_path, fopinfo, "facts")
        assert result.returncode == 0 and " 1. FOP is ULTRA-RARE\n" in result.stdout
        yaml_file.write_bytes(original)
        compiled.write_bytes(blob[: len(blob) // 2])
        result = run_outside(installed, tmp_path, fopinfo, "facts")
        assert result.returncode == 0 and " 1. FOP is ultra-rare\n" in result.stdout
    finally:
        yaml_file.write_bytes(original)
        compiled.write_bytes(blob)


@pytest.mark.slow
def test_plain_pip_install_in_a_fresh_venv(tmp_path: Path) -> None:
    """The README's "Use it" line: `pip install .` with pip's own build isolation (PyYAML for the build
    hook reaches it through PYTHONPATH, so the hook must not run its interpreter with -I)."""
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "v")], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "PYTHONPATH", "VIRTUAL_ENV")}
    pip = [str(tmp_path / "v" / "bin" / "pip"), "install", "-q", str(ROOT)]
    installed = subprocess.run(pip, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert installed.returncode == 0, installed.stderr[-2000:]
    facts = subprocess.run(
        [str(tmp_path / "v" / "bin" / "fopinfo"), "facts"], env=env, capture_output=True, text=True, timeout=60
    )
    assert facts.returncode == 0, facts.stderr
    assert facts.stdout.startswith("FOP Facts (10)\n")


# ---------------------------------------------------------------- a Tab near the Python floor

COMPLETION_REQUESTS = [
    ["topic", "ca"],
    ["topic", ""],
    ["topic", "What"],
    ["define", "hal"],
    ["define", '"bone m'],
    ["define", "'bone m"],
    ["define", ""],
    ["cite", "1"],
    ["cite", ""],
    ["handout", "--topic", "fr"],
    ["handout", "--topic", ""],
    ["topic", "zz"],
    ["topic", "--j"],  # an option: the CLI's
    ["topics", ""],  # no candidates: the CLI's
]


def _completion_env(shell: str, words: list[str]) -> dict[str, str]:
    """A completion request as fopinfo's script for this shell sends it (fopinfo/shell_install.py)."""
    if shell == "bash":
        line = ["fopinfo", *words]
        return {"_FOPINFO_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(line), "COMP_CWORD": str(len(words))}
    env = {"_FOPINFO_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": " ".join(["fopinfo", *words])}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def _complete(venv: Path, tmp_path: Path, env: dict[str, str], *, fast: bool) -> subprocess.CompletedProcess[bytes]:
    clean = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), **env}
    if not fast:
        clean["FOPINFO_NO_FAST_PATH"] = "1"  # documented in fopinfo/fast_path.py: the full CLI answers
    return subprocess.run(
        [str(venv / "bin" / "fopinfo")], cwd=tmp_path, env=clean, capture_output=True, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_compiled_completion_answers_as_the_cli_does(shell: str, installed: Path, tmp_path: Path) -> None:
    """The fast path's answer to a completion request is the full CLI's, byte for byte."""
    for words in COMPLETION_REQUESTS:
        env = _completion_env(shell, words)
        fast, slow = _complete(installed, tmp_path, env, fast=True), _complete(installed, tmp_path, env, fast=False)
        assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr), words
        assert slow.returncode == 0, words
    offered = _complete(installed, tmp_path, _completion_env(shell, ["topic", "ca"]), fast=True).stdout
    assert offered.splitlines()[0].startswith({"bash": b"causes", "zsh": b"_arguments", "fish": b"causes\t"}[shell])


def _completion_imports(venv: Path, tmp_path: Path, env: dict[str, str]) -> set[str]:
    """The top-level modules in sys.modules when the console script's run ends (answered or not)."""
    probe = (
        "import os, sys\n"
        "report, end = sys.argv.pop(1), os._exit\n"
        "def written(code):\n"  # the fast path ends with os._exit, the CLI with sys.exit
        "    with open(report, 'w') as f: f.write(' '.join({m.split('.')[0] for m in sys.modules}))\n"
        "    end(code)\n"
        "os._exit = written\n"
        "from fopinfo.entry import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    written(exc.code if isinstance(exc.code, int) else 0)\n"
    )
    report = tmp_path / "modules.txt"
    report.unlink(missing_ok=True)
    clean = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), **env}
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe, str(report)],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(report.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_compiled_completion_imports_neither_typer_nor_rich_nor_yaml(
    shell: str, installed: Path, tmp_path: Path
) -> None:
    """An installed wheel answers a Tab before Typer, Rich or YAML is imported; what it does not know goes on."""
    for words in (["topic", "ca"], ["define", "hal"], ["cite", "1"], ["handout", "--topic", "fr"]):
        modules = _completion_imports(installed, tmp_path, _completion_env(shell, words))
        assert "fopinfo" in modules, words
        assert modules & {"typer", "click", "rich", "yaml"} == set(), (shell, words)
    for env in (
        _completion_env(shell, ["topic", "--j"]),  # an option
        _completion_env(shell, ["search", "bo"]),  # a command without candidates
        {**_completion_env(shell, ["topic", "ca"]), "FOPINFO_DATA": str(ROOT / "data" / "facts.yaml")},
        {**_completion_env(shell, ["topic", "ca"]), "FOPINFO_NO_FAST_PATH": "1"},
        {**_completion_env(shell, ["topic", "ca"]), "_FOPINFO_COMPLETE": "complete_powershell"},
    ):
        assert "typer" in _completion_imports(installed, tmp_path, env), env

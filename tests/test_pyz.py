"""One file to carry: the README's way to build fopinfo.pyz (a zipapp of fopinfo and its
dependencies), built in a temporary folder and run with a plain Python, nothing installed."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def readme_commands() -> list[list[str]]:
    """The commands of the README's single-file block, with this Python and this checkout."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- single-file -->\n```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md has no <!-- single-file --> block"
    commands = []
    for line in block[1].splitlines():
        words = shlex.split(line, comments=True)
        if words:
            assert words[0] == "python3", line
            commands.append([sys.executable, *["-I", "-S"] * (words[1] != "-m"), *words[1:]])
    return [[str(ROOT) if word == "." else word for word in c] for c in commands]


def test_the_single_file_builds_and_runs_with_a_plain_python(tmp_path: Path) -> None:
    *build, run = readme_commands()
    env = {k: v for k, v in os.environ.items() if k not in ("FOPINFO_DATA", "PYTHONPATH")}
    env["SOURCE_DATE_EPOCH"] = "1795564800"
    for command in build:
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (command, done.stderr[-2000:])
    pyz = tmp_path / "fopinfo.pyz"
    assert pyz.is_file()
    away = tmp_path / "elsewhere"  # run from another folder, nothing of fopinfo beside it
    away.mkdir()
    (tmp_path / "build").rename(tmp_path / "gone")  # only the one file is left to run
    plain = [sys.executable, "-I", "-S", str(pyz)]  # -S: no site-packages, so nothing installed is used
    facts = subprocess.run(
        [*run[:3], str(pyz), *run[4:]], cwd=away, env=env, capture_output=True, text=True, timeout=60
    )
    assert facts.returncode == 0, facts.stderr
    assert facts.stdout.startswith("FOP Facts (10)") and "not medical advice." in facts.stdout
    cite = subprocess.run([*plain, "cite", "7"], cwd=away, env=env, capture_output=True, text=True, timeout=60)
    assert cite.returncode == 0, cite.stderr
    assert cite.stdout.startswith("Source 7\n") and "Cited by 4 statements" in cite.stdout
    proof = subprocess.run([*plain, "check", "--against-source"], cwd=away, env=env, capture_output=True, timeout=60)
    assert proof.returncode == 0, proof.stderr  # the bundled source text is read from inside the file too

"""People-first behaviour: help with examples, a pager, --color, -V, readable width."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_docs import command_names
from tests.conftest import Run

SCRIPT = Path(sys.executable).parent / "fopinfo"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("name", command_names())
def test_every_command_help_has_examples(run: Run, name: str) -> None:
    out = run(name, "--help").stdout
    examples = out.split("Examples:\n\n", 1)[1].splitlines()
    runnable = [line.strip() for line in examples if line.strip().startswith("fopinfo ")]
    assert len(runnable) >= 2, out
    assert all(line.split()[1] == name for line in runnable)


def test_every_usage_error_ends_with_the_help_hint(run: Run) -> None:
    for args, hint in (
        (["handout", "--topic"], "  Try 'fopinfo handout --help' for help."),
        (["topic"], "  Try 'fopinfo topic --help' for help."),
        (["--colour"], "  Try 'fopinfo --help' for help."),
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: ")
        assert result.stderr.splitlines()[-1] == hint


def test_short_version_flag(run: Run) -> None:
    assert run("-V").stdout == run("--version").stdout


def test_color_always_and_never_win_over_the_environment(run: Run) -> None:
    always = run("--color", "always", "topics", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[1mcauses" in always
    never = run("--color", "never", "topics", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in never
    assert run("--color", "sometimes", "topics").exit_code == 2


def test_only_names_are_bold_not_their_descriptions(run: Run) -> None:
    out = run("--color", "always", "topics").stdout
    line = next(line for line in out.splitlines() if "What Causes FOP?" in line)
    bold, rest = line.split("\x1b[0m", 1)
    assert "causes" in bold and "What Causes" not in bold
    assert "\x1b[1m" not in rest


def test_prose_measure_is_capped_on_wide_terminals(run: Run) -> None:
    out = run("topic", "what", env={"COLUMNS": "200"}).stdout
    assert max(map(len, out.splitlines())) <= 100
    assert max(map(len, out.splitlines())) > 80  # it does use the width up to the cap


def test_search_json_without_match_prints_the_document_and_exits_1(run: Run) -> None:
    result = run("search", "zebra", "--json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert (doc["total"], doc["results"]) == (0, [])
    text = run("search", "zebra")
    assert (text.exit_code, text.stdout, text.stderr) == (1, "", "Error: nothing matches 'zebra'\n")


def _in_terminal(args: list[str], env: dict[str, str], tmp_path: Path) -> tuple[str, str]:
    """Run the installed script with a real pseudo-terminal as stdout: (what the terminal got, what the pager got)."""
    if not SCRIPT.exists():
        pytest.skip("the console script is not installed in this environment")
    paged = tmp_path / "paged.txt"
    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("PAGER", "FOPINFO_PAGER", "NO_COLOR", "FORCE_COLOR")}
    full_env = {**base, "LINES": "10", "COLUMNS": "80", "FOPINFO_PAGER": f"sh -c 'cat > \"$0\"' {paged}", **env}
    done = subprocess.run(
        [str(SCRIPT), *args], stdout=slave, stderr=subprocess.PIPE, env=full_env, timeout=60, check=False
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal is closed and drained
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert done.returncode == 0, done.stderr
    return shown.decode(), paged.read_text() if paged.exists() else ""


def test_long_output_in_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    shown, paged = _in_terminal(["facts"], {}, tmp_path)
    assert "FOP Facts (10)" in paged and "professional" in paged  # the whole view, to the pager
    assert "FOP Facts" not in shown


def test_no_pager_flag_and_short_output_print_directly(tmp_path: Path) -> None:
    shown, paged = _in_terminal(["--no-pager", "facts"], {}, tmp_path)
    assert paged == "" and "FOP Facts (10)" in shown
    shown, paged = _in_terminal(["-V"], {}, tmp_path)
    assert paged == "" and "fopinfo " in shown


def test_the_handout_in_a_terminal_is_paged_too(tmp_path: Path) -> None:
    _, paged = _in_terminal(["handout"], {}, tmp_path)
    assert paged.startswith("# Fibrodysplasia Ossificans Progressiva (FOP)")


def test_piped_output_is_never_paged(tmp_path: Path) -> None:
    if not SCRIPT.exists():
        pytest.skip("the console script is not installed in this environment")
    paged = tmp_path / "paged.txt"
    env = {**os.environ, "LINES": "5", "FOPINFO_PAGER": f"sh -c 'cat > \"$0\"' {paged}"}
    out = subprocess.run([str(SCRIPT), "facts"], capture_output=True, text=True, env=env, check=True).stdout
    assert out.startswith("FOP Facts (10)")
    assert not paged.exists()

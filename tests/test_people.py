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
    assert (text.exit_code, text.stdout) == (1, "")
    assert text.stderr.splitlines()[:2] == [
        "Error: the source does not mention 'zebra'",
        "  See what the source covers: fopinfo topics",
    ]


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
    assert "What is FOP?" in paged and "professional" in paged  # the terminal view, whole, to the pager
    assert not paged.startswith("# ") and "\n## " not in paged  # not raw Markdown


def test_piped_output_is_never_paged(tmp_path: Path) -> None:
    if not SCRIPT.exists():
        pytest.skip("the console script is not installed in this environment")
    paged = tmp_path / "paged.txt"
    env = {**os.environ, "LINES": "5", "FOPINFO_PAGER": f"sh -c 'cat > \"$0\"' {paged}"}
    out = subprocess.run([str(SCRIPT), "facts"], capture_output=True, text=True, env=env, check=True).stdout
    assert out.startswith("FOP Facts (10)")
    assert not paged.exists()


# ---------------------------------------------------------------- layout

EVERY_VIEW = [
    [],
    ["facts"],
    ["facts", "--quote"],
    ["topics"],
    ["topic", "management"],
    ["topic", "diagnosis"],
    ["cite", "7"],
    ["sources"],
    ["search", "bone"],
    ["define", "HO"],
    ["updates"],
    ["card"],
    ["handout", "--for", "emergency"],
    ["check", "--against-source", "--review"],
]


@pytest.mark.parametrize("columns", ["40", "57", "80", "100"])
def test_no_line_ends_in_a_space(run: Run, columns: str) -> None:
    for args in EVERY_VIEW:
        for extra in ([], ["--markdown"], ["--color", "always"]):
            out = ANSI.sub("", run(*args, *extra, env={"COLUMNS": columns}).stdout)
            trailing = [line for line in out.splitlines() if line != line.rstrip()]
            assert trailing == [], (args, extra, columns)


def test_readme_examples_have_no_trailing_spaces() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert [line for line in readme.splitlines() if line != line.rstrip()] == []


def test_topics_keep_their_hanging_indent_at_40_columns(run: Run) -> None:
    lines = run("topics", env={"COLUMNS": "40"}).stdout.splitlines()
    column = lines[1].index("What is FOP?")  # the titles' column
    assert column > 4
    rows = [line for line in lines if line.startswith("  ")]
    continued = [line for line in rows if not line[2].strip()]
    assert continued  # some titles wrap at 40 columns
    assert all(len(line) - len(line.lstrip()) == column for line in continued), continued
    assert max(map(len, lines)) <= 40


def test_brief_footer_is_one_line(run: Run) -> None:
    full = run("define", "congenital").stdout
    brief = run("define", "congenital", "--brief").stdout
    assert full.startswith(brief.rsplit("\n\n", 1)[0])  # the answer itself is the same
    footer = brief.rsplit("\n\n", 1)[1]
    assert footer == "Source: “What is FOP?”, Ipsen, December 2020 (5 years ago). Not medical advice.\n"
    assert "Please always consult a healthcare professional" in " ".join(full.split())  # the full footer stays
    assert run("--brief", "define", "congenital").stdout == brief
    markdown = run("define", "congenital", "--markdown", "--brief").stdout
    assert markdown.endswith("---\n\nSource: “What is FOP?”, Ipsen, December 2020 (5 years ago). Not medical advice.\n")


# ---------------------------------------------------------------- options as people type them


def test_global_options_after_the_command(run: Run, tmp_path: Path) -> None:
    styled = run("cite", "5", "--color", "always").stdout
    assert "\x1b[1mSource 5" in styled
    assert run("--color", "always", "cite", "5").stdout == styled
    assert "\x1b[" not in run("cite", "5", "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert run("cite", "5", "--color=ALWAYS").stdout == styled  # choices fold case
    missing = run("cite", "5", "--data", str(tmp_path / "none.yaml"))
    assert missing.exit_code == 3 and "(from --data) does not exist" in missing.stderr
    assert run("cite", "5", "--no-pager").stdout == run("cite", "5").stdout
    assert run("cite", "5", "--json").stdout == run("--json", "cite", "5").stdout
    assert run("cite", "5", "--color", "sometimes").exit_code == 2


def test_audience_folds_case(run: Run) -> None:
    assert run("handout", "--for", "Emergency").stdout == run("handout", "--for", "emergency").stdout
    assert run("handout", "--for", "EMERGENCY").exit_code == 0


def test_an_option_of_other_commands_names_them(run: Run) -> None:
    result = run("facts", "--html")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: fopinfo facts has no option --html; --html is an option of fopinfo handout, fopinfo card\n"
        "  Try 'fopinfo facts --help' for help.\n"
    )
    assert "Possible options" not in run("--html").stderr


def test_color_always_styles_a_dumb_terminal(run: Run) -> None:
    assert "\x1b[1m" in run("--color", "always", "topics", env={"TERM": "dumb"}).stdout
    assert "\x1b[" not in run("topics", env={"TERM": "dumb"}).stdout


def test_cite_takes_markers_as_they_print(run: Run) -> None:
    five = run("cite", "5")
    assert run("cite", "[5]").stdout == five.stdout
    several = run("cite", "1,4", "--brief").stdout
    assert run("cite", "[1,4]", "--brief").stdout == several
    assert run("cite", "[1, 4, 1]", "--brief").stdout == several  # each once, in the order asked
    first, second = several.split("\n\nSource 4\n")
    assert first.startswith("Source 1\n") and "Cited by 7 statements" in first
    assert "Cited by 3 statements" in second
    doc = json.loads(run("cite", "1,4", "--json").stdout)
    single = json.loads(run("cite", "1", "--json").stdout)
    # Keys are added, never renamed: "source" and "statements" stay the first source's.
    assert (doc["source"], doc["statements"]) == (single["source"], single["statements"])
    assert [c["source"]["number"] for c in doc["cited"]] == [1, 4]
    assert doc["cited"][1]["statements"] == json.loads(run("cite", "4", "--json").stdout)["statements"]
    assert single["cited"] == [{"source": single["source"], "statements": single["statements"]}]
    markdown = run("cite", "1,4", "--markdown").stdout
    assert markdown.count("# Source ") == 2
    for bad in ("", "[]", "1,,4", "[5", "x"):
        result = run("cite", bad)
        assert result.exit_code == 2 and "is not a source number" in result.stderr, bad
    assert run("cite", "1,99").stderr.startswith("Error: there is no source 99")


def test_a_whole_word_of_a_longer_name_is_not_that_name(run: Run) -> None:
    bone = run("define", "bone")
    assert bone.exit_code == 2 and bone.stdout == ""
    assert bone.stderr.splitlines()[:2] == [
        "Error: no term named 'bone'",
        "  did you mean: BMPs (Bone Morphogenetic Proteins), bunion?",
    ]
    assert run("define", "bmp").stdout == run("define", "BMPs").stdout  # an exact alias wins over prefixes
    assert run("define", "Bone Morphogenetic Proteins").exit_code == 0
    assert run("topic", "treat").stdout == run("topic", "management").stdout  # a prefix inside a word resolves
    assert run("define", "spontaneous").stderr.splitlines()[1] == "  did you mean: spontaneous mutation?"
    fop = run("topic", "fop")
    assert fop.exit_code == 2 and "facts (FOP Facts)" in fop.stderr.splitlines()[1]

"""Completion in real shells: the installed console script, the script Typer generates, a temp HOME.

bash is tested both by calling its completion function (COMP_WORDS/COMP_CWORD filled, COMPREPLY
read) and interactively in tmux (type, Tab, Enter, read the screen); zsh by evaluating what the
completion function runs, and in tmux; fish with `complete -C`. A shell (or tmux) that is not
installed is a skip with its reason; a failure where FOPINFO_REQUIRE_SHELLS=1 (.ci/run sets it).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fopinfo import query
from fopinfo.loading import load
from fopinfo.model import Knowledge, Section, Subject, Term
from tests.conftest import BUNDLED, Run

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is not installed (.ci/run installs it)"
        if os.environ.get("FOPINFO_REQUIRE_SHELLS") == "1":  # CI: a missing shell fails
            pytest.fail(f"FOPINFO_REQUIRE_SHELLS=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    if not (BIN / "fopinfo").exists():
        pytest.skip(f"no installed console script in {BIN} (pip install -e .)")
    home = tmp_path / "home"
    home.mkdir()
    return home


def _env(home: Path) -> dict[str, str]:
    """A clean environment: the venv's console script first on PATH, nothing of the user's."""
    return {"HOME": str(home), "PATH": f"{BIN}:/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm"}


@functools.cache
def _script_text(shell: str) -> str:
    """fopinfo's completion script for this shell (what `fopinfo completion SHELL` prints)."""
    with tempfile.TemporaryDirectory() as home:
        argv = ["fopinfo", "completion", shell]
        text = subprocess.run(argv, env=_env(Path(home)), capture_output=True, text=True, check=True).stdout
    assert "_FOPINFO_COMPLETE=complete_" in text
    return text


def _script(home: Path, shell: str) -> Path:
    path = home / f"fopinfo.{shell}"
    path.write_text(_script_text(shell), encoding="utf-8")
    return path


# ---------------------------------------------------------------- names offered (one source of truth)


def _spellings(k: Knowledge) -> list[tuple[str, list[tuple[str, Section | Subject | Term]]]]:
    return [("topic", list(query.topic_spellings(k))), ("term", list(query.term_spellings(k)))]


def test_every_candidate_resolves_to_the_name_it_completes() -> None:
    """Every prefix of every name, typed as written, lower and upper case: all that is offered resolves."""
    k = load(BUNDLED)
    resolve = {"topic": query.resolve_topic, "term": query.resolve_term}
    for what, spellings in _spellings(k):
        for name, owner in spellings:
            for end in range(len(name) + 1):
                for typed in {name[:end], name[:end].lower(), name[:end].upper()}:
                    offered = query.completions(spellings, typed)
                    assert any(o is owner for _, o in offered), (what, typed, name)
                    for candidate, its_owner in offered:
                        assert candidate.startswith(typed), (typed, candidate)  # shells drop any other
                        assert resolve[what](k, candidate) is its_owner, (typed, candidate)


def test_one_name_per_topic_and_term_the_ids_first() -> None:
    k = load(BUNDLED)
    topics = [name for name, _ in query.completions(query.topic_spellings(k), "")]
    assert topics == [s.id for s in k.sections] + [s.id for s in k.subjects]
    terms = [name for name, _ in query.completions(query.term_spellings(k), "")]
    assert terms == [t.id for t in k.glossary]
    # A title or alias only where it is what was typed, in the case typed.
    assert query.completions(query.term_spellings(k), "bone")[0][0] == "bone morphogenetic proteins"
    assert [n for n, _ in query.completions(query.topic_spellings(k), "What")] == ["What", "What Causes FOP?"]


def test_completion_offers_topics_and_terms(run: Run) -> None:
    def offered(words: str) -> list[str]:
        env = {"_FOPINFO_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
        return run(env=env).stdout.splitlines()

    assert offered("fopinfo topic ca") == ["causes", "care"]
    assert offered("fopinfo topic in") == ["inheritance"]
    assert offered("fopinfo define hal") == ["hallux-valgus"]
    assert offered("fopinfo cite 1") == ["1", "10", "11", "12", "13", "14", "15"]


# ---------------------------------------------------------------- bash, its completion function called

BASH_COMPLETE = r"""
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_fopinfo_completion fopinfo
printf '%s\n' "${COMPREPLY[@]}"
"""


def _bash_compreply(home: Path, *words: str, env: dict[str, str] | None = None) -> list[str]:
    bash = _tool("bash")
    script = _script(home, "bash")
    result = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", BASH_COMPLETE, "bash", str(script), "fopinfo", *words],
        env={**_env(home), **(env or {})},
        cwd=home,
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    )
    return [line for line in result.stdout.splitlines() if line]


BASH_CASES = [
    # (words as typed, COMPREPLY, what the completed line resolves to)
    (("define", "hal"), ["hallux-valgus"], "hallux-valgus"),
    (("define", "bone"), [r"bone\ morphogenetic\ proteins"], "bmps"),
    (("define", "ho"), ["ho"], "heterotopic-ossification"),
    (("define", "HO"), ["HO"], "heterotopic-ossification"),
    (("define", "bmp"), ["bmps"], "bmps"),
    (("define", "ifopa"), ["ifopa"], "ifopa"),
    (("define", "alk"), ["alk2-acvr1"], "alk2-acvr1"),
    (("define", "ALK2/"), ["ALK2/ACVR1"], "alk2-acvr1"),
    (("define", '"spontaneous g'), ["spontaneous genetic mutation"], "spontaneous-mutation"),
    (("define", "'Fibro"), ["Fibrodysplasia Ossificans Progressiva"], "fop"),
    (("topic", "fop"), [r"fop\ facts"], "facts"),
    (("topic", "FOP"), [r"FOP\ Facts"], "facts"),
    (("topic", "Ca"), ["Causes", "Care"], "causes"),
    (("topic", "What"), ["What", r"What\ Causes\ FOP\?"], "what"),
    (("topic", '"What C'), ["What Causes FOP?"], "causes"),
]


@pytest.mark.parametrize(("words", "expected", "resolves"), BASH_CASES)
def test_bash_completes_names_as_bash_must_insert_them(
    home: Path, words: tuple[str, ...], expected: list[str], resolves: str
) -> None:
    assert _bash_compreply(home, *words) == expected
    # The line as bash leaves it (the word replaced; an opened quote closed), run by bash.
    command, typed = words
    opened = typed[:1] if typed[:1] in "'\"" else ""
    line = f"fopinfo {command} {opened}{expected[0]}{opened} --json"
    result = subprocess.run([_tool("bash"), "-c", line], env=_env(home), capture_output=True, text=True, timeout=20)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc.get("topic") or doc.get("term"))["id"] == resolves


def test_bash_offers_no_name_it_would_break(home: Path) -> None:
    """An escaped space typed by hand: the escaped names cannot start with what Typer compares, so
    nothing is offered rather than a name that splits into two arguments."""
    assert _bash_compreply(home, "define", r"hallux\ v") == []


# ---------------------------------------------------------------- interactive shells in tmux


class Terminal:
    """A shell in a detached tmux on its own socket: keys in, the screen read back (bounded waits)."""

    def __init__(self, home: Path, command: list[str]) -> None:
        self.tmux = [_tool("tmux"), "-S", str(home / "tmux.sock"), "-f", "/dev/null"]
        env = [f"{k}={v}" for k, v in _env(home).items()]
        argv = ["new-session", "-d", "-x", "160", "-y", "50", "-c", str(home), "env", "-i", *env, *command]
        subprocess.run([*self.tmux, *argv], check=True, timeout=10)

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run([*self.tmux, "send-keys", *(["-l"] if literal else []), *keys], check=True, timeout=10)

    def screen(self) -> str:
        out = subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-N"], capture_output=True, text=True, timeout=10
        ).stdout
        return out

    def wait_for(self, text: str, seconds: float = 8) -> str:
        deadline = time.monotonic() + seconds
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not on the screen after {seconds} s:\n{screen}")
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def bash_terminal(home: Path) -> Iterator[Terminal]:
    bash = _tool("bash")
    rc = home / "bashrc"
    rc.write_text(f"PS1='$ '\nsource {_script(home, 'bash')}\necho shell-ready\n", encoding="utf-8")
    terminal = Terminal(home, [bash, "--noprofile", "--rcfile", str(rc), "-i"])
    try:
        terminal.wait_for("shell-ready")
        yield terminal
    finally:
        terminal.close()


@pytest.mark.parametrize(
    ("typed", "completed", "shown"),
    [
        ("fopinfo define hal", "fopinfo define hallux-valgus", "The source uses this term but does not"),
        ("fopinfo define bone", r"fopinfo define bone\ morphogenetic\ proteins", "BMPs  (also: Bone Morphogenetic"),
        ("fopinfo topic fop", r"fopinfo topic fop\ facts", "FOP Facts"),
    ],
)
def test_bash_tab_then_enter_shows_the_entry(bash_terminal: Terminal, typed: str, completed: str, shown: str) -> None:
    bash_terminal.keys(typed, literal=True)
    bash_terminal.keys("Tab")
    bash_terminal.wait_for(f"$ {completed} ")
    bash_terminal.keys("Enter")
    screen = bash_terminal.wait_for(shown)
    assert "Error" not in screen


@pytest.fixture
def zsh_terminal(home: Path) -> Iterator[Terminal]:
    zsh = _tool("zsh")
    rc = home / "zshrc"
    setup = f"autoload -Uz compinit; compinit -D\nsource {_script(home, 'zsh')}\nPS1='%% '\necho shell-ready\n"
    rc.write_text(setup, encoding="utf-8")
    terminal = Terminal(home, [zsh, "-f"])
    try:
        terminal.keys(f"source {rc}", literal=True)
        terminal.keys("Enter")
        terminal.wait_for("shell-ready")
        yield terminal
    finally:
        terminal.close()


def test_zsh_tab_then_enter_shows_the_entry(zsh_terminal: Terminal) -> None:
    zsh_terminal.keys("fopinfo define ho", literal=True)
    zsh_terminal.keys("Tab")
    zsh_terminal.wait_for("% fopinfo define ho ")
    zsh_terminal.keys("Enter")
    screen = zsh_terminal.wait_for("Heterotopic Ossification  (also: HO)")
    assert "Error" not in screen


def test_zsh_lists_options_with_their_apostrophes(zsh_terminal: Terminal) -> None:
    zsh_terminal.keys("fopinfo topic --", literal=True)
    zsh_terminal.keys("Tab")
    zsh_terminal.wait_for("Show the source’s own words under each statement.")


# ---------------------------------------------------------------- zsh and fish, non-interactive

ZSH_COMPLETE = r"""
autoload -Uz compinit; compinit -D
source "$1"; shift
_arguments() { print -rl -- "$@" }
_files() { print -r -- FILES }
words=("$@"); CURRENT=$#
_fopinfo || true  # 1: no matches
"""


def _zsh_specs(home: Path, *words: str, env: dict[str, str] | None = None) -> str:
    """What zsh's completion function hands _arguments, after zsh has evaluated Typer's answer."""
    zsh = _tool("zsh")
    script = _script(home, "zsh")
    argv = [zsh, "-fc", ZSH_COMPLETE, "zsh", str(script), "fopinfo", *words]
    return subprocess.run(
        argv, env={**_env(home), **(env or {})}, cwd=home, capture_output=True, text=True, timeout=20, check=True
    ).stdout


def test_zsh_keeps_apostrophes_in_descriptions(home: Path) -> None:
    specs = _zsh_specs(home, "topic", "--")
    assert '"--quote":"Show the source’s own words under each statement."' in specs


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("define", "ho"), '"ho":"Heterotopic Ossification"'),
        (("define", "bmp"), '"bmps"'),
        (("define", "ifopa"), '"ifopa"'),
        (("define", "alk"), '"alk2-acvr1":"ALK2/ACVR1"'),
        (("topic", "Ca"), '"Causes":"What Causes FOP?" "Care":"How is FOP managed?"'),
        (("topic", "FOP"), '"FOP Facts"'),
    ],
)
def test_zsh_completes_any_case_and_never_falls_back_to_files(
    home: Path, words: tuple[str, ...], expected: str
) -> None:
    specs = _zsh_specs(home, *words)
    assert specs == f"*: :(({expected}))\n"


def _fish_complete(home: Path, line: str, env: dict[str, str] | None = None) -> list[str]:
    fish = _tool("fish")
    script = _script(home, "fish")
    (home / "house.txt").write_text("", encoding="utf-8")  # a file a fallback to file names would offer
    argv = [fish, "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", str(script), line]
    result = subprocess.run(
        argv, env={**_env(home), **(env or {})}, cwd=home, capture_output=True, text=True, timeout=20, check=True
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("fopinfo define hal", ["hallux-valgus\thallux valgus"]),
        ("fopinfo define ho", ["ho\tHeterotopic Ossification"]),
        ("fopinfo define bmp", ["bmps"]),
        ("fopinfo topic FOP", ["FOP Facts"]),
        ("fopinfo topic --q", ["--quote\tShow the source's own words under each statement."]),
    ],
)
def test_fish_completes_any_case_and_never_falls_back_to_files(home: Path, line: str, expected: list[str]) -> None:
    assert _fish_complete(home, line) == expected


# ---------------------------------------------------------------- never file names; the script for the shell named


def test_zsh_offers_nothing_rather_than_files(home: Path) -> None:
    (home / "hobbies").mkdir()
    assert _zsh_specs(home, "define", "hob") == ""  # Typer's answer is "_files": never used


@pytest.mark.parametrize("line", ["fopinfo define hob", "fopinfo define h", "fopinfo --data ", "fopinfo cite 9"])
def test_fish_never_offers_file_names(home: Path, line: str) -> None:
    (home / "hobbies").mkdir()
    offered = _fish_complete(home, line)
    assert not [o for o in offered if o.startswith(("hobbies", "house"))], offered


def test_bash_offers_nothing_rather_than_files(home: Path) -> None:
    (home / "hobbies").mkdir()
    assert _bash_compreply(home, "define", "hob") == []
    bash = _tool("bash")
    script = f"source {_script(home, 'bash')}; complete -p fopinfo"
    registered = subprocess.run([bash, "--norc", "-c", script], env=_env(home), capture_output=True, text=True)
    assert registered.stdout == "complete -F _fopinfo_completion fopinfo\n"  # no "-o default": no file names


def test_bash_never_expands_a_candidate_as_a_file_pattern(home: Path) -> None:
    (home / "What Causes FOPx").write_text("")  # "What Causes FOP?" unquoted would glob to it
    assert _bash_compreply(home, "topic", '"What C') == ["What Causes FOP?"]


def test_bash_tab_in_a_folder_with_a_matching_folder_offers_nothing(bash_terminal: Terminal, home: Path) -> None:
    (home / "hobbies").mkdir()
    bash_terminal.keys("fopinfo define hob", literal=True)
    bash_terminal.keys("Tab")
    bash_terminal.keys("Tab")
    time.sleep(0.5)
    assert "hobbies" not in bash_terminal.screen()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_honours_its_argument(home: Path, shell: str) -> None:
    for argv in (["--show-completion", shell], [f"--show-completion={shell}"], ["completion", shell]):
        result = subprocess.run(["fopinfo", *argv], env=_env(home), capture_output=True, text=True, timeout=20)
        assert (result.returncode, result.stdout, result.stderr) == (0, _script_text(shell), ""), argv


# ---------------------------------------------------------------- installed, then used by the real shell


def test_installed_bash_completion_works_in_a_new_shell(home: Path) -> None:
    result = subprocess.run(
        ["fopinfo", "--install-completion", "bash"], env=_env(home), capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 0, result.stderr
    bash = _tool("bash")
    # An interactive bash reads ~/.bashrc (or bash-completion loads the file on demand).
    probe = "type _fopinfo_completion >/dev/null 2>&1 || __load_completion fopinfo; complete -p fopinfo"
    shown = subprocess.run([bash, "-i", "-c", probe], env=_env(home), capture_output=True, text=True, timeout=20)
    assert shown.stdout == "complete -F _fopinfo_completion fopinfo\n", shown.stderr


def test_installed_zsh_completion_works_in_a_new_shell(home: Path) -> None:
    zsh = _tool("zsh")
    (home / ".zshrc").write_bytes(b"autoload -Uz compinit; compinit -u -D\nPS1='%% '\n")
    result = subprocess.run(
        ["fopinfo", "--install-completion", "zsh"], env=_env(home), capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 0, result.stderr
    assert b"zstyle" not in (home / ".zshrc").read_bytes()  # never a global style
    terminal = Terminal(home, [zsh, "-i"])
    try:
        terminal.keys("echo shell-ready", literal=True)
        terminal.keys("Enter")
        terminal.wait_for("shell-ready\n")
        terminal.keys("fopinfo define hal", literal=True)
        terminal.keys("Tab")
        terminal.wait_for("% fopinfo define hallux-valgus ")
    finally:
        terminal.close()


def test_installed_fish_completion_works_in_a_new_shell(home: Path) -> None:
    result = subprocess.run(
        ["fopinfo", "--install-completion", "fish"], env=_env(home), capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in home.iterdir()) == [".config"]  # fopinfo's own file only
    fish = _tool("fish")
    argv = [fish, "-c", "complete -C 'fopinfo define hal'"]  # fish finds ~/.config/fish/completions itself
    offered = subprocess.run(argv, env=_env(home), cwd=home, capture_output=True, text=True, timeout=20)
    assert offered.stdout == "hallux-valgus\thallux valgus\n", offered.stderr


# ---------------------------------------------------------------- a --data file, from the opt-in cache

# The bundled file with one more alias, so its candidates are not the bundled file's.
DATA_TEXT = BUNDLED.read_text(encoding="utf-8").replace(
    "aliases: [cause, genetics, gene]", "aliases: [cause, genetics, gene, carrier]"
)
OLD, NEW = "[cause, genetics,", "[cause, genomics,"  # a same-size edit of an alias
CACHE_TICK_S = 2.1  # the cache keeps no file changed in the last 2 s (fopinfo.cache.RECENT_NS)


@pytest.fixture(scope="module")
def cached_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A --data file old enough for the cache to keep it (written once: the wait is seconds)."""
    path = tmp_path_factory.mktemp("data") / "my facts.yaml"  # a space: quoted on the command line
    path.write_text(DATA_TEXT, encoding="utf-8")
    time.sleep(CACHE_TICK_S)
    return path


def _cache_env(home: Path, **more: str) -> dict[str, str]:
    return {"FOPINFO_CACHE": "1", "XDG_CACHE_HOME": str(home / "xdg"), **more}


def _fill(home: Path, data: Path) -> None:
    """One ordinary run with the cache on: it writes the file's entry."""
    env = {**_env(home), **_cache_env(home)}
    subprocess.run(["fopinfo", "--data", str(data), "topics"], env=env, capture_output=True, check=True, timeout=60)
    assert len(list((home / "xdg" / "fopinfo").glob("*.marshal"))) == 1


def _request(shell: str, words: list[str]) -> dict[str, str]:
    """A completion request as fopinfo's script for this shell sends it (fopinfo/shell_install.py)."""
    import shlex

    if shell == "bash":
        line = ["fopinfo", *map(shlex.quote, words)]
        return {"_FOPINFO_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(line), "COMP_CWORD": str(len(words))}
    typed = " ".join(["fopinfo", *map(shlex.quote, words[:-1])]) + " " + words[-1]
    env = {"_FOPINFO_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": typed}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def _tab(home: Path, env: dict[str, str], *, fast: bool = True) -> tuple[subprocess.CompletedProcess[str], bool]:
    """The console script's answer to a request, and whether Typer was imported (the fast path did not answer)."""
    clean = {**_env(home), **env, "PYTHONPROFILEIMPORTTIME": "1"}
    if not fast:
        clean["FOPINFO_NO_FAST_PATH"] = "1"  # documented in fopinfo/fast_path.py: the full CLI answers
    done = subprocess.run([str(BIN / "fopinfo")], env=clean, cwd=home, capture_output=True, text=True, timeout=60)
    imports = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    errors = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("import time:"))
    typer = any(line.split("|")[-1].strip() == "typer" for line in imports)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout, errors), typer


def _same_as_cli(home: Path, env: dict[str, str]) -> tuple[str, bool]:
    """The answer (byte for byte the full CLI's) and whether the fast path gave it."""
    fast, typer = _tab(home, env)
    slow, _ = _tab(home, env, fast=False)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr), env
    assert fast.returncode == 0 and fast.stderr == ""
    return fast.stdout, not typer


DATA_REQUESTS = [["topic", "car"], ["topic", ""], ["topic", "What"], ["define", "'bone m"], ["define", ""]]
DATA_REQUESTS += [["cite", "1"], ["handout", "--topic", "gen"], ["topic", "zz"]]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_tab_after_data_is_answered_from_the_cache_as_the_cli_answers(
    home: Path, cached_data: Path, shell: str
) -> None:
    _fill(home, cached_data)
    for words in DATA_REQUESTS:
        for given in (["--data", str(cached_data)], [f"--data={cached_data}"]):
            if shell == "bash" and given[0] != "--data":
                continue  # bash splits --data=FILE at the "=" (COMP_WORDBREAKS): the CLI's to answer
            _, fast = _same_as_cli(home, {**_cache_env(home), **_request(shell, [*given, *words])})
            assert fast, (given, words)
        env = {**_cache_env(home, FOPINFO_DATA=str(cached_data)), **_request(shell, words)}
        _, fast = _same_as_cli(home, env)
        assert fast, words
    carrier, _ = _same_as_cli(
        home, {**_cache_env(home), **_request(shell, ["--data", str(cached_data), "topic", "car"])}
    )
    assert "carrier" in carrier  # the --data file's candidates, not the bundled file's


def test_a_tab_after_data_is_the_clis_without_the_cache_or_a_current_entry(home: Path, cached_data: Path) -> None:
    """Cache off, no entry, a corrupt entry, an edited file: the CLI answers (the new file's names), silently."""
    request = _request("zsh", ["--data", str(cached_data), "topic", "geno"])
    answer, fast = _same_as_cli(home, {**_cache_env(home), **request})  # no entry yet: this run writes it
    assert not fast and "genomics" not in answer
    answer, fast = _same_as_cli(home, {**_cache_env(home), **request})
    assert fast
    answer, fast = _same_as_cli(home, {**_cache_env(home, FOPINFO_CACHE="0"), **request})
    assert not fast  # the cache is not read without the opt-in
    (entry,) = (home / "xdg" / "fopinfo").glob("*.marshal")
    good = entry.read_bytes()
    for junk in (
        good[:40],
        good[:200],
        b"",
        b"\xff" * 1000,
        good.replace(b"fopinfo cache entry", b"fopinfo cache ENTRY"),
    ):
        entry.write_bytes(junk)
        answer, fast = _same_as_cli(home, {**_cache_env(home), **request})
        assert not fast, junk[:60]
        entry.write_bytes(good)
    entry.write_bytes(good[:-10])  # the knowledge cut short: the candidates before it are whole and current
    answer, fast = _same_as_cli(home, {**_cache_env(home), **request})
    original = cached_data.read_bytes()
    before = cached_data.stat()
    try:
        with open(cached_data, "r+b") as f:  # in place: same inode, same size, mtime put back
            f.write(original.replace(OLD.encode(), NEW.encode(), 1))
        os.utime(cached_data, ns=(before.st_atime_ns, before.st_mtime_ns))
        answer, fast = _same_as_cli(home, {**_cache_env(home), **request})
        assert not fast and "genomics" in answer  # the edited file's names, never the entry's
    finally:
        cached_data.write_bytes(original)
        time.sleep(CACHE_TICK_S)  # old enough again for the other tests' entries


def test_real_shells_complete_after_data_from_the_cache_as_without_it(home: Path, cached_data: Path) -> None:
    _fill(home, cached_data)
    data = str(cached_data)
    quoted = data.replace(" ", "\\ ")  # as typed: COMP_WORDS holds the words as the user wrote them
    on, off = _cache_env(home), {**_cache_env(home), "FOPINFO_NO_FAST_PATH": "1"}
    for words in (["topic", "car"], ["define", "'bone m"], ["cite", "1"]):
        fast = _bash_compreply(home, "--data", quoted, *words, env=on)
        assert fast == _bash_compreply(home, "--data", quoted, *words, env=off)
    assert _bash_compreply(home, "--data", quoted, "topic", "car", env=on) == ["carrier", "care"]
    for words in (["topic", "Ca"], ["define", "ho"], ["cite", ""]):
        assert _zsh_specs(home, "--data", quoted, *words, env=on) == _zsh_specs(home, "--data", quoted, *words, env=off)
    for line in (f"fopinfo --data {quoted} topic car", f"fopinfo --data {quoted} define ho"):
        assert _fish_complete(home, line, env=on) == _fish_complete(home, line, env=off)
    assert _fish_complete(home, f"fopinfo --data {quoted} topic carr", env=on) == ["carrier\tWhat Causes FOP?"]
    assert '"carrier"' in _zsh_specs(home, "--data", quoted, "topic", "car", env=on)

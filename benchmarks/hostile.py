"""Hostile knowledge files within the size limit: each must end within 10 s and 1.5 GB.

    python benchmarks/hostile.py [--fopinfo PATH]

Writes each file into a temporary folder, runs ``fopinfo --data FILE`` with the commands
that would reach its hostile part (``topics`` for files refused at reading) once each
through the measuring launcher, and prints time, peak RSS and exit code against the
goal; then checks that a 100,000-statement generated file still loads (exit 0).
Prints a verdict; exits 1 when a goal is missed, else 0. Standard library only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Launcher, child_env, environment_line, find_fopinfo, print_verdict, script_interpreter, table

SECONDS, RSS_MB = 10.0, 1500.0
ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "facts.yaml"
SOURCE = ROOT / "tests" / "fixtures" / "what-is-fop.txt"
DISCOVERY = (  # a statement of the bundled file, as printed there
    "        text: Researchers discovered the gene responsible for extra bone formation in FOP in 2006.\n"
    "        quote: Researchers discovered the gene responsible for extra bone formation in FOP in 2006\n"
    "        cites: [6]\n"
)


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise SystemExit(f"hostile.py: the bundled file no longer holds {old[:60]!r}; update the benchmark")
    return text.replace(old, new, 1)


def _many_sections(bundled: str, count: int) -> str:
    """`count` more one-statement sections, each citing source 1 (the Knowledge.section() path)."""
    extra = "".join(
        f"  - id: extra-{i}\n    title: Extra {i}\n    quote: null\n    editorial: true\n    statements:\n"
        f"      - id: extra-{i}.1\n        text: Extra statement {i} about bone.\n"
        f"        quote: Extra statement {i} about bone\n        cites: [1]\n"
        for i in range(count)
    )
    return _replace(bundled, "\nglossary:\n", "\n" + extra + "\nglossary:\n")


def _files(tmp: Path) -> dict[str, tuple[str, list[list[str]]]]:
    """name -> (file text, the commands run on it); a command may name files in tmp."""
    bundled = BUNDLED.read_text(encoding="utf-8")
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
        f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)
    ]
    big = "x" * 1_000_000
    topics = [["topics"]]
    # A quote of 100,000 words against a 2 MB source printed as one unbroken line that
    # holds all but its last word: the closest-match search must not go quadratic.
    words = " ".join(f"w{i}" for i in range(100_000))
    long_source = tmp / "long-line-source.txt"
    long_source.write_text("What is FOP? " + " ".join(f"w{i}" for i in range(99_999)) * 2 + "\n", encoding="utf-8")
    all_sources = "".join(f"  - {{number: {n}, text: null}}\n" for n in range(16, 100_001))
    return {
        "ten million empty lists (30 MB)": ("sources: [" + "[]," * 10_000_000 + "]\n", topics),
        "one 1 MB string aliased 200 times": (
            f"s: &s '{big}'\nsubjects: [" + ",".join(["*s"] * 200) + "]\n" + bundled,
            topics,
        ),
        "billion-laughs alias bomb": ("\n".join([*bomb, "sections: *a9"]) + "\n", topics),
        "merge-key bomb": (
            "a: &a {x: 1}\n"
            + "".join(
                f"b{i}: &b{i} {{<<: [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]}}\n"
                for i in range(40)
            ),
            topics,
        ),
        "statement citing 1…100,000 (all defined)": (
            _replace(
                _replace(bundled, "  - {number: 15, text: null}\n", "  - {number: 15, text: null}\n" + all_sources),
                DISCOVERY,
                DISCOVERY.replace("cites: [6]", f"cites: [{', '.join(map(str, range(1, 100_001)))}]"),
            ),
            [["topics"], ["cite", "6"], ["sources"], ["handout", "--json"], ["check"]],
        ),
        "30,000 unknown top-level keys": ("".join(f"unknown{i}: 1\n" for i in range(30_000)) + bundled, topics),
        "20,000 one-statement sections": (
            _many_sections(bundled, 20_000),
            [["cite", "1"], ["topics"], ["facts"], ["handout", "--json"], ["handout", "--html"]],
        ),
        "one 10 MB statement": (
            _replace(
                bundled,
                DISCOVERY,
                DISCOVERY.replace("in 2006.\n", "in 2006. " + "Bone forms again. " * 580_000 + "\n", 1),
            ),
            [["topics"], ["topic", "discovery"], ["search", "bone"], ["search", "nowhere"], ["facts", "--json"]],
        ),
        "one 100,000-word quote, long unbroken source line": (
            _replace(bundled, DISCOVERY, DISCOVERY.replace("in FOP in 2006\n", f"in FOP in 2006 {words}\n", 1)),
            [["check", "--source", str(long_source)]],
        ),
        "10 MB duplicated id": (
            _replace(
                _replace(bundled, "id: what\n", f"id: {'z' * 10_000_000}\n"),
                "id: causes\n",
                f"id: {'z' * 10_000_000}\n",
            ),
            topics,
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--fopinfo", metavar="PATH", help="fopinfo console script (default: beside python, else PATH)")
    args = parser.parse_args(argv)
    fopinfo = find_fopinfo(args.fopinfo)
    python = script_interpreter(fopinfo)
    env = child_env()
    print("# fopinfo hostile-file benchmark (one run each, stdout to /dev/null)\n")
    print(environment_line(python) + "\n")
    rows, failing = [], []
    tmp = Path(tempfile.mkdtemp(prefix="fopinfo-hostile-"))
    try:
        runs: list[tuple[str, list[str]]] = []
        for i, (name, (text, commands)) in enumerate(_files(tmp).items()):
            path = tmp / f"h{i}.yaml"
            path.write_text(text, encoding="utf-8")
            runs += [(name, [str(fopinfo), "--data", str(path), *cmd]) for cmd in commands]
        large = tmp / "large.yaml"
        make_large = Path(__file__).resolve().parent / "make_large.py"
        subprocess.run([str(python), str(make_large), "100000", "-o", str(large)], check=True, env=env)
        runs.append(("100,000-statement generated file (must load)", [str(fopinfo), "--data", str(large), "topics"]))
        with Launcher(python, env) as launcher:
            for name, argv in runs:
                # Exit 3 (refused) is an expected answer to a hostile file, exit 1 (nothing
                # found) to a search for nothing: time and memory are what is judged.
                code, ms, rss = launcher.run(argv)
                must_load = name.endswith("(must load)")
                ok = ms / 1000 <= SECONDS and rss <= RSS_MB and (code == 0 if must_load else code in (0, 1, 3))
                command = " ".join(a if len(a) < 40 else Path(a).name for a in argv[3:])
                rows.append([name, f"`{command}`", f"{ms / 1000:.1f}", f"{rss:.0f}", str(code), "✓" if ok else "✗"])
                if not ok:
                    failing.append(f"{name}, {command}: {ms / 1000:.1f} s, {rss:.0f} MB, exit {code}")
                print(f"{name}, {command}: done", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    header = ["file", "command", "seconds", "max RSS MB", "exit", f"≤ {SECONDS:.0f} s, ≤ {RSS_MB:.0f} MB"]
    print(table(header, rows, left=2))
    return print_verdict(failing)


if __name__ == "__main__":
    sys.exit(main())

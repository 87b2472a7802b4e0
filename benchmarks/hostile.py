"""Hostile knowledge files within the size limit: each must end within 10 s and 1.5 GB.

    python benchmarks/hostile.py [--fopinfo PATH]

Writes each file into a temporary folder, runs ``fopinfo --data FILE topics`` once
through the measuring launcher, and prints time, peak RSS and exit code against the
goal; then checks that a 100,000-statement generated file still loads (exit 0).
Always exits 0. Standard library only.
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
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "facts.yaml"


def _files() -> dict[str, str]:
    bundled = BUNDLED.read_text(encoding="utf-8")
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
        f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)
    ]
    big = "x" * 1_000_000
    return {
        "ten million empty lists (30 MB)": "sources: [" + "[]," * 10_000_000 + "]\n",
        "one 1 MB string aliased 200 times": f"s: &s '{big}'\nsubjects: [" + ",".join(["*s"] * 200) + "]\n" + bundled,
        "billion-laughs alias bomb": "\n".join([*bomb, "sections: *a9"]) + "\n",
        "merge-key bomb": "a: &a {x: 1}\n"
        + "".join(
            f"b{i}: &b{i} {{<<: [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]}}\n"
            for i in range(40)
        ),
        "statement citing 1…100,000": bundled.replace(
            "cites: [6]", f"cites: [{', '.join(map(str, range(1, 100_001)))}]", 1
        ),
        "30,000 unknown top-level keys": "".join(f"unknown{i}: 1\n" for i in range(30_000)) + bundled,
        "one 10 MB statement": bundled.replace("cites: [6]", "cites: [6]\n      quote: '" + "y" * 10_000_000 + "'", 1),
        "10 MB duplicated id": bundled.replace("id: what\n", f"id: {'z' * 10_000_000}\n", 1).replace(
            "id: causes\n", f"id: {'z' * 10_000_000}\n", 1
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
        commands = {}
        for i, (name, text) in enumerate(_files().items()):
            path = tmp / f"h{i}.yaml"
            path.write_text(text, encoding="utf-8")
            commands[name] = [str(fopinfo), "--data", str(path), "topics"]
        large = tmp / "large.yaml"
        make_large = Path(__file__).resolve().parent / "make_large.py"
        subprocess.run([str(python), str(make_large), "100000", "-o", str(large)], check=True, env=env)
        commands["100,000-statement generated file (must load)"] = [str(fopinfo), "--data", str(large), "topics"]
        with Launcher(python, env) as launcher:
            for name, argv in commands.items():
                # Exit 3 is the expected answer to a hostile file: time and memory are what is judged.
                code, ms, rss = launcher.run(argv)
                must_load = name.endswith("(must load)")
                ok = ms / 1000 <= SECONDS and rss <= RSS_MB and (code == 0 if must_load else code in (0, 3))
                rows.append([name, f"{ms / 1000:.1f}", f"{rss:.0f}", str(code), "✓" if ok else "✗"])
                if not ok:
                    failing.append(f"{name}: {ms / 1000:.1f} s, {rss:.0f} MB, exit {code}")
                print(f"{name}: done", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(table(["file", "seconds", "max RSS MB", "exit", f"≤ {SECONDS:.0f} s, ≤ {RSS_MB:.0f} MB"], rows, left=1))
    print_verdict(failing)
    return 0


if __name__ == "__main__":
    sys.exit(main())

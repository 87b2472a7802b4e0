"""Golden output: every command in every format, kept in tests/golden/ (as tealdeer keeps
``.expected`` files) and compared exactly by tests/test_golden.py.

After an intended change of output, regenerate them all and review the diff:

    python -m tests.golden --update
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

from fopinfo.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
# A plain 80-column pipe on a fixed day, whatever the caller's environment and clock.
ENVIRONMENT: dict[str, str | None] = {
    "COLUMNS": "80",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "FOPINFO_DATA": None,
    "FORCE_COLOR": None,
    "SOURCE_DATE_EPOCH": "1795564800",  # 2026-11-25
}
# Each case: golden file stem, then the command line after `fopinfo`.
CONTENT = {
    "overview": "",
    "facts": "facts",
    "facts-quote": "facts --quote",
    "topics": "topics",
    "topic-causes": "topic causes",
    "topic-diagnosis": "topic diagnosis",
    "cite-7": "cite 7",
    "sources": "sources",
    "search-bone": "search bone",
    # Everyday questions, as a parent, a nurse, a dentist or a student types them (issue 17).
    "search-is-there-a-cure": "search is there a cure",
    "search-flu-shot": "search flu shot",
    "search-big-toe": "search big toe",
    "search-hereditary": "search hereditary",
    "search-bunions": "search bunions",
    "search-how-many-people": "search how many people --limit 3",
    "search-first-signs": "search first signs",
    "search-cant-be-reversed": 'search "can\'t" be reversed',  # typed with a keyboard's apostrophe
    "search-genetic-test-phrase": "search '\"genetic test\"'",
    "search-injections": "search injections",
    "search-stone-man": "search stone man",
    "search-knocks-and-falls": "search knocks and falls",
    "define-HO": "define HO",
    "define-flare-up": "define flare-up",
    "check": "check data/facts.yaml",
    "check-source": "check data/facts.yaml --source data/source/what-is-fop.txt --review",
    "updates": "updates",
}
FORMATS = {"txt": "", "md": " --markdown", "json": " --json"}
HANDOUTS = {
    "handout.md": "handout",
    "handout.html": "handout --html",
    "handout.json": "handout --json",
    "handout-frequency.md": "handout --topic frequency",
    "handout-frequency.json": "handout --topic frequency --json",
}
# The wallet card and each one-page sheet, in every format (text, Markdown, JSON, HTML).
HANDOVER = {"card": "card", **{f"handout-{a}": f"handout --for {a}" for a in ("emergency", "school", "dentist")}}
HANDOVER_FORMATS = {**FORMATS, "html": " --html"}


def cases() -> dict[str, str]:
    """Golden file name -> command line."""
    out = {f"{stem}.{ext}": (args + flag).strip() for stem, args in CONTENT.items() for ext, flag in FORMATS.items()}
    handover = {
        f"{stem}.{ext}": args + flag for stem, args in HANDOVER.items() for ext, flag in HANDOVER_FORMATS.items()
    }
    return {**out, **HANDOUTS, **handover}


def output_of(command: str) -> str:
    here = os.getcwd()
    os.chdir(ROOT)  # relative paths (data/facts.yaml) are the repository's
    try:
        result = CliRunner().invoke(app, shlex.split(command), env=ENVIRONMENT)
    finally:
        os.chdir(here)
    assert result.exit_code == 0, (command, result.output)
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite the golden files from the CLI's output")
    args = parser.parse_args()
    GOLDEN.mkdir(exist_ok=True)
    stale = []
    for name, command in cases().items():
        path = GOLDEN / name
        actual = output_of(command)
        if not path.exists() or path.read_text(encoding="utf-8") != actual:
            stale.append(name)
            if args.update:
                path.write_text(actual, encoding="utf-8")
    for path in GOLDEN.iterdir():
        if path.name not in cases():
            stale.append(path.name)
            if args.update:
                path.unlink()
    verb = "updated" if args.update else "stale"
    print(f"{verb}: {', '.join(stale)}" if stale else "golden files are up to date")
    return 1 if stale and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())

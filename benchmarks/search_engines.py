"""Measure the candidate search engines of issue 17 (a measurement, not a timed test).

    python benchmarks/search_engines.py [--large N] [--runs R]

- import cost: ``python -c "<import>"`` against ``python -c pass``, interleaved, median of R runs;
- index build and query time: SQLite FTS5 (stdlib sqlite3, porter tokenizer, unicode61
  remove_diacritics 2, bm25() with column weights) against fopinfo.search (pure-Python
  BM25F over PyStemmer's Snowball English stems), on the bundled file and a generated one;
- ranking quality: recall@3 on the tuned questions of tests/search_questions.yaml with the
  same stop list and no people's-words table, so that only the engines differ.

Prints Markdown tables; docs/search.md records a run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fopinfo.loading import load  # noqa: E402
from fopinfo.model import Knowledge  # noqa: E402
from fopinfo.search import index_knowledge, search  # noqa: E402
from fopinfo.search.entries import entries_of  # noqa: E402
from fopinfo.search.query_words import read_query  # noqa: E402

IMPORTS = {
    "nothing (python -c pass)": "pass",
    "sqlite3 (FTS5)": "import sqlite3",
    "Stemmer (PyStemmer)": "import Stemmer; Stemmer.Stemmer('english')",
    "snowballstemmer (pure Python)": "import snowballstemmer; snowballstemmer.stemmer('english')",
    "difflib (did-you-mean)": "import difflib",
    "fopinfo.model (every command has it)": "import fopinfo.model",
    "fopinfo.search, with a stem": "import fopinfo.search.words as w; w.stem('injections')",
}
TIMED_QUERIES = (["is", "there", "a", "cure"], ["bone", "injection"], ["genetic", "test"], ["vaccine"])


def import_costs(runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in IMPORTS}
    env = {"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
    for i in range(runs):
        for name, code in IMPORTS.items() if i % 2 else reversed(IMPORTS.items()):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, cwd=ROOT)
            if done.returncode:
                times[name].append(float("nan"))
                continue
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(t) for name, t in times.items()}


def fts5_build(k: Knowledge) -> tuple[Any, list[tuple[str, str]]]:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE e USING fts5(name, body, context, "
        "tokenize = \"porter unicode61 remove_diacritics 2 tokenchars ''''\")"
    )
    rows: list[tuple[str, str, str]] = []
    ids: list[tuple[str, str]] = []
    for entry in entries_of(k):
        by = {"name": [], "title": [], "body": [], "context": []}  # type: dict[str, list[str]]
        for field in entry.fields:
            by[field.name].extend(field.texts)
        rows.append((" | ".join(by["name"] + by["title"]), " | ".join(by["body"]), " | ".join(by["context"])))
        ids.append((entry.kind, entry.id))
    db.executemany("INSERT INTO e(name, body, context) VALUES (?, ?, ?)", rows)
    return db, ids


def fts5_query(db: Any, ids: list[tuple[str, str]], words: list[str], limit: int = 3) -> list[str]:
    clauses = [c for c in read_query(words) if not c.stop]
    if not clauses:
        return []
    expression = " OR ".join('"' + " ".join(c.alternatives[0].written.replace('"', "").split()) + '"' for c in clauses)
    rows = db.execute(
        "SELECT rowid FROM e WHERE e MATCH ? ORDER BY bm25(e, 3.0, 1.0, 0.5) LIMIT ?", (expression, limit)
    ).fetchall()
    return [ids[rowid - 1][1] for (rowid,) in rows]


def argv(question: str) -> list[str]:
    """A question as the shell would pass it: one argument per word, or one for a question with a space run."""
    return [question] if "  " in question else question.split(" ")


def recall(questions: list[dict[str, Any]], answer: Any) -> float:
    hits = sum(
        1 for q in questions if set(answer(q["q"].split(" ") if "  " not in q["q"] else [q["q"]])) & set(q["ids"])
    )
    return hits / len(questions)


def timed(fn: Any, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--large", type=int, default=100_000, help="statements in the generated file (default 100000)")
    parser.add_argument("--runs", type=int, default=30, help="runs per import measurement (default 30)")
    args = parser.parse_args(argv)
    import yaml

    print(f"# search engine candidates · Python {sys.version.split()[0]}\n")
    costs = import_costs(args.runs)
    floor = costs["nothing (python -c pass)"]
    print("| import | median ms | above `pass` ms |\n| --- | ---: | ---: |")
    for name, ms in costs.items():
        print(f"| {name} | {ms:.1f} | {ms - floor:+.1f} |")

    bundled = load()
    questions = yaml.safe_load((ROOT / "tests" / "search_questions.yaml").read_text(encoding="utf-8"))["tuned"]
    db, ids = fts5_build(bundled)
    index = index_knowledge(bundled)
    fts = recall(questions, lambda w: fts5_query(db, ids, w))
    ours = recall(questions, lambda w: [r.id for r in search(index, w, limit=3).results])
    print(
        f"\nrecall@3, {len(questions)} tuned questions, no people's words: FTS5 {fts:.0%} · fopinfo.search {ours:.0%}\n"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.yaml"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_large.py"), str(args.large), "-o", str(path)], check=True
        )
        large = load(path)
    print("| file | engine | build ms | query ms (mean of 4) |\n| --- | --- | ---: | ---: |")
    for label, k in (("bundled", bundled), (f"{args.large:,} statements", large)):
        repeat = 5 if k is bundled else 1
        build_fts = timed(lambda k=k: fts5_build(k), repeat)
        db, ids = fts5_build(k)
        query_fts = (
            sum(timed(lambda w=w, db=db, ids=ids: fts5_query(db, ids, w, 20), repeat) for w in TIMED_QUERIES) / 4
        )
        build_ours = timed(lambda k=k: index_knowledge(k), repeat)
        index = index_knowledge(k)
        query_ours = sum(timed(lambda w=w, ix=index: search(ix, w, limit=20), repeat) for w in TIMED_QUERIES) / 4
        print(f"| {label} | FTS5 | {build_fts:.1f} | {query_fts:.1f} |")
        print(f"| {label} | fopinfo.search | {build_ours:.1f} | {query_ours:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

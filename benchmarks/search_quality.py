"""How well search answers everyday questions (issue 17): a benchmark, not a timed test.

    python benchmarks/search_quality.py [--data PATH] [--part NAME]... [--show] [--scale]

Runs tests/search_questions.yaml through fopinfo.search with the people's-words table and
prints recall@3 (a right id among the first three results) for each part separately
(tuned, held_out_1 ... held_out_5), each question that missed, and
how the unanswerable questions come out (nothing, with suggestions; or results, with what
they miss). Goal: recall@3 >= 90% on the part never tuned to (held_out_6, written blind
before round 6 and measured once: 87%, the last blind part drawn for issue 17; it has been
seen since, so the verdict keeps that measure, BLIND_MEASURE; the earlier parts were seen in
rounds 1-5 and are tuning material).
Exits 1 when the goal is missed.

--part limits the run to the parts named (repeatable): while tuning, run
only the seen parts (--part tuned --part held_out_1 ...) so that a new blind part, once
added, is not seen before its one measurement.

--scale also times search on generated files of 1,000, 10,000 and 100,000 statements
(benchmarks/make_large.py): index build and one query, to show the growth is linear.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from fopinfo.loading import load  # noqa: E402
from fopinfo.search import Index, PeopleWords, bad_targets, index_knowledge, search  # noqa: E402

GOAL = 0.90
# held_out_1, held_out_2 and held_out_3 were seen in rounds 1, 2 and 3: tuning material now
# (held_out_3 from round 4 on), reported separately so the rounds stay comparable.
ANSWERABLE = ("tuned", "held_out_1", "held_out_2", "held_out_3", "held_out_4", "held_out_5", "held_out_6")
UNANSWERABLE = (
    "unanswerable",
    "unanswerable_2",
    "unanswerable_3",
    "unanswerable_4",
    "unanswerable_5",
    "unanswerable_6",
)
HELD_OUT = "held_out_6"  # the newest blind part (written before round 6, the last drawn): the goal is measured on it
# Once its misses have been read, a blind part is tuning material: what it scores now says nothing
# about questions nobody tuned to, so the verdict keeps its one blind measurement.
BLIND_MEASURE = {"held_out_5": (44, 50), "held_out_6": (52, 60)}  # each measured once (docs/search.md)
SCALE_SIZES = (1_000, 10_000, 100_000)
SCALE_QUERIES = (["bone", "injection"], ["is", "there", "a", "cure"], ['"genetic test"'])


def argv(question: str) -> list[str]:
    """A question as a shell passes it: one argument per word; one argument when it holds a space run."""
    return [question] if "  " in question else question.split(" ")


def recall(index: Index, table: PeopleWords, questions: list[dict[str, Any]], show: bool) -> tuple[float, list[str]]:
    missed: list[str] = []
    for q in questions:
        outcome = search(index, argv(q["q"]), table, limit=3)
        top = [r.id for r in outcome.results]
        if not set(top) & set(q["ids"]):
            missed.append(f"  ✗ {q['q']!r} ({q['who']}): top 3 {top or 'nothing'}, wanted one of {q['ids']}")
        elif show:
            print(f"  ✓ {q['q']!r}: {top}")
    return 1 - len(missed) / len(questions), missed


def scale() -> None:
    print("\n## Scale (index built on every run, then one query; best of 3)\n")
    print("| statements | build ms | " + " | ".join(f"`{' '.join(q)}` ms" for q in SCALE_QUERIES) + " |")
    print("| ---: | ---: | " + " | ".join("---:" for _ in SCALE_QUERIES) + " |")
    with tempfile.TemporaryDirectory() as tmp:
        for n in SCALE_SIZES:
            path = Path(tmp) / f"{n}.yaml"
            maker = str(ROOT / "benchmarks" / "make_large.py")
            subprocess.run([sys.executable, maker, str(n), "-o", str(path)], check=True)
            k = load(path)
            build = _best(lambda k=k: index_knowledge(k))
            index = index_knowledge(k)
            times = [_best(lambda q=q, ix=index: search(ix, q, limit=20)) for q in SCALE_QUERIES]
            print(f"| {n:,} | {build:.0f} | " + " | ".join(f"{t:.0f}" for t in times) + " |")
            del k, index


def _best(fn: Any) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(args_in: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, help="knowledge file (default: the bundled one)")
    parser.add_argument(
        "--part", action="append", choices=(*ANSWERABLE, *UNANSWERABLE), help="only these parts (default: all)"
    )
    parser.add_argument("--show", action="store_true", help="also list the questions answered")
    parser.add_argument("--scale", action="store_true", help="also time search on 1k, 10k and 100k statements")
    args = parser.parse_args(args_in)

    k = load(args.data)
    table = k.people_words  # the knowledge file's own people's-words table
    bad = bad_targets(k, table)
    for b in bad:
        print(f"bad people's-words target {b.path}: {b.text!r} {b.reason}")
    index = index_knowledge(k)
    questions = yaml.safe_load((ROOT / "tests" / "search_questions.yaml").read_text(encoding="utf-8"))

    print("# Search quality: recall@3 on tests/search_questions.yaml\n")
    parts = [p for p in args.part or [*ANSWERABLE, *UNANSWERABLE] if p in questions]
    scores: dict[str, float] = {}
    for part in (p for p in ANSWERABLE if p in parts):
        score, missed = recall(index, table, questions[part], args.show)
        scores[part] = score
        hits = len(questions[part]) - len(missed)
        print(f"{part}: {score:.0%} ({hits} of {len(questions[part])}) have a right answer in the top 3")
        print("\n".join(missed))
    for part in (p for p in UNANSWERABLE if p in parts):
        print(f"\n{part} ({len(questions[part])}):")
        for q in questions[part]:
            outcome = search(index, argv(q["q"]), table, limit=3)
            if not outcome.total:
                hint = f"; did you mean: {', '.join(outcome.suggestions)}" if outcome.suggestions else ""
                print(f"  · {q['q']!r}: nothing (not in the source: {', '.join(outcome.unused) or '-'}{hint})")
            else:
                first = outcome.results[0]
                print(
                    f"  · {q['q']!r}: {outcome.total} results, first {first.id}, "
                    f"missing {', '.join(first.missing) or '-'}"
                )

    if args.scale:
        scale()
    if HELD_OUT not in scores:
        absent = "" if HELD_OUT in questions else " (not in this question file)"
        print(f"\nverdict: {HELD_OUT} not run{absent}")
        return 0 if not bad else 1
    held = scores[HELD_OUT]
    if HELD_OUT in BLIND_MEASURE:  # seen since: the verdict is its blind measurement
        hit, total = BLIND_MEASURE[HELD_OUT]
        print(f"\n{HELD_OUT} has been seen since its blind measurement; now {held:.0%}, which is not the verdict")
        held = hit / total
    verdict = "met" if held >= GOAL else "MISSED"
    print(f"\nverdict: {HELD_OUT} recall@3 {held:.0%} (blind), goal ≥ {GOAL:.0%}: {verdict}")
    return 0 if held >= GOAL and not bad else 1


if __name__ == "__main__":
    sys.exit(main())

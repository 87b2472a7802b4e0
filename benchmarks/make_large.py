"""Write a large, valid, synthetic knowledge file for scale benchmarks.

    python benchmarks/make_large.py N [-o PATH] [--seed S]

Same schema as data/facts.yaml: N statements in sections of about 50 (every fifth
section holds ten facts of five statements instead), 200–400 characters of text per
statement with ``quote`` equal to ``text``, sources 1..max(15, N // 100) each cited at
least once (source 7 by about 1% of statements), a subjects list with about 40% of
statements tagged, and a glossary of max(5, N // 100) terms. About 30% of statements
contain the word "bone" (no other text does, except headlines and definitions that say
so), so ``fopinfo search bone`` has many hits.

Deterministic for a given N and seed. Writes to stdout unless -o is given; never
touches data/facts.yaml. Check the result with ``fopinfo --data PATH check``.
Standard library only.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

PER_SECTION = 50
FACTS_EVERY = 5  # every fifth section holds facts
FACT_SIZE = 5  # statements per fact
BONE_SHARE = 0.30
SOURCE7_SHARE = 0.01
TAGGED_SHARE = 0.40
WRAP = 88

SUBJECTS = (
    ("frequency", "How common FOP is"),
    ("inheritance", "Inheritance and genetics"),
    ("diagnosis", "Diagnosis"),
    ("symptoms", "Signs and symptoms"),
    ("triggers", "Triggers of flare-ups"),
    ("community", "Community and support"),
    ("mobility", "Mobility and daily life"),
    ("research", "Research and trials"),
    ("care", "Care teams"),
    ("imaging", "Imaging and monitoring"),
    ("children", "Children and families"),
    ("pain", "Pain and inflammation"),
)

SECTION_THEMES = (
    ("overview", "What is FOP?"),
    ("causes", "What causes FOP?"),
    ("signs", "Signs and symptoms"),
    ("flare-ups", "Flare-ups"),
    ("management", "How is FOP managed?"),
    ("living", "Living with FOP"),
    ("diagnosing", "Getting a diagnosis"),
    ("science", "The science of FOP"),
)

# None of these words contains "bone": statements get it only where chosen.
OPENERS = (
    "In people living with FOP,",
    "According to the source,",
    "Over time,",
    "During a flare-up,",
    "In early childhood,",
    "For many families,",
    "In most cases,",
    "After an injury,",
    "Researchers report that",
    "Clinicians note that",
)
SUBJECTS_NP = (
    "the faulty ALK2/ACVR1 gene",
    "the overactive receptor protein",
    "soft connective tissue",
    "the affected muscles and tendons",
    "a sudden swelling",
    "the immune response",
    "careful daily planning",
    "a specialist care team",
    "physical function",
    "the range of movement in the joints",
    "an accurate genetic test",
    "the international patient community",
)
VERBS = (
    "can lead to",
    "is often linked with",
    "may gradually restrict",
    "is thought to influence",
    "can be made worse by",
    "helps people to manage",
    "is usually followed by",
    "does not reverse",
    "can be confirmed by",
    "is closely watched during",
)
OBJECTS_NP = (
    "stiffness in the neck, back and shoulders",
    "pain and inflammation that last several weeks",
    "knocks, falls and intramuscular injections",
    "changes in posture and breathing",
    "the ability to perform everyday tasks",
    "the turned-in great toes seen at birth",
    "regular reviews with an experienced clinician",
    "education and support programs for families",
    "the avoidance of biopsies and other procedures",
    "progressive loss of mobility across the joints",
    "a misdiagnosis such as cancer or another tumor",
    "new treatments studied in clinical trials",
)
TAILS = (
    "and this differs from person to person",
    "which is why early recognition matters",
    "although the pattern is hard to predict",
    "so preventing injury is especially important",
    "as the source explains in more detail",
    "even when other signs are mild",
)
BONE_SENTENCES = (
    "Extra bone can form in the muscles, tendons and ligaments, outside of the normal skeleton.",
    "The new bone is normal bone, it is just formed in the wrong place.",
    "Once formed, this extra bone does not go away and may lock the joints.",
    "Ribbons, sheets and plates of heterotopic bone can build up over many years.",
    "Bone Morphogenetic Proteins interact with the receptor and new bone is formed.",
    "A flare-up may be followed by the formation of additional bone near the injury.",
)
TERM_WORDS = (
    "ossification",
    "receptor",
    "kinase",
    "flare",
    "tissue",
    "tendon",
    "ligament",
    "mutation",
    "signal",
    "protein",
    "lesion",
    "marker",
    "joint",
    "muscle",
    "injury",
    "therapy",
)


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS_NP)} {rng.choice(VERBS)} {rng.choice(OBJECTS_NP)}"
    if rng.random() < 0.5:
        s += f", {rng.choice(TAILS)}"
    return s[0].upper() + s[1:] + "."


def statement_text(rng: random.Random, bone: bool) -> str:
    """200–400 characters of prose; contains "bone" exactly when asked to."""
    target = rng.randint(200, 400)
    parts: list[str] = [rng.choice(BONE_SENTENCES)] if bone else []
    while True:
        extra = _sentence(rng)
        candidate = " ".join([*parts, extra])
        if len(candidate) > 400:
            if len(" ".join(parts)) >= 200:
                break
            continue  # too long: try a shorter sentence
        parts.append(extra)
        if len(candidate) >= target:
            break
    if bone and rng.random() < 0.5:  # not always the first sentence
        parts.append(parts.pop(0))
    text = " ".join(parts)
    assert 200 <= len(text) <= 400, len(text)
    assert ("bone" in text.casefold()) == bone
    return text


@dataclass
class Stmt:
    id: str
    text: str
    cites: list[int]
    subjects: list[str]
    aim: bool = False


@dataclass
class Fact:
    id: str
    headline: str
    statements: list[Stmt] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    aliases: list[str]
    statements: list[Stmt] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Term:
    id: str
    term: str
    aliases: list[str]
    definition: str | None
    cites: list[int]


def build(n: int, seed: int) -> tuple[int, list[Section], list[Term]]:
    rng = random.Random(seed)
    n_sources = max(15, n // 100)
    others = [s for s in range(1, n_sources + 1) if s != 7]
    n_sections = max(1, -(-n // PER_SECTION))
    sections: list[Section] = []
    made = 0
    fact_no = 0
    for si in range(n_sections):
        slug, title = SECTION_THEMES[si % len(SECTION_THEMES)]
        number = si + 1
        aliases = [f"{slug}-part-{number}"] if si % 3 == 0 else []
        section = Section(f"{slug}-{number}", f"{title} (part {number})", aliases)
        count = min(PER_SECTION, n - made)
        stmts = []
        for i in range(count):
            cites = sorted(rng.sample(others, rng.choice((0, 1, 1, 2, 2, 3))))
            if rng.random() < SOURCE7_SHARE:
                cites = sorted([*cites, 7])
            tags = (
                sorted(rng.sample([s for s, _ in SUBJECTS], rng.choice((1, 1, 2))))
                if rng.random() < TAGGED_SHARE
                else []
            )
            stmts.append(
                Stmt(
                    id=f"{section.id}.{i + 1}",
                    text=statement_text(rng, rng.random() < BONE_SHARE),
                    cites=cites,
                    subjects=tags,
                    aim=i > 0 and rng.random() < 0.03,
                )
            )
        made += count
        if si % FACTS_EVERY == FACTS_EVERY - 1:
            for start in range(0, len(stmts), FACT_SIZE):
                fact_no += 1
                group = stmts[start : start + FACT_SIZE]
                for s in group:
                    s.aim = False
                headline = f"{rng.choice(SUBJECTS_NP)} {rng.choice(VERBS)} {rng.choice(OBJECTS_NP)}"
                headline = headline[0].upper() + headline[1:]
                section.facts.append(Fact(f"fact-{fact_no}", headline, group))
        else:
            section.statements = stmts
        sections.append(section)

    all_stmts = [s for sec in sections for s in (*sec.statements, *(x for f in sec.facts for x in f.statements))]
    assert len(all_stmts) == n

    terms: list[Term] = []
    for ti in range(max(5, n // 100)):
        a, b = TERM_WORDS[ti % len(TERM_WORDS)], TERM_WORDS[(ti * 7 + 3) % len(TERM_WORDS)]
        name = f"{a} {b} {ti + 1}"
        definition = (
            None
            if ti % 9 == 8
            else (
                f"In FOP, the {a} {b} is described as part of how "
                f"{rng.choice(SUBJECTS_NP)} {rng.choice(VERBS)} {rng.choice(OBJECTS_NP)}."
            )
        )
        cites = sorted(rng.sample(others, rng.choice((0, 1, 2)))) if definition else []
        terms.append(Term(f"term-{ti + 1}", name, [f"{a[:3]}{b[:3]}-{ti + 1}".upper()], definition, cites))

    # Every source cited at least once, source 7 at least once.
    cited = {c for s in all_stmts for c in s.cites} | {c for t in terms for c in t.cites}
    for number in range(1, n_sources + 1):
        if number not in cited:
            s = all_stmts[rng.randrange(len(all_stmts))]
            s.cites = sorted({*s.cites, number})
    return n_sources, sections, terms


def _q(s: str) -> str:
    """A double-quoted YAML scalar (our text has no backslashes or double quotes)."""
    assert '"' not in s and "\\" not in s
    return f'"{s}"'


def _block(key: str, text: str, indent: str) -> Iterator[str]:
    yield f"{indent}{key}: >-\n"
    for line in textwrap.wrap(text, WRAP - len(indent) - 2, break_long_words=False, break_on_hyphens=False):
        yield f"{indent}  {line}\n"


def _flow(items: list[int] | list[str]) -> str:
    return "[" + ", ".join(map(str, items)) + "]"


def _statement(s: Stmt, indent: str) -> Iterator[str]:
    yield f"{indent}- id: {s.id}\n"
    inner = indent + "  "
    if s.aim:
        yield f"{inner}aim: true\n"
    yield from _block("text", s.text, inner)
    yield from _block("quote", s.text, inner)
    yield f"{inner}cites: {_flow(s.cites)}\n"
    if s.subjects:
        yield f"{inner}subjects: {_flow(s.subjects)}\n"


def render(n: int, seed: int) -> Iterator[str]:
    n_sources, sections, terms = build(n, seed)
    yield f"# Synthetic fopinfo knowledge file: {n} statements, seed {seed}. Made by benchmarks/make_large.py.\n"
    yield "# Not real content: for scale benchmarks only.\n"
    yield "schema: 1\n\norigin:\n"
    yield "  title: What is FOP? (synthetic, large)\n  publisher: fopinfo benchmarks\n"
    yield f'  reference: SYNTHETIC-{n}\n  date: "2020-12"\n  audience: benchmark runs\n'
    yield "  disclaimer: >-\n    Synthetic text generated for benchmarks. It is not medical information.\n"
    yield "  left_out:\n    - Site furniture.\n"
    yield f"  related_pages:\n    - label: Learn more\n      section: {sections[0].id}\n\n"
    yield "sources:\n"
    for number in range(1, n_sources + 1):
        text = "null" if number % 4 else _q(f"Reference {number}: synthetic journal article, volume {number % 40 + 1}.")
        yield f"  - {{number: {number}, text: {text}}}\n"
    yield "\nsubjects:\n"
    for sid, title in SUBJECTS:
        yield f"  - id: {sid}\n    title: {title}\n"
    yield "\nsections:\n"
    for sec in sections:
        yield f"  - id: {sec.id}\n    title: {_q(sec.title)}\n    quote: {_q(sec.title)}\n"
        if sec.aliases:
            yield f"    aliases: {_flow(sec.aliases)}\n"
        if sec.statements:
            yield "    statements:\n"
            for s in sec.statements:
                yield from _statement(s, "      ")
        if sec.facts:
            yield "    facts:\n"
            for f in sec.facts:
                yield f"      - id: {f.id}\n        headline: {_q(f.headline)}\n        quote: {_q(f.headline)}\n"
                yield "        statements:\n"
                for s in f.statements:
                    yield from _statement(s, "          ")
        yield "\n"
    yield "glossary:\n"
    for t in terms:
        yield f"  - id: {t.id}\n    term: {t.term}\n    aliases: {_flow(t.aliases)}\n"
        if t.definition:
            yield from _block("definition", t.definition, "    ")
            yield from _block("quote", t.definition, "    ")
        else:
            yield "    definition: null\n    quote: null\n"
        yield f"    cites: {_flow(t.cites)}\n"


def write(n: int, seed: int, out: TextIO) -> None:
    buffer: list[str] = []
    for chunk in render(n, seed):
        buffer.append(chunk)
        if len(buffer) >= 4096:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a large, valid, synthetic fopinfo knowledge file.")
    parser.add_argument("n", type=int, metavar="N", help="number of statements (at least 1)")
    parser.add_argument("-o", "--output", metavar="PATH", help="file to write (default: stdout)")
    parser.add_argument("--seed", type=int, default=20201201, help="random seed (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            write(args.n, args.seed, f)
    else:
        write(args.n, args.seed, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Unfaithful edits of a copy of the bundled knowledge file: `check` must catch each one.

Every edit changes what users see (or what the proof rests on); each is caught with a
finding naming its path, and the check fails (exit 3). A sample runs through the real
console script; the rest through the library the command calls. Editorial elements
(subject tags and titles) are not findings: they are listed for review.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from fopinfo.checking import bundled_source, check
from fopinfo.loading import bundled_path
from fopinfo.model import Problem
from fopinfo.provenance.reviews import MARK

Data = dict[str, Any]
Edit = Callable[[Data], None]
SCRIPT = Path(sys.executable).with_name("fopinfo")


@cache
def _bundled() -> Data:
    data: Data = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    return data


def _at(d: Data, path: str) -> tuple[Any, str | int]:
    """The container holding ``path`` (e.g. ``sections[4].facts[0].headline``) and its key."""
    parts: list[str | int] = []
    for piece in path.replace("]", "").replace("[", ".").split("."):
        parts.append(int(piece) if piece.isdigit() else piece)
    node: Any = d
    for part in parts[:-1]:
        node = node[part]
    return node, parts[-1]


def sub(path: str, old: str, new: str) -> Edit:
    """Replace ``old`` (which must be there) by ``new`` in the string at ``path``."""

    def edit(d: Data) -> None:
        node, key = _at(d, path)
        assert old in node[key], f"{old!r} not in {path}"
        node[key] = node[key].replace(old, new, 1)

    return edit


def put(path: str, value: Any) -> Edit:
    def edit(d: Data) -> None:
        node, key = _at(d, path)
        node[key] = value

    return edit


def drop(path: str) -> Edit:
    def edit(d: Data) -> None:
        node, key = _at(d, path)
        del node[key]

    return edit


def unlinked(statement_id: str) -> Edit:
    """fopinfo's notes no longer bearing on a statement the edit removes (else that is what check reports)."""

    def edit(d: Data) -> None:
        notes = d["developments"]["notes"]
        d["developments"]["notes"] = [n for n in notes if statement_id not in n["bears_on"]]

    return edit


def both(*edits: Edit) -> Edit:
    def edit(d: Data) -> None:
        for e in edits:
            e(d)

    return edit


# The bundled file no longer defines "spontaneous mutation" (the source never says what it is);
# the definition it had, faithful to its quote, is put back so that edits of it stay proven.
SPONTANEOUS_DEFINITION = (
    "A person who is living with FOP would need to have either inherited a faulty copy of the ALK2/ACVR1 or "
    "‘FOP gene’ from a parent with the condition or had a spontaneous mutation occur in the gene while "
    "developing in the womb."
)
SPONTANEOUS_QUOTE = SPONTANEOUS_DEFINITION + " Most cases of FOP occur in people with no family history of the disease."


def defined_spontaneous(edit: Edit) -> Edit:
    """``edit`` applied to the spontaneous-mutation entry with its former definition and quote."""
    return both(
        put("glossary[5].definition", SPONTANEOUS_DEFINITION),
        put("glossary[5].quote", SPONTANEOUS_QUOTE),
        put("glossary[5].cites", [7]),
        edit,
    )


def move(src: str, dst: str) -> Edit:
    """Take the statement at ``src`` out and insert it at ``dst`` (a list position)."""

    def edit(d: Data) -> None:
        node, key = _at(d, src)
        item = node.pop(key)
        target, index = _at(d, dst)
        target.insert(index, item)

    return edit


def copy_to(src: str, dst: str) -> Edit:
    def edit(d: Data) -> None:
        node, key = _at(d, src)
        item = copy.deepcopy(node[key])
        item["id"] += "-copy"
        target, index = _at(d, dst)
        target.insert(index, item)

    return edit


def leave_out(line: str, reason: str) -> Edit:
    def edit(d: Data) -> None:
        d["origin"]["left_out"].append({"line": line, "reason": reason})

    return edit


def swap_facts(a: int, b: int) -> Edit:
    def edit(d: Data) -> None:
        facts = d["sections"][4]["facts"]
        facts[a], facts[b] = facts[b], facts[a]

    return edit


W, C, M, D, F = "sections[0]", "sections[1]", "sections[2]", "sections[3]", "sections[4]"
WARNING_SIGN = (
    "There is one clear warning sign of FOP, however, and that is being born with turned-in great toes "
    "that may look like bunions (hallux valgus) but they are not."
)
MAJORITY = (
    "And while FOP can be inherited, the majority of patients with FOP experienced a spontaneous genetic mutation."
)
AIM_TAIL = (
    "of activities or procedures that might cause injury or harm and thus extra bone to form during or after a flare-up"
)
SCIENCE = (
    "Since the FOP gene was discovered, doctors and researchers have been working hard to better understand this "
    "condition and how it affects patients."
)
CAUSES_2 = (
    "In people without FOP, this gene produces a normal protein. This protein interacts with specific "
    "bone-forming proteins called Bone Morphogenetic Proteins (BMPs). And through this interaction, normal bone "
    "is formed."
)

# id: (edit, the path a finding must name)
MUTATIONS: dict[str, tuple[Edit, str]] = {
    # ---- statement wording: negations
    "negation-removed": (sub(f"{W}.statements[3].text", "does not go away", "goes away"), f"{W}.statements[3].text"),
    "negation-dropped-clause": (sub(f"{C}.statements[5].text", " but they are not", ""), f"{C}.statements[5].text"),
    "no-cure-to-a-cure": (sub(f"{M}.statements[0].text", "no cure", "a cure"), f"{M}.statements[0].text"),
    "negation-added": (sub(f"{W}.statements[2].text", "should not be", "should be"), f"{W}.statements[2].text"),
    "negation-inserted": (
        sub(f"{F}.facts[7].statements[0].text", "have been", "have not been"),
        f"{F}.facts[7].statements[0].text",
    ),
    "irreversible-negated": (
        sub(f"{F}.facts[6].statements[0].text", "does not go away", "can go away"),
        f"{F}.facts[6].statements[0].text",
    ),
    # ---- hedges hardened or dropped
    "may-to-will": (
        sub(f"{F}.facts[1].statements[0].text", "may start", "will start"),
        f"{F}.facts[1].statements[0].text",
    ),
    "most-to-all": (sub(f"{C}.statements[3].text", "Most cases", "All cases"), f"{C}.statements[3].text"),
    "around-dropped": (sub(f"{F}.facts[0].statements[0].text", "around ", ""), f"{F}.facts[0].statements[0].text"),
    "potentially-dropped": (sub(f"{W}.statements[3].text", "potentially ", ""), f"{W}.statements[3].text"),
    "can-to-is": (sub(f"{W}.statements[4].text", "can be triggered", "is triggered"), f"{W}.statements[4].text"),
    "often-dropped": (sub(f"{C}.statements[4].text", "will often not", "will not"), f"{C}.statements[4].text"),
    "can-confirm-to-always": (
        sub(f"{F}.facts[4].statements[0].text", "can confirm", "always confirms"),
        f"{F}.facts[4].statements[0].text",
    ),
    "majority-to-all": (
        sub(f"{F}.facts[5].statements[1].text", "the majority of", "all"),
        f"{F}.facts[5].statements[1].text",
    ),
    # ---- quantities
    "one-or-two-to-one-to-two": (
        sub(f"{F}.facts[0].statements[0].text", "one or two", "one to two"),
        f"{F}.facts[0].statements[0].text",
    ),
    "over-half-to-under-half": (
        sub(f"{F}.facts[3].statements[0].text", "over half", "under half"),
        f"{F}.facts[3].statements[0].text",
    ),
    "many-to-a-few": (
        sub(f"{F}.facts[8].statements[0].text", "many different", "a few different"),
        f"{F}.facts[8].statements[0].text",
    ),
    "year-2019-to-2021": (sub(f"{F}.facts[9].statements[0].text", "2019", "2021"), f"{F}.facts[9].statements[0].text"),
    "third-to-half": (sub(f"{F}.facts[9].statements[0].text", "a third", "half"), f"{F}.facts[9].statements[0].text"),
    "year-2006-to-2016": (sub(f"{D}.statements[0].text", "2006", "2016"), f"{D}.statements[0].text"),
    # ---- entities swapped
    "biopsy-to-blood-test": (sub(f"{W}.statements[4].text", "biopsy", "blood test"), f"{W}.statements[4].text"),
    "intramuscular-to-intravenous": (
        sub(f"{W}.statements[4].text", "intramuscular", "intravenous"),
        f"{W}.statements[4].text",
    ),
    "girls-and-boys-to-boys": (
        sub(f"{F}.facts[5].statements[0].text", "girls as well as boys", "boys"),
        f"{F}.facts[5].statements[0].text",
    ),
    "childhood-to-adulthood": (
        sub(f"{C}.statements[4].text", "much later in childhood", "in adulthood"),
        f"{C}.statements[4].text",
    ),
    "birth-to-adolescence": (
        sub(f"{F}.facts[2].statements[0].text", "from birth", "from adolescence"),
        f"{F}.facts[2].statements[0].text",
    ),
    "normal-to-abnormal-bone": (
        sub(f"{C}.statements[1].text", "normal bone is formed", "abnormal bone is formed"),
        f"{C}.statements[1].text",
    ),
    "gene-name-added": (sub(f"{W}.statements[1].text", "or HO", "or HO (ACVR1)"), f"{W}.statements[1].text"),
    # ---- clauses invented, words deleted
    "clause-invented": (
        sub(f"{W}.statements[5].text", "condition.", "condition. Testing is always advised."),
        f"{W}.statements[5].text",
    ),
    "clause-from-quote-words": (
        sub(f"{C}.statements[2].text", "extra bone.", "extra bone in the womb."),
        f"{C}.statements[2].text",
    ),
    "second-sentence-deleted": (
        sub(
            f"{F}.facts[6].statements[1].text",
            " Recognizing and avoiding certain activities to help prevent FOP flare-ups is important to try to"
            " limit the formation of additional bone.",
            "",
        ),
        f"{F}.facts[6].statements[1].text",
    ),
    "tail-deleted": (
        sub(f"{F}.facts[3].statements[0].text", ", bunions or other rare diseases", ""),
        f"{F}.facts[3].statements[0].text",
    ),
    "parentheses-dropped": (
        sub(f"{W}.statements[3].text", "(such as locked arms or a locked back)", ""),
        f"{W}.statements[3].text",
    ),
    # ---- the lead's list
    "item-word-dropped": (
        sub(f"{M}.statements[0].items[0]", "careful avoidance", "avoidance"),
        f"{M}.statements[0].items[0]",
    ),
    "item-reworded": (
        sub(f"{M}.statements[0].items[2]", "optimizing existing", "restoring lost"),
        f"{M}.statements[0].items[2]",
    ),
    "item-dropped": (drop(f"{M}.statements[0].items[1]"), f"{M}.statements[0].items[1]"),
    "lead-marker-dropped": (put(f"{M}.statements[0].cites", []), f"{M}.statements[0].cites"),
    # ---- markers
    "marker-moved": (put(f"{W}.statements[3].cites", [1]), f"{W}.statements[3].cites"),
    "marker-on-uncited": (put(f"{C}.statements[0].cites", [7]), f"{C}.statements[0].cites"),
    "glossary-marker": (put("glossary[4].cites", []), "glossary[4].cites"),
    # ---- glossary definitions
    "def-outside-to-inside": (
        sub("glossary[0].definition", "outside of the skeleton", "inside of the skeleton"),
        "glossary[0].definition",
    ),
    "def-ho-inside": (sub("glossary[1].definition", "outside", "inside"), "glossary[1].definition"),
    "def-at-birth-to-later": (
        sub("glossary[4].definition", "at birth", "later in childhood"),
        "glossary[4].definition",
    ),
    "def-faulty-to-normal": (sub("glossary[2].definition", "faulty copy", "normal copy"), "glossary[2].definition"),
    "def-without-to-with": (sub("glossary[3].definition", "without FOP", "with FOP"), "glossary[3].definition"),
    "def-had-to-never-had": (
        defined_spontaneous(sub("glossary[5].definition", "or had a", "or never had a")),
        "glossary[5].definition",
    ),
    "def-either-to-both": (
        defined_spontaneous(sub("glossary[5].definition", "either inherited", "both inherited")),
        "glossary[5].definition",
    ),
    "def-negation-dropped": (sub("glossary[0].definition", "should not", "should"), "glossary[0].definition"),
    "def-hedge-added": (sub("glossary[0].definition", "that causes", "that rarely causes"), "glossary[0].definition"),
    "def-one-copy-to-two": (
        defined_spontaneous(sub("glossary[5].definition", "a faulty copy", "two faulty")),
        "glossary[5].definition",
    ),
    "def-allowance-removed": (drop("glossary[3].allowances"), "glossary[3].definition"),
    # ---- headlines, titles and own titles
    "headline-hardened": (sub(f"{F}.facts[3].headline", "may be", "is always"), f"{F}.facts[3].headline"),
    "headline-negation-dropped": (sub(f"{F}.facts[6].headline", "can’t", "can"), f"{F}.facts[6].headline"),
    "headline-and-quote": (
        both(sub(f"{F}.facts[0].headline", "ultra-rare", "common"), sub(f"{F}.facts[0].quote", "ultra-rare", "common")),
        f"{F}.facts[0].quote",
    ),
    "title-managed-to-cured": (sub(f"{M}.title", "managed", "cured"), f"{M}.title"),
    "own-title-year": (sub(f"{D}.title", "gene", "gene in 2007"), f"{D}.title"),
    "own-title-negation": (sub(f"{D}.title", "Discovery", "No discovery"), f"{D}.title"),
    "own-title-undeclared": (drop(f"{D}.editorial"), f"{D}.quote"),
    "own-title-entity": (sub(f"{D}.title", "gene", "cure"), f"{D}.title"),
    # ---- glossary names, explained terms, the reference list
    "term-renamed": (put("glossary[7].term", "hallux rigidus"), "glossary[7].term"),
    "alias-invented": (put("glossary[1].aliases", ["HO", "myositis ossificans"]), "glossary[1].aliases[1]"),
    "definition-nulled": (put("glossary[4].definition", None), "glossary[4].definition"),
    "reference-invented": (put("sources[0].text", "Kaplan FS, et al. 2008."), "sources[0].text"),
    "title-quote-nulled": (put(f"{W}.quote", None), f"{W}.quote"),
    # ---- origin
    "date-changed": (put("origin.date", "2021-12"), "origin.date"),
    "date-month-changed": (put("origin.date", "2020-11"), "origin.date"),
    "reference-changed": (put("origin.reference", "NON-US-001997"), "origin.reference"),
    "reference-truncated": (put("origin.reference", "US-001996"), "origin.reference"),
    "publisher-changed": (put("origin.publisher", "Kanga Health"), "origin.publisher"),
    "audience-changed": (put("origin.audience", "UK residents"), "origin.audience"),
    "disclaimer-negation-dropped": (sub("origin.disclaimer", "not intended", "intended"), "origin.disclaimer"),
    "disclaimer-hedged": (sub("origin.disclaimer", "always consult", "sometimes consult"), "origin.disclaimer"),
    "title-changed": (put("origin.title", "What is FOP and how is it cured?"), "origin.title"),
    "related-label": (sub("origin.related_pages[0].label", "flare-ups", "treatments"), "origin.related_pages[0].label"),
    "related-section": (put("origin.related_pages[0].section", "facts"), "origin.related_pages[0].section"),
    "source-hash": (put("origin.source_sha256", "0" * 64), "origin.source_sha256"),
    "source-hash-missing": (drop("origin.source_sha256"), "origin.source_sha256"),
    "audience-quote": (sub("origin.quotes.audience", "U.S.", "UK"), "origin.quotes.audience"),
    # ---- structure
    "dropped-glossary-quoted": (drop(f"{W}.statements[1]"), "coverage"),
    "dropped-statement": (both(drop(f"{F}.facts[7].statements[0]"), unlinked("science.1")), "coverage"),
    "cut-short": (
        both(
            sub(f"{F}.facts[6].statements[0].text", "does not go away.", "does not go"),
            sub(f"{F}.facts[6].statements[0].quote", "does not go away.", "does not go"),
        ),
        f"{F}.facts[6].statements[0].quote",
    ),
    "cut-at-sentence": (
        both(
            sub(
                f"{C}.statements[4].text",
                " However, the diagnosis will often not be made until much later in "
                "childhood when a flare-up arouses suspicion.",
                "",
            ),
            sub(
                f"{C}.statements[4].quote",
                " However, the diagnosis will often not be made until much later in "
                "childhood when a flare-up arouses suspicion.",
                "",
            ),
        ),
        f"{C}.statements[4].quote",
    ),
    "duplicated-elsewhere": (copy_to(f"{W}.statements[1]", f"{C}.statements[6]"), f"{C}.statements[6].quote"),
    "duplicated-in-fact": (
        copy_to(f"{F}.facts[0].statements[0]", f"{F}.facts[9].statements[1]"),
        f"{F}.facts[9].statements[1].quote",
    ),
    "moved-to-next-fact": (
        move(f"{F}.facts[0].statements[1]", f"{F}.facts[1].statements[0]"),
        f"{F}.facts[1].statements[0].quote",
    ),
    "moved-to-previous-fact": (
        move(f"{F}.facts[5].statements[0]", f"{F}.facts[4].statements[1]"),
        f"{F}.facts[4].statements[1].quote",
    ),
    "moved-across-sections": (move(f"{W}.statements[5]", f"{C}.statements[0]"), f"{C}.statements[0].quote"),
    "statements-swapped": (move(f"{W}.statements[0]", f"{W}.statements[1]"), f"{W}.statements[1].quote"),
    "facts-swapped": (swap_facts(0, 1), f"{F}.facts[1].quote"),
    "statements-null": (
        both(put(f"{F}.facts[7].statements", None), unlinked("science.1")),
        f"{F}.facts[7].statements",
    ),
    "quote-and-text-reworded": (
        both(sub(f"{W}.statements[2].text", "ribbons", "strips"), sub(f"{W}.statements[2].quote", "ribbons", "strips")),
        f"{W}.statements[2].quote",
    ),
    "list-as-separate-aims": (
        both(put(f"{M}.statements[0].items", []), copy_to(f"{M}.statements[0]", f"{M}.statements[1]")),
        "coverage",
    ),
    "content-left-out": (
        both(
            drop(f"{F}.facts[7].statements[0]"),
            unlinked("science.1"),
            leave_out(
                "Since the FOP gene was discovered, doctors and researchers have been working hard to better "
                "understand this condition and how it affects patients.",
                "credits",
            ),
        ),
        "origin.left_out[13]",
    ),
    "furniture-line-removed": (drop("origin.left_out[11]"), "coverage"),
    # ---- issue 20: definitions are the quotes' word runs, in the source's order
    "def-negation-moved": (
        sub("glossary[0].definition", "where it should not – outside", "where it should – not outside"),
        "glossary[0].definition",
    ),
    "def-hedge-moved": (
        defined_spontaneous(
            sub(
                "glossary[5].definition",
                "would need to have either inherited",
                "need to have either would inherited",
            )
        ),
        "glossary[5].definition",
    ),
    "def-nouns-swapped": (
        sub("glossary[1].definition", "bone forming outside of the skeleton", "skeleton forming outside of the bone"),
        "glossary[1].definition",
    ),
    "def-spontaneous-as-inherited": (
        defined_spontaneous(put("glossary[5].definition", "A mutation inherited from a parent with the condition.")),
        "glossary[5].definition",
    ),
    "def-sentence-order-swapped": (
        put(
            "glossary[2].definition",
            "The gene responsible is Activin-Like Kinase 2 or ACtiVin Receptor type-1. FOP is caused by having a "
            "faulty copy of a gene.",
        ),
        "glossary[2].definition",
    ),
    "def-tail-negation-cut": (
        sub("glossary[0].definition", " where it should not", ""),
        "glossary[0].definition",
    ),
    "def-quote-cut-to-match": (
        both(put("glossary[4].definition", "Present."), put("glossary[4].quote", "it is present at birth.")),
        "glossary[4].term",
    ),
    "def-allowance-on-spans": (
        put("glossary[1].allowances", [{"words": ["bone"], "reason": "x"}]),
        "glossary[1].allowances",
    ),
    "disclaimer-not-moved": (
        sub("origin.disclaimer", "is not intended to replace", "is intended not to replace"),
        "origin.disclaimer",
    ),
    # ---- term names: a term and its aliases are printed in its own quotes
    "term-renamed-genetic": (put("glossary[4].term", "genetic"), "glossary[4].term"),
    "alias-ipsen-on-ifopa": (put("glossary[6].aliases", ["IFOPA member", "Ipsen"]), "glossary[6].aliases[1]"),
    "editorial-alias-undeclared": (
        both(drop("glossary[2].editorial_aliases"), put("glossary[2].aliases", ["ALK2", "FOP gene"])),
        "glossary[2].aliases[1]",
    ),
    "unexplained-term-alias": (put("glossary[9].aliases", ["flare-ups", "relapse"]), "glossary[9].aliases[1]"),
    # ---- left-out lines are furniture only, each with a reason from a closed list
    "left-out-warning-sign": (
        both(drop(f"{C}.statements[5]"), leave_out(WARNING_SIGN, "call to action")),
        "origin.left_out[13].reason",
    ),
    "left-out-majority-spontaneous": (
        both(drop(f"{F}.facts[5].statements[1]"), leave_out(MAJORITY, "credits")),
        "origin.left_out[13].reason",
    ),
    "left-out-first-aim": (
        both(drop(f"{M}.statements[0].items[0]"), leave_out("careful avoidance " + AIM_TAIL, "navigation link")),
        f"{M}.statements[0].items[0]",
    ),
    "left-out-whole-fact": (
        both(
            drop(f"{F}.facts[7]"),
            unlinked("science.1"),
            leave_out("Doctors and researchers are advancing the science", "navigation link"),
            leave_out(SCIENCE, "credits"),
        ),
        "origin.left_out[14]",
    ),
    "headline-replaced-by-flare-up": (
        both(
            put(f"{F}.facts[6].headline", "flare up"),
            put(f"{F}.facts[6].quote", "flare up"),
            drop("origin.left_out[6]"),
            leave_out("FOP can’t be reversed", "image caption"),
        ),
        f"{F}.facts[6].quote",
    ),
    "left-out-reason-unknown": (put("origin.left_out[0].reason", "advertisement"), "origin.left_out[0].reason"),
    "left-out-reason-missing": (put("origin.left_out[0]", "what is fop"), "origin.left_out[0]"),
    "left-out-heading": (
        both(leave_out("What Causes FOP?", "navigation link"), drop(f"{C}.quote")),
        "origin.left_out[13].reason",
    ),
    # ---- origin fields come from the page's title and attribution lines
    "title-fop-facts": (
        both(put("origin.title", "FOP Facts"), put("origin.quotes.title", "FOP Facts")),
        "origin.quotes.title",
    ),
    "publisher-kanga": (
        both(
            put("origin.publisher", "Kanga Health Ltd"),
            put("origin.quotes.publisher", "Website design and development by Kanga Health Ltd."),
        ),
        "origin.quotes.publisher",
    ),
    "reference-from-other-line": (
        both(put("origin.reference", "ALK2"), put("origin.quotes.reference", "Activin-Like Kinase 2")),
        "origin.quotes.reference",
    ),
    # ---- every printed marker is a source; a source's text is the page's reference list's
    "source-6-deleted-20066": (
        both(
            drop("sources[5]"),
            sub(f"{D}.statements[0].text", "in 2006", "in 20066"),
            sub(f"{D}.statements[0].quote", "in 2006", "in 20066"),
            put(f"{D}.statements[0].cites", []),
        ),
        "sources",
    ),
    "cite-15-named-ifopa": (put("sources[14].text", "IFOPA"), "sources[14].text"),
    # ---- list items are the bullet lines under their lead
    "item-from-following-paragraph": (
        both(put(f"{C}.statements[0].items", [CAUSES_2]), drop(f"{C}.statements[1]")),
        f"{C}.statements[0].items[0]",
    ),
    "items-reordered": (
        lambda d: d["sections"][2]["statements"][0]["items"].reverse(),
        f"{M}.statements[0].items[0]",
    ),
    # ---- a note carries no marker and no sentence of the source
    "note-says-the-source-9": (
        sub(
            "developments.notes[0].text",
            "Only an FOP specialist",
            "The source says management is primarily focused on three aims. [9] Only an FOP specialist",
        ),
        "developments.notes[0].text",
    ),
    "note-quotes-a-sentence": (
        sub(
            "developments.notes[3].text",
            "Only an FOP specialist",
            "Only around one or two people per million have the condition. Only an FOP specialist",
        ),
        "developments.notes[3].text",
    ),
}


RECORDS = bundled_path().with_name("facts.reviews.yaml")


def _write(tmp_path: Path, edit: Edit, records: Callable[[Data], None] | None = None) -> Path:
    """The edited file, with the bundled review records beside it (edited by ``records``)."""
    data = copy.deepcopy(_bundled())
    edit(data)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kept: Data = yaml.safe_load(RECORDS.read_text(encoding="utf-8"))
    if records is not None:
        records(kept)
    tmp_path.joinpath("edited.reviews.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    return path


def _findings(tmp_path: Path, edit: Edit, records: Callable[[Data], None] | None = None) -> list[Problem]:
    result = check(_write(tmp_path, edit, records), bundled_source())
    assert not result.ok  # the command turns this into exit 3
    return [*result.problems, *(result.report.findings if result.report else ())]


def test_there_are_enough_mutations() -> None:
    assert len(MUTATIONS) >= 60


def test_the_bundled_file_has_no_findings() -> None:
    result = check(bundled_path(), bundled_source())
    assert result.problems == []
    assert result.report is not None
    assert result.report.findings == ()
    assert result.ok


def test_the_former_spontaneous_definition_alone_is_faithful(tmp_path: Path) -> None:
    """The control for the edits made on it: put back unedited, only its review record is stale."""
    result = check(_write(tmp_path, defined_spontaneous(lambda d: None)), bundled_source())
    findings = [*result.problems, *(result.report.findings if result.report else ())]
    assert findings and all(MARK in f.message for f in findings), findings


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_is_caught_by_path(tmp_path: Path, name: str) -> None:
    """Caught by a machine rule: a finding other than a review record's names the path."""
    edit, path = MUTATIONS[name]
    findings = _findings(tmp_path, edit)
    assert path in [f.path for f in findings if MARK not in f.message], findings


SAMPLE = [
    "no-cure-to-a-cure",
    "def-at-birth-to-later",
    "own-title-year",
    "date-changed",
    "statements-null",
    "moved-to-next-fact",
    "item-reworded",
    "headline-hardened",
]


@pytest.mark.parametrize("name", SAMPLE)
def test_the_console_script_exits_3_naming_the_path(tmp_path: Path, name: str) -> None:
    edit, path = MUTATIONS[name]
    done = subprocess.run(
        [str(SCRIPT), "check", str(_write(tmp_path, edit)), "--against-source"], capture_output=True, text=True
    )
    assert done.returncode == 3, done
    assert any(f"{path}: " in line for line in done.stdout.splitlines()), done.stdout
    assert done.stderr.startswith("Error: ")


# ---------------------------------------------------------------- editorial: bound to review records

BMPS_TEXT = "specific bone-forming proteins"
FLARE_UP_QUOTE = "Bone that forms following a FOP flare-up is the same bone that the body makes normally."


def _drop_record(key: str) -> Callable[[Data], None]:
    def edit(records: Data) -> None:
        records["records"] = [r for r in records["records"] if r["key"] != key]

    return edit


def _orphan(records: Data) -> None:
    extra = copy.deepcopy(records["records"][0])
    extra["key"] = "term/no-such-term"
    records["records"].append(extra)


def _unchanged(d: Data) -> None:
    pass


# id: (edit of the file, edit of the records or None, the path a review-record finding must name)
REVIEW_MUTATIONS: dict[str, tuple[Edit, Callable[[Data], None] | None, str]] = {
    "subjects-back-to-symptoms": (put(f"{M}.statements[0].subjects", ["symptoms"]), None, f"{M}.statements[0]"),
    "subject-dropped": (put(f"{F}.facts[5].statements[0].subjects", []), None, f"{F}.facts[5].statements[0]"),
    "subject-title": (put("subjects[0].title", "How rare FOP is"), None, "subjects[0]"),
    "own-title-reworded": (put(f"{D}.title", "Discovery of the gene"), None, f"{D}"),
    "section-alias-added": (lambda d: d["sections"][0]["aliases"].append("basics"), None, f"{W}"),
    "left-out-reason-changed": (put("origin.left_out[0].reason", "navigation link"), None, "origin.left_out[0]"),
    "card-order": (lambda d: d["handover"]["card"]["statements"].reverse(), None, "handover.card"),
    "sheet-heading": (put("handover.sheets.school.groups[3].heading", "Help"), None, "handover.sheets.school"),
    "note-reworded": (sub("developments.notes[1].text", "approved", "fully approved"), None, "developments.notes[1]"),
    "paraphrase-changed": (sub("glossary[3].definition", BMPS_TEXT, "bone-forming proteins"), None, "glossary[3]"),
    "flare-up-defined-from-another-statement": (
        both(
            put("glossary[8].definition", "Bone that forms following a FOP flare-up."),
            put("glossary[8].quote", FLARE_UP_QUOTE),
            put("glossary[8].cites", [1, 4]),
        ),
        None,
        "glossary[8]",
    ),
    "editorial-alias-added": (put("glossary[4].editorial_aliases", ["inborn"]), None, "glossary[4]"),
    "edit-sentences-joined": (
        sub(f"{C}.statements[1].text", "(BMPs). And through", "(BMPs), and through"),
        None,
        f"{C}.statements[1].text",
    ),
    "edit-final-period": (sub(f"{D}.statements[0].text", "in 2006", "in 2006."), None, f"{D}.statements[0].text"),
    "edit-case": (sub(f"{W}.statements[1].text", "Heterotopic", "heterotopic"), None, f"{W}.statements[1].text"),
    "record-deleted": (_unchanged, _drop_record("term/fop"), "glossary[0]"),
    "record-orphaned": (_unchanged, _orphan, "reviews"),
    "schema-1": (
        both(
            put("schema", 1),
            lambda d: d["origin"].update(left_out=[e["line"] for e in d["origin"]["left_out"]]),
            lambda d: d.pop("people_words"),  # a schema-2 part: a schema-1 file has none
        ),
        None,
        "schema",
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEW_MUTATIONS))
def test_each_editorial_change_fails_until_reviewed(tmp_path: Path, name: str) -> None:
    edit, records, path = REVIEW_MUTATIONS[name]
    findings = _findings(tmp_path, edit, records)
    assert path in [f.path for f in findings if MARK in f.message], findings


def _reformatted(d: Data) -> None:
    """Key order reversed in every mapping (a faithful change: the parsed content is the same)."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: walk(node[k]) for k in reversed(list(node))}
        if isinstance(node, list):
            return [walk(x) for x in node]
        return node

    new = walk(d)
    d.clear()
    d.update(new)


def test_faithful_controls_pass(tmp_path: Path) -> None:
    """Reformatting, key order and a reviewed editorial change with its new record all pass."""
    from fopinfo import reviewing
    from fopinfo.loading import load

    assert check(_write(tmp_path, _reformatted), bundled_source()).ok
    path = _write(tmp_path, lambda d: None)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=True, width=40), encoding="utf-8")
    assert check(path, bundled_source()).ok  # flow style, other line breaks: same parsed content
    path = _write(tmp_path, put(f"{M}.statements[0].subjects", ["managing", "triggers"]))
    assert not check(path, bundled_source()).ok
    said: list[str] = []
    left = reviewing.run(
        path, load(path), accept_keys=["subjects/management.1"], reviewer="A. Reviewer", interactive=False,
        say=said.append, ask=lambda _: pytest.fail("--accept asks nothing"),
    )  # fmt: skip
    assert left == 0
    assert check(path, bundled_source()).ok
    assert any('+    "triggers"' in line for line in said[0].splitlines()), said[0]


def test_editing_copy_data_and_hash_together_fails_against_the_bundled_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled copy's SHA-256 is pinned in the code: a copy edited in step with the file still fails."""
    import hashlib

    from fopinfo import checking

    copy_ = tmp_path / "what-is-fop.txt"
    copy_.write_text(
        bundled_source().read_text(encoding="utf-8").replace("one or two people", "one or three people"),
        encoding="utf-8",
    )
    edit = both(
        sub(f"{F}.facts[0].statements[0].text", "one or two", "one or three"),
        sub(f"{F}.facts[0].statements[0].quote", "one or two", "one or three"),
        put("origin.source_sha256", hashlib.sha256(copy_.read_bytes()).hexdigest()),
    )
    path = _write(tmp_path, edit)
    assert check(path, copy_).ok  # against that copy alone, the edit is consistent
    monkeypatch.setattr(checking, "bundled_source", lambda: copy_)
    result = check(path, copy_)  # what --against-source does when the bundled copy is this one
    assert not result.ok
    assert result.report is not None
    assert [f.path for f in result.report.findings] == ["origin.source_sha256"]
    assert "fopinfo pins" in result.report.findings[0].message

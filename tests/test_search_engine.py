"""fopinfo.search, the engine of issue 17 (phase 1), on the bundled knowledge file and small hand-made ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fopinfo.folding import fold_for_search
from fopinfo.loading import load
from fopinfo.model import Knowledge
from fopinfo.search import (
    NEGATIONS,
    STOP_WORDS,
    Index,
    Outcome,
    PeopleWord,
    PeopleWords,
    bad_targets,
    highlights,
    index_knowledge,
    search,
)
from fopinfo.search.suggestions import plausible_typo, suggest, vocabulary
from fopinfo.search.words import fold, prefix_key, stem, tokens

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


@pytest.fixture(scope="module")
def index(k: Knowledge) -> Index:
    return index_knowledge(k)


@pytest.fixture(scope="module")
def table(k: Knowledge) -> PeopleWords:
    return k.people_words


def ids(outcome: Outcome) -> list[str]:
    return [r.id for r in outcome.results]


def first(index: Index, *words: str, table: PeopleWords = ()) -> Any:
    outcome = search(index, list(words), table)
    assert outcome.results, f"nothing found for {words}"
    return outcome.results[0]


# ---------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("FOP can’t be reversed", "fop can't be reversed"),  # typographic apostrophe
        ("FOP can‘t", "fop can't"),
        ("bone – outside", "bone - outside"),  # en dash
        ("bone — outside", "bone - outside"),  # em dash
        ("Ossificáns", "ossificans"),  # precomposed accent
        ("Ossifica\u0301ns", "ossificans"),  # combining accent
        ("genetic  \t test\u00a0now", "genetic test now"),  # space runs, tab, no-break space
        ("“quoted”", '"quoted"'),
    ],
)
def test_folding(typed: str, folded: str) -> None:
    assert fold_for_search(typed) == folded


def test_a_typed_apostrophe_finds_the_typographic_one(index: Index) -> None:
    assert first(index, "can't", "be", "reversed").id == "irreversible"
    assert first(index, "can’t", "be", "reversed").id == "irreversible"


def test_space_runs_and_case_do_not_matter(index: Index) -> None:
    assert ids(search(index, ["genetic  test"]))[:2] == ["genetic-test", "genetic-test.1"]
    assert ids(search(index, ["GENETIC", "Test"]))[:2] == ["genetic-test", "genetic-test.1"]


def test_accents_typed_are_folded(index: Index) -> None:
    assert first(index, "ossificáns", "progressiva").id == "fop"


# ---------------------------------------------------------------- words and word forms


def test_word_forms_match(index: Index) -> None:
    assert first(index, "injections").id == "what.5"
    assert "causes.4" in ids(search(index, ["inherit"]))
    assert "irreversible" in ids(search(index, ["reversing"]))


def test_words_not_substrings(index: Index) -> None:
    # "bone" is inside no other word the source uses as a word of its own: "bones" would be its form,
    # but "one" must not match "bone" nor "someone".
    assert "what.2" not in ids(search(index, ["one"]))


def test_porter2_keeps_diagnosed_and_diagnosis_apart(index: Index, table: PeopleWords) -> None:
    """The people's-words table joins them: without it "diagnosed" does not reach "diagnosis"."""
    assert stem("diagnosed") != stem("diagnosis")
    assert "genetic-test.1" not in ids(search(index, ["diagnosed"]))
    assert "genetic-test.1" in ids(search(index, ["diagnosed"], table))


def test_prefix_keys_start_every_word_with_that_stem() -> None:
    words = set(tokens(fold_for_search((ROOT / "data" / "facts.yaml").read_text(encoding="utf-8"))))
    words |= {"dying", "lying", "skies", "happiness", "possibility", "any", "why"}
    assert [w for w in words if not w.startswith(prefix_key(stem(w)))] == []


# ---------------------------------------------------------------- phrases, several words


def test_several_unquoted_words_in_any_order(index: Index) -> None:
    assert first(index, "bone", "injection").id == "what.5"
    assert first(index, "injection", "bone").id == "what.5"
    assert first(index, "bone injection").id == "what.5"  # one argument, quoted in the shell


def test_a_quoted_phrase_matches_only_as_a_phrase(index: Index) -> None:
    assert ids(search(index, ['"genetic test"'])) == ["genetic-test", "genetic-test.1"]
    # The words are in the file, but never side by side in this order.
    assert search(index, ['"test genetic"']).total == 0
    assert search(index, ["test", "genetic"]).total > 0


def test_all_words_rank_above_partial_matches(index: Index) -> None:
    outcome = search(index, ["genetic", "test"])
    both = [r for r in outcome.results if not r.missing]
    assert list(outcome.results[: len(both)]) == both
    assert {r.id for r in both} == {"genetic-test", "genetic-test.1"}


def test_a_name_or_headline_ranks_above_body_text(index: Index) -> None:
    assert ids(search(index, ["bunions"]))[0] == "bunions"  # a term's name, above the statements using it
    assert ids(search(index, ["reversed"]))[0] == "irreversible"  # a fact's headline, above its statements


def test_ties_keep_source_order(index: Index) -> None:
    outcome = search(index, ["palovarotene"])
    assert outcome.total == 5  # the five notes that name it: ranked, then in the file's order
    scores = [r.score for r in outcome.results]
    assert scores == sorted(scores, reverse=True)


# ---------------------------------------------------------------- stop words and negations


def test_stop_words_need_not_match(index: Index) -> None:
    outcome = search(index, ["is", "there", "a", "cure"])
    assert ids(outcome) == ["management.1"]
    assert outcome.ignored == ("is", "there", "a")
    assert outcome.results[0].missing == ()


def test_only_stop_words_match_nothing(index: Index) -> None:
    outcome = search(index, ["is", "there", "what", "how", "can", "my"])
    assert outcome.total == 0 and outcome.words == ()


def test_the_stop_list_never_holds_a_negation() -> None:
    assert not STOP_WORDS & NEGATIONS
    for word in ("not", "no", "can't", "never", "cannot", "don't"):
        assert word not in STOP_WORDS
    assert {"is", "there", "how", "can", "my", "what"} <= STOP_WORDS


@pytest.mark.parametrize(
    ("typed", "token"),
    [("can't", "can't"), ("can’t", "can't"), ("cannot", "can't"), ("don't", "don't"), ("dont", "don't")],
)
def test_negations_stay_one_token(typed: str, token: str) -> None:
    assert tokens(fold_for_search(typed)) == [token]
    assert stem(token) == token


def test_a_negation_counts_as_a_word(index: Index) -> None:
    outcome = search(index, ["can't", "be", "reversed"])
    assert outcome.words == ("can't", "reversed")
    assert outcome.results[0].matched == ("can't", "reversed")
    # "never" is in no statement: it is reported missing, not silently dropped.
    outcome = search(index, ["never", "reversed"])
    assert outcome.words == ("never", "reversed")
    assert all("never" in r.missing for r in outcome.results)


# ---------------------------------------------------------------- matched, missing, distinctive words


def test_missing_words_are_reported_as_typed(index: Index) -> None:
    result = first(index, "Flu", "injection")
    assert result.id == "what.5"
    assert result.matched == ("injection",)
    assert result.missing == ("Flu",)


def test_a_word_in_nearly_every_entry_is_not_a_match_alone(index: Index) -> None:
    outcome = search(index, ["fop", "people"])
    assert "fop" in outcome.common
    assert all("people" in r.matched for r in outcome.results)  # never a result for "fop" alone
    # ...unless an entry's name is the query: "what is FOP" finds the term FOP.
    assert ids(search(index, ["what", "is", "FOP"])) == ["fop"]


def test_nothing_matches_any_content_word_then_suggestions(index: Index) -> None:
    outcome = search(index, ["tedons"])  # a consonant dropped: not mended (see below), only suggested
    assert outcome.total == 0 and outcome.results == ()
    assert outcome.unused == ("tedons",) and outcome.corrected == ()
    assert "tendons" in outcome.suggestions


def test_suggestions_come_from_the_files_own_words(index: Index) -> None:
    text = fold_for_search((ROOT / "data" / "facts.yaml").read_text(encoding="utf-8"))
    for word in ("ossificatoni", "ligamnetz", "bunnyons"):
        suggestions = search(index, [word]).suggestions
        assert suggestions, word
        assert all(s in text for s in suggestions)


def test_no_suggestions_when_something_matched(index: Index) -> None:
    assert search(index, ["tedons", "biopsy"]).suggestions == ()


# Did-you-mean offers only what a person plausibly mistyped (suggestions.plausible_typo). Both ways:
# real typos of the file's words are still offered (each as suggest() sees it: search itself mends
# some of them first), and no word below is ever answered with a different word.
TYPOS = [
    ("injektoin", "injection"),
    ("tedons", "tendons"),
    ("hetertopic", "heterotopic"),
    ("heterotopik", "heterotopic"),
    ("ossificaton", "ossification"),
    ("ossificatoni", "ossification"),
    ("palovaroten", "palovarotene"),  # a final "e" left off a long word
    ("biopsey", "biopsy"),
    ("fibrodysplsia", "fibrodysplasia"),
    ("inheritted", "inherited"),
    ("mutaton", "mutation"),
    ("mutaion", "mutation"),
    ("congenitle", "congenital"),
    ("ligamnetz", "ligaments"),
    ("bunnyons", "bunions"),
]

# Seen in a new-user trial: each was answered with a different word ("faulty?" to a parent asking
# whether it is their fault; "mirum", a drug company, for "mum").
TRIAL = [
    ["is", "it", "my", "fault"],  # faulty
    ["life", "expectancy"],  # like
    ["intubation"],  # interaction
    ["airway"],  # away
    ["iv", "line"],  # online, like
    ["mum"],  # mirum
    ["talk"],  # alk2
    ["massage"],  # manage
    ["ER"],  # per
    ["playground"],  # around
]

# Everyday words a person types that the file does not use.
EVERYDAY = (
    # (not "school", "blood", "breathing", "hearing": the sheets' guidance pointers use them, and search finds those)
    "mum dad mummy toddler nursery swim swimming fault blame guilt pregnant scan xray "
    "pain-killers ibuprofen steroids playground trampoline holiday flight airport insurance money "
    "career marry grandparents lonely scared worry prayer church covid cough fever rash allergy "
    "hydrotherapy physio yoga stretching crutches kidney heart lungs toilet dressing shower "
    "stairs teacher homework exam dance piano writing death dying hair skin spine mouth bike "
    "plane sad cheek"
).split()


@pytest.mark.parametrize(("typed", "meant"), TYPOS)
def test_did_you_mean_offers_a_plausible_typo(index: Index, typed: str, meant: str) -> None:
    assert suggest(index, [typed])[:1] == (meant,)


@pytest.mark.parametrize("words", TRIAL, ids=" ".join)
def test_did_you_mean_never_offers_a_different_word_the_trial_saw(
    index: Index, table: PeopleWords, words: list[str]
) -> None:
    outcome = search(index, words, table)
    assert outcome.suggestions == ()
    # intubation reaches the pointers' "breathing tubes", ER their "emergency" (round 5's entry)
    assert outcome.total == 0 or words in (["intubation"], ["ER"])


def test_did_you_mean_never_offers_a_different_word_for_an_everyday_word(index: Index, table: PeopleWords) -> None:
    assert len(EVERYDAY) >= 40
    offered = {word: search(index, [word], table).suggestions for word in EVERYDAY}
    assert {word: said for word, said in offered.items() if said} == {}
    assert all(search(index, [word], table).unused == (word,) for word in EVERYDAY)  # none is the file's


@pytest.mark.parametrize(
    ("typed", "word", "plausible"),
    [
        ("tedons", "tendons", True),  # a letter dropped
        ("biopsey", "biopsy", True),  # a letter added
        ("fatcs", "facts", True),  # neighbours swapped
        ("bome", "bone", False),  # four letters, one changed: under the cutoff ("loom"/"look" alike)
        ("sport", "short", False),  # p and h are neither alike nor neighbours: another word
        ("fault", "faulty", False),  # an ending added
        ("line", "online", False),  # a beginning added
        ("talk", "alk2", False),  # another first letter
        ("airway", "away", False),  # two letters shorter, a short word
        ("intubation", "interaction", False),  # three slips
        ("mum", "mirum", False),  # under four letters
        ("experiment", "experimental", False),  # an ending, though a long word
        ("palovaroten", "palovarotene", True),  # a final "e" left off a long word
        ("stag", "stage", False),  # ...but not off a short one
    ],
)
def test_what_a_plausible_typo_is(typed: str, word: str, plausible: bool) -> None:
    assert plausible_typo(typed, word) is plausible


# ---------------------------------------------------------------- one slip mended (round 4)


def test_a_long_word_one_slip_from_one_file_word_is_searched_for_instead(index: Index, table: PeopleWords) -> None:
    for typed, meant in (
        ("injektion", "injection"),  # a letter for one of the same sound
        ("ossificatoin", "ossification"),  # two neighbours swapped
        ("bunnions", "bunions"),  # a letter doubled
        ("tendns", "tendons"),  # a vowel dropped
        ("biopsey", "biopsy"),  # a vowel added
    ):
        outcome = search(index, [typed], table)
        assert outcome.corrected == ((typed, meant),), typed
        assert outcome.total and outcome.words == (meant,) and outcome.suggestions == ()


def test_a_word_is_never_mended_into_another_word_a_person_may_have_meant(index: Index, table: PeopleWords) -> None:
    """Only slips inside a word, of alike letters: each of these is a word of its own, one edit
    from a word of the file, and is left as typed (ending in nothing, or in what it matches)."""
    for typed in (
        "infection",  # injection: f for j, unlike letters
        "abnormal",  # normal: never the first letter
        "unlocked",  # locked
        "inaccurate",  # accurate
        "healthy",  # health: never the last letter
        "effect",  # affect: never the first letter
        "chance",  # change
        "carriers",  # carers: two edits
        "survival",  # surgical
        "plain",  # pain: shorter than six letters
        "black",  # back
        "older",
        "worse",
    ):
        assert search(index, [typed], table).corrected == (), typed


def test_quoted_short_negated_and_known_words_are_never_mended(index: Index, table: PeopleWords) -> None:
    assert search(index, ['"injektion"'], table).corrected == ()  # a quoted phrase is as typed
    assert search(index, ["tendon"], table).corrected == ()  # the file's own word
    assert search(index, ["vaccinations"], table).corrected == ()  # a people's word
    assert search(index, ["bumpz"], table).corrected == ()  # five letters: too short


def test_two_word_forms_as_close_leave_the_word_as_typed(index: Index, table: PeopleWords) -> None:
    # "caises" is one slip from "cases" (a vowel dropped) and from "causes" (a vowel for a vowel).
    outcome = search(index, ["caises"], table)
    assert outcome.corrected == () and outcome.total == 0 and outcome.unused == ("caises",)


def test_limit_bounds_the_results_not_the_total(index: Index) -> None:
    outcome = search(index, ["bone"], limit=2)
    assert len(outcome.results) == 2 and outcome.total > 2


# ---------------------------------------------------------------- notes never above their statements


def test_a_note_never_outranks_the_statement_it_bears_on(index: Index, table: PeopleWords, k: Knowledge) -> None:
    outcome = search(index, ["medicine"], table)
    order = ids(outcome)
    assert "management.1" in order
    notes = [r for r in outcome.results if r.kind == "note"]
    assert notes, "the notes speak of a medicine"
    bears_on = {n.id: n.bears_on for n in k.developments.notes} if k.developments else {}
    for note in notes:  # every statement it bears on that is a result comes first
        above = [s for s in bears_on[note.id] if s in order]
        assert all(order.index(s) < order.index(note.id) for s in above), note.id
    assert any("management.1" in bears_on[n.id] for n in notes)


def test_the_note_rule_holds_even_when_the_note_scores_higher(index: Index) -> None:
    """'medicine' is in the Canada note's own text, 'cure' only in management.1: asked for both words,
    the note alone would lead on its own score."""
    outcome = search(index, ["approval", "cure"])
    order = ids(outcome)
    notes = [r for r in outcome.results if r.kind == "note"]
    assert notes and "management.1" in order
    statement = outcome.results[order.index("management.1")]
    assert any(n.score > statement.score for n in notes)
    assert all(order.index(n.id) > order.index("management.1") for n in notes)


# ---------------------------------------------------------------- people's words


def test_peoples_words_reach_the_sources_words(index: Index, table: PeopleWords) -> None:
    result = first(index, "vaccination", table=table)
    assert result.id == "what.5"
    assert [(r.typed, r.targets) for r in result.reached] == [("vaccination", ("injection",))]
    assert search(index, ["vaccination"], table).unused == ("vaccination",)  # the source never says it
    assert search(index, ["vaccination"]).total == 0  # and without the table: nothing


def test_a_multiword_everyday_phrase(index: Index, table: PeopleWords) -> None:
    outcome = search(index, ["big", "toe"], table)
    assert outcome.words == ("big toe",)
    assert outcome.results[0].id in {"causes.6", "genetic-test.1", "hallux-valgus"}
    assert outcome.results[0].reached[0].targets == ("great toes",)


def test_an_everyday_phrase_typed_with_stop_words_inside(index: Index) -> None:
    """A phrase of the table matches with up to two stop words typed inside it, never a content word."""
    table = (PeopleWord(("passed down", "runs in families"), ("inherited",)),)
    for typed in ("is it passed down", "is it passed it down", "does it run in my family", "runs in families"):
        outcome = search(index, typed.split(), table)
        assert outcome.results, typed
        assert outcome.results[0].reached[0].targets == ("inherited",), typed
    assert not search(index, ["passed", "bone", "down"], table).results[0].reached  # a content word between
    assert all(not r.reached for r in search(index, ["passed", "not", "down"], table).results)  # nor a negation


def test_a_phrase_of_stop_words_inside_is_never_shortened(index: Index) -> None:
    """Only the stop words *between* a phrase's first and last words may differ: "my other children" is
    not "my children" (the phrase's ends are matched as typed)."""
    table = (PeopleWord(("from a parent",), ("inherited",)),)
    assert search(index, ["from", "my", "parent"], table).results[0].reached[0].targets == ("inherited",)
    assert all(not r.reached for r in search(index, ["parent"], table).results)


def test_own_words_are_not_reported_as_reached_and_rank_first(index: Index, table: PeopleWords) -> None:
    """ "cure" is in the table (to reach the management words) and in the source: its own sentence comes first."""
    outcome = search(index, ["cure"], table)
    assert outcome.results[0].id == "management.1"
    assert outcome.results[0].reached == ()
    assert all(r.reached for r in outcome.results[1:])


def test_every_target_of_the_draft_table_is_in_the_file(k: Knowledge, table: PeopleWords) -> None:
    assert bad_targets(k, table) == []


def test_a_target_missing_from_the_file_is_named(k: Knowledge) -> None:
    bad = bad_targets(k, (PeopleWord(("jab",), ("injection", "vaccine")), PeopleWord(("x",), ("great toe",))))
    assert [(b.path, b.text) for b in bad] == [
        ("people_words[0].targets[1]", "vaccine"),  # the source never says "vaccine"
        ("people_words[1].targets[0]", "great toe"),  # it says "great toes": whole words, not stems
    ]


# ---------------------------------------------------------------- highlights


def test_highlights_find_word_forms_in_the_text_as_written(index: Index, k: Knowledge) -> None:
    result = first(index, "injections", "biopsies")
    text = next(s.text for s in k.statements() if s.id == result.id)
    assert [text[a:b] for a, b in highlights(text, result.terms)] == ["biopsy", "injection"]
    headline = "FOP can’t be reversed"
    terms = first(index, "cannot", "reversed").terms
    assert [headline[a:b] for a, b in highlights(headline, terms)] == ["can’t", "reversed"]


def test_results_are_only_the_files_entries(index: Index, k: Knowledge, table: PeopleWords) -> None:
    known = {s.id for s in k.statements()} | {f.id for f in k.facts()} | {t.id for t in k.glossary}
    known |= {n.id for n in k.developments.notes} if k.developments else set()
    known |= {g.id for g in k.guidance}
    for words in (["is", "there", "a", "cure"], ["vaccine"], ["stone", "man"], ["how", "many", "people"]):
        assert {r.id for r in search(index, words, table).results} <= known


# ---------------------------------------------------------------- round 4: fillers, names, notes


def test_a_name_asked_about_is_the_query(index: Index, table: PeopleWords) -> None:
    """'what does FOP stand for': the words that ask what a name stands for are fillers, so the
    name alone is the query and finds its term (FOP alone is in nearly every entry)."""
    for words in (["what", "does", "FOP", "stand", "for"], ["FOP", "acronym"], ["FOP", "abbreviation"]):
        assert ids(search(index, words, table))[:1] == ["fop"], words


def test_fillers_of_how_often_and_how_sure_need_not_match(index: Index, table: PeopleWords) -> None:
    outcome = search(index, "does the bone ever dissolve".split(), table)
    assert "ever" in outcome.ignored and "ever" not in outcome.unused
    assert {"usually", "ok", "really", "much"} <= STOP_WORDS


def test_us_in_lower_case_is_the_pronoun_and_in_capitals_the_country(index: Index, table: PeopleWords) -> None:
    assert search(index, "neither of us has it".split(), table).total == 0  # never the US notes
    us = search(index, ["approved", "in", "the", "US"], table)
    assert us.results[0].id.startswith("usa-") and "US" in us.results[0].matched


def test_a_note_never_outranks_a_source_entry_matching_as_many_words(index: Index, table: PeopleWords) -> None:
    """'is there any medicine for fop': the notes say 'medicine', the source's management.1 is
    reached through the people's words; both match every word, so the source's comes first."""
    outcome = search(index, "is there any medicine for fop".split(), table)
    assert outcome.results[0].kind != "note"
    assert "management.1" in ids(outcome)[:3]
    # A note that matches more of the words still comes first: the guidelines note for its own words.
    assert ids(search(index, ["guidelines"], table))[0] == "icc-2025-medical-guidelines"


def test_the_list_of_words_never_corrected_is_current() -> None:
    """Every English word search would correct into another word of the bundled file is in
    fopinfo/search/real_words.py, and nothing else (regenerate: python -m tests.real_words --update)."""
    from fopinfo.search.real_words import NEVER_CORRECTED
    from tests import real_words

    missing = [str(p) for p in real_words.DICTIONARIES if not p.exists()]
    if missing:
        pytest.skip(f"needs Debian's English word lists ({', '.join(missing)}): apt-get install wamerican wbritish")
    assert sorted(NEVER_CORRECTED) == real_words.never_corrected()
    from fopinfo.search.real_words import COMMAND_LOOKALIKES

    assert sorted(COMMAND_LOOKALIKES) == real_words.command_lookalikes()
    assert {"cheek", "city", "fates"} <= COMMAND_LOOKALIKES and not {"fact", "sourced", "cited"} & COMMAND_LOOKALIKES
    assert {"canker", "palates"} <= NEVER_CORRECTED


# Every other word of the bundled file that a one-word people's-words target reaches through its
# stem, reviewed: each is the target's own word in another form. "medication" once reached
# "medical" ("medicine" was said to match the source's word "medication" under "medical
# procedures") and "care" reached "careful": those targets are phrases now.
SAME_STEM_REVIEWED = {
    ("family", "families"),
    ("injection", "injections"),
    ("joints", "joint"),
    ("managed", "manage"),
    ("managed", "management"),
    ("management", "manage"),
    ("management", "managed"),
    ("medicine", "medicine's"),
    ("medicine", "medicines"),
}


def test_a_one_word_target_reaches_only_its_own_word_forms() -> None:
    k = load()
    by_stem: dict[str, set[str]] = {}
    for word in vocabulary(index_knowledge(k)):
        by_stem.setdefault(stem(word), set()).add(word)
    reached = {
        (target, other)
        for entry in k.people_words
        for phrase in entry.targets
        if len(words := tokens(fold(phrase))) == 1
        for target in words
        for other in by_stem.get(stem(target), set())
        if other != target
    }
    assert reached == SAME_STEM_REVIEWED

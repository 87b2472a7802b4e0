"""Search that finds what a person means (issue 17): ranked BM25F over the knowledge file's
statements, fact headlines, glossary terms and notes, with word forms (Snowball English
stems), phrases, a committed stop list, kept negations and the people's-words table.

Imports only the standard library, PyStemmer, fopinfo.model and fopinfo.folding: only the
``search`` command (and its did-you-mean) pays for it.

    from fopinfo.search import index_knowledge, search
    outcome = search(index_knowledge(k), ["is", "there", "a", "cure"], table, limit=20)
"""

from fopinfo.model import PeopleWord
from fopinfo.search.engine import index_knowledge, search
from fopinfo.search.highlighting import highlights
from fopinfo.search.matching import Index
from fopinfo.search.people_words import BadTarget, PeopleWords, bad_targets
from fopinfo.search.results import Outcome, Reached, Result
from fopinfo.search.words import NEGATIONS, STOP_WORDS

__all__ = [
    "NEGATIONS",
    "STOP_WORDS",
    "BadTarget",
    "Index",
    "Outcome",
    "PeopleWord",
    "PeopleWords",
    "Reached",
    "Result",
    "bad_targets",
    "highlights",
    "index_knowledge",
    "search",
]

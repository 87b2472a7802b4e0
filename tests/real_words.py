"""The English words search must never correct into another word (fopinfo/search/real_words.py).

Search corrects one slip in a long word it does not know ("hereditery" -> "hereditary"). A real
word one slip from a word of the file is not a slip: "canker" is not "cancer", "palates" not
"plates". This script finds every such word in Debian's English word lists (wamerican and
wbritish: /usr/share/dict/american-english and british-english) for the bundled knowledge
file and writes them into fopinfo/search/real_words.py; tests/test_search_engine.py checks
that the committed list is what this finds. After a change of the knowledge file's text or its
people's words:

    python -m tests.real_words --update
"""

from __future__ import annotations

import argparse
import string
import sys
from pathlib import Path

from fopinfo.loading import load
from fopinfo.search import index_knowledge
from fopinfo.search.engine import long_people_words
from fopinfo.search.suggestions import correctable, corrections, vocabulary
from fopinfo.search.words import fold, stem, tokens

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "fopinfo" / "search" / "real_words.py"
DICTIONARIES = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english"))

HEADER = '''"""English words search never corrects into another word: each is one slip from a word of the
bundled knowledge file or its people's words, but a word of its own ("canker" is not "cancer");
and English words one slip from a command that are not a form of it ("cheek" is not check).

Generated from Debian's English word lists (wamerican, wbritish) by ``python -m tests.real_words
--update``; tests/test_search_engine.py checks it is what that finds for the bundled file.
"""

NEVER_CORRECTED = frozenset(
    """
'''

COMMANDS_HEADER = '''

# Real words as close to one command as a slip ("cheek" to check, "city" to cite), and not a form
# of it ("fact" is facts): typed first on a line, they are offered to search before the command.
COMMAND_LOOKALIKES = frozenset(
    """
'''


def dictionary_words() -> set[str]:
    """Every word of the lists, folded as search folds a typed word (one token, letters only)."""
    found: set[str] = set()
    for path in DICTIONARIES:
        for line in path.read_text(encoding="utf-8").splitlines():
            words = tokens(fold(line))
            if len(words) == 1 and words[0].isalpha():
                found.add(words[0])
    return found


def _near(word: str) -> set[str]:
    """Every string one substitution, insertion, deletion or swap of neighbours from the word (a
    superset of what ``one_slip`` accepts, which decides)."""
    letters = string.ascii_lowercase
    near = {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    near |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    near |= {word[:i] + word[i + 1 :] for i in range(len(word))}
    near |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return near


def never_corrected() -> list[str]:
    """The dictionary words search would correct into another word of the bundled file."""
    k = load()
    known = [*vocabulary(index_knowledge(k)), *long_people_words(k.people_words)]
    table_words = {w for entry in k.people_words for p in entry.words for w in tokens(fold(p))}
    everything = set(known) | table_words
    stems = {stem(w) for w in everything}
    dictionary = dictionary_words()
    # As the engine asks: only a typed word whose stem no entry and no people's word has.
    candidates = {
        typed
        for word in everything
        for typed in _near(word) & dictionary
        if correctable(typed) and stem(typed) not in stems
    }
    return sorted(corrections(known, candidates, never=frozenset()))


def command_lookalikes() -> list[str]:
    """The dictionary words one slip from exactly one command that are not a form of it."""
    import typer.main

    from fopinfo.cli import app
    from fopinfo.group import close_commands

    commands = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    found = []
    for word in dictionary_words():
        close = close_commands(word, commands)
        if len(close) == 1 and word not in commands and not _a_form_of(word, close[0]):
            found.append(word)
    return sorted(found)


def _a_form_of(word: str, command: str) -> bool:
    """ "fact" and "sourced" are forms of facts and sources; "cheek" is not check."""
    return word.startswith(command) or command.startswith(word) or word.rstrip("ds") == command.rstrip("s")


def _block(words: list[str]) -> str:
    lines, line = [], "   "
    for word in words:
        if len(line) + 1 + len(word) > 96:
            lines.append(line)
            line = "   "
        line += " " + word
    lines.append(line)
    return "\n".join(lines) + '\n    """.split()\n)\n'


def render(words: list[str], lookalikes: list[str]) -> str:
    return HEADER + _block(words) + COMMANDS_HEADER + _block(lookalikes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite fopinfo/search/real_words.py")
    args = parser.parse_args()
    missing = [str(p) for p in DICTIONARIES if not p.exists()]
    if missing:
        print(f"missing word lists: {', '.join(missing)} (apt-get install wamerican wbritish)", file=sys.stderr)
        return 2
    text = render(never_corrected(), command_lookalikes())
    if MODULE.read_text(encoding="utf-8") == text:
        print("fopinfo/search/real_words.py is up to date")
        return 0
    if args.update:
        MODULE.write_text(text, encoding="utf-8")
        print("updated fopinfo/search/real_words.py")
        return 0
    print("fopinfo/search/real_words.py is stale: python -m tests.real_words --update", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

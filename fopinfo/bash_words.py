"""How bash completion inserts a word: the quote the user opened it with, and the name escaped
for it. Standard library only: the start-up fast path (``fast_path``) and the full CLI's
completion (``completion``) answer bash with the same two functions. And how a hint writes a
word for a person to type (``shell_word``)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (the fast path pays for imports)
if TYPE_CHECKING:
    from collections.abc import Mapping


def opening_quote(environ: Mapping[str, str]) -> str:
    """The quote the user opened the word being completed with, if any.

    Typer's bash function passes the words joined by newlines (its IFS), as typed, in COMP_WORDS,
    and the index of the one being completed in COMP_CWORD.
    """
    words = environ.get("COMP_WORDS", "").split("\n")
    try:
        word = words[int(environ.get("COMP_CWORD", ""))]
    except (ValueError, IndexError):
        return ""
    return word[:1] if word[:1] in ("'", '"') else ""


def inserted(name: str, quote: str) -> str:
    """The name as bash must insert it in place of the word typed (it adds the closing quote)."""
    import re

    if quote == "'":
        return name.replace("'", "'\\''")
    if quote == '"':
        return re.sub(r'(["\\$`])', r"\\\1", name)
    return re.sub(r"([^\w\-./,+@%^])", r"\\\1", name)


def shell_word(word: str) -> str:
    """A word as a person would type it in a shell: bare when safe, "can't" in double quotes."""
    import re
    import shlex

    if re.fullmatch(r"[\w.,/:+=@%-]+", word):
        return word
    if not re.search(r'["$`\\!]', word):
        return f'"{word}"'
    return shlex.quote(word)

"""Text on its way to a terminal: shown, never obeyed, and bounded.

Every line fopinfo writes to stderr passes ``for_terminal``; every value from a file
or an argument echoed in a message is an ``excerpt``. Standard library only, and cheap
to import: the error path of every command uses it.
"""

from __future__ import annotations

import re

# Beyond C0 (which every output handles by its own rule), what a terminal would obey
# rather than show: DEL, C1 controls (U+009B is CSI), the line and paragraph separators,
# and the bidi marks, embeddings, overrides and isolates that reorder text. The one list
# for stderr (escaped here), text and Markdown (stripped) and JSON (\u escapes).
OBEYED_BEYOND_C0 = (
    0x7F,
    *range(0x80, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
# On stderr a message is one line, so newline and tab are escaped too.
_UNSAFE = re.compile("[\x00-\x1f" + "".join(map(chr, OBEYED_BEYOND_C0)) + "]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}

# Stripped from shown text: C0 controls (ESC among them) except tab and newline, and
# everything else a terminal would obey rather than show.
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), *OBEYED_BEYOND_C0])


def clean(text: str) -> str:
    """Text from a knowledge file without control characters: shown, never obeyed."""
    return text.translate(_CONTROLS)


EXCERPT_CHARS = 80


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def for_terminal(text: str) -> str:
    """The text with every control character written out as an escape (``\\x1b``, ``\\n``)."""
    return _UNSAFE.sub(_shown, text)


def has_controls(text: str) -> bool:
    """Whether the text holds anything ``for_terminal`` would have to escape."""
    return _UNSAFE.search(text) is not None


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of the value, cleaned, with "…" where it was cut.

    Only the head of a long value is looked at, so a 10 MB value costs no more than a short one.
    """
    text = value if isinstance(value, str) else _short_repr(value)
    shown = for_terminal(text[: limit + 1])
    return shown if len(shown) <= limit and len(text) <= limit else shown[: limit - 1] + "…"


def _short_repr(value: object) -> str:
    import reprlib

    brief = reprlib.Repr()
    brief.maxlevel, brief.maxlist, brief.maxdict, brief.maxstring, brief.maxlong = 2, 4, 4, 40, 40
    return brief.repr(value)

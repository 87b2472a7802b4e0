"""fopinfo's own notes (later developments) hold none of the source: no citation marker and
no run of the source's words, so a note can never pass for the source speaking."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fopinfo.model import Knowledge
from fopinfo.provenance.wording import words

if TYPE_CHECKING:
    from fopinfo.provenance.checker import Checker

# "[9]", "[13, 14]", "[1–4]", or a marker as the page prints one ("disease.9", "patients. 7,13").
_BRACKETED = re.compile(r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]")
_PRINTED = re.compile(r"[.:)?!] ?\d+(?:,\d+)*(?=\s|$)")
RUN = 6  # this many consecutive words of the source make a quotation


def _runs(text: str) -> set[tuple[str, ...]]:
    w = [x.casefold() for x in words(text)]
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def check_notes(c: Checker, k: Knowledge) -> None:
    if k.developments is None:
        return
    source: set[tuple[str, ...]] = set()
    for line in c.src.text.split("\n"):
        source |= _runs(line)
    for note in k.developments.notes:
        for key in ("title", "text"):
            value: str = getattr(note, key)
            path = f"developments.notes[{note.position}].{key}"
            marker = _BRACKETED.search(value) or _PRINTED.search(value)
            if marker:
                c.add(
                    path,
                    f"carries a citation marker '{marker.group().strip()}': a note is fopinfo's, never the source's",
                )
            shared = sorted(_runs(value) & source)
            if shared:
                c.add(
                    path, f"quotes the source ('{' '.join(shared[0])} …'): a note is fopinfo's words, not the source's"
                )

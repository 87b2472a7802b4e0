"""The review log behind `developments.reviewed`: every search a reviewer made, found beside the
knowledge file, and the date of its last entry.

The log is Markdown (docs/developments-review.md in a checkout); an entry is a table row that
opens with its ISO date (``| 2026-12-06 | …``). It is looked for beside the knowledge file, then
in ``docs/`` one folder up: the bundled file finds it in a checkout (data/ and docs/) and in an
installed wheel (which ships it beside the knowledge file, in fopinfo/data/).
"""

from __future__ import annotations

import re
from pathlib import Path

LOG_NAME = "developments-review.md"
_ENTRY = re.compile(r"^\|\s*(\d{4}-\d{2}-\d{2})\s*\|", re.MULTILINE)


def places(knowledge_file: Path) -> tuple[Path, Path]:
    """Where the log of a knowledge file is looked for, in order."""
    folder = knowledge_file.absolute().parent
    return folder / LOG_NAME, folder.parent / "docs" / LOG_NAME


def find(knowledge_file: Path) -> Path | None:
    """The review log of a knowledge file, or None when there is none where it is looked for."""
    return next((p for p in places(knowledge_file) if p.is_file()), None)


def last_entry(text: str) -> str | None:
    """The date of the log's latest entry (ISO), or None when it has no dated entry."""
    return max(_ENTRY.findall(text), default=None)

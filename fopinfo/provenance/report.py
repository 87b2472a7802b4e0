"""What a provenance check returns: findings (each a change from the source) and the
review list (what no machine can prove, for a person to sign off)."""

from __future__ import annotations

from typing import NamedTuple

from fopinfo.model import Problem

# A finding has the loader's shape (path, message, line), so the CLI can add its line.
Finding = Problem


class ReviewItem(NamedTuple):
    kind: str  # subjects, subject title, own title, definition, allowance, edit, left out, related page
    path: str
    detail: str
    line: int | None = None


class Report(NamedTuple):
    findings: tuple[Finding, ...]
    covered: int  # source sentences accounted for
    sentences: int  # total source sentences
    uncovered: tuple[str, ...]  # the source sentences not accounted for, normalised
    review: tuple[ReviewItem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings and self.covered == self.sentences

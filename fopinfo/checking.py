"""`fopinfo check`: validate a knowledge file and, given the source text, prove it against it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from fopinfo.errors import BadKnowledgeFile
from fopinfo.loading import check_file, locate, read_text
from fopinfo.model import Knowledge, Problem

if TYPE_CHECKING:
    from fopinfo.provenance import Report, ReviewItem

FILE = "(file)"  # the path of a problem with the file itself: missing, not UTF-8, not YAML

# The SHA-256 of the source text fopinfo ships (data/source/what-is-fop.txt), pinned here in
# the code: editing the bundled copy, the knowledge file and its recorded hash together still
# fails `check --against-source`. The proof is `--source FILE` against a copy obtained
# independently of fopinfo; this pin only keeps the bundled copy honest.
BUNDLED_SOURCE_SHA256 = "ee082bf6e8c40ebe6c80c06690af7ad3d17889b68dd3142cd0c10516fbd0aa3c"


def bundled_source() -> Path:
    """The source text that ships with fopinfo, beside the bundled knowledge file."""
    from fopinfo.loading import bundled_path

    return bundled_path("source/what-is-fop.txt")


class CheckResult(NamedTuple):
    target: Path
    problems: list[Problem]
    knowledge: Knowledge | None
    source: Path | None
    report: Report | None
    show_review: bool = False  # list each editorial element (--review), not only count them

    @property
    def ok(self) -> bool:
        return not self.problems and (self.report is None or self.report.ok)

    @property
    def source_label(self) -> str:
        """How the source is named to people: its path, or 'the bundled source text'."""
        if self.source is not None and self.source.resolve() == bundled_source().resolve():
            return "the bundled source text"
        return str(self.source)

    @property
    def unreadable(self) -> bool:
        """The file itself could not be read or parsed; its one problem says why."""
        return bool(self.problems) and self.problems[0].path == FILE

    def failure(self) -> str | None:
        """The one line that tells why the check failed, or None."""
        if self.unreadable:
            return self.problems[0].message
        if self.problems:
            return f"{self.target}: {len(self.problems)} problem(s) found"
        if self.report is not None and not self.report.ok:
            return f"{self.target}: {len(self.report.findings)} problem(s) against {self.source_label}"
        return None


def check(target: Path, source: Path | None = None, origin: str | None = None, *, review: bool = False) -> CheckResult:
    """Validate ``target``; given ``source``, hold it against that text.

    ``origin``: where the path came from (e.g. "--data"), named if it cannot be read.
    ``review``: also give the review list its lines in the file (costs a YAML compose).
    """
    # A bad source file is the caller's usage error, reported before the knowledge file.
    source_text = read_text(source, "source file") if source else None
    try:
        checked = check_file(target, origin)
    except BadKnowledgeFile as exc:
        return CheckResult(target, [Problem(FILE, exc.message)], None, source, None)
    report = None
    problems = checked.problems
    items: list[ReviewItem] = []
    if checked.knowledge is not None:
        from fopinfo.reviewing import audit_file

        found, items = audit_file(target, checked.knowledge)
        problems = problems + locate(found, checked.text)
    if checked.knowledge is not None and source_text is not None:
        from fopinfo import provenance

        report = provenance.check(checked.knowledge, source_text)
        if source is not None and source.resolve() == bundled_source().resolve():
            report = report._replace(findings=(*_pinned(source_text), *report.findings))
        if report.findings:  # only now pay for finding each one's line in the file
            report = report._replace(findings=tuple(locate(list(report.findings), checked.text)))
        if review and items:
            lines = locate([Problem(r.path, r.kind) for r in items], checked.text)
            items = [r._replace(line=p.line) for r, p in zip(items, lines, strict=True)]
        report = report._replace(review=tuple(items))  # what a person must (re)review, each with its diff
    return CheckResult(target, problems, checked.knowledge, source, report)


def _pinned(source_text: str) -> list[Problem]:
    import hashlib

    actual = hashlib.sha256(source_text.encode("utf-8")).hexdigest()
    if actual == BUNDLED_SOURCE_SHA256:
        return []
    message = f"the bundled source text has been changed: its SHA-256 is {actual}, fopinfo pins {BUNDLED_SOURCE_SHA256}"
    return [Problem("origin.source_sha256", message)]


def target(path: Path | None, data: Path | None) -> Path:
    """What `fopinfo check` checks: the path given, else --data/FOPINFO_DATA, else the bundled file."""
    from fopinfo.loading import bundled_path

    return path or data or bundled_path()

"""`fopinfo check`: validate a knowledge file and, given the source text, prove it against it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fopinfo.answers import FILE, CheckResult
from fopinfo.errors import BadKnowledgeFile
from fopinfo.loading import check_file, locate, read_text
from fopinfo.model import Knowledge, Problem

if TYPE_CHECKING:
    from fopinfo.provenance import ReviewItem

# The SHA-256 of the source text fopinfo ships (data/source/what-is-fop.txt), pinned here in
# the code: editing the bundled copy, the knowledge file and its recorded hash together still
# fails `check --against-source`. The proof is `--source FILE` against a copy obtained
# independently of fopinfo; this pin only keeps the bundled copy honest.
BUNDLED_SOURCE_SHA256 = "ee082bf6e8c40ebe6c80c06690af7ad3d17889b68dd3142cd0c10516fbd0aa3c"


def bundled_source() -> Path:
    """The source text that ships with fopinfo, beside the bundled knowledge file."""
    from fopinfo.loading import bundled_path

    return bundled_path("source/what-is-fop.txt")


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
        return CheckResult(target, [Problem(FILE, exc.message)], None, source, None, source_label=_label(source))
    knowledge, problems = checked.knowledge, checked.problems
    if knowledge is not None and knowledge.people_words:  # reported beside the proof's findings, not instead
        problems = problems + locate(_unreached_targets(knowledge), checked.text)
    report = None
    items: list[ReviewItem] = []
    if knowledge is not None:
        from fopinfo.reviewing import audit_file

        found, items = audit_file(target, knowledge)
        problems = problems + locate(found, checked.text)
    if knowledge is not None and source_text is not None:
        from fopinfo import provenance

        report = provenance.check(knowledge, source_text)
        if source is not None and source.resolve() == bundled_source().resolve():
            report = report._replace(findings=(*_pinned(source_text), *report.findings))
        if report.findings:  # only now pay for finding each one's line in the file
            report = report._replace(findings=tuple(locate(list(report.findings), checked.text)))
        if review and items:
            lines = locate([Problem(r.path, r.kind) for r in items], checked.text)
            items = [r._replace(line=p.line) for r, p in zip(items, lines, strict=True)]
        report = report._replace(review=tuple(items))  # what a person must (re)review, each with its diff
    return CheckResult(target, problems, knowledge, source, report, source_label=_label(source))


def _unreached_targets(k: Knowledge) -> list[Problem]:
    """People's words must lead to words of the file itself: a target it never uses is an error."""
    from fopinfo.search import bad_targets

    return [Problem(bad.path, f"'{bad.text}' {bad.reason}") for bad in bad_targets(k, k.people_words)]


def _label(source: Path | None) -> str:
    """How the source is named to people: its path, or 'the bundled source text'."""
    if source is not None and source.resolve() == bundled_source().resolve():
        return "the bundled source text"
    return str(source)


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

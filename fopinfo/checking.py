"""`fopinfo check`: validate a knowledge file and, given the source text, prove it against it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fopinfo.answers import FILE, CheckResult
from fopinfo.errors import BadKnowledgeFile
from fopinfo.loading import check_file, locate, read_text
from fopinfo.model import KINDS, Knowledge, Problem

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
    notices: list[str] = []
    if knowledge is not None:
        notices += _migration(knowledge)
        late = _review_log(target, knowledge, notices)
        if late is not None:
            problems = locate([late], checked.text)
            label = _label(source)
            return CheckResult(target, problems, None, source, None, source_label=label, notices=tuple(notices))
    if knowledge is not None and knowledge.people_words:  # reported beside the proof's findings, not instead
        problems = problems + locate(_unreached_targets(knowledge), checked.text)
    report = None
    items: list[ReviewItem] = []
    if knowledge is not None:
        from fopinfo.reviewing import audit_file

        found, items, by_machine = audit_file(target, knowledge)
        if by_machine:
            notices.append(
                f"{by_machine} review record(s) were made by an AI agent and await a person's sign-off "
                "(their reviewer field says so); these reviews are editorial, not clinical."
            )
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
    label = _label(source)
    return CheckResult(target, problems, knowledge, source, report, source_label=label, notices=tuple(notices))


def _unreached_targets(k: Knowledge) -> list[Problem]:
    """People's words must lead to words of the file itself: a target it never uses is an error."""
    from fopinfo.search import bad_targets

    return [Problem(bad.path, f"'{bad.text}' {bad.reason}") for bad in bad_targets(k, k.people_words)]


def _migration(k: Knowledge) -> list[str]:
    """How a schema-1 file becomes schema 2, when it is one."""
    if k.schema >= 2:
        return []
    unclassified = [n.id for n in k.developments.notes if n.kind is None] if k.developments else []
    which = f" ({len(unclassified)} note(s) without a kind, shown as unclassified: {', '.join(unclassified)})"
    return [
        f"schema 1{which if unclassified else ''}. To migrate, write 'schema: 2' and give every note "
        f"a kind: {', '.join(KINDS)}; an approval or refusal also names its medicine (docs/knowledge-file.md)."
    ]


def _review_log(target: Path, k: Knowledge, notices: list[str]) -> Problem | None:
    """``developments.reviewed`` held to the review log's last entry; a missing log is said, not hidden."""
    from fopinfo import review_log

    if k.developments is None:
        return None
    reviewed = k.developments.reviewed
    log = review_log.find(target)
    if log is None:
        looked = " or ".join(str(p) for p in review_log.places(target))
        notices.append(
            f"no review log found (looked for {looked}): developments.reviewed ({reviewed}) is not checked against one."
        )
        return None
    last = review_log.last_entry(read_text(log, "review log"))
    if last is None:
        return Problem("developments.reviewed", f"the review log {log} has no dated entry to support {reviewed}")
    if reviewed > last[:7]:
        return Problem(
            "developments.reviewed",
            f"{reviewed} is later than the last entry of the review log {log} ({last}): "
            "log the review's searches first",
        )
    return None


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

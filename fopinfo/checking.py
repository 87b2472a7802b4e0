"""`fopinfo check`: validate a knowledge file and, given the source text, prove it against it."""

from __future__ import annotations

from pathlib import Path

from fopinfo.answers import FILE, CheckResult
from fopinfo.errors import BadKnowledgeFile
from fopinfo.loading import check_file, locate, read_text
from fopinfo.model import KINDS, Knowledge, Problem


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
    notices: list[str] = []
    if checked.knowledge is not None:
        notices += _migration(checked.knowledge)
        late = _review_log(target, checked.knowledge, notices)
        if late is not None:
            problems = locate([late], checked.text)
            label = _label(source)
            return CheckResult(target, problems, None, source, None, source_label=label, notices=tuple(notices))
    report = None
    if checked.knowledge is not None and source_text is not None:
        from fopinfo import provenance

        report = provenance.check(checked.knowledge, source_text)
        if report.findings:  # only now pay for finding each one's line in the file
            report = report._replace(findings=tuple(locate(list(report.findings), checked.text)))
        if review and report.review:
            lines = locate([Problem(r.path, r.detail) for r in report.review], checked.text)
            report = report._replace(
                review=tuple(r._replace(line=p.line) for r, p in zip(report.review, lines, strict=True))
            )
    return CheckResult(
        target, checked.problems, checked.knowledge, source, report, source_label=_label(source), notices=tuple(notices)
    )


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


def target(path: Path | None, data: Path | None) -> Path:
    """What `fopinfo check` checks: the path given, else --data/FOPINFO_DATA, else the bundled file."""
    from fopinfo.loading import bundled_path

    return path or data or bundled_path()

"""`fopinfo review`: accept editorial elements one at a time, each shown as a diff, by a named reviewer.

The records live beside the knowledge file (``facts.yaml`` -> ``facts.reviews.yaml``) and are
written atomically after each acceptance. Nothing is accepted wholesale: at a terminal each
element is shown and asked about in turn; from a script or a pipe, only the elements named
with ``--accept KEY`` (each shown as it is accepted), and only with ``--reviewer NAME``.
These reviews are editorial, not clinical.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from fopinfo.errors import BadKnowledgeFile, UsageProblem
from fopinfo.model import Knowledge, Problem
from fopinfo.provenance.report import ReviewItem
from fopinfo.provenance.reviews import MARK, Pending, Record, accept, audit, parse_records, pending, records_data

HEADER = (
    "# Review records for {name}: written by `fopinfo review`, never by hand.\n"
    "# Each binds a person's editorial sign-off (not a clinical review) to the exact content\n"
    "# of one element of the knowledge file: its SHA-256, the content, the date, the reviewer.\n"
)


def records_path(target: Path) -> Path:
    """Beside the knowledge file: facts.yaml -> facts.reviews.yaml."""
    return target.with_name(f"{target.stem}.reviews.yaml")


def load_records(target: Path) -> tuple[dict[str, Record], list[Problem]]:
    """The records beside ``target``; none when the file does not exist (everything is then unreviewed)."""
    from fopinfo.loading import exists, read_text
    from fopinfo.yaml_reading import read_yaml

    path = records_path(target)
    try:
        if not exists(path):  # inside a zipapp too
            return {}, []
    except (OSError, ValueError):  # a path the system cannot name (e.g. a NUL byte): no records
        return {}, []
    try:
        data, duplicates = read_yaml(read_text(path, f"{MARK}s"))
    except BadKnowledgeFile as exc:
        return {}, [Problem("reviews", exc.message)]
    except Exception as exc:
        return {}, [Problem("reviews", f"{MARK}s file {path} cannot be read: {type(exc).__name__}")]
    records, problems = parse_records(data)
    return records, [*duplicates, *problems]


# How a record made by an AI agent names its reviewer, so a reader is told it awaits a person.
MACHINE = "ai agent"


def audit_file(target: Path, k: Knowledge) -> tuple[list[Problem], list[ReviewItem], int]:
    """Problems and pending items, and how many records a machine made (said, never hidden)."""
    records, problems = load_records(target)
    findings, items = audit(k, records)
    by_machine = sum(1 for r in records.values() if r.reviewer.casefold().startswith(MACHINE))
    return [*problems, *findings], items, by_machine


def write_records(target: Path, records: dict[str, Record]) -> None:
    """Atomically: a temporary file beside the records, flushed, then renamed over them."""
    import yaml

    path = records_path(target)
    text = HEADER.format(name=target.name) + yaml.safe_dump(
        records_data(records.values()), allow_unicode=True, sort_keys=False, width=100
    )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _today() -> str:
    from fopinfo import clock

    return clock.today().isoformat()


def _show(p: Pending) -> str:
    what = "remove its record" if p.element is None else "accept"
    return f"{p.kind} {p.key} ({p.path}): {p.why}\n{p.diff()}\n-> {what}?"


def _apply(records: dict[str, Record], p: Pending, reviewer: str) -> None:
    if p.element is None:
        records.pop(p.key, None)
    else:
        records[p.key] = accept(p.element, reviewer, _today())


def _name(reviewer: str) -> str:
    from fopinfo.safe_text import has_controls

    name = reviewer.strip()
    if not name or has_controls(name):
        raise UsageProblem("the reviewer's name must be non-empty printable text")
    return name


def run(
    target: Path,
    k: Knowledge,
    *,
    accept_keys: list[str],
    reviewer: str | None,
    interactive: bool,
    say: Callable[[str], None],
    ask: Callable[[str], str],
) -> int:
    """Review what is pending; returns how many elements are still unreviewed."""
    records, problems = load_records(target)
    if problems:
        raise BadKnowledgeFile(f"{records_path(target)}: {problems[0]}")
    todo = pending(k, records)
    if not todo:
        say("Nothing to review: every element matches its review record.")
        return 0
    if accept_keys:
        if reviewer is None:
            raise UsageProblem("--accept needs --reviewer NAME: a record names who reviewed it")
        by_key = {p.key: p for p in todo}
        unknown = [key for key in accept_keys if key not in by_key]
        if unknown:
            raise UsageProblem(f"not pending review: {', '.join(unknown)} (list them with fopinfo review --list)")
        signer = _name(reviewer)
        for key in accept_keys:
            say(_show(by_key[key]))
            _apply(records, by_key[key], signer)
            write_records(target, records)
            say(f"recorded: {key} (reviewed by {signer})")
        return len(todo) - len(accept_keys)
    if not interactive:
        for p in todo:
            say(f"{p.kind} {p.key} ({p.path}): {p.why}")
        raise UsageProblem(
            f"{len(todo)} element(s) need review, and review is interactive: stdin is not a terminal. "
            "Review at a terminal, or accept named elements with --accept KEY --reviewer NAME."
        )
    name: str | None = _name(reviewer) if reviewer else None
    left = len(todo)
    try:
        for i, p in enumerate(todo, 1):
            say(f"\n[{i}/{len(todo)}] {_show(p)}")
            answer = ask("[y]es / [n]o, skip / [q]uit: ").strip().casefold()
            if answer in ("q", "quit"):
                break
            if answer not in ("y", "yes"):
                continue
            while name is None:
                typed = ask("Reviewer's name (recorded with the review): ")
                try:
                    name = _name(typed)
                except UsageProblem as exc:
                    say(exc.message)
            _apply(records, p, name)
            write_records(target, records)
            left -= 1
            say(f"recorded: {p.key} (reviewed by {name})")
    except EOFError:  # input ended: what was accepted is written; nothing else is
        say("input ended: stopping")
    return left


def pending_list(target: Path, k: Knowledge) -> list[Pending]:
    records, _ = load_records(target)
    return pending(k, records)

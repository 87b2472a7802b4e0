"""Run the held-out unfaithful edits (tests/fixtures/heldout_edits.yaml) and report the catch rate.

    python -m tests.heldout

The edits were written before the rules of issue 20 and are never tuned to; this script is a
measurement, not a test. An edit is *caught* when `check --against-source` fails; *caught by a
rule* when a finding other than a review record's names the change.
"""

from __future__ import annotations

import copy
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from fopinfo.checking import bundled_source, check
from fopinfo.loading import bundled_path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "heldout_edits.yaml"
REVIEW_MARK = "review record"  # in the message of every finding about review records


class NotApplicable(Exception):
    pass


def _at(d: Any, path: str) -> tuple[Any, str | int]:
    parts: list[str | int] = []
    for piece in path.replace("]", "").replace("[", ".").split("."):
        parts.append(int(piece) if piece.isdigit() else piece)
    node = d
    for part in parts[:-1]:
        node = node[part]
    return node, parts[-1]


def apply(data: dict[str, Any], op: dict[str, Any]) -> None:
    kind = op["op"]
    if kind in ("leave_out", "set_reason"):
        lines = data["origin"]["left_out"]
        if kind == "leave_out":
            plain = all(isinstance(x, str) for x in lines)
            lines.append(op["line"] if plain else {"line": op["line"], "reason": op["reason"]})
            return
        for entry in lines:
            if isinstance(entry, dict) and entry.get("line") == op["line"]:
                entry["reason"] = op["reason"]
                return
        raise NotApplicable(f"no left-out entry with a reason for {op['line']!r}")
    node, key = _at(data, op["path"])
    if kind == "sub":
        if op["old"] not in node[key]:
            raise NotApplicable(f"{op['old']!r} not in {op['path']}")
        node[key] = node[key].replace(op["old"], op["new"], 1)
    elif kind == "put":
        node[key] = op["value"]
    elif kind == "drop":
        del node[key]
    elif kind == "append":
        node[key].append(op["value"])
    elif kind == "swap":
        items = node[key]
        items[op["a"]], items[op["b"]] = items[op["b"]], items[op["a"]]
    else:
        raise ValueError(kind)


def main() -> int:
    edits = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["edits"]
    bundled = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    reviews = bundled_path().with_name("facts.reviews.yaml")
    caught = by_rule = applicable = 0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "facts.yaml"
        if reviews.is_file():
            shutil.copy(reviews, Path(tmp) / reviews.name)
        for entry in edits:
            data = copy.deepcopy(bundled)
            try:
                for op in entry["edits"]:
                    apply(data, op)
            except NotApplicable as exc:
                print(f"n/a     {entry['name']}: {exc}")
                continue
            applicable += 1
            target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            result = check(target, bundled_source())
            findings = [*result.problems, *(result.report.findings if result.report else ())]
            rule = [f for f in findings if REVIEW_MARK not in f.message]
            caught += not result.ok
            by_rule += bool(rule)
            verdict = "RULE  " if rule else ("REVIEW" if not result.ok else "MISSED")
            first = str((rule or findings)[0]) if (rule or findings) else "-"
            print(f"{verdict}  {entry['name']} ({entry['class']}): {first}")
    skipped = len(edits) - applicable
    print(f"\nheld-out: {caught}/{applicable} caught ({by_rule} by a machine rule), {skipped} not applicable")
    return 0


if __name__ == "__main__":
    sys.exit(main())

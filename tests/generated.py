"""The one way a generated file is kept: compared with what the code makes now, rewritten on --update."""

from __future__ import annotations

from pathlib import Path


def keep(path: Path, text: str, update: bool, command: str) -> int:
    """0 when ``path`` holds ``text`` (or was just rewritten with it), else 1 with how to update it."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(f"{path} is up to date")
        return 0
    if update:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"updated {path}")
        return 0
    print(f"{path} is stale: run {command} --update")
    return 1

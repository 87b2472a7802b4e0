"""Shared fixtures: run the CLI in-process exactly as a user would, in a fixed environment."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fopinfo.cli import app
from tests import browser as harness

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "facts.yaml"
SOURCE = Path(__file__).resolve().parent / "fixtures" / "what-is-fop.txt"

Run = Callable[..., "Result"]
REVIEWS = BUNDLED.with_name("facts.reviews.yaml")


def with_reviews(path: Path) -> Path:
    """A copy of the bundled file is only reviewed with the bundled review records beside it."""
    import shutil

    shutil.copy(REVIEWS, path.with_name(f"{path.stem}.reviews.yaml"))
    return path


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:  # shown by pytest when an assertion fails
        return f"Result(exit_code={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture(autouse=True)
def fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FOPINFO_DATA", "FOPINFO_CACHE", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795564800")  # 2026-11-25: the source's age stays fixed


@pytest.fixture
def run() -> Callable[..., Result]:
    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


def _unavailable(reason: str) -> None:
    """Skip a browser test on a machine without the browser; fail instead where it is required (CI)."""
    if os.environ.get("FOPINFO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"FOPINFO_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[None]:
    """Headless Chromium for tests/browser.py: one browser for the session, closed at its end."""
    reason = harness.unavailable()
    if reason:
        _unavailable(reason)
    yield
    harness.close()


@pytest.fixture(scope="session")
def axe(chromium: None) -> None:
    """axe-core on top of the browser, for harness.axe_violations."""
    reason = harness.axe_unavailable()
    if reason:
        _unavailable(reason)

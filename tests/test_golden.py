"""Every command × format, compared exactly with its golden file (regenerate: python -m tests.golden --update)."""

from __future__ import annotations

import pytest

from tests.golden import GOLDEN, cases, output_of


@pytest.mark.parametrize(("name", "command"), sorted(cases().items()))
def test_output_matches_golden_file(name: str, command: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert output_of(command) == expected, f"`fopinfo {command}` differs from tests/golden/{name}"


def test_no_stray_golden_files() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(cases())

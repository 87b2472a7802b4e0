"""The one-way flow of imports (ARCHITECTURE.md): import-linter's contracts in pyproject.toml,
proven able to fail; no private names across modules; modules of a readable size; a code map
that names every module."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "fopinfo"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
HARD_CEILING = 450  # lines; the aim is 400: split by what a reader looks for, not by count


def _lint(top: Path) -> subprocess.CompletedProcess[str]:
    # The copy under test first on the path, ahead of any installed fopinfo.
    env = {**os.environ, "PYTHONPATH": str(top), "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), str(top / "pyproject.toml"), "--no-cache"],
        cwd=top,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def test_the_contracts_are_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# One deliberate back import per contract, each breaking that contract (and named by it).
BACK_IMPORTS = [
    ("layers", "fopinfo/model.py", "from fopinfo import query", "Layers:"),
    ("acyclic", "fopinfo/views/text/blocks.py", "from fopinfo.views.text import reference", "No import cycles"),
    ("formats", "fopinfo/views/json.py", "from fopinfo.views import text", "View formats are independent"),
    ("html", "fopinfo/views/html/__init__.py", "from fopinfo.views import json", "The HTML view"),
    ("views-show-only", "fopinfo/views/wording.py", "from fopinfo import loading", "Views only show"),
    ("provenance-floor", "fopinfo/provenance/text.py", "import yaml", "The proof imports nothing"),
    ("search-floor", "fopinfo/search/words.py", "from fopinfo import terminal", "Search imports only"),
    ("fast-path-floor", "fopinfo/fast_path.py", "import typer", "The start-up fast path imports only"),
]


@pytest.mark.parametrize(("contract", "module", "line", "name"), BACK_IMPORTS, ids=[b[0] for b in BACK_IMPORTS])
def test_a_back_import_breaks_its_contract(tmp_path: Path, contract: str, module: str, line: str, name: str) -> None:
    shutil.copytree(PACKAGE, tmp_path / "fopinfo", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / module
    # Inside a function, as the code's own lazy imports are: the linter must still see it.
    target.write_text(target.read_text(encoding="utf-8") + f"\n\ndef _back() -> None:\n    {line}  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    summary = result.stdout.split("Broken contracts")[0]
    broken = [row for row in summary.splitlines() if row.endswith("BROKEN")]
    joined = " ".join(summary.split())  # contract names wrap across lines in the report
    assert f"{name}" in joined and any("BROKEN" in row for row in broken), result.stdout
    # The report names the module that imports back (the cycle report by its name within the package).
    assert Path(module.removesuffix("/__init__.py")).stem in result.stdout


def _imports(path: Path, module: str) -> list[tuple[str, str]]:
    """(imported module, name) for every `from X import name` in the file, type-only ones included."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            out += [(base, alias.name) for alias in node.names]
    return out


def test_no_private_name_is_imported_from_another_module() -> None:
    modules = _modules()
    private = [
        f"{module} imports {name} from {base}"
        for module, path in modules.items()
        for base, name in _imports(path, module)
        if base in modules and base != module and name.startswith("_") and not name.startswith("__")
    ]
    assert private == []


def test_the_private_name_check_can_fail(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from fopinfo.views.text.blocks import _hidden\n")
    assert _imports(probe, "fopinfo.probe") == [("fopinfo.views.text.blocks", "_hidden")]


def test_modules_stay_readable() -> None:
    long = {
        m: n for m, p in _modules().items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > HARD_CEILING
    }
    assert long == {}, f"split by what a reader looks for: {long}"


def test_the_code_map_names_every_module() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [m for m, path in _modules().items() if f"`{path.relative_to(ROOT)}`" not in text]
    assert missing == [], "ARCHITECTURE.md does not mention these modules (as `fopinfo/…py`)"

"""The compiled form of parsed knowledge and the opt-in cache of --data files, with real files:
never written without FOPINFO_CACHE=1, never served stale, every failure harmless."""

from __future__ import annotations

import datetime
import math
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fopinfo import cache, cache_entry, candidates, compiled, loading, model_codec
from fopinfo.model import InvalidKnowledge
from fopinfo.yaml_reading import read_yaml
from tests.conftest import BUNDLED, ROOT

# ---------------------------------------------------------------- the compiled form


def test_compiled_form_round_trips_parsed_yaml_with_its_dates() -> None:
    data, _ = read_yaml("a: 2022-01-24\nb: [2001-12-14t21:59:43.10-05:00, 1.5, true, null, 7]\n2: {x: ''}\n")
    assert isinstance(data["a"], datetime.date)
    blob = compiled.dumps(data, ("k", 1))
    assert blob is not None
    assert compiled.loads(blob, ("k", 1)) == data


def test_compiled_form_of_the_bundled_file_equals_its_parse() -> None:
    data, _ = read_yaml(BUNDLED.read_text(encoding="utf-8"))
    blob = compiled.dumps(data, "key")
    assert blob is not None and compiled.loads(blob, "key") == data


@pytest.mark.parametrize("mangle", [lambda b: b[: len(b) // 2], lambda b: b"", lambda b: b"\x00" * 64, bytes.upper])
def test_a_truncated_or_corrupt_form_is_missing_not_an_error(mangle: object) -> None:
    blob = compiled.dumps({"a": ["b", 1]}, "key")
    assert blob is not None
    assert compiled.loads(mangle(blob), "key") is compiled.MISSING  # type: ignore[operator]


def test_another_key_or_format_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    blob = compiled.dumps({"a": 1}, ("sha256", "0" * 64))
    assert blob is not None
    assert compiled.loads(blob, ("sha256", "1" * 64)) is compiled.MISSING
    monkeypatch.setattr(compiled, "FORMAT", compiled.FORMAT + 1)
    assert compiled.loads(blob, ("sha256", "0" * 64)) is compiled.MISSING


def test_values_that_cannot_be_kept_exactly_are_not_kept() -> None:
    assert compiled.dumps({"a": math.nan}, "key") is None  # NaN equals nothing: it could not be checked
    assert compiled.dumps({datetime.date(2020, 1, 1): "a"}, "key") is None  # a date as a key
    assert compiled.dumps({"a": object()}, "key") is None


# ---------------------------------------------------------------- the validated model, as plain values


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (records compare equal to plain tuples)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    return bool(a == b)


def large_file(tmp_path: Path, n: int) -> Path:
    out = tmp_path / f"large-{n}.yaml"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_large.py"), str(n), "-o", str(out)], check=True)
    return out


def test_model_codec_gives_back_the_same_records(tmp_path: Path) -> None:
    for k in (loading.load(BUNDLED), loading.load(large_file(tmp_path, 300))):
        plain = model_codec.encode(k)
        blob = compiled.dumps(plain, "key")
        assert blob is not None  # nothing left a record: marshal keeps only plain values
        back = model_codec.decode(compiled.loads(blob, "key"))
        assert same(back, k)
    bundled = loading.load(BUNDLED)
    back = model_codec.decode(model_codec.encode(bundled))
    assert back.handover is not None and back.developments is not None
    statements = {s.id: s for s in back.statements()}
    assert all(statements[s.id] is s for s in back.handover.sheets["school"].statements())  # shared, as validated
    assert all(n in back.developments.notes for ns in back.developments.on.values() for n in ns)


def test_model_codec_keeps_equal_strings_once() -> None:
    """A statement's text is often its quote: written once, read back as one object."""
    blob = compiled.dumps(model_codec.encode(loading.load(BUNDLED)), "key")
    assert blob is not None
    back = model_codec.decode(compiled.loads(blob, "key"))
    same_words = [s for s in back.statements() if s.quote == s.text]
    assert same_words and all(s.quote is s.text for s in same_words)


def test_model_codec_refuses_rows_of_another_length() -> None:
    plain = list(model_codec.encode(loading.load(BUNDLED)))
    section = list(plain[3][0])
    section[4] = (section[4][0][:-1], *section[4][1:])  # a statement short of a field
    plain[3] = (tuple(section), *plain[3][1:])
    with pytest.raises(ValueError):
        model_codec.decode(tuple(plain))


# ---------------------------------------------------------------- the cache

TEXT = BUNDLED.read_text(encoding="utf-8")
HEADLINE = "FOP is ultra-rare"
EDITED = "FOP is ULTRA-RARE"  # the same number of bytes


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty XDG_CACHE_HOME, the cache asked for, and a short clock tick so tests need not wait seconds."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("FOPINFO_CACHE", "1")
    monkeypatch.setattr(cache, "RECENT_NS", 50_000_000)
    return tmp_path / "xdg" / "fopinfo"


def knowledge_file(tmp_path: Path, text: str = TEXT) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    time.sleep(0.1)  # older than RECENT_NS (patched), so it may be kept
    return path


def headline(path: Path) -> str:
    return next(iter(loading.load(path).facts())).headline


class Parses:
    """Counts YAML parses: a load served by the cache parses nothing."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = loading.parse

        def counted(text: str, label: str) -> object:
            self.count += 1
            return real(text, label)

        monkeypatch.setattr(loading, "parse", counted)


def test_nothing_is_written_without_the_opt_in(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = knowledge_file(tmp_path)
    for value in ("", "0", "no"):
        monkeypatch.setenv("FOPINFO_CACHE", value)
        assert headline(path) == HEADLINE
    monkeypatch.delenv("FOPINFO_CACHE")
    assert headline(path) == HEADLINE
    assert not home.parent.exists()


def test_second_load_is_served_from_a_private_cache(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = knowledge_file(tmp_path)
    parses = Parses(monkeypatch)
    first = loading.load(path)
    assert parses.count == 1
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    (entry,) = home.iterdir()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert loading.load(path) == first
    assert parses.count == 1  # served from the cache


def test_the_entry_keeps_the_files_completion_candidates(home: Path, tmp_path: Path) -> None:
    """What the fast path offers after --data FILE: computed as the wheel build computes the bundled file's."""
    path = knowledge_file(tmp_path)
    assert cache_entry.read(str(path), knowledge=False) is compiled.MISSING  # nothing kept yet
    k = loading.load(path)
    assert cache_entry.read(str(path), knowledge=False) == candidates.of(k)
    os.utime(path)  # a touch: the entry is no longer current
    assert cache_entry.read(str(path), knowledge=False) is compiled.MISSING


def test_same_size_edit_with_mtime_restored_is_not_served_stale(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = knowledge_file(tmp_path)
    assert headline(path) == HEADLINE
    before = path.stat()
    time.sleep(0.1)
    with open(path, "r+b") as f:  # in place: same inode, same size
        f.write(TEXT.replace(HEADLINE, EDITED).encode())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -d` would put it back
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert headline(path) == EDITED  # the ctime changed: the entry no longer matches


def test_cp_p_over_the_file_is_not_served_stale(home: Path, tmp_path: Path) -> None:
    path = knowledge_file(tmp_path)
    assert headline(path) == HEADLINE
    other = tmp_path / "other.yaml"
    other.write_text(TEXT.replace(HEADLINE, EDITED), encoding="utf-8")
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    time.sleep(0.1)
    subprocess.run(["cp", "-p", str(other), str(path)], check=True)
    assert headline(path) == EDITED


def test_a_corrupt_entry_is_ignored_and_replaced(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = knowledge_file(tmp_path)
    assert headline(path) == HEADLINE
    (entry,) = home.iterdir()
    for junk in (entry.read_bytes()[:100], b"", b"\xff" * 1000):
        entry.write_bytes(junk)
        parses = Parses(monkeypatch)
        assert headline(path) == HEADLINE
        assert parses.count == 1
    parses = Parses(monkeypatch)
    assert headline(path) == HEADLINE and parses.count == 0  # rewritten whole by the run that ignored it


def test_an_entry_of_another_format_is_ignored(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = knowledge_file(tmp_path)
    assert headline(path) == HEADLINE
    monkeypatch.setattr(compiled, "FORMAT", compiled.FORMAT + 1)
    parses = Parses(monkeypatch)
    assert headline(path) == HEADLINE
    assert parses.count == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_is_harmless(home: Path, tmp_path: Path) -> None:
    path = knowledge_file(tmp_path)
    home.parent.mkdir()
    home.parent.chmod(0o500)  # the cache folder cannot be created
    try:
        assert headline(path) == HEADLINE
        assert not home.exists()
    finally:
        home.parent.chmod(0o700)


def test_a_cache_folder_that_cannot_be_made_or_is_shared_is_harmless(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = knowledge_file(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder would go: even root cannot
    assert headline(path) == HEADLINE
    monkeypatch.setenv("XDG_CACHE_HOME", str(home.parent))
    home.mkdir(parents=True)
    home.chmod(0o777)  # anyone could write here: neither read nor written
    assert headline(path) == HEADLINE
    assert list(home.iterdir()) == []


def test_a_file_changed_just_now_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Within a clock tick an edit may keep the ctime: such a file is read, never kept."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("FOPINFO_CACHE", "1")
    path = tmp_path / "facts.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert headline(path) == HEADLINE
    assert not (tmp_path / "xdg").exists()


def test_an_invalid_file_is_not_kept_and_reports_its_lines(home: Path, tmp_path: Path) -> None:
    path = knowledge_file(tmp_path, TEXT.replace("cites: [6]", "cites: [99]", 1))
    with pytest.raises(InvalidKnowledge) as raised:
        loading.load(path)
    assert all(p.line for p in raised.value.problems)
    assert not home.exists()


def test_the_cli_second_run_imports_no_yaml(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(TEXT, encoding="utf-8")
    old = time.time() - 10
    os.utime(path, (old, old))
    time.sleep(cache.RECENT_NS / 1e9)  # the ctime too must be older than a clock tick
    env = {**os.environ, "FOPINFO_CACHE": "1", "XDG_CACHE_HOME": str(tmp_path / "xdg"), "COLUMNS": "80"}
    env.pop("FOPINFO_DATA", None)
    runs = [
        subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "fopinfo", "--data", str(path), "cite", "7"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for _ in range(2)
    ]
    imported = [{line.split("|")[-1].strip() for line in r.stderr.splitlines()} for r in runs]
    assert "yaml" in imported[0] and "yaml" not in imported[1]
    assert "fopinfo.validation" not in imported[1]  # the cache holds validated knowledge
    assert runs[0].stdout == runs[1].stdout and "Source 7" in runs[1].stdout

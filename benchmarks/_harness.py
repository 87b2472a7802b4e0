"""Shared helpers for the benchmarks: find fopinfo and its interpreter, time commands, report.

Standard library only. The benchmark scripts put this folder on ``sys.path`` because
Python runs them as ``python benchmarks/NAME.py``.

Why a launcher process: on Linux a child's ``ru_maxrss`` is never below the peak RSS
of the process that spawned it (``vfork``/``posix_spawn`` share the parent's memory
until ``exec``, and the kernel records that memory's high-water mark at ``exec``). A
benchmark parent that has imported a few modules would therefore inflate every
reading. So each command is spawned by a tiny ``python -I -S`` launcher that imports
nothing but ``os``/``sys``/``time``; its own peak (measured and printed as
"RSS resolution") is the lowest reading possible, below every floor measured here.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Spawns one command per request line (argv joined by \x1f, after any "\x1eNAME=VALUE"
# fields for its environment, e.g. a shell's completion request), stdin/stdout/stderr on
# /dev/null (never a TTY), and answers "exit_code wall_ns maxrss" per line.
_LAUNCHER = r"""
import os, sys, time
null = os.open(os.devnull, os.O_RDWR)
actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
while True:
    line = sys.stdin.readline()
    if not line:
        break
    argv = line.rstrip("\n").split("\x1f")
    env = dict(os.environ)
    while argv[0].startswith("\x1e"):  # NAME=VALUE for this command's environment
        name, _, value = argv.pop(0)[1:].partition("=")
        env[name] = value
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    sys.stdout.write("%d %d %d\n" % (os.waitstatus_to_exitcode(status), t1 - t0, usage.ru_maxrss))
    sys.stdout.flush()
"""

# ru_maxrss is in KiB on Linux and the BSDs, in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


def find_fopinfo(given: str | None) -> Path:
    """--fopinfo PATH, else the fopinfo beside sys.executable, else the one on PATH."""
    if given:
        path = Path(given)
        found = path if path.is_file() else (Path(p) if (p := shutil.which(given)) else None)
        if found is None:
            sys.exit(f"fopinfo not found: {given}")
        return found.resolve()
    beside = Path(sys.executable).parent / "fopinfo"
    if beside.is_file():
        return beside
    on_path = shutil.which("fopinfo")
    if on_path is None:
        sys.exit("fopinfo not found beside this python or on PATH; pass --fopinfo PATH")
    return Path(on_path)


def script_interpreter(script: Path) -> Path:
    """The python a console script runs under (its shebang), else sys.executable."""
    try:
        with script.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace").splitlines()
    except OSError:
        return Path(sys.executable)
    if not head or not head[0].startswith("#!"):
        return Path(sys.executable)
    words = head[0][2:].split()
    if words and Path(words[0]).name == "env" and len(words) > 1:
        found = shutil.which(words[1])
        return Path(found) if found else Path(sys.executable)
    if words and Path(words[0]).name in ("sh", "bash"):
        # pip's wrapper for long paths: '''exec' "/path/to/python" "$0" "$@"
        for line in head[1:4]:
            if line.startswith("'''exec' "):
                return Path(line.split('"')[1])
        return Path(sys.executable)
    return Path(words[0]) if words else Path(sys.executable)


def child_env() -> dict[str, str]:
    """The caller's environment, minus what would change fopinfo's or Rich's behaviour."""
    env = dict(os.environ)
    for name in (
        "FOPINFO_DATA",
        "FORCE_COLOR",
        "NO_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONTRACEMALLOC",
    ):
        env.pop(name, None)
    env.update(COLUMNS="80", LINES="25")
    return env


def environment_line(python: Path) -> str:
    """Python, platform, CPUs and the dependency versions, as seen by the given interpreter."""
    probe = r"""
import importlib.metadata as m, json, platform, sys
def v(name):
    try:
        return m.version(name)
    except m.PackageNotFoundError:
        return "missing"
try:
    import yaml
    c = hasattr(yaml, "CSafeLoader")
except ImportError:
    c = False
print(json.dumps({"python": platform.python_version(), "impl": platform.python_implementation(),
    "typer": v("typer"), "rich": v("rich"), "pyyaml": v("pyyaml"), "fopinfo": v("fopinfo"), "c_loader": c}))
"""
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=False)
    try:
        info = json.loads(out.stdout)
    except json.JSONDecodeError:
        return f"(could not query {python}: {out.stderr.strip()})"
    return (
        f"{info['impl']} {info['python']} ({python}) · {platform.platform()} · {os.cpu_count()} CPUs · "
        f"fopinfo {info['fopinfo']} · typer {info['typer']} · rich {info['rich']} · pyyaml {info['pyyaml']} · "
        f"yaml C loader: {'yes' if info['c_loader'] else 'NO (pure-Python fallback)'}"
    )


@dataclass
class Sample:
    times_ms: list[float] = field(default_factory=list)
    max_rss_mb: float = 0.0
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")

    @property
    def spread(self) -> str:
        """p25–p75 of the runs (a crude check that the median is stable)."""
        if len(self.times_ms) < 4:
            return "–"
        q = statistics.quantiles(self.times_ms, n=4)
        return f"{q[0]:.0f}–{q[2]:.0f}"


class Launcher:
    """A small, long-lived process that spawns each measured command (see module docstring)."""

    def __init__(self, python: Path, env: dict[str, str]) -> None:
        self.env = env
        self.proc = subprocess.Popen(
            [str(python), "-I", "-S", "-c", _LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def run(self, argv: list[str]) -> tuple[int, float, float]:
        """(exit code, wall ms, max RSS MB) of one run of argv."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if any("\x1f" in a or "\n" in a for a in argv):
            raise ValueError(f"unsupported character in {argv!r}")
        self.proc.stdin.write("\x1f".join(argv) + "\n")
        self.proc.stdin.flush()
        code, ns, rss = self.proc.stdout.readline().split()
        return int(code), int(ns) / 1e6, int(rss) * _RSS_UNIT / (1024 * 1024)

    def resolution_mb(self) -> float:
        """The launcher's own footprint: no child's max RSS can read lower than this."""
        true = shutil.which("true") or "/bin/true"
        return self.run([true])[2]

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def measure(
    launcher: Launcher,
    commands: dict[str, list[str]],
    runs: int,
    warmup: int = 1,
    accept: dict[str, frozenset[int]] | None = None,
) -> dict[str, Sample]:
    """Run every command `runs` times, interleaved, reversing the order every other round.

    A run fails unless it exits 0, or with one of the codes `accept` gives for its name.
    """
    samples = {name: Sample() for name in commands}
    names = list(commands)
    for _ in range(warmup):  # compile .pyc files, warm the page cache
        for name in names:
            launcher.run(commands[name])
    for round_ in range(runs):
        for name in names if round_ % 2 == 0 else reversed(names):
            sample = samples[name]
            if sample.failure:
                continue
            code, ms, rss = launcher.run(commands[name])
            if code not in (accept or {}).get(name, frozenset({0})):
                sample.failure = describe_failure(commands[name], launcher.env, code)
                continue
            sample.times_ms.append(ms)
            sample.max_rss_mb = max(sample.max_rss_mb, rss)
    return samples


def describe_failure(argv: list[str], env: dict[str, str], code: int) -> str:
    extra = dict(a[1:].partition("=")[::2] for a in argv if a.startswith("\x1e"))
    argv = [a for a in argv if not a.startswith("\x1e")]
    again = subprocess.run(
        argv, capture_output=True, text=True, env={**env, **extra}, stdin=subprocess.DEVNULL, check=False
    )
    last = (again.stderr.strip().splitlines() or ["(no stderr)"])[-1]
    return f"exit {code}: {last}"


def table(header: list[str], rows: list[list[str]], left: int = 1) -> str:
    """A Markdown table; the first `left` columns are left-aligned, the rest right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    right = [i >= left for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)]
        return "| " + " | ".join(parts) + " |"

    rule = (
        "|"
        + "|".join(("-" * (w + 1) + ":") if r else (":" + "-" * (w + 1)) for w, r in zip(widths, right, strict=True))
        + "|"
    )
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def display(argv: list[str], python: Path, fopinfo: Path) -> str:
    """A command as a reader would type it."""
    words = []
    for a in argv:
        if a == str(python):
            words.append("python")
        elif a == str(fopinfo):
            words.append("fopinfo")
        elif a.startswith("\x1e"):  # an environment variable of the command's
            name, _, value = a[1:].partition("=")
            words.append(f"{name}='{value}'" if " " in value else a[1:])
        else:
            words.append(f'"{a}"' if " " in a else a)
    return "`" + " ".join(words) + "`"


def print_verdict(failing: list[str]) -> int:
    """Prints the verdict; returns the script's exit code: 1 when a goal was missed, else 0."""
    print()
    if failing:
        print("Goals not met:")
        for line in failing:
            print(f"- {line}")
        return 1
    print("All goals met.")
    return 0

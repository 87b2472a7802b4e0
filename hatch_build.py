"""Wheel build hook: ship the bundled knowledge pre-parsed and validated (``fopinfo/data/facts.marshal``).

The YAML is parsed and validated by this source tree's own fopinfo (``yaml_reading`` and
``validation``, exactly as a run parses it) and kept as the validated model (``model_codec``,
as the opt-in cache keeps other files: a run neither parses nor validates it again), in a
separate interpreter that asserts no other installed fopinfo stands in for it (not ``-I``:
that would hide PyYAML, which pip's isolated build provides through PYTHONPATH), and written
by ``fopinfo.compiled`` with the format version and the SHA-256 of the YAML bytes it came
from; what it loads back must equal the model, or the build fails. Beside it, the completion
candidates (``fopinfo/data/completion.marshal``: every topic's and term's names with the
title that describes them, every source's number and text, computed from the validated
knowledge by ``fopinfo.candidates``, the function the opt-in cache uses for other files)
under the same hash, for ``fopinfo.fast_path``. At run time a form that does not match the
installed ``facts.yaml`` byte for byte is ignored and the YAML parsed instead.

A bundled file that does not parse or validate fails the build: a wheel would otherwise
ship a knowledge file every command refuses. Editable installs get no compiled form (they
parse the YAML, or use the opt-in cache, FOPINFO_CACHE=1).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "fopinfo/data/facts.marshal"
CANDIDATES_TARGET = "fopinfo/data/completion.marshal"

COMPILE = r"""
import hashlib, sys
root, source, out, candidates_out = sys.argv[1:5]
sys.path.insert(0, root)
import fopinfo
from pathlib import Path
assert Path(fopinfo.__file__).resolve().parent == Path(root, "fopinfo").resolve(), fopinfo.__file__
from fopinfo.candidates import of
from fopinfo.compiled import dumps, loads
from fopinfo.loading import bundled_key
from fopinfo.model_codec import decode, encode
from fopinfo.validation import validate
from fopinfo.yaml_reading import read_yaml

raw = Path(source).read_bytes()
data, duplicates = read_yaml(raw.decode("utf-8-sig"))
knowledge, problems = validate(data)
if duplicates or knowledge is None:
    sys.exit("data/facts.yaml is not a valid knowledge file: " + "; ".join(map(str, duplicates + problems)))
key = bundled_key(hashlib.sha256(raw).hexdigest())
blob = dumps(encode(knowledge), key)
if blob is None or decode(loads(blob, key)) != knowledge:
    sys.exit("data/facts.yaml holds values the compiled form cannot keep exactly")
Path(out).write_bytes(blob)

blob = dumps(of(knowledge), ("completion", "sha256", hashlib.sha256(raw).hexdigest()))
if blob is None:
    sys.exit("the completion candidates cannot be kept exactly")
Path(candidates_out).write_bytes(blob)
"""


class CompiledKnowledge(BuildHookInterface):  # type: ignore[type-arg,misc,unused-ignore]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        self.work = tempfile.mkdtemp(prefix="fopinfo-build-")
        out = Path(self.work) / "facts.marshal"
        candidates = Path(self.work) / "completion.marshal"
        done = subprocess.run(
            [sys.executable, "-c", COMPILE, str(root), str(root / "data" / "facts.yaml"), str(out), str(candidates)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"compiling data/facts.yaml failed: {done.stderr.strip()}")
        build_data["force_include"][str(out)] = TARGET
        build_data["force_include"][str(candidates)] = CANDIDATES_TARGET

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "work", None)
        if work:
            shutil.rmtree(work, ignore_errors=True)

"""Environment values fopinfo reads through other libraries, made safe before they are read.

Rich takes COLUMNS and LINES (and the JUPYTER_ ones) when ``str.isdigit()`` says so, then
calls ``int()``: a superscript two (``COLUMNS=²``) passes the first and fails the second, a
traceback. shutil reads them with ``int()``, which also takes " 80" and Arabic-Indic digits.
Here only plain ASCII digits within a terminal's range count; anything else is removed, so
every reader (Rich, shutil, the pager) falls back to its default.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

SIZE_VARIABLES = ("COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES")
MAX_CELLS = 65535  # a terminal's size is an unsigned short (struct winsize)


def drop_bad_sizes(environ: MutableMapping[str, str] = os.environ) -> None:
    """Remove every size variable that is not ASCII digits within 0 to MAX_CELLS."""
    for name in SIZE_VARIABLES:
        value = environ.get(name)
        if value is not None and not is_size(value):
            del environ[name]


def is_size(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 5 and int(value) <= MAX_CELLS

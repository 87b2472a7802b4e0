"""Hold a validated knowledge file against the text of its source document.

Pure: takes a ``Knowledge`` and the source's text, returns a ``Report`` of findings
(each named by its path in the YAML file, e.g. ``sections[2].facts[0].statements[1].text``)
and of the editorial elements a person must review.
"""

from fopinfo.folding import normalise
from fopinfo.provenance.proof import check
from fopinfo.provenance.report import Finding, Report, ReviewItem
from fopinfo.provenance.text import markers_after

__all__ = ["Finding", "Report", "ReviewItem", "check", "markers_after", "normalise"]

"""Markdown for every content view, and the printable handout in Markdown and HTML."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from fopinfo.loading import load
from tests.conftest import BUNDLED, ROOT, Run

PARSER = MarkdownIt("commonmark", {"html": False})
# fopinfo's own addresses in the handout: its notes' public records and the labels boxed warnings are shown on.
_NOTES = load().developments.notes  # type: ignore[union-attr]
OWN_URLS = sorted(
    {n.reference.url or "" for n in _NOTES} | {n.warning.reference.url or "" for n in _NOTES if n.warning is not None}
)
DISCLAIMER = (
    "fopinfo: not medical advice. The source: “Please always consult a healthcare professional if you require "
    "healthcare advice or if you have any specific concerns regarding Fibrodysplasia Ossificans Progressiva. "
    "The information provided here is not intended to replace professional advice.”"
)
ORIGIN = "Source: “What is FOP?”, Ipsen, reference NON-US-001996, December 2020 — 5 years ago as of 25 November 2026."


def plain_text(markdown: str) -> str:
    """What a reader sees: the text of every inline token, syntax removed."""
    parts = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            parts.append("".join(child.content for child in token.children or [] if child.type == "text"))
    return "\n".join(parts)


def inline_types(markdown: str) -> set[str]:
    return {child.type for token in PARSER.parse(markdown) if token.type == "inline" for child in token.children or []}


def shown(statement: dict[str, Any]) -> str:
    cites = statement["cites"]
    text: str = statement["text"]
    return text + (" [" + ",".join(map(str, cites)) + "]" if cites else " (uncited)")


def statements_in(doc: Any) -> list[dict[str, Any]]:
    """Every statement object anywhere in a JSON document."""
    found = []
    if isinstance(doc, dict):
        if "cites" in doc and "text" in doc and doc.get("kind", "statement") == "statement":
            found.append(doc)
        if "used_in" in doc:  # define: the statements that use an unexplained term, by id
            by_id = {s.id: s for s in load().statements()}
            found += [{"text": by_id[i].text, "cites": list(by_id[i].cites)} for i in doc["used_in"]]
        for value in doc.values():
            found += statements_in(value)
    elif isinstance(doc, list):
        for value in doc:
            found += statements_in(value)
    return found


CONTENT = [
    ["facts"],
    ["topic", "what"],
    ["topic", "management"],
    ["topic", "facts"],
    ["topic", "diagnosis"],
    ["cite", "7"],
    ["cite", "9"],
    ["search", "bone", "--limit", "0"],
    ["define", "flare-up"],
]


@pytest.mark.parametrize("args", CONTENT, ids=" ".join)
def test_markdown_holds_the_same_statements_and_markers_as_json(run: Run, args: list[str]) -> None:
    markdown = run(*args, "--markdown")
    assert markdown.exit_code == 0
    text = plain_text(markdown.stdout)
    statements = statements_in(json.loads(run(*args, "--json").stdout))
    assert statements
    for statement in statements:
        assert shown(statement) in text
    assert DISCLAIMER in text
    assert ORIGIN in text
    assert "\x1b" not in markdown.stdout


def test_markdown_views_of_sources_topics_and_define(run: Run) -> None:
    sources = plain_text(run("sources", "--markdown").stdout)
    assert "[7] cited by 4 statements: not reproduced in the copy" in sources
    assert "Numbered by the source; the copy fopinfo uses does not reproduce them." in sources
    topics = plain_text(run("--markdown", "topics").stdout)
    assert "management: How is FOP managed? (also: managed, treatment, care)" in topics
    hallux = plain_text(run("define", "bunions", "--markdown").stdout)
    assert "may look like bunions (hallux valgus) but they are not." in hallux
    assert "such as cancer, other tumors, bunions or other rare diseases. [11,12]" in hallux


def test_markdown_shape(run: Run) -> None:
    out = run("topic", "management", "--markdown").stdout
    assert out.startswith(
        "# How is FOP managed?\n\n"
        "There is currently no cure for FOP and management is primarily focused on: [9]\n\n"
        "- careful avoidance of activities"
    )
    assert "\n- optimizing existing physical function\n" in out
    assert out.count("[9]") == 1  # printed once, after the lead, as in the source


def test_json_and_markdown_together_is_a_usage_error(run: Run) -> None:
    result = run("facts", "--json", "--markdown")
    assert (result.exit_code, result.stderr) == (2, "Error: choose one of --json and --markdown\n")


def test_markdown_path_does_not_import_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fopinfo", "facts", "--markdown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    modules = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "fopinfo.views.markdown" in modules
    assert not [m for m in modules if m.split(".")[0] in ("rich", "markdown_it")]


# ---------------------------------------------------------------- the handout


def test_handout_holds_every_statement_marker_origin_and_disclaimer(run: Run) -> None:
    k = load()
    result = run("handout")
    assert result.exit_code == 0
    text = plain_text(result.stdout)
    for statement in k.statements():
        cites = " [" + ",".join(map(str, statement.cites)) + "]" if statement.cites else " (uncited)"
        assert statement.text + cites in text, statement.id
    for fact in k.facts():
        assert f"{fact.number}. {fact.headline}" in text
    for term in k.glossary:
        assert term.term in text
    assert "The source uses this term but does not explain it." in text  # flare-up
    assert "Numbered by the source; the copy fopinfo uses does not reproduce them." in text
    assert ORIGIN in text and DISCLAIMER in text
    headings = [t.content for t in PARSER.parse(result.stdout) if t.type == "inline"]
    # fopinfo's own title is marked †, explained under "About this handout"
    for title in (
        "What is FOP?",
        "What Causes FOP?",
        "How is FOP managed?",
        "Discovery of the FOP gene †",
        "FOP Facts",
    ):
        assert title in headings


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [value or "" for name, value in attrs if name in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_handout_html_is_self_contained_and_printable(run: Run) -> None:
    result = run("handout", "--html")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    page = parse_html(result.stdout)
    assert "script" not in page.tags
    # No external assets (the source's related pages have no addresses): the only addresses are
    # fopinfo's notes' public records, as links.
    assert sorted(page.urls) == OWN_URLS
    assert "style" in page.tags and "@media print" in result.stdout
    text = " ".join("".join(page.text).split())
    assert "Only around one or two people per million have the condition. [1]" in text
    assert DISCLAIMER in text


def test_handout_topics(run: Run) -> None:
    text = plain_text(run("handout", "--topic", "frequency", "--topic", "discovery").stdout)
    assert "Only around one or two people per million have the condition. [1]" in text
    assert "Researchers discovered the gene responsible for extra bone formation in FOP in 2006 [6]" in text
    assert "Over time HO leads to ribbons" not in text
    assert DISCLAIMER in text
    bad = run("handout", "--topic", "nope")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: no topic named 'nope'")


# ---------------------------------------------------------------- data cannot inject

INJECTION = "<script>alert(1)</script> [x](javascript:alert(1)) ![img](http://example.com/t.png) *emphasis* &amp;"


@pytest.fixture
def injected(tmp_path: Path) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["sections"][0]["statements"][0]["text"] = INJECTION
    data["sections"][0]["title"] = "# " + INJECTION
    data["sections"][4]["facts"][0]["headline"] = "1. " + INJECTION
    data["glossary"][0]["definition"] = "- " + INJECTION
    path = tmp_path / "injected.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_injected_markdown_is_inert_and_literal(run: Run, injected: Path) -> None:
    for args in (
        ["handout"],
        ["topic", "what", "--markdown"],
        ["facts", "--markdown"],
        ["define", "fop", "--markdown"],
    ):
        out = run("--data", str(injected), *args).stdout
        allowed = {"text", "softbreak", "em_open", "em_close", "strong_open", "strong_close", "link_open", "link_close"}
        assert inline_types(out) <= allowed
        assert set(re.findall(r'href="([^"]*)"', PARSER.render(out))) <= set(OWN_URLS)  # only the notes' records
        assert INJECTION in plain_text(out)
        # emphasis comes only from fopinfo's own wording, never from the data's *emphasis*
        assert "*emphasis*" in plain_text(out)


def test_injected_html_is_inert_and_literal(run: Run, injected: Path) -> None:
    out = run("--data", str(injected), "handout", "--html").stdout
    page = parse_html(out)
    assert not {"script", "img"} & set(page.tags)
    assert sorted(page.urls) == OWN_URLS
    assert "&lt;script&gt;" in out
    assert INJECTION in "".join(page.text)


def test_handout_json_holds_every_statement(run: Run) -> None:
    doc = json.loads(run("handout", "--json").stdout)
    assert [t["id"] for t in doc["topics"]] == ["what", "causes", "management", "discovery", "facts"]
    assert {s["id"] for s in statements_in(doc["topics"])} == {s.id for s in load().statements()}
    assert [t["term"] for t in doc["glossary"]][-1] == "flare-up"
    assert len(doc["sources"]) == 15 and doc["origin"]["date"] == "2020-12"
    chosen = json.loads(run("--json", "handout", "--topic", "community").stdout)
    assert [t["kind"] for t in chosen["topics"]] == ["subject"] and "glossary" not in chosen
    both = run("handout", "--json", "--html")
    assert (both.exit_code, both.stderr) == (2, "Error: choose one of --json and --html\n")


def test_markdown_quote_keeps_fopinfo_labels_outside_the_source_words(run: Run) -> None:
    out = run("cite", "8", "--quote", "--markdown").stdout
    assert (
        "- FOP is a congenital genetic condition which means that it is present at birth. However, the diagnosis "
        "will often not be made until much later in childhood when a flare-up arouses suspicion. [8] — "
        "*What Causes FOP? (causes.5)*\n\n"
        "  > “FOP is a congenital genetic condition which means that it is present at birth. However, the diagnosis "
        "will often not be made until much later in childhood when a flare-up arouses suspicion.” [8]\n"
    ) in out
    quotes = [t for t in PARSER.parse(out) if t.type == "blockquote_open"]
    assert len(quotes) == 1


def test_text_that_looks_like_a_list_stays_text(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    data["sections"][3]["statements"][0]["text"] = "2006. - + > = # not a list, quote or heading"
    path = tmp_path / "k.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = run("--data", str(path), "topic", "discovery", "--markdown").stdout
    types = {t.type for t in PARSER.parse(out)}
    assert not {"ordered_list_open", "blockquote_open"} & types
    assert "2006. - + > = # not a list, quote or heading [6]" in plain_text(out)

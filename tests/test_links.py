"""Links that work, data that never links: fopinfo's own addresses (the public records its notes
rest on) are real links in Markdown and HTML, while text from a knowledge file never becomes one,
rendered by cmark-gfm (GitHub's renderer) and by markdown-it with linkify. Markers print as
[1,4], escaped only where CommonMark would read a link."""

from __future__ import annotations

import copy
import html as html_text
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import cmarkgfm
import pytest
import yaml
from markdown_it import MarkdownIt

from fopinfo.loading import load
from tests.conftest import BUNDLED, Run

ORIGINAL: dict[str, Any] = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
NOTES = load().developments.notes  # type: ignore[union-attr]
# fopinfo's own addresses: the notes' public records (and the labels their boxed warnings are shown on),
# and the guidance pointers' records on each sheet.
OWN = sorted(
    {n.reference.url for n in NOTES if n.reference.url}
    | {n.warning.reference.url for n in NOTES if n.warning is not None and n.warning.reference.url}
)
GUIDANCE = {a: sorted(g.url for g in load().guidance if a in g.audiences) for a in ("emergency", "dentist", "school")}
# The sheets with a part on medicines (emergency, dentist) also link where a label's warning is shown.
WARNINGS = {n.warning.reference.url for n in NOTES if n.warning is not None and n.warning.reference.url}
SHEET = {a: sorted(set(urls) | (WARNINGS if a != "school" else set())) for a, urls in GUIDANCE.items()}
EVERY = sorted(set(OWN) | {url for urls in GUIDANCE.values() for url in urls})
URL, WWW, MAIL = "https://evil.example/x", "www.evil.com", "evil@evil.com"  # linkify knows .com, not .example
LINK_SYNTAX = "[1](https://evil.example/y) [2]: https://evil.example/z ![3](https://evil.example/i.png)"

Renderer = Callable[[str], str]
LINKIFY = MarkdownIt("commonmark", {"linkify": True, "html": False}).enable("linkify")
RENDERERS: dict[str, Renderer] = {
    "cmark-gfm": cmarkgfm.github_flavored_markdown_to_html,
    "markdown-it+linkify": LINKIFY.render,
}


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', html)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_renderers_link_raw_data_so_the_proofs_below_can_fail(renderer: str) -> None:
    for raw in (URL, WWW, MAIL, LINK_SYNTAX):
        assert hrefs(RENDERERS[renderer](raw)), raw


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize(
    "args", [["updates"], ["handout"], ["search", "palovarotene"], ["handout", "--for", "dentist"]], ids=" ".join
)
def test_own_addresses_are_real_links(run: Run, renderer: str, args: list[str]) -> None:
    markdown = run(*args, "--markdown").stdout
    assert "https\\:" not in markdown and "www\\." not in markdown  # never broken by escapes
    links = sorted(set(hrefs(RENDERERS[renderer](markdown))))
    expected = {"updates": OWN, "handout": OWN, "handout --for dentist": SHEET["dentist"]}.get(" ".join(args))
    if expected is None:  # a search shows the notes it finds
        assert links and set(links) <= set(OWN)
    else:
        assert links == expected
    assert all(f"<{url}>" in markdown for url in links)


def test_own_addresses_are_links_in_html_with_the_address_as_their_text(run: Run) -> None:
    for args, expected in (
        (["handout", "--html"], OWN),
        (["handout", "--for", "emergency", "--html"], SHEET["emergency"]),
        (["handout", "--for", "school", "--html"], SHEET["school"]),
    ):
        html = run(*args).stdout
        anchors = re.findall(r'<a href="([^"]*)">([^<]*)</a>', html)
        assert sorted(set(href for href, _ in anchors)) == expected, args
        # Printed on paper, the address shows (markdown-it writes a percent-escape in the text as its character).
        assert all(unquote(href) == unquote(html_text.unescape(text)) for href, text in anchors)
    # A card has room for one line on medicines: its only link is where a label's warning is shown.
    card = re.findall(r'<a href="([^"]*)">', run("card", "--html").stdout)
    assert sorted(set(card)) == sorted(WARNINGS)


def _hostile(tmp_path: Path, text: str) -> Path:
    data = copy.deepcopy(ORIGINAL)
    data["sections"][0]["statements"][0]["text"] = text
    data["sections"][4]["facts"][0]["statements"][0]["text"] = text
    data["glossary"][1]["definition"] = text
    data["developments"]["notes"][0]["text"] = text  # a note's words are data too: only its record links
    data["handover"]["card"]["title"] = text
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


HOSTILE_VIEWS = [["facts"], ["topic", "what"], ["define", "HO"], ["search", "evil"], ["updates"], ["card"], ["handout"]]


@pytest.mark.parametrize("renderer", ["markdown-it+linkify", "cmark-gfm"])
def test_an_email_in_data_never_links(run: Run, tmp_path: Path, renderer: str) -> None:
    path = _hostile(tmp_path, f"write to {MAIL} now")
    for args in HOSTILE_VIEWS:
        markdown = run("--data", str(path), "--markdown", *args).stdout
        assert_only_own_links(args, RENDERERS[renderer](markdown))


def assert_only_own_links(args: list[str], rendered: str) -> None:
    """Every link is one of fopinfo's own note records; the views of every note link them all."""
    links = set(hrefs(rendered))
    assert links <= set(EVERY), (args, links - set(EVERY))
    if args in (["updates"], ["handout"]):
        assert sorted(links) == OWN


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("text", [f"see {URL} now", f"see {WWW} now", f"see {URL.upper()}", LINK_SYNTAX])
def test_data_never_links(run: Run, tmp_path: Path, renderer: str, text: str) -> None:
    path = _hostile(tmp_path, text)
    for args in HOSTILE_VIEWS:
        markdown = run("--data", str(path), "--markdown", *args).stdout
        rendered = RENDERERS[renderer](markdown)
        assert_only_own_links(args, rendered)
        assert "evil" in rendered.lower() and "<img" not in rendered


def test_markers_print_as_they_do_in_the_source(run: Run) -> None:
    facts = run("facts", "--markdown").stdout
    assert "cause problems with mobility. [1,4]\n" in facts
    assert "\\[" not in facts.replace("\\[n\\]", "")
    sources = run("sources", "--markdown").stdout
    assert "- **[7]** cited by 4 statements" in sources
    for renderer in RENDERERS.values():
        assert "mobility. [1,4]</li>" in renderer(facts)


def test_a_marker_that_would_make_a_link_stays_escaped(run: Run, tmp_path: Path) -> None:
    # Data that puts "(" or ":" right after a marker-like bracket: CommonMark would read a link.
    path = _hostile(tmp_path, "[5](https://evil.example/a) and [6]: https://evil.example/b and [7][8] and [9]")
    markdown = run("--data", str(path), "topic", "what", "--markdown").stdout
    assert "\\[5\\](https" in markdown and "\\[6\\]: https" in markdown and "\\[7\\]" in markdown
    assert " and [9] " in markdown  # nothing follows: printed as it is
    for renderer in RENDERERS.values():
        assert hrefs(renderer(markdown)) == []

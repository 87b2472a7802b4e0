"""No fill-in and no data ever becomes a link, proven with GitHub's own renderer (cmark-gfm, through
the cmarkgfm package) as well as markdown-it with linkify: e-mail addresses, URLs, www."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import BUNDLED, Run

HOSTILE = (
    "write to help@fop.example, mailto:me@evil.org or xmpp:a@b.example, sam.lee+fop@mail.example; "
    "see https://evil.example/x?y=1, HTTP://EVIL.EXAMPLE, ftp://a.example/f, www.evil.com or evil.com"
)
LINKIFY = MarkdownIt("commonmark", {"linkify": True, "html": False}).enable("linkify")
GFM_EXTENSIONS = ["autolink", "table", "strikethrough", "tagfilter", "tasklist"]


def renderings(markdown: str) -> dict[str, str]:
    return {
        "cmark-gfm (GitHub)": cmarkgfm.github_flavored_markdown_to_html(markdown),
        "cmark-gfm extensions": cmarkgfm.markdown_to_html_with_extensions(markdown, extensions=GFM_EXTENSIONS),
        "markdown-it linkify": LINKIFY.render(markdown),
    }


def visible(rendered: str) -> str:
    """The text a reader sees: tags removed, entities decoded, the invisible word joiner dropped."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).replace("\u2060", "").split())


# fopinfo's own addresses (its notes' records, boxed-warning labels, guidance pointers) are real links
# whose text is the address (tests/test_links.py); nothing else may be.
_DATA = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
OWN = {n["reference"]["url"] for n in _DATA["developments"]["notes"]}
OWN |= {n["warning"]["reference"]["url"] for n in _DATA["developments"]["notes"] if n.get("warning")}
OWN |= {pointer["url"] for pointer in _DATA.get("guidance") or []}


def assert_no_link(markdown: str, *shown: str) -> None:
    for renderer, rendered in renderings(markdown).items():
        links = [(href, text) for href, text in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>([^<]*)', rendered)]
        strangers = [link for link in links if link[0] not in OWN]
        assert not strangers, (renderer, strangers)
        for text in shown:
            assert text in visible(rendered), (renderer, text)


def test_the_renderers_would_link_the_raw_text() -> None:
    """The control: unescaped, each renderer links these; the backslash escape alone does not stop GitHub."""
    assert renderings(HOSTILE)["cmark-gfm (GitHub)"].count("<a ") >= 6
    assert "mailto:help@fop.example" in cmarkgfm.github_flavored_markdown_to_html(r"help\@fop\.example")


FILL_INS = {
    "--name": "Sam Lee (sam@lee.example)",
    "--contact": "help@fop.example or www.fop.example",
    "--doctor": "https://ada.example, ada@clinic.example",
    "--note": "see mailto:me@evil.org and evil.com",
}


@pytest.mark.parametrize(
    "command", [["card"], ["handout", "--for", "emergency"], ["handout", "--for", "school"]], ids=" ".join
)
@pytest.mark.parametrize("flag", FILL_INS)
def test_fill_ins_never_link(run: Run, command: list[str], flag: str) -> None:
    result = run(*command, "--markdown", flag, FILL_INS[flag])
    assert result.exit_code == 0, result
    assert_no_link(result.stdout, FILL_INS[flag])


def test_the_contact_of_the_issue(run: Run) -> None:
    result = run("card", "--markdown", "--contact", "help@fop.example")
    assert_no_link(result.stdout, "help@fop.example")


# Every free-text field of the knowledge file (names, statements, titles, quotes, the origin's
# wording, notes, hand-over headings); ids, dates, hashes and fopinfo's own reference URLs are not text.
TEXT_KEYS = {
    "aliases", "audience", "definition", "disclaimer", "heading", "headline", "items", "label", "left_out",
    "publisher", "quote", "reason", "reference", "region", "term", "text", "title", "words",
}  # fmt: skip


# A left-out line's reason is a choice from a closed list, not free text: the file would not load.
LEFT_OUT_REASONS = {"navigation link", "image caption", "site banner", "cookie notice", "credits", "call to action"}


def _poison(node: Any, key: str = "") -> Any:
    if key == "reason" and node in LEFT_OUT_REASONS:
        return node
    if isinstance(node, dict):
        return {k: _poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, key) for v in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return f"{node} {HOSTILE}"
    return node


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = _poison(yaml.safe_load(BUNDLED.read_text(encoding="utf-8")))
    path = tmp_path_factory.mktemp("gfm") / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return path


COMMANDS = [
    [],
    ["facts", "--quote"],
    ["topics"],
    ["topic", "what", "--quote"],
    ["topic", "management"],
    ["cite", "7", "--quote"],
    ["sources"],
    ["search", "evil", "injection"],  # "evil" is in every entry here: alone it would match nothing
    ["define", "heterotopic-ossification", "--quote"],  # by id: every name and alias here is poisoned
    ["updates"],
    ["handout"],
    ["handout", "--for", "emergency"],
    ["handout", "--for", "dentist"],
    ["card"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "(overview)")
def test_data_never_links(run: Run, hostile_file: Path, args: list[str]) -> None:
    result = run("--data", str(hostile_file), "--markdown", *args)
    assert result.exit_code == 0, result
    assert HOSTILE.split(",")[0] in result.stdout.replace("&#x2060;", "").replace("\\", "")  # the data is shown
    assert_no_link(result.stdout)

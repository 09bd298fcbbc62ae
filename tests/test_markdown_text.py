"""Data text stays plain text in every Markdown construct the templates put it in.

Each text is escaped by the core, placed where the templates place data (a paragraph, a list item, a
table cell, a heading, an admonition), rendered by Python-Markdown with the site's own extensions
(read from mkdocs.yml), and read back: the page must show exactly the text, in the one element it
was put in, whatever Markdown or HTML the text holds.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import pytest
from helpers import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from treatysite.markdown_text import block, inline

_CONFIG = load_config(str(REPO / "mkdocs.yml"))
# Characters with a meaning somewhere in Markdown, its extensions or HTML; and words, so that runs form.
_ALPHABET = list("-_*~?=!:+.#>|`[](){}<>&;\\/\"'^%$@ 0123456789") + ["a", "b", "word", "\n", "\n\n", "&lt;", "&#42;", "<b>", "</p>"]
_TEXTS = st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())
# Where the templates put data text, with {} for the escaped text.
PLACES = {
    "paragraph": "Before.\n\n{}\n\nAfter.\n",
    "list item": "- {}\n",
    "table cell": "| a | b |\n| --- | --- |\n| x | {} |\n",
    "heading": "## On {} { data-search-exclude }\n",
    "admonition": '!!! note "How sure is this?"\n    {}\n',
}


def render(source: str) -> str:
    md = markdown.Markdown(extensions=_CONFIG["markdown_extensions"], extension_configs=_CONFIG["mdx_configs"])
    return md.convert(source)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(rendered: str) -> tuple[list[str], str]:
    reader = _Reader()
    reader.feed(re.sub(r'<a class="headerlink".*?</a>', "", rendered))
    return reader.tags, " ".join("".join(reader.text).split())


def shown(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, place=st.sampled_from(sorted(PLACES)))
def test_text_shows_as_written_in_every_place(text: str, place: str) -> None:
    if place == "paragraph":  # blank lines in a text field make paragraphs, each a <p> of its own
        parts = [shown(part) for part in re.split(r"\n\s*\n", text) if part.strip()]
        escaped, frame, wanted = block(text), "\n\n".join(["FRAME"] * len(parts)), " ".join(parts)
    else:
        escaped, frame, wanted = inline(text), "FRAME", shown(text)
    expected_tags, frame_text = read(render(PLACES[place].replace("{}", frame)))
    tags, page_text = read(render(PLACES[place].replace("{}", escaped)))
    assert tags == expected_tags, (text, place, tags)
    assert page_text == frame_text.replace(" ".join(["FRAME"] * frame.count("FRAME")), wanted), (text, place)


@pytest.mark.parametrize("text", ["---", "***", "___", "~~~", "```", "???+ note", "!!! danger", "===", "- - -", "> quote",
                                  "1. one", "# heading", "[TOC]", "<!-- x -->", "    indented", ": definition", "| a |"])
def test_block_openers_alone_in_a_paragraph_are_text(text: str) -> None:
    rendered = render(f"{block('First paragraph.')}\n\n{block(text)}\n\n{block('<b>bold?</b>')}\n\n{block(text)}\n")
    assert read(rendered) == (["p", "p", "p", "p"], f"First paragraph. {shown(text)} <b>bold?</b> {shown(text)}")


def test_entities_typed_in_data_show_as_typed() -> None:
    assert read(render(str(block("&lt;b&gt; &amp; &#42;"))))[1] == "&lt;b&gt; &amp; &#42;"
    assert html.unescape(str(inline("A & B"))) == "A & B"

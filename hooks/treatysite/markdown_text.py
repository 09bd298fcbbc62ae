"""Escaping data text for Markdown, so text from YAML shows as written and never becomes markup.

Contributors write plain prose in YAML. Anything that Markdown or HTML would interpret (links,
emphasis, raw tags, table pipes, rules, fences and list markers at the start of a line) is escaped
here, which is why a `<script>` or `[x](javascript:...)` in a data file renders as harmless text.
Every value a template prints goes through `inline` (the templates' finalize), so nothing is left to
remember in a template. `html_text` is for the one place the engine reads no Markdown: navigation labels.
"""

from __future__ import annotations

import functools
import re

from markupsafe import Markup, escape

_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# Only characters Python-Markdown (with the tables extension) accepts as backslash escapes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# A numbered-list marker at the start of a paragraph: "1. " or "1) ".
_LIST_MARKER = re.compile(r"^(\d+)([.)])(?=\s)")


def inline(text: object) -> Markup:
    """One line of escaped text: whitespace (including newlines) collapses to single spaces."""
    if isinstance(text, Markup):
        return text
    if text is None:
        return Markup("")
    return _escaped_line(str(text))


@functools.lru_cache(maxsize=1 << 16)
def _escaped_line(text: str) -> Markup:
    # Titles, names and citation labels are escaped for every link to them: thousands of times each.
    return Markup(_escape(" ".join(text.split())))


def html_text(text: str) -> str:
    """Text for a place the site engine writes into pages as HTML without escaping it (navigation
    labels): escaped for HTML only, since no Markdown is read there."""
    return str(escape(" ".join(text.split())))


def block(text: object) -> Markup:
    """Escaped paragraphs: blank lines in the YAML text separate paragraphs."""
    if isinstance(text, Markup):
        return text
    return Markup("\n\n".join(paragraphs(text)))


def paragraphs(text: object) -> list[Markup]:
    """The escaped paragraphs of a text, one item each (for numbered paragraphs)."""
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", str(text or ""))]
    return [Markup(_escape(part)) for part in parts if part]


def _escape(text: str) -> str:
    # A line that starts with punctuation can open a block: '---' a rule, '~~~' a code block, '???' a
    # collapsible box, '!!!' an admonition, '- ' a list. Each paragraph is one line, so writing its
    # first character as a character reference closes every such door, whatever extensions are on.
    head = f"&#{ord(text[0])};" if text and text[0] in _PUNCTUATION else ""
    text = text[1:] if head else text
    text = text.translate(_HTML)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return head + (text if head else _LIST_MARKER.sub(r"\1\\\2", text))

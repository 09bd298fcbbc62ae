"""Escaping data text for Markdown, so text from YAML shows as written and never becomes markup.

Contributors write plain prose in YAML. Anything that Markdown or HTML would interpret (links,
emphasis, raw tags, table pipes, list markers at the start of a line) is escaped here, which is
why a `<script>` or `[x](javascript:...)` in a data file renders as harmless text.
"""

from __future__ import annotations

import functools
import re

from markupsafe import Markup

_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# Only characters Python-Markdown (with the tables extension) accepts as backslash escapes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
# A list marker at the start of a paragraph: "- ", "+ " or "1. ".
_LIST_MARKER = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))(?=\s)", re.MULTILINE)


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
    text = text.translate(_HTML)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_MARKER.sub(_escape_list_marker, text)


def _escape_list_marker(match: re.Match[str]) -> str:
    indent, bullet, digits, dot = match.groups()
    return indent + ("\\" + bullet if bullet else digits + "\\" + dot)

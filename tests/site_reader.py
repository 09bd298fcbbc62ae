"""Reading a built site: pages, their links and their anchors, with the standard library's HTML parser."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class HtmlPage:
    hrefs: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = HtmlPage()
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.page.hrefs.append(values["href"])

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def read_page(path: Path) -> HtmlPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.page.text = " ".join("".join(parser._text).split())
    return parser.page


def html_path(site: Path, md_path: str) -> Path:
    """Where MkDocs (use_directory_urls) writes the page built from `md_path`."""
    stem = md_path.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        return site / posixpath.dirname(stem) / "index.html"
    return site / stem / "index.html"


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor a relative link points at; None for outside links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def links_to(site: Path, page: Path, target: Path) -> bool:
    """Whether `page` has a link to `target` (any anchor)."""
    for href in read_page(page).hrefs:
        resolved = resolve(site, page, href)
        if resolved and resolved[0] == target.resolve():
            return True
    return False

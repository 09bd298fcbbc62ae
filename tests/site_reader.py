"""Reading a built site: pages, their links and their anchors, with the standard library's HTML parser."""

from __future__ import annotations

import posixpath
import re
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


# The inline scripts Material for MkDocs 9.8 writes into every page (how they begin); anything else that
# can run is a finding of `active_content`.
_THEME_SCRIPTS = ("__md_scope=new URL(", 'var palette=__md_get("__palette")', "var target=document.getElementById(location.hash.slice(1))")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _ActiveContent(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES and value and value.strip().lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value[:40]}>")
        if tag in ("iframe", "object", "embed", "base", "frame") or (tag == "meta" and values.get("http-equiv", "").lower() == "refresh"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self._script, self._script_text = values, []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        script, text = self._script, "".join(self._script_text).strip()
        self._script = None
        if script.get("src"):
            if urlsplit(script["src"]).scheme or not re.search(r"(^|/)assets/(javascripts|vendor)/", urlsplit(script["src"]).path):
                self.found.append(f"<script src={script['src']}>")
        elif script.get("type") == "application/json" and script.get("id") == "__config":
            return
        elif not text.startswith(_THEME_SCRIPTS):
            self.found.append(f"<script>{text[:60]}")


def active_content(path: Path) -> list[str]:
    """What in the page can run or load another document, other than the theme's own scripts: inline
    scripts, event-handler attributes, javascript: addresses, frames, objects, <base>, refreshes."""
    parser = _ActiveContent()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found

"""The builds with the network cut, and what the offline copy is made of. No browser needed."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from helpers import REPO

from .support import PERSON_ID, NoNetwork

VENDOR = REPO / "docs" / "assets" / "vendor" / "iframe-worker"
SHIM = "assets/vendor/iframe-worker/shim.js"


def test_both_builds_succeed_with_the_network_cut(isolation: NoNetwork, normal_site: Path, offline_site: Path) -> None:
    # The fixtures ran `mkdocs build --strict` under this isolation; check that it really cuts the network.
    assert isolation.probe() == "no network", f"{isolation.how} leaves the network reachable"
    assert (normal_site / "index.html").is_file()
    assert (offline_site / "index.html").is_file()


def test_offline_copy_uses_html_file_urls_and_the_normal_build_keeps_directory_urls(
    normal_site: Path, offline_site: Path
) -> None:
    assert (normal_site / "people" / PERSON_ID / "index.html").is_file()
    assert not (normal_site / "people" / f"{PERSON_ID}.html").exists()
    assert (offline_site / "people" / f"{PERSON_ID}.html").is_file()
    assert not (offline_site / "people" / PERSON_ID).exists()
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert f'href="people/{PERSON_ID}.html"' in home
    # Search from file:// reads the index from a script, which only the offline plugin writes.
    assert (offline_site / "search" / "search_index.js").is_file()
    assert not (normal_site / "search" / "search_index.js").exists()


class _Loads(HTMLParser):
    """Every address an HTML page makes the browser load by itself (not the links a reader follows)."""

    ATTRIBUTES = {"src", "srcset", "poster", "data", "href", "xlink:href"}
    NOT_LOADED = {"canonical", "alternate", "author", "license", "me", "edit", "search", "prev", "next"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._in_style = tag == "style"
        for name, value in values.items():
            if name == "style":
                self.urls += _css_urls(value)
            if name not in self.ATTRIBUTES or tag == "a" or tag == "form":
                continue
            if tag == "link" and set(values.get("rel", "").lower().split()) & self.NOT_LOADED:
                continue
            candidates = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            self.urls += [candidate for candidate in candidates if candidate]

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += _css_urls(data)


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(css)]


def _is_remote(url: str) -> bool:
    return url.startswith("//") or urlsplit(url).scheme not in ("", "data", "file")


def test_offline_copy_loads_nothing_from_outside(offline_site: Path) -> None:
    remote = []
    for path in sorted(offline_site.rglob("*")):
        if path.suffix == ".html":
            parser = _Loads()
            parser.feed(path.read_text(encoding="utf-8"))
            urls = parser.urls
        elif path.suffix == ".css":
            urls = _css_urls(path.read_text(encoding="utf-8"))
        else:
            continue
        remote += [f"{path.relative_to(offline_site)}: {url}" for url in urls if _is_remote(url)]
    assert not remote, "the offline copy loads from outside:\n" + "\n".join(remote[:30])
    # The iframe-worker shim (search from file://) is the local copy, not unpkg's.
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert f'<script src="{SHIM}"></script>' in home
    assert (offline_site / SHIM).is_file()
    assert "unpkg.com" not in home


def test_vendored_shim_is_iframe_worker_1_0_4_with_its_licence() -> None:
    readme = (VENDOR / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("iframe-worker 1.0.4")
    digest = hashlib.sha256((VENDOR / "shim.js").read_bytes()).hexdigest()
    assert f"sha256 of shim.js: {digest}" in readme, "shim.js changed: update README.txt (version, checksum)"
    assert "MIT" in readme and "Martin Donath" in (VENDOR / "LICENSE").read_text(encoding="utf-8")


def test_test_tools_stay_out_of_the_published_site(normal_site: Path, offline_site: Path) -> None:
    for site in (normal_site, offline_site):
        assert not [path for path in site.rglob("*") if path.name.startswith("axe")], f"axe-core in {site}"

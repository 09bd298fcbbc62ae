"""The same site from every engine: MkDocs with our hook (the site's own build, `built_site`) against
the folder `python hooks/treatysite render` writes, built without the hook by MkDocs, ProperDocs and
Zensical, and the repository built by ProperDocs with the hook.

Same pages, same article (the page's main content, edit link included) and the same search entries,
allowing only the differences listed in ENGINE_DIFFERENCES. Zensical does not warn about pages left out
of the navigation, nor about links to folders, so those checks are made here on its output.

Marked `engines` (`-m "not engines"` skips them); they need .venv-properdocs and .venv-zensical (see
engine_support.py).
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from helpers import REPO
from engine_support import build, render
from site_reader import read_page, resolve

from treatysite.engine_config import read_config

pytestmark = pytest.mark.engines

EDIT_URI = read_config(REPO / "mkdocs.yml")["edit_uri"]  # with its !ENV tags resolved, as every engine does

# The differences allowed between an engine's output and the hook's build, each with its reason.
# Pages are compared as the tags, attributes and text inside <article>, whitespace collapsed; files by path.
ENGINE_DIFFERENCES = {
    "zensical": {
        # Zensical's target for "Skip to content" is the article's first element; Material's is outside it.
        "skip link target": (re.compile(r"<a id=__skip tabindex=-1>\n</a>\n"), ""),
        # Material's search plugin leaves data-search-exclude on the page; Zensical removes it after leaving
        # those sections out of its index (test_search_entries_are_the_same checks that it does).
        "search exclusion attribute": (re.compile(r" data-search-exclude=None"), ""),
        # A link to an anchor on the same page: MkDocs writes ./#anchor, Zensical #anchor; both stay on the page.
        "same-page anchor links": (re.compile(r"href=\./#"), "href=#"),
    },
}
# Files named differently or missing, by engine: {hook build's path: the engine's path, or None}.
ENGINE_FILES = {
    "zensical": {
        "search/search_index.json": "search.json",  # Zensical's search index, in its own format
        "sitemap.xml.gz": None,  # Zensical writes sitemap.xml only
    },
}
# The theme's own files (scripts, stylesheets, icons) differ by engine and version: not compared.
THEME_ASSETS = re.compile(r"^assets/(javascripts|stylesheets|images)/")
BUILDS = ["mkdocs-rendered", "properdocs-hook", "properdocs-rendered", "zensical-rendered"]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(tmp_path_factory.mktemp("rendered") / "project")


@pytest.fixture(scope="session")
def engine_sites(tmp_path_factory: pytest.TempPathFactory, rendered: Path):
    """Each build of BUILDS, made once for the session when first asked for."""
    sites: dict[str, Path] = {}

    def site(name: str) -> Path:
        if name not in sites:
            engine, source = name.split("-")
            project = REPO if source == "hook" else rendered
            sites[name] = build(engine, project, tmp_path_factory.mktemp(name) / "site")
        return sites[name]

    return site


class _Article(HTMLParser):
    """The page's <article> as one line per tag and text run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "article"
        if self.depth:
            self.parts.append(f"<{tag}" + "".join(f" {name}={value}" for name, value in sorted(attrs)) + ">")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.parts.append(f"</{tag}>")
        self.depth -= tag == "article"

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.parts.append(" ".join(data.split()))


def article(page: Path, engine: str = "mkdocs", *, keep: str | None = None) -> str:
    """The article as text, with `engine`'s listed differences taken out (of either build's page), but
    for the one named `keep`."""
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    text = "\n".join(parser.parts)
    differences = ENGINE_DIFFERENCES.get(engine, {})
    for pattern, replacement in (differences[name] for name in differences if name != keep):
        text = pattern.sub(replacement, text)
    return text


def site_files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def pages(site: Path) -> list[str]:
    return sorted(path for path in site_files(site) if path.endswith(".html"))


@pytest.mark.parametrize("name", BUILDS)
def test_every_engine_publishes_the_same_files(name: str, engine_sites, built_site: Path) -> None:
    engine = name.split("-")[0]
    renamed = ENGINE_FILES.get(engine, {})
    expected = {renamed.get(path, path) for path in site_files(built_site) if not THEME_ASSETS.match(path)} - {None}
    found = {path for path in site_files(engine_sites(name)) if not THEME_ASSETS.match(path)}
    assert sorted(found - expected) == [] and sorted(expected - found) == []
    assert len(pages(built_site)) > 70


@pytest.mark.parametrize("name", BUILDS)
def test_every_page_has_the_same_article(name: str, engine_sites, built_site: Path) -> None:
    engine, site = name.split("-")[0], engine_sites(name)
    differing = [path for path in pages(built_site) if article(built_site / path, engine) != article(site / path, engine)]
    assert differing == [], f"{len(differing)} pages differ, the first: {differing[0]}\n" + _first_difference(
        article(built_site / differing[0], engine), article(site / differing[0], engine))
    # The comparison sees the edit links: one to a provision's YAML file, none on a list page without a source.
    provision = article(site / "provisions/ru-ir-2025/art-03-3-no-aid-to-aggressor/index.html", engine)
    assert f"href={EDIT_URI}data/provisions/art-03-3-no-aid-to-aggressor.yml" in provision
    assert f"href={EDIT_URI}docs/methodology.md" in article(site / "methodology/index.html", engine)
    assert "rel=edit" not in article(site / "people/index.html", engine)
    # Each listed difference is still needed: a release that drops one should drop it from the list too.
    needless = [name for name in ENGINE_DIFFERENCES.get(engine, {}) if all(
        article(built_site / path, engine, keep=name) == article(site / path, engine, keep=name) for path in pages(built_site))]
    assert needless == []


def _first_difference(expected: str, found: str) -> str:
    for line, (wanted, got) in enumerate(zip(expected.splitlines(), found.splitlines())):
        if wanted != got:
            return f"line {line}: expected {wanted!r}\n         found    {got!r}"
    return f"one is longer: {len(expected.splitlines())} against {len(found.splitlines())} lines"


def test_properdocs_with_the_hook_builds_what_mkdocs_builds(engine_sites, built_site: Path) -> None:
    """ProperDocs runs our hook itself: every file is byte for byte MkDocs' but for the generator tag."""
    site = engine_sites("properdocs-hook")
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    different = [
        path for path in sorted(site_files(built_site) - {"sitemap.xml.gz"})
        if generator.sub(b"", (built_site / path).read_bytes()) != generator.sub(b"", (site / path).read_bytes())
    ]
    assert different == []


def test_search_entries_are_the_same(engine_sites, built_site: Path) -> None:
    """Zensical's index has the entries Material's has: the sections kept out of search stay out."""
    material = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    zensical = json.loads((engine_sites("zensical-rendered") / "search.json").read_text(encoding="utf-8"))["items"]
    assert sorted((entry["location"], entry["title"]) for entry in zensical) == sorted(
        (entry["location"], entry["title"]) for entry in material)


# --- What Zensical does not check: made here on its output ------------------------------------------


def pages_missing_from_nav(site: Path) -> list[str]:
    """Pages whose own navigation does not mark them as the current page (Material and Zensical give the
    current page's nav link the class md-nav__link--active): pages the nav does not list."""
    return [path for path in pages(site) if path != "404.html"
            and "md-nav__link--active" not in (site / path).read_text(encoding="utf-8")]


def broken_links(site: Path, directory_urls: bool) -> list[str]:
    """Links to a file or anchor the site does not have and, without directory URLs (the offline copy,
    opened from file://, where a folder shows as a file listing), links to a folder."""
    found = []
    for path in pages(site):
        if path == "404.html":
            continue  # only a web server shows it, and it addresses the site from the server's root
        page = site / path
        for href in read_page(page).hrefs:
            target = resolve(site, page, href)
            if target is None:
                continue
            linked_folder = href.split("#")[0].endswith("/") or (page.parent / href.split("#")[0]).is_dir()
            if not directory_urls and href.split("#")[0] and linked_folder:
                found.append(f"{path}: {href} is a folder")
            elif not target[0].is_file():
                found.append(f"{path}: {href} leads nowhere")
            elif target[1] and target[0].suffix == ".html" and target[1] not in read_page(target[0]).ids:
                found.append(f"{path}: {href} has no such anchor")
    return found


def test_zensical_build_has_every_page_in_the_nav_and_no_broken_link(engine_sites) -> None:
    site = engine_sites("zensical-rendered")
    assert pages_missing_from_nav(site) == []
    assert broken_links(site, directory_urls=True) == []


def test_the_checks_find_a_page_missing_from_the_nav_and_a_folder_link(tmp_path: Path, rendered: Path) -> None:
    """The checks above can fail: a page taken out of the nav, and a link to a folder in a build without
    directory URLs, both of which Zensical builds without a word."""
    project = tmp_path / "project"
    shutil.copytree(rendered, project, ignore=shutil.ignore_patterns("site", ".cache"))
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [item for item in config["nav"] if item != {"Compare": "compare/index.md"}]
    config["use_directory_urls"] = False
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with open(project / "docs" / "methodology.md", "a", encoding="utf-8") as page:
        page.write("\n[the people](people/)\n")
    site = build("zensical", project, tmp_path / "site")
    assert pages_missing_from_nav(site) == ["compare/index.html"]
    assert broken_links(site, directory_urls=False) == ["methodology.html: people/ is a folder"]


def test_zensical_offline_copy_links_files_not_folders(tmp_path: Path) -> None:
    project = render(tmp_path / "project", "--config", "mkdocs-offline.yml")
    site = build("zensical", project, tmp_path / "site")
    assert (site / "methodology.html").is_file() and (site / "search.js").is_file()
    assert broken_links(site, directory_urls=False) == []
    assert pages_missing_from_nav(site) == []
    assert "rel=edit" not in article(site / "provisions/index.html", "zensical")  # edit_uri is null offline


def test_zensical_pages_use_the_classic_look_and_load_nothing_from_outside(engine_sites) -> None:
    site = engine_sites("zensical-rendered")
    # Any script, stylesheet, font or image from another host (the canonical link is an address, not a load).
    outside = re.compile(r'<(?:script|link(?![^>]*rel="canonical")|img)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.IGNORECASE)
    for path in pages(site):
        html = (site / path).read_text(encoding="utf-8")
        assert 'stylesheets/classic/main.' in html, f"{path}: not the classic look"
        assert not outside.search(html), f"{path}: loads {outside.search(html).group(0)}"

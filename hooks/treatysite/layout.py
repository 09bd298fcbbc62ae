"""Where each page lives in the site, and the navigation that lists them.

Paths are relative to the docs folder, as Markdown files ('people/samuel-ramani.md'); the site engine
turns them into addresses. Provisions are grouped in one folder per treaty, so that the navigation has
one section per treaty rather than one flat list of every provision.
"""

from __future__ import annotations

from typing import Any

from .dataset import FOLDERS, Dataset
from .model import Record

NavItem = str | dict[str, Any]
COVERAGE_PAGE = "provisions/coverage.md"
COMPARE_PAGE = "compare/index.md"
DATA_PAGE = "data/index.md"
DOWNLOADS = "downloads"


def page_path(kind: str, record: Record) -> str:
    """Where the page of one record lives."""
    if kind == "provision":
        return f"provisions/{record.treaty}/{record.id}.md"
    if kind == "source":
        return "sources/index.md"
    if kind == "event":
        return "timeline/index.md"
    return f"{FOLDERS[kind]}/{record.id}.md"


def index_path(kind: str) -> str:
    return "timeline/index.md" if kind == "event" else f"{FOLDERS[kind]}/index.md"


def navigation(dataset: Dataset) -> list[NavItem]:
    provisions: list[NavItem] = [index_path("provision")]
    if any(t.role == "primary" and t.articles for t in dataset.treaty.values()):
        provisions.append(COVERAGE_PAGE)
    for treaty in dataset.treaty.values():
        members = [page_path("provision", p) for p in dataset.provision.values() if p.treaty == treaty.id]
        if members:
            provisions.append({treaty.short_title: members})
    nav: list[NavItem] = [
        {"Treaties": [index_path("treaty"), *(page_path("treaty", t) for t in dataset.treaty.values())]},
        {"Provisions": provisions},
        {"Compare": COMPARE_PAGE},
    ]
    for kind, title in (("domain", "Domains"), ("person", "People"), ("project", "Projects")):
        nav.append({title: [index_path(kind), *(page_path(kind, r) for r in dataset.of_kind(kind).values())]})
    nav.append({"Timeline": index_path("event")})
    nav.append({"Sources": index_path("source")})
    nav.append({"Data": DATA_PAGE})
    return nav

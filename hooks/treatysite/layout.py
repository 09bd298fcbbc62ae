"""Where each page lives in the site, and the navigation that lists them.

Paths are relative to the docs folder, as Markdown files ('people/samuel-ramani.md'); the site engine
turns them into addresses. Provisions are grouped in one folder per treaty, so that the navigation has
one section per treaty rather than one flat list of every provision.
"""

from __future__ import annotations

import math
from collections import defaultdict
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


NAV_GROUP = 50  # at most this many entries in one navigation list
TREATY_GROUP = 10  # more related treaties than this: they go into "Related treaties", in groups of this many


def navigation(dataset: Dataset) -> list[NavItem]:
    """The generated sections. Long lists are split into sub-sections (see `_grouped`): with
    navigation.sections a top-level section is always open, so each of its entries is on every page,
    while navigation.prune folds a closed sub-section into a single link."""
    members: dict[str, list[tuple[str, NavItem]]] = defaultdict(list)
    for p in dataset.provision.values():
        members[p.treaty].append((p.number if p.article is not None else p.title, page_path("provision", p)))
    primary = [t for t in dataset.treaty.values() if t.role == "primary"]
    related = [t for t in dataset.treaty.values() if t.role != "primary"]
    provisions: list[NavItem] = [index_path("provision")]
    if any(t.articles for t in primary):
        provisions.append(COVERAGE_PAGE)
    provisions += [{t.short_title: _grouped(members[t.id])} for t in primary if members[t.id]]
    provisions += _related([(t.short_title, {t.short_title: _grouped(members[t.id])}) for t in related if members[t.id]])
    treaties = [page_path("treaty", t) for t in primary] + _related([(t.short_title, page_path("treaty", t)) for t in related])
    nav: list[NavItem] = [
        {"Treaties": [index_path("treaty"), *treaties]},
        {"Provisions": provisions},
        {"Compare": COMPARE_PAGE},
    ]
    for kind, title in (("domain", "Domains"), ("person", "People"), ("project", "Projects")):
        records = dataset.of_kind(kind).values()
        label = (lambda r: r.name.split()[-1]) if kind == "person" else (lambda r: r.title)
        nav.append({title: [index_path(kind), *_grouped([(label(r), page_path(kind, r)) for r in records])]})
    nav.append({"Timeline": index_path("event")})
    nav.append({"Sources": index_path("source")})
    nav.append({"Data": DATA_PAGE})
    return nav


def _grouped(entries: list[tuple[str, NavItem]], size: int = NAV_GROUP) -> list[NavItem]:
    """The entries as they are if there are at most `size`, else in balanced sub-sections of at most
    `size`, each named after its first and last entries ("Abbasi – Haddad")."""
    if len(entries) <= size:
        return [item for _, item in entries]
    count = math.ceil(len(entries) / size)
    step = math.ceil(len(entries) / count)
    chunks = [entries[start:start + step] for start in range(0, len(entries), step)]
    return [{f"{chunk[0][0]} – {chunk[-1][0]}": [item for _, item in chunk]} for chunk in chunks]


def _related(entries: list[tuple[str, NavItem]]) -> list[NavItem]:
    if len(entries) <= TREATY_GROUP:
        return [item for _, item in entries]
    return [{"Related treaties": _grouped(entries, TREATY_GROUP)}]

"""Where each page lives in the site, and the navigation that lists them.

Paths are relative to the docs folder, as Markdown files ('people/samuel-ramani.md'); the site engine
turns them into addresses. Provisions are grouped in one folder per treaty, so that the navigation has
one section per treaty rather than one flat list of every provision.
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from typing import Any

from .dataset import Dataset
from .errors import DataError
from .kinds import KIND
from .markdown_text import html_text
from .model import Record

NavItem = str | dict[str, Any]
COVERAGE_PAGE = "provisions/coverage.md"
COMPARE_PAGE = "compare/index.md"
DATA_PAGE = "data/index.md"
DOWNLOADS = "downloads"


def page_path(kind: str, record: Record) -> str:
    """Where the page of one record lives (a source's or an event's: its kind's list page)."""
    return KIND[kind].page_path(record)


def index_path(kind: str) -> str:
    return KIND[kind].index_path


# Ids that would take the place of something else: a record with the id 'index' would be written over
# its kind's list page; a source or event id is an anchor on its list page, beside the anchors of that
# page's own headings ('Sources', 'Timeline', the years of the timeline).
_TAKEN_ANCHORS = {"source": ("sources", "the heading 'Sources'"), "event": ("timeline", "the heading 'Timeline'")}
_YEAR = re.compile(r"[0-9]{4}")


def reserved_id(kind: str, record_id: str) -> str | None:
    """Why `record_id` may not be used for a record of `kind`, or None when it may."""
    if record_id == "index":
        return f"the id 'index' is reserved: {index_path(kind)} is the list of {KIND[kind].folder}; choose another id"
    anchor, taken_by = _TAKEN_ANCHORS.get(kind, ("", ""))
    if record_id == anchor:
        return f"the id '{record_id}' is reserved: it is the anchor of {taken_by} on {index_path(kind)}; choose another id"
    if kind == "event" and _YEAR.fullmatch(record_id):
        return f"the id '{record_id}' is reserved: it is the anchor of the year's heading on {index_path(kind)}; add the date and a few words"
    return None


NAV_GROUP = 50  # at most this many entries in one navigation list
TREATY_GROUP = 10  # more related treaties than this: they go into "Related treaties", in groups of this many


def navigation(dataset: Dataset) -> list[NavItem]:
    """The generated sections. Long lists are split into sub-sections (see `_grouped`): with
    navigation.sections a top-level section is always open, so each of its entries is on every page,
    while navigation.prune folds a closed sub-section into a single link.

    Section labels are HTML, escaped here: MkDocs and Material write navigation labels into every page
    as they are (a page's own entry is labelled with its title, which the engine takes, escaped, from
    the page's first heading)."""
    members: dict[str, list[tuple[str, NavItem]]] = defaultdict(list)
    for p in dataset.provision.values():
        members[p.treaty].append((html_text(p.nav_label), page_path("provision", p)))
    primary = [t for t in dataset.treaty.values() if t.role == "primary"]
    related = [t for t in dataset.treaty.values() if t.role != "primary"]
    provisions: list[NavItem] = [index_path("provision")]
    if any(t.articles for t in primary):
        provisions.append(COVERAGE_PAGE)
    provisions += [{html_text(t.nav_label): _grouped(members[t.id])} for t in primary if members[t.id]]
    provisions += _related([(html_text(t.nav_label), {html_text(t.nav_label): _grouped(members[t.id])}) for t in related if members[t.id]])
    treaties = [page_path("treaty", t) for t in primary] + _related([(html_text(t.nav_label), page_path("treaty", t)) for t in related])
    nav: list[NavItem] = [
        {KIND["treaty"].nav_title: [index_path("treaty"), *treaties]},
        {KIND["provision"].nav_title: provisions},
        {"Compare": COMPARE_PAGE},
    ]
    for kind in ("domain", "person", "project"):
        records = dataset.of_kind(kind).values()
        nav.append({KIND[kind].nav_title: [index_path(kind), *_grouped([(html_text(r.nav_label), page_path(kind, r)) for r in records])]})
    nav.append({KIND["event"].nav_title: index_path("event")})
    nav.append({KIND["source"].nav_title: index_path("source")})
    nav.append({"Data": DATA_PAGE})
    return nav


def nav_labels(nav: list[NavItem]) -> dict[str, tuple[str, ...]]:
    """The labels the navigation gives each page (path: labels), as plain text: readers type them too."""
    found: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for item in nav:
        if isinstance(item, dict):
            for label, target in item.items():
                if isinstance(target, str):
                    found[target] += (html.unescape(label),)
                else:
                    for path, labels in nav_labels(target).items():
                        found[path] += labels
    return dict(found)


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


def output_paths(path: str) -> set[str]:
    """The files a page or file at `path` (relative to the docs folder) is published as, with and without
    directory URLs (the published site uses them, the offline copy does not); compared without case,
    as Windows and macOS file systems compare names."""
    stem, dot, suffix = path.rpartition(".")
    if not dot or suffix != "md":
        return {path.casefold()}
    folder, _, name = stem.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        return {f"{prefix}index.html".casefold()}
    return {f"{stem}/index.html".casefold(), f"{stem}.html".casefold()}


def clashes(generated: dict[str, str], hand_written: dict[str, str]) -> list[DataError]:
    """An error for every page or file published at the same place as another one.

    `generated` and `hand_written` map paths relative to the docs folder to the file a contributor
    would edit (a data file, or the page in docs/). Without this check the site engine keeps one of
    the two and drops the other with at most a warning: a record with the id 'index' would replace its
    kind's list page, a hand-written docs/people/samuel-ramani.md the generated page.
    """
    taken: dict[str, tuple[str, str]] = {}
    errors = []
    for path, origin in [*generated.items(), *hand_written.items()]:
        for output in sorted(output_paths(path)):
            if output in taken:
                other_path, other_origin = taken[output]
                errors.append(DataError.whole_file(
                    origin,
                    f"{path} would be published as {output}, where {other_path} (from {other_origin}) is published; "
                    "rename one of them",
                ))
                break
            taken.setdefault(output, (path, origin))
    return errors

"""Render the dataset into Markdown pages, one Jinja2 template per page kind.

`render_site` is the whole public surface: it returns a `Site` with the `GeneratedPage`s (a path
relative to the docs folder, Markdown content, and the data file behind it), the `GeneratedFile`s
published as they are (the data export), and the navigation. It knows nothing of MkDocs; the hook
hands all of it to MkDocs.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from . import vocabulary
from .dataset import Dataset
from .dates import parse_date
from .export import csv_tables, dataset_json
from .kinds import KIND, KINDS, PAGE_KINDS
from .layout import COMPARE_PAGE, COVERAGE_PAGE, DATA_PAGE, DOWNLOADS, NavItem, nav_labels, navigation, page_path
from .links import Links
from .locators import group, parse_locator
from .markdown_text import block, inline, paragraphs
from .model import Citation, Provision, Source
from .publication import CONTENT_LICENCE, SITE_NAME
from .schemas import SCHEMA_DIR
from .search_index import other_names
from .search_weight import front_matter

TEMPLATES = Path(__file__).parent / "templates"
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the site: `path` is relative to the docs folder, e.g. 'people/samuel-ramani.md'."""

    path: str
    content: str
    data_file: str | None = None
    # The page's other names (a record's aliases, other scripts and spellings; its navigation labels),
    # indexed as strongly as its title.
    search_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeneratedFile:
    """A file published as it is (JSON, CSV), at `path` relative to the site root; a table's data rows
    are counted in `rows`."""

    path: str
    content: str
    rows: int | None = None


@dataclass(frozen=True)
class Site:
    pages: list[GeneratedPage]
    files: list[GeneratedFile]
    nav: list[NavItem]


@dataclass(frozen=True)
class Publishing:
    """How pages are addressed once published, for the "cite this page" block."""

    site_url: str | None = None
    directory_urls: bool = True

    def url_of(self, md_path: str) -> str:
        stem = md_path.removesuffix(".md")
        if self.directory_urls:
            stem = stem.removesuffix("index").rstrip("/")
            address = f"{stem}/" if stem else ""
        else:
            address = f"{stem}.html"
        return f"{self.site_url.rstrip('/')}/{address}" if self.site_url else address


def render_site(dataset: Dataset, publishing: Publishing = Publishing()) -> Site:
    renderer = _Renderer(dataset, publishing)
    pages: list[GeneratedPage] = []
    for kind in PAGE_KINDS:
        for record in dataset.of_kind(kind.name).values():
            pages.append(renderer.page(kind.page_template, kind.page_path(record), record.file, other_names(record), record=record))
        pages.append(renderer.page(kind.index_template, kind.index_path, None))
    for treaty in dataset.treaty.values():
        if treaty.role == "primary" and treaty.articles:
            pages.append(renderer.page("coverage.md.j2", COVERAGE_PAGE, None, treaty=treaty))
    pages.append(renderer.page("compare.md.j2", COMPARE_PAGE, None, **_comparison(dataset)))
    pages += [renderer.page(kind.index_template, kind.index_path, None) for kind in KINDS if not kind.has_pages]
    files = _downloads(dataset, publishing)
    pages.append(renderer.page("data.md.j2", DATA_PAGE, None, downloads=files))
    nav = navigation(dataset)
    labels = nav_labels(nav)
    pages = [dataclasses.replace(page, search_names=page.search_names + labels.get(page.path, ())) for page in pages]
    return Site(pages=pages, files=files, nav=nav)


def _downloads(dataset: Dataset, publishing: Publishing) -> list[GeneratedFile]:
    files = [GeneratedFile(f"{DOWNLOADS}/treaty-commentary.json", dataset_json(dataset, publishing.site_url))]
    files += [GeneratedFile(f"{DOWNLOADS}/csv/{name}", table.text, table.rows) for name, table in csv_tables(dataset).items()]
    files += [
        GeneratedFile(f"{DOWNLOADS}/schemas/{path.name}", path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    ]
    return files


def _comparison(dataset: Dataset) -> dict[str, Any]:
    """Provisions grouped by (obligation type, treaty): the cells of the comparison table."""
    cells: dict[tuple[str, str], list[Provision]] = defaultdict(list)
    for provision in dataset.provision.values():
        cells[(provision.obligation.type, provision.treaty)].append(provision)
    treaties = list(dataset.treaty.values())
    return {
        "treaties": treaties,
        "columns": [t for t in treaties if any(p.treaty == t.id for p in dataset.provision.values())],
        "cells": cells,
        "types_present": {obligation_type for obligation_type, _ in cells},
    }


class _Renderer:
    def __init__(self, dataset: Dataset, publishing: Publishing) -> None:
        self.dataset = dataset
        self.publishing = publishing
        self.links = Links(dataset)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            auto_reload=False,  # one Environment per render: templates cannot change under it
            undefined=jinja2.StrictUndefined,
            finalize=inline,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=True,
        )
        self.env.filters.update(
            block=block, inline=inline, paragraphs=paragraphs, html=escape, fuzzy_date=parse_date,
            capitalize_first=capitalize_first,
        )
        self.env.globals.update(
            ds=dataset,
            kinds=KINDS,
            links=self.links,
            words=vocabulary,
            link=self.link,
            cite=self.cite,
            cites=self.cites,
            url=self.url,
            published_url=publishing.url_of,
            site_name=SITE_NAME,
            content_licence=CONTENT_LICENCE,
        )
        self.env.filters["external"] = external_link
        macros = self.env.get_template("_macros.md.j2").module
        self.date_words = macros.when
        self.locator_words = macros.locator_words
        self.env.globals["locator_text"] = self.locator_text

    def page(
        self, template: str, path: str, data_file: str | None, search_names: tuple[str, ...] = (), **context: Any
    ) -> GeneratedPage:
        content = self.env.get_template(template).render(page_path=path, **context)
        content = front_matter(template) + _BLANK_RUNS.sub("\n\n", content).strip() + "\n"
        return GeneratedPage(path=path, content=content, data_file=data_file, search_names=search_names)

    @jinja2.pass_context
    def url(self, context: jinja2.runtime.Context, target: str, anchor: str = "") -> Markup:
        """A link target relative to the page being rendered, as MkDocs expects."""
        relative = _relative(target, posixpath.dirname(context["page_path"]) or ".")
        return Markup(relative + (f"#{anchor}" if anchor else ""))

    @jinja2.pass_context
    def link(self, context: jinja2.runtime.Context, kind: str, record_id: str, text: str | None = None) -> Markup:
        record = self.dataset.of_kind(kind)[record_id]
        label = text or record.display_title
        anchor = "" if KIND[kind].has_pages else record_id
        return Markup(f"[{inline(label)}]({self.url(context, page_path(kind, record), anchor)})")

    @jinja2.pass_context
    def cite(self, context: jinja2.runtime.Context, citation: Citation) -> Markup:
        source = self.dataset.source[citation.source]
        label = citation_label(source, self.date_words)
        text = f"[{inline(label)}]({self.url(context, page_path('source', source), source.id)})"
        if citation.locator:
            text += f", {self.locator_text(citation.source, citation.locator)}"
        if citation.note:
            text += f" ({inline(citation.note)})"
        return Markup(text)

    def locator_text(self, source_id: str, locator: str) -> Markup:
        """Where in the source, for a reader: a structured document's passages in words, any other locator as written."""
        structure = self.dataset.source[source_id].structure
        if structure is None:
            return inline(locator)
        return Markup(self.locator_words(group(parse_locator(structure, source_id, locator))))

    @jinja2.pass_context
    def cites(self, context: jinja2.runtime.Context, citations: tuple[Citation, ...]) -> Markup:
        return Markup("; ".join(self.cite(context, citation) for citation in citations))


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def citation_label(source: Source, date_words: Callable[[str], str]) -> str:
    """Short label for in-text citations: 'Siddiqi, 4 March 2025' for authored work, 'TASS' for a wire item;
    `date_words` words the date (the template macro `when`)."""
    date = date_words(source.date) if source.date else None
    if source.authors:
        label = source.authors[0].split()[-1] + ("" if len(source.authors) == 1 else " et al.")
        return f"{label}, {date or 'undated'}"
    return source.outlet + (f", {date}" if date else "")


def capitalize_first(text: str) -> Markup:
    """The text with its first letter in capitals and the rest as it is (Jinja's `capitalize` lowers the rest)."""
    return Markup(text[:1].upper()) + Markup(text[1:]) if isinstance(text, Markup) else inline(text[:1].upper() + text[1:])


def external_link(address: str) -> Markup:
    """A link to an outside address, shown as text; characters that could end the link are encoded."""
    return Markup(f"[{inline(address)}]({quote(address, safe=_URL_SAFE)})")


_URL_SAFE = ":/?#@!$&'*+,;=%~-._"

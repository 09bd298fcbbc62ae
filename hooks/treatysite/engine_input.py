"""What a site engine is given: the generated files, each with the file to edit, and the whole navigation.

The MkDocs hook hands these to MkDocs during its build; `python hooks/treatysite render` writes them
into a project folder that engines without our hook (ProperDocs, Zensical) build. Both go through
here and through `prepared_site`, so every engine publishes the same pages under the same navigation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataErrors
from .docs_folder import check_docs_folder
from .layout import NavItem
from .load import LoadCache, load_dataset
from .pages import Publishing, Site, render_site


@dataclass(frozen=True)
class SiteFile:
    """A file to publish: `path` relative to the docs folder; `source` is the file to edit for it,
    relative to the repository root (a YAML file in data/), or None when it has none of its own;
    `search_names` are a page's other names, which the search index holds beside its title."""

    path: str
    content: str
    source: str | None
    search_names: tuple[str, ...] = ()


def rendered_site(data_dir: Path, root: Path, publishing: Publishing, cache: LoadCache | None = None) -> Site:
    """The data loaded, validated and rendered; raises DataErrors listing every problem."""
    return render_site(load_dataset(data_dir, root, cache=cache), publishing)


def checked_against_docs(site: Site, docs_dir: Path, root: Path) -> Site:
    """`site`, once docs/ holds no link or special file and nothing in it takes a generated file's place.
    Run before the engine lists docs/ (MkDocs follows links there)."""
    problems = check_docs_folder(site, docs_dir, root)
    if problems:
        raise DataErrors(problems)
    return site


def site_files(site: Site) -> list[SiteFile]:
    pages = [SiteFile(page.path, page.content, page.data_file, page.search_names) for page in site.pages]
    return pages + [SiteFile(download.path, download.content, None) for download in site.files]


def site_nav(site: Site, hand_written: list[NavItem]) -> list[NavItem]:
    """The whole navigation: the generated sections go after the first hand-written entry (the home page)."""
    return [*hand_written[:1], *site.nav, *hand_written[1:]]

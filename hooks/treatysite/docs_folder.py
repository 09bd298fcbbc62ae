"""The hand-written pages in docs/, checked against the generated site before any engine reads them.

The site engine copies docs/ into the site and, when a generated page has the same path as a
hand-written one, keeps one of them with at most a warning. So, before the engine lists docs/:
nothing in it may be a link or a special file (see tree.py), and no page or file, hand-written or
generated, may be published where another one is (see layout.clashes).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import DataError, display_path
from .layout import clashes
from .pages import Site
from .tree import entries, refused_entries


def check_docs_folder(site: Site, docs_dir: Path, root: Path) -> list[DataError]:
    """Every problem with docs/ beside `site`: links and special files, then clashes of published paths."""
    shown_as = display_path(docs_dir, root)
    if not docs_dir.is_dir() or docs_dir.is_symlink():
        return list(refused_entries(str(docs_dir), shown_as)) if docs_dir.is_symlink() else []
    refused = list(refused_entries(str(docs_dir), shown_as))
    if refused:
        return refused  # the folder is not listed further until they are gone
    generated = {page.path: page.data_file or f"the generated page {page.path}" for page in site.pages}
    generated.update({file.path: f"the generated file {file.path}" for file in site.files})
    hand_written = {relative: f"{shown_as}/{relative}" for relative in hand_written_files(docs_dir)}
    return clashes(generated, hand_written)


def hand_written_files(docs_dir: Path) -> Iterator[str]:
    """The paths, relative to docs/, of the files the engine publishes (names starting with a dot are
    left out, as MkDocs leaves them out)."""
    def below(folder: str, prefix: str) -> Iterator[str]:
        for entry in entries(folder):
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from below(entry.path, f"{prefix}{entry.name}/")
            else:
                yield f"{prefix}{entry.name}"

    yield from below(str(docs_dir), "")

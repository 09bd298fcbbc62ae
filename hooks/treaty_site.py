"""MkDocs hook: the thin adapter between MkDocs and the `treatysite` core.

All loading, validation and rendering lives in `treatysite`, which knows nothing of MkDocs. The hook's
jobs, one MkDocs event each:

- `on_config`: find the data folder, have the core load, validate and render the site, check docs/
  against the generated pages (a data error of either kind becomes one build error listing them all),
  and put the generated sections into the navigation. Between the rebuilds of `mkdocs serve` it reuses
  what it can (see `HookState`).
- `on_files`: hand MkDocs the generated pages and downloads as generated files, and point every
  page's "edit" link at the file to edit (the YAML record behind a generated page, the page in docs/);
  note each record page's other names under the address MkDocs gives the page.
- `on_env`: load the theme's templates without their indentation (`treatysite/unindented_templates.py`).
- `on_post_build`: add those other names and American spellings to the search index Material has
  written (`treatysite/search_index.py`), before the offline plugin copies it.

Engines that run no hooks (Zensical) get the same pages and navigation, through the same functions
(`treatysite/engine_input.py`), from `python hooks/treatysite render` (`treatysite/project.py`).

The data folder is `data/` beside mkdocs.yml; set TREATY_DATA_DIR to build from another folder
(the benchmark's synthetic data, for instance).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jinja2

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from treatysite import DataErrors, LoadCache, Publishing, Site
from treatysite.engine_input import checked_against_docs, rendered_site, site_files, site_nav
from treatysite.pages import TEMPLATES
from treatysite.search_index import with_additions
from treatysite.unindented_templates import unindent_templates


class HookState:
    """What the hook keeps from one build to the next: `mkdocs serve` keeps this module loaded between
    rebuilds, and a new `HookState` is a fresh start (the tests make one for each build they check).

    Two caches, because they answer two different questions at two different costs:

    - `rendered`: is anything behind the site changed at all? The rendered site is kept with the
      signature it was rendered from (each data file's and template's path, modification time and
      size, and the publishing options): asking costs a stat per file and no read, and when the answer
      is no (an edit to docs/ alone) the rebuild reads and renders nothing. It covers the templates too.
    - `load_cache` (the core's `LoadCache`): once something is changed, which files can be reused? That
      one compares each file's bytes, since the loader reads every file anyway; it stays in the core,
      where it serves any caller without relying on a file system's times.
    """

    def __init__(self) -> None:
        self.site: Site | None = None
        self.rendered: tuple[tuple, Site] | None = None
        self.load_cache = LoadCache()
        # Each record page's other names, by its address as the search index gives it (see on_post_build).
        self.search_names: dict[str, tuple[str, ...]] = {}

    def site_for(self, data_dir: Path, root: Path, publishing: Publishing) -> Site:
        """The site rendered from `data_dir`, rendered again only when a data file or template changed."""
        signature = (publishing, _files_signature(data_dir), _files_signature(TEMPLATES))
        if self.rendered is None or self.rendered[0] != signature:
            self.rendered = (signature, rendered_site(data_dir, root, publishing, cache=self.load_cache))
        self.site = self.rendered[1]
        return self.site


def _files_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


state = HookState()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("TREATY_DATA_DIR") or root / "data")
    publishing = Publishing(site_url=config.site_url, directory_urls=config.use_directory_urls)
    try:
        site = state.site_for(data_dir, root, publishing)
        checked_against_docs(site, Path(config.docs_dir), root)
    except DataErrors as errors:
        raise PluginError(errors.report()) from None
    config.nav = site_nav(site, list(config.nav or []))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert state.site is not None, "on_config runs before on_files"
    # edit_uri points at the repository root, so every page's edit link is its source file's path there.
    root = Path(config.config_file_path).parent
    for file in files.documentation_pages():
        file.edit_uri = Path(os.path.relpath(file.abs_src_path, root)).as_posix()
    state.search_names.clear()
    for generated in site_files(state.site):
        file = File.generated(config, generated.path, content=generated.content)
        file.edit_uri = generated.source
        files.append(file)
        if generated.search_names:
            state.search_names[file.url] = generated.search_names
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return unindent_templates(env)


# After Material's search plugin has written the index (priority 0) and before the offline plugin copies
# it into search_index.js (priority -100).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():  # search turned off
        return
    index = with_additions(json.loads(path.read_text(encoding="utf-8")), state.search_names)
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")

"""MkDocs hook: the thin adapter between MkDocs and the `treatysite` core.

It finds the data folder, asks the core for pages and navigation, and hands MkDocs the pages as
generated files. All loading, validation and rendering lives in `treatysite`, which knows nothing
of MkDocs. Engines that run no hooks (Zensical) get the same pages and navigation, through the same
functions (`treatysite/engine_input.py`), from `python hooks/treatysite render` (`treatysite/project.py`).

The data folder is `data/` beside mkdocs.yml; set TREATY_DATA_DIR to build from another folder
(the benchmark's synthetic data, for instance).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
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

_site: Site | None = None
# `mkdocs serve` keeps this module between rebuilds: reuse the rendered site while no data file or
# template has changed (an edit to docs/ alone then costs nothing here).
_cached: tuple[tuple, Site] | None = None
# ...and when some have changed, read only those again.
_load_cache = LoadCache()
# Each record page's other names, by its address as the search index gives it (see on_post_build).
_search_names: dict[str, tuple[str, ...]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _cached
    root = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("TREATY_DATA_DIR") or root / "data")
    publishing = Publishing(site_url=config.site_url, directory_urls=config.use_directory_urls)
    signature = (publishing, _files_signature(data_dir), _files_signature(TEMPLATES))
    try:
        if _cached is not None and _cached[0] == signature:
            _site = _cached[1]
        else:
            _site = rendered_site(data_dir, root, publishing, cache=_load_cache)
            _cached = (signature, _site)
        checked_against_docs(_site, Path(config.docs_dir), root)
    except DataErrors as errors:
        raise PluginError(errors.report()) from None
    config.nav = site_nav(_site, list(config.nav or []))
    return config


def _files_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None, "on_config runs before on_files"
    # edit_uri points at the repository root, so every page's edit link is its source file's path there.
    root = Path(config.config_file_path).parent
    for file in files.documentation_pages():
        file.edit_uri = Path(os.path.relpath(file.abs_src_path, root)).as_posix()
    _search_names.clear()
    names = {page.path: page.search_names for page in _site.pages if page.search_names}
    for generated in site_files(_site):
        file = File.generated(config, generated.path, content=generated.content)
        file.edit_uri = generated.source
        files.append(file)
        if generated.path in names:
            _search_names[file.url] = names[generated.path]
    return files


# Material's templates indent every line; on a page with a large navigation most of its bytes were
# that indentation. Leading spaces and tabs are dropped from the theme's template source once, when a
# template is loaded, instead of from every built page: each line keeps its newline, so browsers render
# the same, and Material's templates hold no <pre>, <textarea> or multi-line string where it would matter.
_LEADING_WHITESPACE = re.compile(r"^[ \t]+", re.MULTILINE)


class _UnindentedTemplates(jinja2.BaseLoader):
    """The theme's template loader, with each template's indentation dropped as it is loaded."""

    def __init__(self, templates: jinja2.BaseLoader) -> None:
        self.templates = templates

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.templates.get_source(environment, template)
        return _LEADING_WHITESPACE.sub("", source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.templates.list_templates()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.loader = _UnindentedTemplates(env.loader)
    if env.cache is not None:
        env.cache.clear()  # nothing should be loaded yet; if something was, it is loaded again through the wrapper
    return env


# After Material's search plugin has written the index (priority 0) and before the offline plugin copies
# it into search_index.js (priority -100).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():  # search turned off
        return
    index = with_additions(json.loads(path.read_text(encoding="utf-8")), _search_names)
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")

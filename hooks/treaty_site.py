"""MkDocs hook: the thin adapter between MkDocs and the `treatysite` core.

It finds the data folder, asks the core for pages and navigation, and hands MkDocs the pages as
generated files. All loading, validation and rendering lives in `treatysite`, which knows nothing
of MkDocs.

The data folder is `data/` beside mkdocs.yml; set TREATY_DATA_DIR to build from another folder
(the benchmark's synthetic data, for instance).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from treatysite import DataErrors, Publishing, Site, load_dataset, render_site
from treatysite.pages import TEMPLATES

_site: Site | None = None
# `mkdocs serve` keeps this module between rebuilds: reuse the rendered site while no data file or
# template has changed (an edit to docs/ alone then costs nothing here).
_cached: tuple[tuple, Site] | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _cached
    root = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("TREATY_DATA_DIR") or root / "data")
    publishing = Publishing(site_url=config.site_url, directory_urls=config.use_directory_urls)
    signature = (publishing, _files_signature(data_dir), _files_signature(TEMPLATES))
    if _cached is not None and _cached[0] == signature:
        _site = _cached[1]
    else:
        try:
            _site = render_site(load_dataset(data_dir, root), publishing)
        except DataErrors as errors:
            raise PluginError(errors.report()) from None
        _cached = (signature, _site)
    # Generated sections go after the first hand-written entry (the home page).
    nav = list(config.nav or [])
    config.nav = nav[:1] + _site.nav + nav[1:]
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
    for page in _site.pages:
        file = File.generated(config, page.path, content=page.content)
        file.edit_uri = page.data_file
        files.append(file)
    for download in _site.files:
        files.append(File.generated(config, download.path, content=download.content))
    return files


# Material's templates indent every line; on a page with a large navigation most bytes are that
# indentation. A newline and the whitespace after it become one newline, except inside <pre>,
# <textarea>, <script> and <code>, where whitespace matters: browsers render the page the same.
_KEEP_WHITESPACE = re.compile(r"<(pre|textarea|script|code)\b.*?</\1>", re.S | re.I)
_INDENTATION = re.compile(r"\n\s+")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    parts, last = [], 0
    for kept in _KEEP_WHITESPACE.finditer(output):
        parts += [_INDENTATION.sub("\n", output[last:kept.start()]), kept.group(0)]
        last = kept.end()
    parts.append(_INDENTATION.sub("\n", output[last:]))
    return "".join(parts)

"""`render`: the whole site as a project folder that any engine reading mkdocs.yml builds without our hook.

    OUT/mkdocs.yml     the configuration, with the generated navigation and no `hooks:`
    OUT/docs/          the hand-written pages of docs/ and the generated pages and downloads
    OUT/overrides/     the theme overrides (theme.custom_dir)

The pages come from `engine_input`, as the hook's do. What an engine without our hook cannot know is
written into the folder: each page's "Edit this page" address (its YAML file in data/, or its file in
docs/) as `edit_url` in its front matter, which the theme override partials/actions.html shows. A
generated page with no file of its own (a list page) gets none, as with the hook.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from .docs_folder import hand_written_files
from .engine_config import read_config
from .engine_input import SiteFile, checked_against_docs, rendered_site, site_files, site_nav
from .errors import DataError, DataErrors, display_path
from .pages import Publishing
from .tree import read_at_most, refused_entries

OUT_DOCS = "docs"
OUT_OVERRIDES = "overrides"
# Keys that only our hook's build reads: the folders it watches, and the hook itself.
_HOOK_ONLY = ("hooks", "watch", "INHERIT")
_MAX_COPIED_BYTES = 64 * 1024 * 1024
# How MkDocs (mkdocs.utils.meta) and Zensical recognise front matter: a first line of three dashes.
_FRONT_MATTER_START = re.compile(r"\A-{3}[ \t]*\n")


@dataclass(frozen=True)
class RenderOptions:
    config_file: Path
    data_dir: Path | None = None
    site_url: str | None = None
    directory_urls: bool = True


def render_project(out: Path, options: RenderOptions) -> list[str]:
    """Write the project into `out` (missing or empty); return the paths written, relative to `out`.
    Raises DataErrors for any problem with the data, docs/ or the theme overrides."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise DataErrors([DataError.whole_file(out.as_posix(), "this is not an empty folder: render into a new one")])
    root = options.config_file.parent
    config = read_config(options.config_file)
    docs_dir = root / config.get("docs_dir", "docs")
    publishing = Publishing(site_url=options.site_url or config.get("site_url"), directory_urls=_directory_urls(config, options))
    site = checked_against_docs(rendered_site(options.data_dir or root / "data", root, publishing), docs_dir, root)
    written = []
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):  # first: its links are refused before anything is written
        written += _copied(root / theme["custom_dir"], root, out / OUT_OVERRIDES)
        theme["custom_dir"] = OUT_OVERRIDES
    edit_uri = config.get("edit_uri")
    written += _copied(docs_dir, root, out / OUT_DOCS, edit_uri)
    for file in site_files(site):
        _write(out / OUT_DOCS / file.path, _with_edit_url(file, edit_uri).encode("utf-8"))
        written.append(f"{OUT_DOCS}/{file.path}")
    config = {key: value for key, value in config.items() if key not in _HOOK_ONLY}
    config.update(
        docs_dir=OUT_DOCS,
        site_url=publishing.site_url,
        use_directory_urls=publishing.directory_urls,
        # Every page that has a file to edit says which in its front matter; the engine's own address
        # would point at OUT/docs, where the generated pages have no source.
        edit_uri=None,
        # Zensical's look is "modern" unless told; "classic" is Material's. Material ignores the key.
        theme={**theme, "variant": theme.get("variant", "classic")},
        nav=site_nav(site, list(config.get("nav") or [])),
    )
    _write(out / "mkdocs.yml", _config_text(config).encode("utf-8"))
    return [*written, "mkdocs.yml"]


def _directory_urls(config: dict[str, Any], options: RenderOptions) -> bool:
    # Material's offline plugin turns directory URLs off for its build, before our hook reads the setting.
    plugins = config.get("plugins") or []
    offline = "offline" in (plugins if isinstance(plugins, dict) else [p if isinstance(p, str) else next(iter(p)) for p in plugins])
    return options.directory_urls and config.get("use_directory_urls", True) is not False and not offline


def _with_edit_url(file: SiteFile, edit_uri: str | None) -> str:
    """A page's Markdown with `edit_url` first in its front matter (Zensical makes no edit link of its own
    without `repo_url`, which mkdocs.yml leaves out on purpose). Front matter the page has already is kept,
    after it: where the page sets its own edit_url, YAML keeps the later one, the page's."""
    if not (file.source and edit_uri and file.path.endswith(".md")):
        return file.content
    # A JSON string is a YAML double-quoted scalar: any address is safe here, and it costs nothing per page.
    edit_url = f"edit_url: {json.dumps(_joined(edit_uri, quote(file.source)))}\n"
    if _FRONT_MATTER_START.match(file.content):
        return _FRONT_MATTER_START.sub(lambda start: start.group(0) + edit_url, file.content, count=1)
    return f"---\n{edit_url}---\n\n{file.content}"


def _joined(base: str, path: str) -> str:
    return (base if base.endswith("/") else base + "/") + path


def _copied(folder: Path, root: Path, target: Path, edit_uri: str | None = None) -> list[str]:
    """Copy `folder` into `target` without following a link (there may be none; see tree.py); with an
    `edit_uri`, Markdown pages get their edit link (see _with_edit_url)."""
    shown_as = display_path(folder, root)
    if not folder.is_dir() or folder.is_symlink():
        raise DataErrors([DataError.whole_file(shown_as, "this folder is missing or is a link: the project cannot be rendered without it")])
    refused = list(refused_entries(str(folder), shown_as))
    if refused:
        raise DataErrors(refused)
    copied = []
    for relative in hand_written_files(folder):
        content = read_at_most(os.path.join(folder, relative), _MAX_COPIED_BYTES + 1)
        if len(content) > _MAX_COPIED_BYTES:
            raise DataErrors([DataError.whole_file(f"{shown_as}/{relative}", f"larger than {_MAX_COPIED_BYTES} bytes: not copied")])
        if edit_uri and relative.endswith(".md"):
            try:
                page = SiteFile(relative, content.decode("utf-8"), f"{shown_as}/{relative}")
            except UnicodeDecodeError as error:
                raise DataErrors([DataError.whole_file(f"{shown_as}/{relative}", f"not UTF-8 (byte {error.start}): save the page as UTF-8")]) from None
            content = _with_edit_url(page, edit_uri).encode("utf-8")
        _write(target / relative, content)
        copied.append(posixpath.join(target.name, relative))
    return copied


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as file:  # never over a file already there: two sources for one path is a bug
        file.write(content)


def _config_text(config: dict[str, Any]) -> str:
    header = "# Written by `python hooks/treatysite render`: edit the repository's mkdocs.yml and data/, not this file.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)

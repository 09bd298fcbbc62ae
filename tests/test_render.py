"""`python hooks/treatysite render OUT`: the project other engines build, written from the same code path
as the hook's pages (engine_input.py). The builds of that folder are in test_engines.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import REPO

from treatysite import DataErrors, Publishing
from treatysite.engine_config import read_config
from treatysite.engine_input import rendered_site, site_files, site_nav
from treatysite.project import RenderOptions, render_project

MKDOCS_YML = read_config(REPO / "mkdocs.yml")  # with its !ENV tags resolved, as the render resolves them


def front_matter_and_body(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    head, body = text[4:].split("---\n\n", 1)
    return yaml.safe_load(head), body


def test_render_writes_the_pages_and_nav_the_hook_gives_mkdocs(tmp_path: Path, mini_data: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "hooks/treatysite", "render", str(out), "--data", str(mini_data),
         "--site-url", "https://example.org/treaty/", "--no-directory-urls"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    site = rendered_site(mini_data, REPO, Publishing("https://example.org/treaty/", directory_urls=False))
    for file in site_files(site):
        meta, body = front_matter_and_body((out / "docs" / file.path).read_text(encoding="utf-8"))
        own_meta, own_body = front_matter_and_body(file.content)  # a page's own front matter (its search weight) is kept
        assert body == own_body, file.path
        assert meta == ({**own_meta, "edit_url": MKDOCS_YML["edit_uri"] + file.source} if file.source else own_meta), file.path
    assert "https://example.org/treaty/people/samuel-ramani.html" in (out / "docs/people/samuel-ramani.md").read_text(encoding="utf-8")
    # Hand-written pages are copied, with their own edit address; so are the theme overrides.
    meta, body = front_matter_and_body((out / "docs/methodology.md").read_text(encoding="utf-8"))
    assert body == (REPO / "docs/methodology.md").read_text(encoding="utf-8")
    assert meta == {"edit_url": MKDOCS_YML["edit_uri"] + "docs/methodology.md"}
    assert (out / "docs/assets/vendor/iframe-worker/shim.js").read_bytes() == (REPO / "docs/assets/vendor/iframe-worker/shim.js").read_bytes()
    assert (out / "overrides/partials/actions.html").is_file() and (out / "overrides/main.html").is_file()

    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not {"hooks", "watch", "INHERIT"} & config.keys()
    assert config["nav"] == site_nav(site, MKDOCS_YML["nav"])
    assert (config["site_url"], config["use_directory_urls"], config["edit_uri"]) == ("https://example.org/treaty/", False, None)
    assert config["theme"] == {**MKDOCS_YML["theme"], "custom_dir": "overrides", "variant": "classic"}
    assert config["docs_dir"] == "docs" and config["plugins"] == MKDOCS_YML["plugins"]


def small_project(root: Path, mini_data: Path, config: str) -> Path:
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "hooks/overrides", root / "hooks/overrides")
    shutil.copytree(mini_data, root / "data")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


def test_render_reads_env_tags_and_inherit_as_mkdocs_does(tmp_path: Path, mini_data: Path, monkeypatch) -> None:
    config = small_project(tmp_path / "repo", mini_data, (
        "site_name: Test\nsite_url: !ENV [TEST_SITE_URL, 'https://fallback.example/']\n"
        "edit_uri: !ENV TEST_EDIT_URI\ntheme: {name: material, custom_dir: hooks/overrides, font: false}\n"
        "plugins: [search]\nnav: [index.md]\n"))
    (config.parent / "child.yml").write_text(
        "INHERIT: mkdocs.yml\ntheme: {variant: modern}\nplugins: [search, offline]\n", encoding="utf-8")
    monkeypatch.setenv("TEST_SITE_URL", "https://from-the-environment.example/")
    monkeypatch.delenv("TEST_EDIT_URI", raising=False)
    render_project(tmp_path / "out", RenderOptions(config.parent / "child.yml"))
    written = yaml.safe_load((tmp_path / "out/mkdocs.yml").read_text(encoding="utf-8"))
    assert written["site_url"] == "https://from-the-environment.example/"
    # Mappings merge, lists are replaced; the offline plugin means pages addressed as files.
    assert written["theme"] == {"name": "material", "custom_dir": "overrides", "font": False, "variant": "modern"}
    assert written["plugins"] == ["search", "offline"] and written["use_directory_urls"] is False
    # An unset !ENV with no default is null: no edit links, so no edit_url in the front matter either.
    meta, _ = front_matter_and_body((tmp_path / "out/docs/people/samuel-ramani.md").read_text(encoding="utf-8"))
    assert "edit_url" not in meta and meta == {"search": {"boost": 4}}


def test_render_refuses_a_link_in_docs_and_a_folder_in_use(tmp_path: Path, mini_data: Path) -> None:
    config = small_project(tmp_path / "repo", mini_data, "site_name: Test\nnav: [index.md]\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        render_project(tmp_path / "out", RenderOptions(config))
    assert "this is not an empty folder: render into a new one" in raised.value.report()
    assert (tmp_path / "out" / "notes.txt").read_text(encoding="utf-8") == "mine"

    os.symlink("/etc/hostname", config.parent / "docs" / "hostname.md")
    with pytest.raises(DataErrors) as raised:
        render_project(tmp_path / "elsewhere", RenderOptions(config))
    assert raised.value.report().splitlines()[1:] == [
        "  docs/hostname.md:1:1: this is a symbolic link; links are not followed, so that nothing outside the "
        "repository is read: put the file itself here"]
    assert not (tmp_path / "elsewhere").exists()

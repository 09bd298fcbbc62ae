"""The build is reproducible and writes nothing into the repository's data/ or docs/."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from helpers import REPO, mkdocs_build


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differing_files(left: Path, right: Path) -> list[str]:
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, "")]
    while stack:
        node, prefix = stack.pop()
        found += [prefix + name for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found += [prefix + name for name in mismatch + errors]
        stack += [(child, f"{prefix}{name}/") for name, child in node.subdirs.items()]
    return sorted(found)


def test_two_builds_are_identical_and_touch_no_source(tmp_path: Path, monkeypatch) -> None:
    before = {name: snapshot(REPO / name) for name in ("data", "docs")}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, second = tmp_path / "first", tmp_path / "second"
    assert mkdocs_build(first).returncode == 0
    assert mkdocs_build(second).returncode == 0
    assert differing_files(first, second) == []
    assert {name: snapshot(REPO / name) for name in ("data", "docs")} == before


def test_only_the_sitemap_depends_on_the_build_date(tmp_path: Path, monkeypatch) -> None:
    """The one known exception: the sitemap's <lastmod> dates (and the gzip header of its compressed copy)
    carry the build date. Set SOURCE_DATE_EPOCH to pin it."""
    builds = []
    for epoch in ("1767225600", "1798761600"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        site = tmp_path / epoch
        assert mkdocs_build(site).returncode == 0
        builds.append(site)
    assert differing_files(*builds) == ["sitemap.xml", "sitemap.xml.gz"]


def test_pages_carry_no_theme_indentation(built_site: Path) -> None:
    """The hook drops the indentation of Material's templates (nearly half of a page's bytes at scale);
    whatever the page's own content holds is left alone, so only the theme's part is checked."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        theme_part = html[: html.find("<article")] + html[html.find("</article>") :]
        theme_part = re.sub(r"<(pre|textarea|script|code)\b.*?</\1>", "", theme_part, flags=re.S | re.I)
        indented = [line for line in theme_part.splitlines() if line[:1] in (" ", "\t")]
        assert not indented, f"{page.relative_to(built_site)}: {indented[:3]}"

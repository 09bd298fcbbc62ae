"""Hand-written Markdown pages: a link to a missing page or anchor stops the strict build with MkDocs' message."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI_DATA, REPO, mkdocs_build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (config, hooks, docs) with the small fixture data."""
    for name in ("mkdocs.yml", "hooks", "docs"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, tmp_path / name)
    shutil.copytree(MINI_DATA, tmp_path / "data")
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess[str]:
    """The strict build of the copied project, from its own data/."""
    return mkdocs_build(project / "site", project=project)


def test_fixture_project_builds(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr


def test_link_to_missing_page_fails_the_build(project: Path) -> None:
    (project / "docs" / "methodology.md").write_text("# Methodology\n\nSee [the list](provisions/list.md).\n")
    result = build(project)
    assert result.returncode != 0
    assert "Doc file 'methodology.md' contains a link 'provisions/list.md', but the target is not found" in result.stderr


def test_link_to_missing_anchor_fails_the_build(project: Path) -> None:
    (project / "docs" / "methodology.md").write_text(
        "# Methodology\n\nSee [Art. 3(3)](provisions/ru-ir-2025/art-03-3-no-aid-to-aggressor.md#no-such-part).\n"
    )
    result = build(project)
    assert result.returncode != 0
    assert "contains a link 'provisions/ru-ir-2025/art-03-3-no-aid-to-aggressor.md#no-such-part'" in result.stderr
    assert "does not contain an anchor '#no-such-part'" in result.stderr


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(project / "hooks" / "treatysite"), "check"], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_a_link_in_docs_fails_the_build_and_nothing_from_outside_is_read(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("# token ghp_SECRET_FROM_OUTSIDE\n", encoding="utf-8")
    (project / "docs" / "notes.md").symlink_to(secret)
    (project / "docs" / "loop").symlink_to(project / "docs" / "loop")
    expected = ["docs/loop:1:1: this is a symbolic link", "docs/notes.md:1:1: this is a symbolic link"]
    for result in (build(project), check(project)):
        assert result.returncode != 0
        assert [line.strip().split(";")[0] for line in result.stderr.splitlines() if "symbolic link" in line] == expected
        assert "SECRET_FROM_OUTSIDE" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert not (project / "site" / "notes").exists()


def test_a_hand_written_page_in_place_of_a_generated_one_fails_the_build(project: Path) -> None:
    (project / "docs" / "people").mkdir()
    (project / "docs" / "people" / "samuel-ramani.md").write_text("# Someone else\n", encoding="utf-8")
    (project / "docs" / "downloads").mkdir()
    (project / "docs" / "downloads" / "treaty-commentary.json").write_text("{}", encoding="utf-8")
    expected = [
        "docs/downloads/treaty-commentary.json:1:1: downloads/treaty-commentary.json would be published as "
        "downloads/treaty-commentary.json, where downloads/treaty-commentary.json (from the generated file "
        "downloads/treaty-commentary.json) is published; rename one of them",
        "docs/people/samuel-ramani.md:1:1: people/samuel-ramani.md would be published as people/samuel-ramani.html, "
        "where people/samuel-ramani.md (from data/people/samuel-ramani.yml) is published; rename one of them",
    ]
    for result in (build(project), check(project)):
        assert result.returncode != 0
        assert [line.strip() for line in result.stderr.splitlines() if "would be published" in line] == expected

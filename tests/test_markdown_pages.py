"""Hand-written Markdown pages: a link to a missing page or anchor stops the strict build with MkDocs' message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI_DATA, REPO


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (config, hooks, docs) with the small fixture data."""
    for name in ("mkdocs.yml", "hooks", "docs"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, tmp_path / name)
    shutil.copytree(MINI_DATA, tmp_path / "data")
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300,
    )


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

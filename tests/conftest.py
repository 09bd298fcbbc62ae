"""Shared fixtures: the core package on the path, a copy of the fixture data, and one real site build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES, MINI_DATA, REPO, mkdocs_build

sys.path.insert(0, str(REPO / "hooks"))
# FIXTURES and the rest are also imported from here by modules written before helpers.py.
__all__ = ["FIXTURES", "MINI_DATA", "REPO", "mkdocs_build"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from data/ for the whole test session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A writable copy of the small fixture dataset, laid out like the repository (root/data)."""
    data = tmp_path / "data"
    shutil.copytree(MINI_DATA, data)
    return data

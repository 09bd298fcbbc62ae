"""The fixtures every test module may ask for: a copy of the fixture data, the real dataset, and one real
site build. Helpers (paths, the build, the broken fixtures) live in helpers.py, which also puts the core
package on the path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import MINI_DATA, REPO, mkdocs_build

from treatysite import Dataset, load_dataset


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from data/ for the whole test session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The real records in data/, loaded once for the whole test session (the browser tests share it)."""
    return load_dataset(REPO / "data", REPO)


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A writable copy of the small fixture dataset, laid out like the repository (root/data)."""
    data = tmp_path / "data"
    shutil.copytree(MINI_DATA, data)
    return data

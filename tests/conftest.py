"""Shared fixtures: the core package on the path, a copy of the fixture data, and one real site build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

FIXTURES = REPO / "tests" / "fixtures"
MINI_DATA = FIXTURES / "mini-data"


def mkdocs_build(site_dir: Path, *, data_dir: Path | None = None, env_vars: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` on this repository, as a contributor would (`env_vars`: more
    environment, such as the SITE_URL and EDIT_URI that mkdocs.yml reads)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env_vars or {})}
    if data_dir is not None:
        env["TREATY_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )


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

"""The other engines for the tests: where their venvs are, rendering the project, and building with each.

ProperDocs and Zensical live in venvs of their own beside .venv (`.venv-properdocs`, `.venv-zensical`,
from requirements-engines/; .ci/run makes them). Missing, the tests that need them are skipped, unless
CI is set, where they fail, as the browser tests do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from browser.support import in_ci

ENGINE_VENVS = {"properdocs": REPO / ".venv-properdocs", "zensical": REPO / ".venv-zensical"}


def engine_program(name: str) -> Path:
    """The engine's command in its venv; skips the test (fails it in CI) when the venv is missing."""
    program = ENGINE_VENVS[name] / "bin" / name
    if not program.exists():
        problem = (f"{program} is missing: python3 -m venv {ENGINE_VENVS[name].name} && "
                   f"{ENGINE_VENVS[name].name}/bin/pip install -r requirements-engines/{name}.txt")
        if in_ci():
            pytest.fail(f"{problem} (CI is set, so the engine tests may not be skipped)")
        pytest.skip(problem)
    return program


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("TREATY_DATA_DIR", None)
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def render(out: Path, *options: str) -> Path:
    """`python hooks/treatysite render OUT [options]`, run as a contributor would, from the repository."""
    run([sys.executable, "hooks/treatysite", "render", str(out), *options], REPO)
    return out


def build(engine: str, project: Path, site: Path) -> Path:
    """Build `project` (a rendered folder, or the repository for the hook's build) strictly into `site`."""
    config = str(project / "mkdocs.yml")
    if engine == "mkdocs":
        run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)], project)
    elif engine == "properdocs":
        run([str(engine_program("properdocs")), "build", "--strict", "-f", config, "-d", str(site)], project)
    else:
        # Zensical writes into the project's own site/ (site_dir must lie inside the project's folder).
        result = run([str(engine_program("zensical")), "build", "--strict", "-f", config], project)
        assert "No issues found" in result.stdout + result.stderr, result.stdout + result.stderr
        shutil.move(project / "site", site)
    return site

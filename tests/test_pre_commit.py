"""The pre-commit hook (.pre-commit-config.yaml) runs the data check: on a copy of the repository it passes
when the data is valid and stops the commit, with the check's messages, when it is not. No network: the
hook is local and runs the project's own .venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

_COPIED = ("data", "docs", "hooks", ".pre-commit-config.yaml")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository holding what the hook needs from this one, with this Python's venv as its .venv."""
    root = tmp_path / "repository"
    root.mkdir()
    for name in _COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, root / name)
    # The hook's entry is .venv/bin/python: the venv running these tests (README's), linked rather than copied.
    (root / ".venv").symlink_to(Path(sys.executable).parent.parent, target_is_directory=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / ".git" / "info" / "exclude").write_text(".venv\n", encoding="utf-8")
    return root


def _pre_commit(root: Path) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(root.parent / "pre-commit-cache"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_the_hook_passes_on_valid_data(repository: Path) -> None:
    result = _pre_commit(repository)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check the data (python hooks/treatysite check)" in result.stdout and "Passed" in result.stdout


def test_the_hook_stops_a_commit_of_broken_data_with_the_checks_messages(repository: Path) -> None:
    person = repository / "data" / "people" / "samuel-ramani.yml"
    text = person.read_text(encoding="utf-8")
    assert "\naffiliation:" in text
    person.write_text(text.replace("\naffiliation:", "\nafiliation:"), encoding="utf-8")
    result = _pre_commit(repository)
    assert result.returncode == 1
    assert "Failed" in result.stdout
    lines = text.splitlines()
    mapping_starts = next(number for number, line in enumerate(lines, 1) if not line.startswith("#"))
    misspelt = next(number for number, line in enumerate(lines, 1) if line.startswith("affiliation:"))
    assert (f"\n2 data errors found:\n  data/people/samuel-ramani.yml:{mapping_starts}:1: affiliation: missing required field\n"
            f"  data/people/samuel-ramani.yml:{misspelt}:1: afiliation: unknown field 'afiliation'; did you mean 'affiliation'?"
            ) in result.stdout

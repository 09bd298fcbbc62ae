"""The GitHub workflows are valid against GitHub's workflow schema (vendored by check-jsonschema) and pass
zizmor's offline security audit: least permissions, no persisted credentials, no GitHub context pasted into a
script. Both tools run without the network; each is also shown to fail on a workflow that breaks its rule."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from helpers import REPO

WORKFLOWS = REPO / ".github" / "workflows"
_UNSAFE_STEP = """
      - name: Greet
        run: echo "${{ github.event.pull_request.title }}"
"""


def _workflow_files(folder: Path = WORKFLOWS) -> list[Path]:
    files = sorted(folder.glob("*.yml"))
    assert files, f"no workflow in {folder}"
    return files


def _schema_check(files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )


def _zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    # The binary that the zizmor wheel installs beside this Python. --no-config: no configuration file can
    # silence a finding; only an ignore comment beside it, where it is explained, can.
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is not installed (requirements-dev.txt)"
    return subprocess.run(
        [zizmor, "--offline", "--no-config", "--persona", "pedantic", "--format", "json", str(folder)],
        capture_output=True, text=True, timeout=120,
    )


def _copy_of_the_workflows(tmp_path: Path) -> Path:
    folder = tmp_path / ".github" / "workflows"
    shutil.copytree(WORKFLOWS, folder)
    return folder


def test_workflows_are_valid_against_githubs_schema(tmp_path: Path) -> None:
    result = _schema_check(_workflow_files())
    assert result.returncode == 0, result.stdout + result.stderr
    broken = _copy_of_the_workflows(tmp_path) / "pull-request.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert _schema_check([broken]).returncode == 1


def test_zizmor_finds_nothing_offline() -> None:
    result = _zizmor(WORKFLOWS)
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stdout + result.stderr


def test_zizmor_reports_github_context_pasted_into_a_script(tmp_path: Path) -> None:
    folder = _copy_of_the_workflows(tmp_path)
    workflow = folder / "pull-request.yml"
    workflow.write_text(workflow.read_text(encoding="utf-8") + _UNSAFE_STEP, encoding="utf-8")
    result = _zizmor(folder)
    assert result.returncode != 0
    assert "template-injection" in {finding["ident"] for finding in json.loads(result.stdout)}


def test_every_workflow_asks_for_least_and_runs_no_github_context_as_code() -> None:
    for path in _workflow_files():
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] == {}, f"{path.name}: permissions are granted per job"
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name} says which permissions it needs"
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, f"{path.name}: {step}"
                assert "${{" not in step.get("run", ""), f"{path.name}: context goes through env:, {step}"
                if "uses" in step:
                    assert len(step["uses"].split("@")[1]) == 40, f"{path.name}: pin {step['uses']} to a commit"

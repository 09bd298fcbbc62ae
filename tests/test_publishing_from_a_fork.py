"""A fork publishes a site that cites and edits itself: the publish workflow works out the site's address and
the edit links from the repository it runs in, and the build puts them into "Cite this page" and "Edit this
page". The workflow's own script is run here with the values GitHub would give it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import REPO, mkdocs_build
from site_reader import html_path, read_page

from treatysite import load_dataset
from treatysite.layout import page_path

PUBLISH = REPO / ".github" / "workflows" / "publish.yml"
# The GitHub context each variable of the step comes from: the test below plays GitHub's part with them.
CONTEXT = {
    "CUSTOM_SITE_URL": "${{ vars.SITE_URL }}",
    "OWNER": "${{ github.repository_owner }}",
    "REPOSITORY_NAME": "${{ github.event.repository.name }}",
    "SERVER_URL": "${{ github.server_url }}",
    "REPOSITORY": "${{ github.repository }}",
    "DEFAULT_BRANCH": "${{ github.event.repository.default_branch }}",
}


def _steps() -> dict[str, dict]:
    workflow = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    return {step.get("id") or step.get("name") or step["uses"]: step for step in workflow["jobs"]["build"]["steps"]}


def _addresses(tmp_path: Path, **context: str) -> dict[str, str]:
    """Run the workflow's 'addresses' step as the runner would (bash, env from the context) and read its outputs."""
    step = _steps()["addresses"]
    assert step["env"] == CONTEXT
    output = tmp_path / "github_output"
    env = {"PATH": os.environ["PATH"], "GITHUB_OUTPUT": str(output), "CUSTOM_SITE_URL": "", **context}
    subprocess.run(["bash", "-e", "-c", step["run"]], env=env, check=True, timeout=60)
    return dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())


FORK = {"OWNER": "Some-Fork", "REPOSITORY_NAME": "treaty-notes", "SERVER_URL": "https://github.com",
        "REPOSITORY": "Some-Fork/treaty-notes", "DEFAULT_BRANCH": "trunk"}


@pytest.mark.parametrize(("context", "site_url"), [
    (FORK, "https://some-fork.github.io/treaty-notes/"),
    ({**FORK, "REPOSITORY_NAME": "Some-Fork.github.io", "REPOSITORY": "Some-Fork/Some-Fork.github.io"}, "https://some-fork.github.io/"),
    ({**FORK, "CUSTOM_SITE_URL": "https://treaty.example.org"}, "https://treaty.example.org/"),
])
def test_the_workflow_works_out_the_forks_addresses(tmp_path: Path, context: dict[str, str], site_url: str) -> None:
    addresses = _addresses(tmp_path, **context)
    assert addresses == {"site_url": site_url, "edit_uri": f"https://github.com/{context['REPOSITORY']}/edit/trunk/"}


def test_the_build_step_takes_them_and_mkdocs_yml_reads_them() -> None:
    assert _steps()["Build (strict)"]["env"] == {"SITE_URL": "${{ steps.addresses.outputs.site_url }}",
                                                 "EDIT_URI": "${{ steps.addresses.outputs.edit_uri }}"}
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url: !ENV [SITE_URL, " in config and "\nedit_uri: !ENV [EDIT_URI, " in config


def test_a_forks_build_cites_and_edits_itself(tmp_path: Path) -> None:
    addresses = _addresses(tmp_path, **FORK)
    site = tmp_path / "site"
    result = mkdocs_build(site, env_vars={"SITE_URL": addresses["site_url"], "EDIT_URI": addresses["edit_uri"]})
    assert result.returncode == 0, result.stderr
    provision = next(iter(load_dataset(REPO / "data", REPO).provision.values()))
    address = page_path("provision", provision).removesuffix(".md") + "/"
    page = read_page(html_path(site, page_path("provision", provision)))
    assert f"https://some-fork.github.io/treaty-notes/{address}, accessed [date]" in page.text
    assert f"url = {{https://some-fork.github.io/treaty-notes/{address}}}" in page.text
    assert f"https://github.com/Some-Fork/treaty-notes/edit/trunk/{provision.file}" in page.hrefs
    assert "treaty-commentary.github.io" not in (html_path(site, page_path("provision", provision))).read_text(encoding="utf-8")
    # A hand-written page's edit link opens its Markdown file in the fork.
    assert "https://github.com/Some-Fork/treaty-notes/edit/trunk/docs/methodology.md" in read_page(site / "methodology" / "index.html").hrefs

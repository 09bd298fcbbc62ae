"""The offline copy built by Zensical (issue 16) opened from file:// in Chromium: its own search finds a
page and opens it, and links lead from page to page, with nothing requested from outside the copy.

The project is written by `python hooks/treatysite render --config mkdocs-offline.yml` and built by
Zensical with the network cut, as the other browser tests build theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import engine_program, render

from treatysite.layout import page_path

from .support import PERSON_ID, PROVISION_ID, BuiltSite, NoNetwork, heading, walk_provision_expert_provision

pytestmark = [pytest.mark.browser, pytest.mark.engines]


@pytest.fixture(scope="module")
def zensical_offline(isolation: NoNetwork, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    zensical = engine_program("zensical")
    project = render(tmp_path_factory.mktemp("zensical-offline") / "project", "--config", "mkdocs-offline.yml")
    result = isolation.run([str(zensical), "build", "--strict", "-f", "mkdocs.yml"], cwd=project, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"`zensical build` failed with the network cut by {isolation.how}:\n{result.stdout}\n{result.stderr}")
    site: Path = project / "site"
    return BuiltSite(site, site.as_uri() + "/", directory_urls=False)


def test_search_finds_a_person_and_opens_the_page(zensical_offline: BuiltSite, open_context, dataset) -> None:
    person = dataset.person[PERSON_ID]
    expected = zensical_offline.url(page_path("person", person))
    page, recorder = open_context(zensical_offline)
    page.goto(zensical_offline.url("index.md"))
    page.locator("button.md-search__button").click()
    # Zensical's search dialog lives in a shadow root, which Playwright's locators enter.
    page.locator("input[role=combobox]").press_sequentially(person.name.split()[-1], delay=60)
    result = page.locator(f'ol[role=listbox] a[href^="{expected}"]').first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(lambda url: url.split("?")[0].split("#")[0] == expected)
    assert person.name in heading(page)
    # The local index and worker did the searching, through the local iframe-worker shim.
    assert any(url.endswith("/search.js") for url in recorder.requests)
    assert any(url.endswith("/assets/vendor/iframe-worker/shim.js") for url in recorder.requests)
    recorder.assert_clean()


def test_links_lead_from_provision_to_expert_to_provision(zensical_offline: BuiltSite, open_context, dataset, links) -> None:
    page, recorder = open_context(zensical_offline)
    walk_provision_expert_provision(zensical_offline, page, dataset, links, PROVISION_ID, PERSON_ID)
    recorder.assert_clean()

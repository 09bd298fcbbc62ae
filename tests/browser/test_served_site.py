"""The normal build (directory URLs, as published) served over HTTP on 127.0.0.1: search and links work.

Requests leaving 127.0.0.1 are blocked and recorded, and fail the test: the published site, too, loads
nothing from the network (which is why mkdocs.yml sets no repo_url).
"""

from __future__ import annotations

import pytest

from treatysite.layout import page_path

from .support import PERSON_ID, PROVISION_ID, BuiltSite, follow_link, heading, search, walk_provision_expert_provision

pytestmark = pytest.mark.browser


def test_search_and_links_work_over_http(served: BuiltSite, open_context, dataset, links) -> None:
    provision = dataset.provision[PROVISION_ID]
    expected = served.url(page_path("provision", provision))
    assert expected.endswith(f"/{PROVISION_ID}/"), "the published site keeps directory URLs"

    page, recorder = open_context(served)
    page.goto(served.base_url)
    results = search(page, provision.title, expected)
    assert expected in results, f"searching {provision.title!r} did not find {expected}; found:\n" + "\n".join(results)
    follow_link(page, ".md-search-result", expected)
    assert provision.title in heading(page)

    walk_provision_expert_provision(served, page, dataset, links, PROVISION_ID, PERSON_ID)
    assert page.url.startswith(served.base_url) and page.url.endswith("/")
    recorder.assert_clean()

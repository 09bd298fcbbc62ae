"""The offline copy opened from the file system (file://) in Chromium, as a reader with no network would.

Every test records each request of its browser context and each console error: only file:// and data:
addresses may be requested, and nothing may be logged as an error.
"""

from __future__ import annotations

import pytest

from treatysite.kinds import PAGE_KINDS
from treatysite.layout import index_path, page_path

from .support import PERSON_ID, PROJECT_ID, PROVISION_ID, BuiltSite, expect, follow_link, heading, search, walk_provision_expert_provision

pytestmark = pytest.mark.browser
KINDS = [kind.name for kind in PAGE_KINDS]


def title_of(kind: str, record) -> str:
    return record.name if kind == "person" else record.title


@pytest.mark.parametrize(("kind", "record_id"), [("provision", PROVISION_ID), ("person", PERSON_ID), ("project", PROJECT_ID)])
def test_search_finds_the_generated_page(offline: BuiltSite, open_context, dataset, kind: str, record_id: str) -> None:
    record = dataset.of_kind(kind)[record_id]
    expected = offline.url(page_path(kind, record))
    page, recorder = open_context(offline)
    page.goto(offline.url("index.md"))
    results = search(page, title_of(kind, record), expected)
    assert expected in results, f"searching {title_of(kind, record)!r} did not find {expected}; found:\n" + "\n".join(results)
    follow_link(page, ".md-search-result", expected)
    assert title_of(kind, record) in heading(page)
    # The local index and the local iframe-worker shim did the searching.
    assert any(url.endswith("/search/search_index.js") for url in recorder.requests)
    assert any(url.endswith("/assets/vendor/iframe-worker/shim.js") for url in recorder.requests)
    recorder.assert_clean()


def test_links_lead_from_provision_to_expert_to_provision(offline: BuiltSite, open_context, dataset, links) -> None:
    page, recorder = open_context(offline)
    walk_provision_expert_provision(offline, page, dataset, links, PROVISION_ID, PERSON_ID)
    recorder.assert_clean()


def test_a_page_of_every_kind_loads_only_local_files(offline: BuiltSite, open_context, dataset) -> None:
    page, recorder = open_context(offline)
    md_paths = ["index.md", "methodology.md", index_path("provision"), index_path("source"), index_path("event")]
    md_paths += [page_path(kind, next(iter(dataset.of_kind(kind).values()))) for kind in KINDS]
    # Not 404.html: only a web server shows it, and it addresses its assets from the server's root.
    for md_path in md_paths:
        page.goto(offline.url(md_path))
    assert {url for url in recorder.requests if url.startswith("file:")} >= {
        offline.url("index.md"),
        offline.url(page_path("person", next(iter(dataset.person.values())))),
    }
    recorder.assert_clean()


def test_narrow_screen_opens_the_navigation_drawer(offline: BuiltSite, open_context) -> None:
    page, recorder = open_context(offline, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(offline.url("index.md"))
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer).not_to_be_in_viewport()
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer).to_be_in_viewport()
    follow_link(page, "nav.md-nav--primary", offline.url(index_path("event")))
    assert "Timeline" in heading(page)
    recorder.assert_clean()


def test_palette_toggle_switches_between_light_and_dark(offline: BuiltSite, open_context, dataset) -> None:
    page, recorder = open_context(offline)
    page.goto(offline.url("index.md"))
    body = page.locator("body")
    background = "() => getComputedStyle(document.body).backgroundColor"
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = page.evaluate(background)
    page.locator('label[title="Switch to dark mode"]:visible').click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    dark = page.evaluate(background)
    assert dark != light, f"the background stayed {light}"
    # The choice is kept from page to page.
    page.goto(offline.url(page_path("person", dataset.person[PERSON_ID])))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator('label[title="Switch to light mode"]:visible').click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert page.evaluate(background) == light
    recorder.assert_clean()

"""Fixtures of the browser tests: one normal build and one offline build per session, both made with
the network cut; the normal build served over HTTP; one Chromium for the whole session."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from treatysite.links import Links

from .support import CHROMIUM, CHROMIUM_ARGS, BuiltSite, NoNetwork, Recorder, in_ci, mkdocs_build, no_network, serving


@pytest.fixture(scope="session")
def isolation(tmp_path_factory: pytest.TempPathFactory) -> NoNetwork:
    return no_network(tmp_path_factory.mktemp("no-network"))


def _build(isolation: NoNetwork, config: str, site: Path) -> Path:
    result = mkdocs_build(isolation, config, site)
    if result.returncode != 0:
        pytest.fail(f"`mkdocs build -f {config}` failed with the network cut by {isolation.how}:\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def normal_site(isolation: NoNetwork, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published site (directory URLs), built from mkdocs.yml with no network."""
    return _build(isolation, "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def offline_site(isolation: NoNetwork, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy, built from mkdocs-offline.yml with no network."""
    return _build(isolation, "mkdocs-offline.yml", tmp_path_factory.mktemp("site-offline"))


@pytest.fixture(scope="session")
def links(dataset) -> Links:
    return Links(dataset)


# --- The browser ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium (or CHROMIUM_PATH), headless. Missing, it skips the tests locally and fails them in CI."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium) or set CHROMIUM_PATH"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            problem = "Playwright for Python is missing: pip install -r requirements-dev.txt"
    if problem:
        if in_ci():
            pytest.fail(f"{problem} (CI is set, so the browser tests may not be skipped)")
        pytest.skip(problem)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def offline(offline_site: Path) -> BuiltSite:
    return BuiltSite(offline_site, offline_site.as_uri() + "/", directory_urls=False)


@pytest.fixture(scope="session")
def served(normal_site: Path) -> Iterator[BuiltSite]:
    """The normal build served by Python's http.server on 127.0.0.1, on a free port."""
    with serving(normal_site) as site:
        yield site


@pytest.fixture
def open_context(browser):
    """Make fresh browser contexts (light scheme, no stored palette choice) that record every request
    and console error; they are closed after the test."""
    contexts = []

    def open_context(site: BuiltSite, **options):
        context = browser.new_context(**{"color_scheme": "light", **options})
        context.set_default_timeout(15_000)
        contexts.append(context)
        recorder = Recorder(site.is_local)
        recorder.attach(context)
        return context.new_page(), recorder

    yield open_context
    for context in contexts:
        context.close()

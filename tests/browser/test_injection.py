"""Text from YAML cannot run script in a reader's browser: payloads in every kind of text field are built
into a site and opened in Chromium, which must run none of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import MINI_DATA
from conftest import mkdocs_build as build_with_data

from .support import BuiltSite

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "[a link](javascript:window.__pwned='markdown-link')",
    "<a href=\"javascript:window.__pwned='a'\">a link</a>",
    "\"><svg onload=\"window.__pwned = 'svg'\">",
    "text { onclick=\"window.__pwned = 'attr-list'\" }",
    "<details open ontoggle=\"window.__pwned = 'details'\">",
]
ALL = " ".join(PAYLOADS)
PAGES = [
    "people/samuel-ramani/index.html",
    "people/index.html",
    "provisions/ru-ir-2025/art-03-3-no-aid-to-aggressor/index.html",
    "provisions/index.html",
    "sources/index.html",
    "timeline/index.html",
    "compare/index.html",
    "index.html",
]


def poison(data: Path) -> None:
    """Put the payloads into text fields of every kind that is shown on a page."""
    edits = {
        "people/samuel-ramani.yml": {"name": "Samuel Ramani " + PAYLOADS[1], "affiliation": ALL, "summary": ALL,
                                      "names": {"variants": PAYLOADS}},
        "provisions/art-03-3-no-aid-to-aggressor.yml": {"title": "No aid " + PAYLOADS[4], "summary": ALL},
        "sources/ramani-2025.yml": {"title": ALL, "outlet": "Outlet " + PAYLOADS[0], "note": ALL},
        "events/2025-01-17-treaty-signed.yml": {"title": "Signed " + PAYLOADS[5], "summary": ALL},
    }
    for name, fields in edits.items():
        path = data / name
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record.update(fields)
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    provision = data / "provisions/art-03-3-no-aid-to-aggressor.yml"
    record = yaml.safe_load(provision.read_text(encoding="utf-8"))
    record["commentary"][0].update(summary=ALL, quote=PAYLOADS[3][:190])
    provision.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    data = tmp_path_factory.mktemp("poisoned") / "data"
    shutil.copytree(MINI_DATA, data)
    poison(data)
    site = tmp_path_factory.mktemp("poisoned-site")
    result = build_with_data(site, data_dir=data)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site, site.as_uri() + "/", directory_urls=True)


def test_no_payload_runs_and_every_payload_shows_as_text(poisoned_site: BuiltSite, open_context) -> None:
    page, recorder = open_context(poisoned_site)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in PAGES:
        page.goto(poisoned_site.base_url + path)
        page.wait_for_load_state("load")
        for link in page.locator("a[href^='javascript:' i]").all():
            link.click()
        assert page.evaluate("window.__pwned") is None, f"a payload ran on {path}"
        handlers = page.evaluate(
            """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                 .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
                 .map(a => el.tagName + ' ' + a.name + '=' + a.value))"""
        )
        assert not [h for h in handlers if "__pwned" in h], f"{path}: {handlers}"
    assert not dialogs
    page.goto(poisoned_site.base_url + PAGES[0])
    shown = page.locator("article").inner_text()
    assert "<script>window.__pwned = 'script'</script>" in shown
    assert "[a link](javascript:window.__pwned='markdown-link')" in shown
    assert "<img src=x onerror=" in shown

"""Text from YAML cannot run script in a reader's browser, wherever it lands.

The text fields are read from the JSON Schemas (tests/schema_fields.py), not from a list kept by hand:
a payload with a marker of its own goes into every place each text field is written, in every kind of
record (tests/fixtures/every-field holds a record of each kind with every optional part present), plus
more than fifty people, so that last names become navigation group labels. The site is built and
every page opened in Chromium: no payload may run, anywhere (page body, navigation, <title>, search
results), and each must show as typed; the JSON export keeps it as typed and the CSV export as text a
spreadsheet does not run.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES, MINI_DATA
from helpers import mkdocs_build as build_with_data
from schema_fields import kinds, text_fields, written_at
from site_reader import active_content

from treatysite.kinds import FOLDERS
from treatysite.schemas import SCHEMA_DIR, schema_set
from treatysite.yaml_source import YamlDocument

from .support import BuiltSite, search, serving

pytestmark = pytest.mark.browser

SITE_NAME = "Russia–Iran Treaty Commentary"
_SCHEMAS = schema_set(SCHEMA_DIR)
EXTRA_PEOPLE = 55  # more than layout.NAV_GROUP: the people section is split into groups named after last names


def payload(marker: str) -> str:
    """Markup of every kind, after a leading list marker; under 200 characters (the limit on quotations)."""
    run = f"window.__pwned='{marker}'"
    return (f"- {marker} <img src=x onerror=\"{run}\"> </title><script>{run}</script> "
            f"[a](javascript:{run}) {{ onclick=\"{run}\" }} &lt;b&gt; *x* ~~~")


class Poisoner:
    """Writes a payload, each with its own marker, into every text field of the records it is given.

    An optional field is added where its parent is written, unless the record would then break a rule
    across fields (a source's locator needs the document that cites it). A locator that names passages
    of a document with a declared structure (`structured`) is not free text but a checked form, and is
    left as written (tests/test_locators.py feeds the loader bad ones)."""

    def __init__(self, structured: frozenset[str] = frozenset()) -> None:
        self.written: dict[str, tuple[str, str, tuple]] = {}  # marker -> (kind, file, field path)
        self.covered: set[tuple[str, tuple[str, ...]]] = set()
        self.structured = structured

    def next_payload(self, kind: str, file: str, path: tuple) -> str:
        marker = f"F{len(self.written) + 1}"
        self.written[marker] = (kind, file, path)
        return payload(marker)

    def poison(self, kind: str, file: str, record: dict) -> None:
        for pattern in sorted(text_fields(kind), key=len):
            parent, leaf = pattern[:-1], pattern[-1]
            if leaf == "*":
                for path, items in written_at(record, parent):
                    if isinstance(items, list):
                        items[:] = [self.next_payload(kind, file, (*path, index)) for index in range(len(items))]
                        self.covered.add((kind, pattern))
                continue
            for path, container in written_at(record, parent):
                if not isinstance(container, dict) or self._pinpoint(leaf, container):
                    continue
                before = container.get(leaf)
                container[leaf] = self.next_payload(kind, file, (*path, leaf))
                if before is None and _SCHEMAS.validate(kind, YamlDocument(record), file):
                    del container[leaf], self.written[f"F{len(self.written)}"]
                else:
                    self.covered.add((kind, pattern))


    def _pinpoint(self, leaf: str, container: dict) -> bool:
        return leaf == "locator" and (container.get("source") in self.structured or container.get("cited_in") in self.structured)


def poisoned_data(target: Path) -> Poisoner:
    shutil.copytree(MINI_DATA, target)
    for path in (FIXTURES / "every-field").rglob("*.yml"):
        shutil.copyfile(path, target / path.relative_to(FIXTURES / "every-field"))
    person = yaml.safe_load((target / "people" / "samuel-ramani.yml").read_text(encoding="utf-8"))
    for number in range(EXTRA_PEOPLE):
        (target / "people" / f"person-{number:02d}.yml").write_text(
            yaml.safe_dump({**person, "id": f"person-{number:02d}"}, allow_unicode=True), encoding="utf-8")
    structured = frozenset(
        path.stem for path in (target / FOLDERS["source"]).glob("*.yml")
        if "structure" in yaml.safe_load(path.read_text(encoding="utf-8"))
    )
    poisoner = Poisoner(structured)
    for kind in kinds():
        for path in sorted((target / FOLDERS[kind]).glob("*.yml")):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            poisoner.poison(kind, path.name, record)
            path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return poisoner


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuiltSite, Poisoner]]:
    """The site built from poisoned data, served over HTTP (search needs its worker)."""
    data = tmp_path_factory.mktemp("poisoned") / "data"
    poisoner = poisoned_data(data)
    site = tmp_path_factory.mktemp("poisoned-site")
    result = build_with_data(site, data_dir=data)
    assert result.returncode == 0, result.stderr
    with serving(site) as served:
        yield served, poisoner


def test_every_text_field_of_the_schemas_is_poisoned(poisoned) -> None:
    _, poisoner = poisoned
    wanted = {(kind, pattern) for kind in kinds() for pattern in text_fields(kind)}
    missing = sorted(wanted - poisoner.covered)
    assert not missing, f"no record in tests/fixtures/every-field (or mini-data) writes these text fields: {missing}"
    assert len(wanted) > 80  # the schemas' text fields, counted: a walk that found few would be broken


def test_no_payload_runs_and_each_shows_as_typed(poisoned, open_context) -> None:
    site, poisoner = poisoned
    page, _ = open_context(site)
    shown, titles = [], {}
    pages = sorted(site.root.rglob("*.html"))
    for path in pages:
        page.goto(site.base_url + path.relative_to(site.root).as_posix())
        page.wait_for_load_state("load")
        where = path.relative_to(site.root).as_posix()
        assert page.evaluate("window.__pwned") is None, f"a payload ran on {where}"
        assert not page.locator("a[href^='javascript:' i], script:not([src]):not([id='__config'])").filter(
            has_text="__pwned").count(), where
        shown.append(" ".join(page.locator("body").inner_text().split()))
        titles[where] = page.title()
    all_text = "\n".join(shown)
    unseen = [f"{marker}: {poisoner.written[marker]}" for marker in poisoner.written if payload(marker) not in all_text]
    assert not unseen, "payloads not shown as typed on any page:\n" + "\n".join(unseen)
    person_title = titles["people/samuel-ramani/index.html"]
    assert person_title.endswith(f" - {SITE_NAME}") and person_title.startswith("- F") and "</title><script>" in person_title


def test_nothing_runs_from_the_navigation_or_the_search_results(poisoned, open_context) -> None:
    site, _ = poisoned
    page, _ = open_context(site)
    page.goto(site.url("people/index.md"))
    nav = page.locator("nav.md-nav--primary").inner_text()
    assert "onerror=" in nav and "window.__pwned" in nav  # group labels ("Abbasi – Haddad") made of poisoned names, shown as text
    search(page, "onerror", site.url("people/samuel-ramani.md"))
    assert page.locator(".md-search-result__item").count() > 0
    assert page.evaluate("window.__pwned") is None


def test_no_page_holds_active_content_but_the_themes(poisoned) -> None:
    site, _ = poisoned
    found = {path.relative_to(site.root).as_posix(): active_content(path) for path in site.root.rglob("*.html")}
    assert not {where: items for where, items in found.items() if items}


def test_exports_keep_the_text_and_the_csv_cannot_run_it(poisoned) -> None:
    site, poisoner = poisoned
    exported = json.loads((site.root / "downloads" / "treaty-commentary.json").read_text(encoding="utf-8"))
    strings = set(_strings(exported))
    assert {payload(marker) for marker in poisoner.written} <= strings
    cells = [cell for table in (site.root / "downloads" / "csv").glob("*.csv")
             for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))) for cell in row]
    poisoned_cells = [cell for cell in cells if "__pwned" in cell]
    assert poisoned_cells and all(cell.startswith("'- F") for cell in poisoned_cells if cell.lstrip("'").startswith("- F"))
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []

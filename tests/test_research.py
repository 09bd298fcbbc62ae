"""Research features, read from the built site: comparison, timeline, pinpoint citation, export, names."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from site_reader import html_path, links_to, read_page

from treatysite.kinds import FOLDERS
from treatysite.layout import COMPARE_PAGE, page_path
from treatysite.schemas import SCHEMA_DIR, SchemaSet
from treatysite.yaml_source import YamlDocument


def test_comparison_sets_mutual_defence_beside_its_absence(built_site: Path, dataset) -> None:
    compare = html_path(built_site, COMPARE_PAGE)
    for provision in dataset.provision.values():
        assert links_to(built_site, compare, html_path(built_site, page_path("provision", provision)))
    html = compare.read_text(encoding="utf-8")
    mutual = html[html.index("<strong>Mutual defence</strong>"):]
    mutual = mutual[: mutual.index("</tr>")]
    cells = mutual.split("<td>")[1:]
    columns = [t.id for t in dataset.treaty.values() if any(p.treaty == t.id for p in dataset.provision.values())]
    by_treaty = dict(zip(columns, cells))
    assert "none reported" in by_treaty["ru-ir-2025"]
    assert "ru-kp-2024-art-04-mutual-assistance" in by_treaty["ru-kp-2024"]


def test_timeline_links_each_event_to_what_it_concerns_and_its_sources(built_site: Path, dataset) -> None:
    timeline = built_site / "timeline" / "index.html"
    page = read_page(timeline)
    assert set(dataset.event) <= page.ids
    html = timeline.read_text(encoding="utf-8")
    for event in dataset.event.values():
        section = html[html.index(f'id="{event.id}"'):]
        section = section[: section.find("<h3", 10) if "<h3" in section[10:] else len(section)]
        for citation in event.sources:
            assert f"sources/#{citation.source}" in section, f"{event.id} does not cite {citation.source}"
        for provision_id in event.provisions:
            assert f"{provision_id}/" in section, f"{event.id} does not link {provision_id}"
        for project_id in event.projects:
            assert f"projects/{project_id}/" in section
        for person_id in event.people:
            assert f"people/{person_id}/" in section


def test_provision_paragraphs_are_numbered_with_permalinks(built_site: Path, dataset) -> None:
    for provision in dataset.provision.values():
        page = read_page(html_path(built_site, page_path("provision", provision)))
        expected = len([p for p in provision.summary.split("\n\n") if p.strip()]) + len(provision.commentary)
        expected += 1 if provision.obligation.note else 0
        numbered = {f"p{n}" for n in range(1, expected + 1)}
        assert numbered <= page.ids, f"{provision.id}: missing {sorted(numbered - page.ids)}"
        assert f"#p{expected}" in page.hrefs


@pytest.mark.parametrize("kind", ["provision", "domain", "person", "project"])
def test_pages_offer_a_citation_in_text_and_bibtex(built_site: Path, dataset, kind: str) -> None:
    record = next(iter(dataset.of_kind(kind).values()))
    text = read_page(html_path(built_site, page_path(kind, record))).text
    address = page_path(kind, record).removesuffix(".md") + "/"
    assert "Cite this page" in text
    assert f"@misc{{ruir:{address.rstrip('/').replace('/', ':')}," in text
    assert "Russia–Iran Treaty Commentary, “" in text
    assert f"/{address}, accessed [date]" in text


def test_data_export_matches_the_dataset_and_its_schemas(built_site: Path, dataset) -> None:
    downloads = built_site / "downloads"
    exported = json.loads((downloads / "treaty-commentary.json").read_text(encoding="utf-8"))
    schemas = SchemaSet(SCHEMA_DIR)
    for kind, folder in FOLDERS.items():
        records = exported[folder]
        assert [r["id"] for r in records] == list(dataset.of_kind(kind))
        for record in records:
            assert schemas.validate(kind, YamlDocument(record), f"{folder}/{record['id']}") == []
        with open(downloads / "csv" / f"{folder}.csv", encoding="utf-8", newline="") as table:
            assert [row["id"] for row in csv.DictReader(table)] == list(dataset.of_kind(kind))
    commentary = list(csv.DictReader(io.StringIO((downloads / "csv" / "commentary.csv").read_text(encoding="utf-8"))))
    assert len(commentary) == sum(len(getattr(r, "commentary", ())) for _, r in dataset.records())
    data_page = built_site / "data" / "index.html"
    assert links_to(built_site, data_page, downloads / "treaty-commentary.json")
    assert links_to(built_site, data_page, downloads / "csv" / "provisions.csv")


def test_names_in_other_scripts_are_shown_and_indexed(built_site: Path, dataset) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(doc["text"] for doc in index["docs"])
    checked = 0
    for kind in ("person", "project"):
        for record in dataset.of_kind(kind).values():
            names = [record.names.ru, record.names.fa, *record.names.variants]
            text = read_page(html_path(built_site, page_path(kind, record))).text
            for name in filter(None, names):
                assert name in text, f"{record.id}: {name} not shown"
                assert name in indexed, f"{record.id}: {name} not in the search index"
                checked += 1
    assert checked > 0


def test_domain_pages_group_the_views_on_their_provisions_by_stance(built_site: Path, dataset) -> None:
    from treatysite import vocabulary

    checked = 0
    for domain in dataset.domain.values():
        page = html_path(built_site, page_path("domain", domain))
        text = read_page(page).text
        for provision in dataset.provision.values():
            if domain.id not in provision.domains:
                continue
            for entry in provision.commentary:
                assert f"{vocabulary.STANCE[entry.stance]}:" in text
                assert f"{dataset.person[entry.by].name} on {provision.heading}" in text, (domain.id, provision.id)
                checked += 1
    assert checked > 0

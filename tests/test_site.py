"""The real site, built from data/ by `mkdocs build --strict`: every record has its page, links go both ways."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from site_reader import active_content, html_path, links_to, read_page, resolve

from treatysite import kinds
from treatysite.links import Links
from treatysite.layout import page_path

PAGE_KINDS = [kind.name for kind in kinds.PAGE_KINDS]


def page_of(site: Path, kind: str, record) -> Path:
    return html_path(site, page_path(kind, record))


def test_every_record_has_its_page(built_site: Path, dataset) -> None:
    for kind in PAGE_KINDS:
        for record in dataset.of_kind(kind).values():
            path = page_of(built_site, kind, record)
            assert path.is_file(), f"no page for {kind} {record.id}"
            heading = record.display_title
            assert heading in read_page(path).text, f"{path} does not show {heading!r}"
    sources = read_page(built_site / "sources" / "index.html")
    assert set(dataset.source) <= sources.ids
    timeline = read_page(built_site / "timeline" / "index.html")
    assert set(dataset.event) <= timeline.ids


def test_every_commentary_entry_is_on_its_page(built_site: Path, dataset) -> None:
    checked = 0
    for kind in PAGE_KINDS:
        for record in dataset.of_kind(kind).values():
            text = read_page(page_of(built_site, kind, record)).text
            for entry in getattr(record, "commentary", ()):
                assert " ".join(entry.summary.split()) in text, f"{record.file}: commentary by {entry.by} is missing"
                checked += 1
    assert checked > 0


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    pages = {path.resolve(): read_page(path) for path in built_site.rglob("*.html")}
    for path, page in pages.items():
        if path.name == "404.html":
            continue  # served at any missing address, so its links are absolute by design
        for href in page.hrefs:
            resolved = resolve(built_site, path, href)
            if resolved is None:
                continue
            target, anchor = resolved
            if target.suffix == ".html" and target not in pages:
                broken.append(f"{path.relative_to(built_site)}: {href}")
            elif anchor and target in pages and anchor not in pages[target].ids:
                broken.append(f"{path.relative_to(built_site)}: {href} (no such anchor)")
            elif target.suffix != ".html" and not target.exists():
                broken.append(f"{path.relative_to(built_site)}: {href}")
    assert not broken, "\n".join(broken[:20])


def test_links_go_both_ways(built_site: Path, dataset) -> None:
    links = Links(dataset)
    checked = 0
    for person_id, uses in links.commentary_by_person.items():
        person_page = page_of(built_site, "person", dataset.person[person_id])
        for use in uses:
            record_page = page_of(built_site, use.kind, use.record)
            assert links_to(built_site, person_page, record_page), f"{person_id} page misses {use.record.id}"
            assert links_to(built_site, record_page, person_page), f"{use.record.id} page misses {person_id}"
            checked += 1
    for provision in dataset.provision.values():
        provision_page = page_of(built_site, "provision", provision)
        for domain_id in provision.domains:
            domain_page = page_of(built_site, "domain", dataset.domain[domain_id])
            assert links_to(built_site, provision_page, domain_page)
            assert links_to(built_site, domain_page, provision_page), f"{domain_id} page misses {provision.id}"
            checked += 1
        for project_id in provision.projects:
            project_page = page_of(built_site, "project", dataset.project[project_id])
            assert links_to(built_site, provision_page, project_page)
            assert links_to(built_site, project_page, provision_page), f"{project_id} page misses {provision.id}"
            checked += 1
    assert checked > 0


def test_edit_link_opens_the_yaml_file(built_site: Path, dataset) -> None:
    provision = next(iter(dataset.provision.values()))
    hrefs = read_page(page_of(built_site, "provision", provision)).hrefs
    assert any(href.endswith(f"/edit/main/{provision.file}") for href in hrefs), hrefs


def test_search_index_has_every_generated_page(built_site: Path, dataset) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for kind in PAGE_KINDS:
        for record in dataset.of_kind(kind).values():
            location = page_of(built_site, kind, record).parent.relative_to(built_site).as_posix() + "/"
            assert location in locations, f"{location} is not in the search index"


def test_each_view_is_indexed_once_where_it_is_read_in_context(built_site: Path, dataset) -> None:
    """A view is searchable on the page of the provision it is about; the person's page lists it too,
    but out of the index, so a search hit opens the view beside the text it comments on (and the index
    stays small: repeating every view doubled that part of it)."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text_at: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text_at[page] = text_at.get(page, "") + " " + _plain_text(doc["title"] + " " + doc["text"])
    links = Links(dataset)
    checked = 0
    for person in dataset.person.values():
        person_page = _location(built_site, "person", person)
        for use in links.commentary_by_person[person.id]:
            summary = " ".join(use.commentary.summary.split())
            assert summary in text_at[_location(built_site, use.kind, use.record)], (use.record.id, summary)
            assert summary not in text_at[person_page], (person.id, summary)
            checked += 1
    assert checked > 0


def _location(site: Path, kind: str, record) -> str:
    return page_of(site, kind, record).parent.relative_to(site).as_posix() + "/"


def _plain_text(html_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


def test_source_entries_are_searchable_but_not_their_cited_on_lists(built_site: Path, dataset) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sources_page = html_path(built_site, "sources/index.md").parent.relative_to(built_site).as_posix() + "/"
    entries = {doc["location"].split("#")[1]: doc for doc in index["docs"] if doc["location"].startswith(sources_page + "#")}
    for source in dataset.source.values():
        assert source.id in entries, f"source {source.id} is not in the search index"
        assert "Cited on" not in entries[source.id]["text"], source.id


def test_no_page_holds_active_content_but_the_themes(built_site: Path) -> None:
    """A pull request that adds a script, an event handler or a javascript: link anywhere (a data file, a
    hand-written page in docs/) fails here, whatever the way it got in."""
    found = {path.relative_to(built_site).as_posix(): active_content(path) for path in built_site.rglob("*.html")}
    assert found and not {where: items for where, items in found.items() if items}


_NOTE_BOX = re.compile(
    r'<div class="admonition info">\s*<p class="admonition-title">Editors(?:\'|&#39;|’|&rsquo;) note</p>(.*?)</div>', re.S
)


def test_editors_notes_are_shown_labelled_and_apart_from_the_cited_text(built_site: Path, dataset) -> None:
    """An editors' note stands in its own box titled "Editors' note" on its record's page (an event's on the
    timeline), and none of its words leak into the rest of the page, where they would read as reported fact."""
    checked = 0
    for kind in (*PAGE_KINDS, "event"):
        for record in dataset.of_kind(kind).values():
            note = getattr(record, "editors_note", None)
            if not note:
                continue
            path = built_site / "timeline" / "index.html" if kind == "event" else page_of(built_site, kind, record)
            page = path.read_text(encoding="utf-8")
            boxes = [_plain_text(body) for body in _NOTE_BOX.findall(page)]
            paragraphs = [" ".join(p.split()) for p in note.split("\n\n") if p.strip()]
            assert any(all(p in box for p in paragraphs) for box in boxes), f"{record.file}: editors' note not in a labelled box"
            outside = _plain_text(_NOTE_BOX.sub(" ", page))
            assert all(p not in outside for p in paragraphs), f"{record.file}: editors' note also shown outside its box"
            checked += 1
    assert checked >= 10, f"only {checked} records carry an editors' note"

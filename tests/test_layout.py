"""layout.py: where each page lives, the navigation that lists them, the ids that are reserved, and the
pages that would be published at the same place."""

from __future__ import annotations

import pytest
from helpers import bench_module

from treatysite import Dataset, load_dataset
from treatysite.kinds import PAGE_KINDS
from treatysite.markdown_text import html_text
from treatysite.layout import NAV_GROUP, NavItem, clashes, index_path, nav_labels, navigation, output_paths, page_path, reserved_id


def lists_in(nav: list[NavItem]) -> list[list[NavItem]]:
    """Every list of the navigation, the top level first, then each section's, depth first."""
    found = [nav]
    for item in nav:
        if isinstance(item, dict):
            for target in item.values():
                if isinstance(target, list):
                    found += lists_in(target)
    return found


@pytest.fixture(scope="module")
def large_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The benchmark's synthetic data, with more people than one navigation list may hold."""
    root = tmp_path_factory.mktemp("large")
    bench_module("synthetic").generate(root / "data", 9 * NAV_GROUP, seed=7)
    return load_dataset(root / "data", root)


def pages_in(nav: list[NavItem]) -> list[str]:
    """Every page the navigation lists, labelled or not."""
    return [item if isinstance(item, str) else target for entries in lists_in(nav) for item in entries
            for target in ([item] if isinstance(item, str) else item.values()) if isinstance(target, str)]


def test_every_record_page_is_in_the_navigation_once(dataset: Dataset) -> None:
    pages = pages_in(navigation(dataset))
    for kind in (kind.name for kind in PAGE_KINDS):
        assert pages.count(index_path(kind)) == 1, kind
        for record in dataset.of_kind(kind).values():
            assert pages.count(page_path(kind, record)) == 1, (kind, record.id)


def test_nav_labels_are_plain_text() -> None:
    nav = [{"Compare": "compare/index.md"}, {"People": ["people/index.md", {"A &amp; B – C": ["people/a.md"]}]}]
    assert nav_labels(nav) == {"compare/index.md": ("Compare",)}
    assert nav_labels([{"Q&amp;A": "qa.md"}, {"Sub": [{"Q&amp;A again": "qa.md"}]}]) == {"qa.md": ("Q&A", "Q&A again")}


def test_long_lists_are_split_into_balanced_groups_named_after_their_ends(large_dataset: Dataset) -> None:
    nav = navigation(large_dataset)
    assert all(len(entries) <= NAV_GROUP for entries in lists_in(nav))
    label_of = {page_path(kind, r): html_text(r.nav_label) for kind in ("provision", "domain", "person", "project")
                for r in large_dataset.of_kind(kind).values()}
    pages = pages_in(nav)
    assert all(pages.count(path) == 1 for path in label_of)
    treaty_labels = {html_text(t.nav_label) for t in large_dataset.treaty.values()}  # some hold " – " too
    groups = [item for entries in lists_in(nav) for item in entries if isinstance(item, dict)
              and " – " in next(iter(item)) and next(iter(item)) not in treaty_labels and next(iter(item.values()))[0] in label_of]
    assert groups, "no list was long enough to be grouped"
    for group in groups:
        (label, entries), = group.items()
        assert label == f"{label_of[entries[0]]} – {label_of[entries[-1]]}"
        assert NAV_GROUP // 2 < len(entries) <= NAV_GROUP  # balanced: no group of a handful beside full ones


@pytest.mark.parametrize(("kind", "record_id", "reason"), [
    ("person", "index", "the id 'index' is reserved: people/index.md is the list of people; choose another id"),
    ("source", "sources", "the id 'sources' is reserved: it is the anchor of the heading 'Sources' on sources/index.md; choose another id"),
    ("event", "timeline", "the id 'timeline' is reserved: it is the anchor of the heading 'Timeline' on timeline/index.md; choose another id"),
    ("event", "2025", "the id '2025' is reserved: it is the anchor of the year's heading on timeline/index.md; add the date and a few words"),
    ("person", "sources", None),
    ("person", "2025", None),
    ("event", "2025-01-17-signing", None),
])
def test_reserved_ids_say_what_they_would_replace(kind: str, record_id: str, reason: str | None) -> None:
    assert reserved_id(kind, record_id) == reason


def test_output_paths_cover_both_url_styles_without_case() -> None:
    assert output_paths("people/Samuel-Ramani.md") == {"people/samuel-ramani/index.html", "people/samuel-ramani.html"}
    assert output_paths("people/index.md") == output_paths("people/README.md") == {"people/index.html"}
    assert output_paths("downloads/Data.CSV") == {"downloads/data.csv"}


def test_a_hand_written_page_in_place_of_a_generated_one_is_a_clash() -> None:
    generated = {"people/samuel-ramani.md": "data/people/samuel-ramani.yml", "people/index.md": "data/people"}
    hand_written = {"people/Samuel-Ramani.md": "docs/people/Samuel-Ramani.md", "about.md": "docs/about.md"}
    errors = clashes(generated, hand_written)
    assert [str(error) for error in errors] == [str(error) for error in clashes(generated, hand_written)]
    assert len(errors) == 1
    message = str(errors[0])
    assert "docs/people/Samuel-Ramani.md" in message and "people/samuel-ramani.md (from data/people/samuel-ramani.yml)" in message
    assert clashes(generated, {"about.md": "docs/about.md"}) == []

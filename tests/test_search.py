"""The site search as built (issue 14): the word separator both configurations give Material, and a
record's other names and its page kind's weight in the built index. The parts are tested by module
(test_search_index.py, test_search_weight.py, test_spelling.py); how the pages rank in Chromium is tested
in tests/browser/test_search_ranking.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import REPO
from mkdocs.config import load_config
from site_reader import html_path, read_page

from treatysite.layout import page_path
from treatysite.search_index import NAMES_FIELD, other_names
from treatysite.search_weight import LIST, OVERVIEW, RECORD


def search_config(config_file: str):
    config = load_config(config_file=str(REPO / config_file))
    return config.plugins["material/search"].config


@pytest.fixture(scope="module")
def separator() -> re.Pattern[str]:
    return re.compile(search_config("mkdocs.yml").separator)


def words(separator: re.Pattern[str], text: str) -> list[str]:
    return [word for word in separator.split(text) if word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mir–Shetab card link", ["Mir", "Shetab", "card", "link"]),  # en dash
        ("North—South", ["North", "South"]),  # em dash
        ("Su-30/Su-35 fighters", ["Su", "30", "Su", "35", "fighters"]),
        ("Art. 3(3): No assistance", ["Art", "3(3)", "No", "assistance"]),  # a pinpoint stays one word
        ("(Article 3(4))", ["Article", "3(4)"]),
        ("the Shanghai Cooperation Organisation (SCO)", ["the", "Shanghai", "Cooperation", "Organisation", "SCO"]),
        ("Russia–DPRK Treaty (2024)", ["Russia", "DPRK", "Treaty", "2024"]),
        ("«Север — Юг»", ["Север", "Юг"]),
        ("“one of the worst deals”", ["one", "of", "the", "worst", "deals"]),
    ],
)
def test_the_separator_splits_words_as_titles_need(separator, text: str, expected: list[str]) -> None:
    assert words(separator, text) == expected


def test_the_offline_copy_searches_with_the_same_settings() -> None:
    published, offline = search_config("mkdocs.yml"), search_config("mkdocs-offline.yml")
    assert offline.separator == published.separator != "[\\s\\-]+"
    assert offline.fields == published.fields
    assert offline.pipeline == published.pipeline


# --- The built site --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_a_record_page_shows_its_aliases_and_the_index_holds_them(built_site: Path, dataset, index) -> None:
    with_aliases = [(kind, r) for kind in ("treaty", "provision", "domain", "project")
                    for r in dataset.of_kind(kind).values() if r.aliases]
    assert with_aliases, "no record in data/ has aliases"
    entries = {entry["location"]: entry for entry in index["docs"]}
    for kind, record in with_aliases:
        path = page_path(kind, record)
        text = read_page(html_path(built_site, path)).text
        assert "Also known as:" in text and all(alias in text for alias in record.aliases), path
        location = path.removesuffix(".md") + "/"
        indexed = entries[location].get(NAMES_FIELD, "") + " " + entries[location]["title"]
        for name in other_names(record):
            for word in re.split(index["config"]["separator"], name):
                assert not word or word.lower() in indexed.lower(), (path, word)


def test_pages_carry_their_kind_s_weight(index) -> None:
    boosts = {entry["location"]: entry.get("boost") for entry in index["docs"]}
    assert boosts["people/samuel-ramani/"] == RECORD
    assert boosts["domains/energy-nuclear/"] == OVERVIEW
    assert boosts["timeline/"] == boosts["timeline/#2025"] == LIST
    assert boosts["methodology/"] is None  # hand-written: Material's default weight

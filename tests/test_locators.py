"""Pinpoint locators: a passage of a source document is written one way and shown in words a reader can
follow to it. (Locators the loader refuses, and one stance per reading: tests/fixtures/broken/.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from treatysite import load_dataset, render_site
from treatysite.locators import LocatorProblem, parse_locator


def test_a_locator_is_shown_in_words_with_consecutive_paragraphs_together(mini_data: Path) -> None:
    path = mini_data / "projects" / "north-south-transport-corridor.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["sources"][0]["locator"] = "opening para 3; opening para 4; economy para 2; outlook para 6"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = render_site(load_dataset(mini_data, mini_data.parent))
    page = next(page.content for page in site.pages if page.path == "projects/north-south-transport-corridor.md")
    assert (
        "untitled opening section, paragraphs 3 and 4 · section “Iran deepens economic integration with Russia”, "
        "paragraph 2 · section “What lies ahead in Russia-Iran cooperation”, paragraph 6"
    ) in page


@pytest.mark.parametrize("spelling", [
    "economy para 02", "Economy para 2", "economy  para 2", "economy para 2;para 3", "economy para 2 ", "economy paragraph 2",
])
def test_a_passage_has_one_spelling(spelling: str) -> None:
    ramani = load_dataset(Path(__file__).resolve().parent.parent / "data").source["ramani-2025"]
    assert [passage.text for passage in parse_locator(ramani.structure, ramani.id, "economy para 2")] == ["economy para 2"]
    with pytest.raises(LocatorProblem):
        parse_locator(ramani.structure, ramani.id, spelling)

"""search_weight.py: the weight each page kind has in the search index."""

from __future__ import annotations

from treatysite.pages import TEMPLATES
from treatysite.search_weight import LIST, OVERVIEW, PAGE_WEIGHT, RECORD


def test_every_page_kind_has_a_weight_and_records_weigh_most() -> None:
    kinds = {path.name.removesuffix(".md.j2") for path in TEMPLATES.glob("*.md.j2") if not path.name.startswith("_")}
    assert set(PAGE_WEIGHT) == kinds
    assert {PAGE_WEIGHT[kind] for kind in ("treaty", "provision", "person", "project")} == {RECORD}
    assert PAGE_WEIGHT["domain"] == OVERVIEW and RECORD > OVERVIEW > LIST
    assert {PAGE_WEIGHT[kind] for kind in kinds if kind.endswith("-index")} == {LIST}

"""The benchmark's synthetic data (bench/synthetic.py) is valid and renders one page per record."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import REPO

from treatysite import load_dataset, render_site
from treatysite.kinds import PAGE_KINDS
from treatysite.layout import page_path

_spec = importlib.util.spec_from_file_location("synthetic", REPO / "bench" / "synthetic.py")
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)


def test_synthetic_tree_validates_and_renders_a_page_per_record(tmp_path: Path) -> None:
    counts = synthetic.generate(tmp_path / "data", 60, seed=7)
    assert counts["provision"] == 60 and counts["domain"] == 9
    assert all(counts[kind] > 0 for kind in ("treaty", "person", "project", "source", "event"))

    dataset = load_dataset(tmp_path / "data", tmp_path)  # raises DataErrors if anything is invalid
    assert {kind: len(dataset.of_kind(kind)) for kind in counts} == counts

    site = render_site(dataset)
    paths = [page.path for page in site.pages]
    assert len(paths) == len(set(paths))
    for kind in (kind.name for kind in PAGE_KINDS):
        own_pages = {page_path(kind, record) for record in dataset.of_kind(kind).values()}
        assert len(own_pages) == counts[kind]
        assert sum(path in own_pages for path in paths) == counts[kind], kind
    pages = {page.path: page.content for page in site.pages}
    assert all(source_id in pages["sources/index.md"] for source_id in dataset.source)  # one entry per source
    assert all(event_id in pages["timeline/index.md"] for event_id in dataset.event)  # one entry per event

    # Deterministic: the same seed gives the same files.
    synthetic.generate(tmp_path / "again", 60, seed=7)
    first = {p.relative_to(tmp_path / "data"): p.read_bytes() for p in (tmp_path / "data").rglob("*.yml")}
    again = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*.yml")}
    assert first == again

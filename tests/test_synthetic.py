"""The benchmark's synthetic data (bench/synthetic.py) is valid and renders one page per record."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from helpers import REPO, bench_module

from treatysite import load_dataset, render_site
from treatysite.kinds import PAGE_KINDS
from treatysite.layout import page_path

synthetic = bench_module("synthetic")


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


# --- the same seed gives the same tree, release after release ------------------------------------------------

SYNTHETIC_GOLDEN = REPO / "tests" / "golden" / "synthetic-seed-7.sha256"
# Links as the hand-written pages make them, one to each kind that docs/ can name, so the ids the
# generator gives linked records are covered too (the real docs/ would make this check move with them).
_DOCS_LINKS = """\
[a](provisions/ru-ir-2025/art-03-3-no-aid-to-aggressor.md) [b](treaties/ru-ir-2001.md)
[c](people/vali-kaleji.md) [d](projects/north-south-corridor.md) [e](domains/energy-nuclear.md)
[f](sources/index.md#tass-2025-01-17) [g](timeline/index.md#2025-01-17-signing)
"""


def _tree_digests(root: Path) -> str:
    """One `sha256  path` line per generated file. The schema comment's relative path depends on where the
    tree was written, so it is hashed as the repository path it resolves to."""
    lines = []
    for path in sorted(root.rglob("*.yml")):
        first, rest = path.read_text(encoding="utf-8").split("\n", 1)
        prefix, schema = first.split("$schema=")
        first = prefix + "$schema=" + (path.parent / schema).resolve().relative_to(REPO).as_posix()
        digest = hashlib.sha256(f"{first}\n{rest}".encode()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def test_a_seed_gives_the_tree_it_gave_before(tmp_path: Path) -> None:
    """The benchmark compares runs over time only if its data does not move: a refactor of the generator
    must leave every file byte-identical. Set UPDATE_GOLDEN=1 after a deliberate change to the data."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(_DOCS_LINKS, encoding="utf-8")
    synthetic.generate(tmp_path / "data", 120, seed=7, docs_dir=docs)
    digests = _tree_digests(tmp_path / "data")
    if os.environ.get("UPDATE_GOLDEN"):
        SYNTHETIC_GOLDEN.write_text(digests, encoding="utf-8")
    golden = SYNTHETIC_GOLDEN.read_text(encoding="utf-8").splitlines()
    changed = sorted(set(golden) ^ set(digests.splitlines()))
    assert not changed, f"{len(changed)} lines differ from {SYNTHETIC_GOLDEN.name}, e.g. {changed[:4]}"

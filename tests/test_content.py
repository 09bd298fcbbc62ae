"""Honesty checks on the real data: sources used, quotations real, summaries in our own words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from helpers import REPO

from treatysite import load_dataset
from treatysite.links import Links

SHARED = REPO.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
REFERENCE = SHARED / "reference" / "treaty-facts.md"
COPY_RUN = 10  # this many words in a row, copied from a source document, is a copied sentence
# Fields whose text may legitimately be copied: quotations, addresses, and the official titles of
# treaties and of the articles a source cites.
COPYABLE = {("any", "quote"), ("any", "url"), ("sources", "title"), ("treaties", "title")}

needs_sources = pytest.mark.skipif(not SEEDS, reason="the seed documents in ../shared/seeds are not beside this checkout")


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower().replace("’", "'"))


def runs(text: str, size: int = COPY_RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def texts(folder: str, data, field: str = "") -> Iterator[tuple[str, str]]:
    """Every (field, text) in one record that is not allowed to be copied."""
    if isinstance(data, dict):
        for key, value in data.items():
            if ("any", key) in COPYABLE or (folder, key) in COPYABLE and not field:
                continue
            yield from texts(folder, value, f"{field}.{key}" if field else key)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from texts(folder, item, f"{field}[{index}]")
    elif isinstance(data, str):
        yield field, data


def quotes(data) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "quote" and isinstance(value, str):
                yield value
            else:
                yield from quotes(value)
    elif isinstance(data, list):
        for item in data:
            yield from quotes(item)


def data_files() -> Iterator[tuple[Path, dict]]:
    for path in sorted((REPO / "data").rglob("*.yml")):
        yield path, yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_source_is_cited_somewhere() -> None:
    dataset = load_dataset(REPO / "data", REPO)
    cited = Links(dataset).cited_by
    unused = [source_id for source_id in dataset.source if not cited.get(source_id)]
    assert not unused, f"sources that no page cites: {unused}"


@needs_sources
def test_no_sentence_is_copied_from_the_sources() -> None:
    source_runs = set().union(*(runs(path.read_text(encoding="utf-8")) for path in [*SEEDS, REFERENCE]))
    # Official treaty titles are names, and may be written out wherever they are mentioned.
    titles = [data["title"] for path, data in data_files() if path.parent.name == "treaties"]
    copied = []
    for path, data in data_files():
        folder = path.relative_to(REPO / "data").parts[0]
        for field, text in texts(folder, data):
            for title in titles:
                text = text.replace(title, " ")
            shared = runs(text) & source_runs
            if shared:
                copied.append(f"{path.relative_to(REPO)}: {field}: '{' '.join(sorted(shared)[0])}'")
    assert not copied, "copied from a source (write it in our own words or mark it as a quote):\n" + "\n".join(copied)


@needs_sources
def test_every_quotation_is_printed_in_a_source_document() -> None:
    seed_text = normalise(" ".join(path.read_text(encoding="utf-8") for path in SEEDS))
    checked = 0
    for path, data in data_files():
        for quote in quotes(data):
            assert normalise(quote) in seed_text, f"{path.relative_to(REPO)}: quotation not found in the sources: {quote!r}"
            assert len(words(quote)) <= 25, f"{path.relative_to(REPO)}: quotation longer than 25 words"
            checked += 1
    assert checked > 0

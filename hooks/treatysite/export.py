"""The validated dataset as downloadable files: one JSON document and one CSV table per kind.

Researchers reuse the data without scraping pages. The JSON mirrors the YAML records (same field
names, documented by the JSON Schemas published beside it); the CSV tables flatten each record to
one row, with commentary, facts and disputed versions in tables of their own.
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass
import functools
import io
import json
from typing import Any

from .dataset import Dataset
from .kinds import KINDS
from .locators import forms
from .model import Citation, Commentary, Fact, Record, Structure, Version
from .publication import citation_metadata, licence_metadata

EXPORT_FORMAT_VERSION = 1
# Nested lists that have tables of their own: the record's row only counts them.
_COUNTED = ("commentary", "facts", "versions")


def dataset_json(dataset: Dataset, site_url: str | None = None) -> str:
    """One JSON document; each record on a line of its own, so the file reads and diffs well line by line.
    It opens with its licence and how to cite it (`site_url`, the published site's address, goes in the citation).

    (Whole-document indentation would use json's pure-Python encoder: seconds at 2,000 provisions.)
    """
    head = {"format_version": EXPORT_FORMAT_VERSION, "license": licence_metadata(), "citation": citation_metadata(site_url),
            "schemas": {kind.name: f"schemas/{kind.schema_file}" for kind in KINDS}}
    parts = [f" {_json(key)}: {_json(value)}" for key, value in head.items()]
    for kind in KINDS:
        records = ",\n".join(f"  {_json(_plain(record))}" for record in dataset.of_kind(kind.name).values())
        parts.append(f" {_json(kind.folder)}: [\n{records}\n ]" if records else f" {_json(kind.folder)}: []")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class CsvTable:
    text: str
    rows: int


def csv_tables(dataset: Dataset) -> dict[str, CsvTable]:
    """File name -> CSV table: one table per kind, plus commentary, facts and versions."""
    tables = {f"{kind.folder}.csv": _table([_row(record) for record in dataset.of_kind(kind.name).values()]) for kind in KINDS}
    commentary, facts, versions = [], [], []
    for kind, record in dataset.records():
        for entry in getattr(record, "commentary", ()):
            commentary.append({"record_kind": kind, "record_id": record.id, **_commentary_row(entry)})
        for index, fact in enumerate(getattr(record, "facts", ())):
            facts.append({"record_kind": kind, "record_id": record.id, "fact": index + 1, **_fact_row(fact)})
        for owner, found in _versions(kind, record):
            for version in found:
                versions.append({"record_kind": kind, "record_id": record.id, "of": owner,
                                 "value": version.value, "sources": _citations(version.sources)})
    tables["commentary.csv"] = _table(commentary)
    tables["facts.csv"] = _table(facts)
    tables["disputed-versions.csv"] = _table(versions)
    return tables


def _plain(record: Record) -> dict[str, Any]:
    """The record as its YAML file has it (less the file path), so it validates against the same schema."""
    data = _plain_value(record)
    del data["file"]
    return data


def _plain_value(value: Any) -> Any:
    """Dataclasses become mappings without their empty fields; tuples become lists."""
    if isinstance(value, tuple):
        return [_plain_value(item) for item in value]
    if not dataclasses.is_dataclass(value):
        return value
    plain = {}
    for name in _field_names(type(value)):
        item = _plain_value(getattr(value, name))
        if item not in (None, [], {}):
            plain[name] = item
    return plain


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


def _row(record: Record) -> dict[str, str]:
    row: dict[str, str] = {}
    for field in dataclasses.fields(record):
        if field.name == "file":
            continue
        value = getattr(record, field.name)
        row.update(_cells(field.name, value))
    return row


def _cells(name: str, value: Any) -> dict[str, str]:
    if value is None:
        return {name: ""}
    if isinstance(value, tuple):
        if name.endswith(_COUNTED):
            return {f"{name}_count": str(len(value))}
        if value and isinstance(value[0], Citation):
            return {name: _citations(value)}
        return {name: "; ".join(str(item) for item in value)}
    if isinstance(value, Structure):
        return {name: forms(value)}  # the locator forms it allows, in one cell; the JSON export has every part
    if dataclasses.is_dataclass(value):
        cells: dict[str, str] = {}
        for field in dataclasses.fields(value):
            cells.update(_cells(f"{name}_{field.name}", getattr(value, field.name)))
        return cells
    return {name: str(value).lower() if isinstance(value, bool) else str(value)}


def _citations(citations: tuple[Citation, ...]) -> str:
    return "; ".join(c.source + (f" ({c.locator})" if c.locator else "") for c in citations)


def _commentary_row(entry: Commentary) -> dict[str, str]:
    return {"by": entry.by, "stance": entry.stance, "summary": entry.summary, "quote": entry.quote or "",
            "source": _citations((entry.source,))}


def _fact_row(fact: Fact) -> dict[str, str]:
    return {"label": fact.label, "value": fact.value, "confidence": fact.confidence,
            "sources": _citations(fact.sources), "versions": str(len(fact.versions))}


def _versions(kind: str, record: Record) -> list[tuple[str, tuple[Version, ...]]]:
    found = [(f"facts[{i + 1}] {fact.label}", fact.versions) for i, fact in enumerate(getattr(record, "facts", ()))]
    if kind == "provision":
        found.append(("confidence", record.confidence.versions))
    if kind == "event":
        found.append(("event", record.versions))
    return [(owner, versions) for owner, versions in found if versions]


def _table(rows: list[dict[str, str]]) -> CsvTable:
    columns: list[str] = []
    for row in rows:
        columns += [column for column in row if column not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: _inert(value) for column, value in row.items()} for row in rows)
    return CsvTable(buffer.getvalue(), len(rows))


# A spreadsheet opening the CSV runs a cell that starts with one of these as a formula
# (=HYPERLINK(...) and worse), so such a cell starts with an apostrophe, as OWASP advises; the JSON
# export keeps every text unchanged.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value

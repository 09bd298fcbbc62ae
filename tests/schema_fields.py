"""The text fields of every record kind, read from the JSON Schemas (not from a hand-kept list), and
the places in a record where they are written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from treatysite.kinds import FOLDERS
from treatysite.schemas import SCHEMA_DIR

FieldPattern = tuple[str, ...]  # ('commentary', '*', 'summary'): '*' is every item of a list
# Strings with a fixed form, not free text: they are checked by pattern or list, never shown as written prose.
_FIXED_FORMS = {"id", "ref", "date", "url"}


def _schemas() -> dict[str, dict[str, Any]]:
    return {path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.schema.json")}


def text_fields(kind: str) -> set[FieldPattern]:
    """Every path in a record of `kind` that holds free text."""
    schemas = _schemas()
    return set(_walk(schemas[kind], schemas, kind, ()))


def _walk(schema: dict[str, Any], schemas: dict[str, dict[str, Any]], file: str, path: FieldPattern) -> Iterator[FieldPattern]:
    if "$ref" in schema:
        target, _, pointer = schema["$ref"].partition("#")
        target_file = target.removesuffix(".schema.json") if target else file
        name = pointer.rsplit("/", 1)[-1] if pointer else ""
        if name in _FIXED_FORMS:
            return
        resolved = schemas[target_file]
        for part in [part for part in pointer.split("/") if part]:
            resolved = resolved[part]
        yield from _walk({**resolved, **{k: v for k, v in schema.items() if k != "$ref"}}, schemas, target_file, path)
        return
    if schema.get("type") == "string" and "enum" not in schema:
        yield path
    for name, child in schema.get("properties", {}).items():
        yield from _walk(child, schemas, file, path + (name,))
    if isinstance(schema.get("items"), dict):
        yield from _walk(schema["items"], schemas, file, path + ("*",))


def written_at(data: Any, pattern: FieldPattern) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """(path, value) of every place in `data` that `pattern` matches."""
    if not pattern:
        yield (), data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from (((index, *path), value) for path, value in written_at(item, rest))
    elif isinstance(data, dict) and head in data:
        yield from (((head, *path), value) for path, value in written_at(data[head], rest))


def kinds() -> list[str]:
    return list(FOLDERS)

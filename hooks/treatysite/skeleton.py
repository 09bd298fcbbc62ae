"""A new record's file: the schema line, the id, and every required field left empty for a person to fill in.

`python hooks/treatysite new KIND ID` writes it. Kinds and folders come from `kinds.py`, the fields from the
JSON Schemas: nothing here lists them again. A field to fill in is written with no value and a comment
`# fill in: ...` (what the schema says of it, or its valid values). An empty value is never valid, so the check
and the build name every field still to fill in, with its line: a skeleton cannot be published by mistake.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .kinds import FOLDERS
from .errors import printable
from .layout import reserved_id
from .load import ID_PATTERN
from .schemas import SCHEMA_DIR, SCHEMA_FILE

_COMMON = "common"
_INDENT = "  "


class RefusedRecord(Exception):
    """The record cannot be created; the message says why and what to do."""


def new_record_file(kind: str, record_id: str, data_dir: Path, schema_dir: Path = SCHEMA_DIR) -> Path:
    """Write the skeleton of a new record into data/<folder>/<id>.yml and return its path."""
    schemas = _Schemas(schema_dir)
    _check_id(kind, record_id, data_dir, schemas)
    path = data_dir / FOLDERS[kind] / f"{record_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as file:  # "x": never over a file that appeared meanwhile
        file.write(skeleton(kind, record_id, schema_dir))
    return path


def skeleton(kind: str, record_id: str, schema_dir: Path = SCHEMA_DIR) -> str:
    schemas = _Schemas(schema_dir)
    # The same relative path as every data file's first line: from data/<folder>/ to the schemas.
    lines = [f"# yaml-language-server: $schema=../../hooks/treatysite/schemas/{SCHEMA_FILE.format(kind=kind)}",
             f"id: {record_id}"]
    schema = schemas.resolved(kind, schemas.document(kind))
    lines += [line for name in _required(schema) if name != "id"
              for line in _field(schemas, kind, name, schema["properties"][name], "")]
    return "\n".join(lines) + "\n"


def _check_id(kind: str, record_id: str, data_dir: Path, schemas: _Schemas) -> None:
    id_schema = schemas.resolved(kind, schemas.document(kind)["properties"]["id"])
    if not ID_PATTERN.fullmatch(record_id) or len(record_id) > id_schema.get("maxLength", len(record_id)):
        raise RefusedRecord(f"'{printable(record_id)}' cannot be an id: {id_schema.get('description', 'see common.schema.json')}")
    reserved = reserved_id(kind, record_id)
    if reserved:
        raise RefusedRecord(reserved)
    folder = data_dir / FOLDERS[kind]
    existing = sorted(folder.rglob(f"{record_id}.yml")) if folder.is_dir() else []
    if existing:
        raise RefusedRecord(f"the {kind} id '{record_id}' is already used by {existing[0].as_posix()}; choose another id")


def _required(schema: dict[str, Any]) -> list[str]:
    """The required fields in the order the schema describes them (the order contributors read)."""
    required = set(schema.get("required", ()))
    return [name for name in schema.get("properties", {}) if name in required]


def _field(schemas: _Schemas, document: str, name: str, node: dict[str, Any], indent: str) -> list[str]:
    document, schema = schemas.follow(document, node)
    if schema.get("type") == "object":
        return [f"{indent}{name}:"] + _mapping_body(schemas, document, schema, indent + _INDENT)
    if schema.get("type") == "array":
        return [f"{indent}{name}:"] + _items(schemas, document, schema, indent + _INDENT)
    return [f"{indent}{name}:  {_placeholder(schema)}"]


def _mapping_body(schemas: _Schemas, document: str, schema: dict[str, Any], indent: str) -> list[str]:
    return [line for name in _required(schema) for line in _field(schemas, document, name, schema["properties"][name], indent)]


def _items(schemas: _Schemas, document: str, schema: dict[str, Any], indent: str) -> list[str]:
    item_document, item = schemas.follow(document, schema.get("items", {}))
    if item.get("type") == "object":
        body = _mapping_body(schemas, item_document, item, indent + _INDENT)
        one = [f"{indent}- {body[0].lstrip()}", *body[1:]]
    else:
        one = [f"{indent}-  {_placeholder(item)}"]
    return one * max(schema.get("minItems", 1), 1)


def _placeholder(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        hint = "one of " + ", ".join(str(value) for value in schema["enum"])
    else:
        hint = schema.get("description") or schema.get("type", "a value")
    return f"# fill in: {hint}"


class _Schemas:
    """The JSON Schemas by name ('person', 'common'), with `$ref`s followed within and between them."""

    def __init__(self, schema_dir: Path) -> None:
        self.schema_dir = schema_dir
        self._documents: dict[str, dict[str, Any]] = {}

    def document(self, name: str) -> dict[str, Any]:
        if name not in self._documents:
            path = self.schema_dir / SCHEMA_FILE.format(kind=name)
            self._documents[name] = json.loads(path.read_text(encoding="utf-8"))
        return self._documents[name]

    def follow(self, document: str, node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """(the document the node's definition lives in, the node with its `$ref`s merged in)."""
        merged = dict(node)
        while "$ref" in merged:
            target, _, pointer = merged.pop("$ref").partition("#")
            if target:
                document = target.removesuffix(".schema.json")
            found: Any = self.document(document)
            for part in filter(None, pointer.split("/")):
                found = found[part]
            merged = {**found, **merged}  # the referring node's own keywords (a description, minItems) win
        return document, merged

    def resolved(self, document: str, node: dict[str, Any]) -> dict[str, Any]:
        return self.follow(document, node)[1]

"""Which fields refer to other records, and the check that every reference resolves."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from .errors import DataError
from .yaml_source import FieldPath, YamlDocument

# kind -> [(path pattern, target kind)] for the kinds that have such fields; '*' matches every item of a list.
REFERENCE_FIELDS: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "treaty": [(("replaces",), "treaty"), (("signed", "by", "*"), "person")],
    "provision": [(("treaty",), "treaty"), (("domains", "*"), "domain"), (("projects", "*"), "project")],
    "project": [(("domains", "*"), "domain")],
    "event": [
        (("treaty",), "treaty"),
        (("provisions", "*"), "provision"),
        (("projects", "*"), "project"),
        (("people", "*"), "person"),
    ],
    "source": [(("cited_in",), "source")],
}
# In every kind: commentary authors, and every citation's 'source'.
COMMON_REFERENCE_FIELDS: list[tuple[tuple[str, ...], str]] = [(("commentary", "*", "by"), "person")]


def references(kind: str, data: dict[str, Any]) -> Iterator[tuple[FieldPath, str, str]]:
    """Yield (field path, referenced id, target kind) for every reference in one record."""
    for pattern, target in REFERENCE_FIELDS.get(kind, []) + COMMON_REFERENCE_FIELDS:
        for path, value in _match(data, pattern, ()):
            if isinstance(value, str):
                yield path, value, target
    for path, value in citation_sources(data, ()):
        yield path, value, "source"


def check_references(
    kind: str, document: YamlDocument, shown_as: str, known_ids: dict[str, set[str]]
) -> list[DataError]:
    errors = []
    for path, value, target in references(kind, document.data):
        if value in known_ids[target]:
            continue
        close = difflib.get_close_matches(value, sorted(known_ids[target]), n=1)
        suggestion = f"; did you mean '{close[0]}'?" if close else ""
        errors.append(DataError.at(shown_as, document.position(path), path, f"no {target} has the id '{value}'{suggestion}"))
    return errors


def _match(data: Any, pattern: tuple[str, ...], path: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _match(item, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from _match(data[head], rest, path + (head,))


def citation_sources(data: Any, path: FieldPath) -> list[tuple[FieldPath, str]]:
    """Every citation is a mapping with a 'source' field, wherever it is nested.

    A loop over the mappings and lists still to look into, rather than recursion into every value:
    most values are text, and this runs over every record on every build.
    """
    found: list[tuple[FieldPath, str]] = []
    pending: list[tuple[FieldPath, Any]] = [(path, data)]
    while pending:
        path, container = pending.pop()
        items = container.items() if container.__class__ is dict else enumerate(container)
        for key, value in items:
            if value.__class__ is dict or value.__class__ is list:
                pending.append((path + (key,), value))
            elif key == "source" and value.__class__ is str:
                found.append((path + (key,), value))
    return found


def check_cycles(records: list[tuple[str, YamlDocument, str]]) -> list[DataError]:
    """A record may not point at itself through a field that names one record of its own kind (a treaty
    that replaces itself, a source cited in itself), directly or through others: the pages would
    link in a circle and a reader could never reach the start. Every record on a circle is reported."""
    errors = []
    for kind, field in _SELF_KIND_FIELDS:
        target_of = {document.data["id"]: document.data.get(field) for record_kind, document, _ in records if record_kind == kind}
        for record_kind, document, shown_as in records:
            if record_kind != kind or field not in document.data:
                continue
            circle = _circle_from(document.data["id"], target_of)
            if circle:
                errors.append(DataError.at(
                    shown_as, document.position((field,)), (field,),
                    f"leads back to this {kind} ({' → '.join(circle)}); a {kind} cannot point at itself, directly or through others",
                ))
    return errors


def _circle_from(start: str, target_of: dict[str, Any]) -> list[str]:
    """The ids from `start` back to `start`, or [] when following the links from `start` ends elsewhere."""
    path, seen, current = [start], {start}, target_of.get(start)
    while isinstance(current, str) and current in target_of:
        path.append(current)
        if current == start:
            return path
        if current in seen:
            return []  # a circle that `start` leads into but is not on: reported from its own members
        seen.add(current)
        current = target_of[current]
    return []


# (kind, field) for the fields that name a single record of the record's own kind.
_SELF_KIND_FIELDS = [
    (kind, pattern[0])
    for kind, fields in REFERENCE_FIELDS.items()
    for pattern, target in fields
    if target == kind and len(pattern) == 1
]

"""JSON Schema validation of each record, with messages written for contributors.

The schemas beside this module (`schemas/*.schema.json`) are the single description of every field: the build validates
with them and editors read them through the `yaml-language-server` comment at the top of each file.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import jsonschema
import jsonschema_rs
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .dates import date_problem
from .errors import DataError
from .yaml_source import YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_FILE = "{kind}.schema.json"

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping of 'field: value'",
    "array": "a list",
    "boolean": "true or false",
    "null": "nothing",
}

# JSON's name for each Python type the data holds; bool first, because a bool is also an int.
_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"), (dict, "object"))

_format_checker = jsonschema.FormatChecker(formats=())
_DATE_PATTERN = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]["date"]["pattern"]


@_format_checker.checks("edtf-date")
def _is_edtf_date(value: object) -> bool:
    if not isinstance(value, str) or not _ecma_regex(_DATE_PATTERN).search(value):
        return True  # the pattern reports malformed dates; this check catches impossible ones and bad intervals
    return date_problem(value) is None


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Any:
    """`pattern` as JSON Schema defines it (ECMA-262, as jsonschema-rs and editors apply it): a final `$`
    is the end of the text. Python's `$` also matches before a final line break, so without this
    'samuel-ramani\\n' or '2025-01-17\\n' (a block scalar's last line break) would pass as an id or a date."""
    if isinstance(instance, str) and not _ecma_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def _ecma_regex(pattern: str) -> re.Pattern[str]:
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})


class SchemaSet:
    """The validators for every record kind, loaded from one folder of `*.schema.json` files.

    Valid records, nearly all of them, pass jsonschema-rs (compiled Rust: about six times faster than
    the compiled-Python validator used before, which was a fifth of the loading time); it only tells
    valid from invalid. A record it does not pass goes through jsonschema, which decides, and lists
    every error with the detail the messages below are built from.
    """

    def __init__(self, schema_dir: Path) -> None:
        self.schema_dir = schema_dir
        schemas = {
            path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(schema_dir.glob("*.schema.json"))
        }
        # Without their "$schema", so that jsonschema keeps our validator class inside every $ref
        # instead of switching to its own class for the dialect the key names (see _ecma_pattern).
        registry = Registry().with_resources(
            (_uri(schema_dir, kind), Resource({k: v for k, v in schema.items() if k != "$schema"}, specification=DRAFT202012))
            for kind, schema in schemas.items()
        )
        fast_registry = jsonschema_rs.Registry([(_uri(schema_dir, kind), schema) for kind, schema in schemas.items()])
        self._validators: dict[str, jsonschema.protocols.Validator] = {}
        self._fast: dict[str, jsonschema_rs.Validator] = {}
        for kind in schemas:
            if kind == "common":
                continue
            root = {"$ref": _uri(schema_dir, kind)}
            self._validators[kind] = _Validator(root, registry=registry, format_checker=_format_checker)
            self._fast[kind] = jsonschema_rs.Draft202012Validator(
                root, registry=fast_registry, formats={"edtf-date": _is_edtf_date}, validate_formats=True,
                offline=True,
            )

    def validate(self, kind: str, document: YamlDocument, shown_as: str) -> list[DataError]:
        """Every error in the record, worded for contributors; none when it is valid."""
        if self.passes_fast(kind, document.data):
            return []
        errors: list[DataError] = []
        for error in self.full_errors(kind, document.data):
            errors.extend(_explain(error, document, shown_as))
        # A record missing several required fields gives jsonschema one error for each, and each is
        # explained by naming every missing field (see _explain): keep one of each message.
        return list(dict.fromkeys(errors))

    def passes_fast(self, kind: str, data: Any) -> bool:
        """Whether jsonschema-rs passes the record. False means only "not known to be valid": jsonschema decides.

        jsonschema-rs converts the data to JSON first and raises ValueError for what has no JSON form:
        a key that is not text ("Dict key must be str"), or a lone surrogate (UnicodeEncodeError, a ValueError).
        Anything else it raises is a fault to see, not a verdict on the record.
        """
        try:
            return self._fast[kind].is_valid(data)
        except ValueError:
            return False

    def full_errors(self, kind: str, data: Any) -> Iterator[jsonschema.ValidationError]:
        """jsonschema's errors for the record, the reference the fast validator must agree with."""
        return self._validators[kind].iter_errors(data)


@functools.cache
def schema_set(schema_dir: Path) -> SchemaSet:
    """The SchemaSet of a folder, compiled once per process (`mkdocs serve` rebuilds reuse it)."""
    return SchemaSet(schema_dir)


def _uri(schema_dir: Path, kind: str) -> str:
    return (schema_dir / SCHEMA_FILE.format(kind=kind)).resolve().as_uri()


def _explain(error: jsonschema.ValidationError, document: YamlDocument, shown_as: str) -> list[DataError]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance

    def at(field: tuple[str | int, ...], message: str, *, key: bool = False) -> DataError:
        return DataError.at(shown_as, document.position(field, key=key), field, message)

    if "x-error" in schema:
        # Rules across fields (if/then/else) carry their own message and the field they are about.
        field = path + ((schema["x-field"],) if "x-field" in schema else ())
        return [at(field, schema["x-error"])]
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        return [
            at(path + (name,), _unknown_field(name, allowed), key=True)
            for name in value
            if name not in schema.get("properties", {})
        ]
    if kind == "required":
        # jsonschema gives one error per missing field, all with the same list of required fields and the
        # same mapping; the names missing from it are those errors' fields, in the order they come.
        missing = [name for name in error.validator_value if name not in value]
        return [
            DataError.at(shown_as, document.position(path), path + (name,), _missing_field(schema, name))
            for name in missing
        ]
    return [at(path, _value_message(kind, error.validator_value, value, schema))]


def _value_message(kind: str, expected: Any, value: Any, schema: dict[str, Any]) -> str:
    hint = schema.get("description", "")
    if kind == "type":
        wanted = _TYPE_WORDS.get(expected, str(expected))
        if value is None:
            return f"is empty; expected {wanted}"
        found = _TYPE_WORDS.get(_json_type(value), type(value).__name__)
        message = f"expected {wanted}, found {found} ({_show(value)})"
        if expected == "string" and isinstance(value, bool):
            message += "; YAML reads yes/no/true/false/on/off as true or false, so put the text in quotes"
        return message
    if kind == "enum":
        choices = [str(choice) for choice in expected]
        return f"{_show(value)} is not a valid value{_did_you_mean(str(value), choices)} Valid values: {', '.join(choices)}" + (
            f" ({hint})" if hint else ""
        )
    if kind == "const":
        return f"{_show(value)} must be {_show(expected)}"
    if kind == "pattern" and isinstance(value, str) and not value.strip():
        return "is empty; write some text or leave the field out"
    if kind == "pattern":
        return f"{_show(value)} is not valid" + (f": expected {hint}" if hint else f"; it must match {expected}")
    if kind == "format":
        return f"{_show(value)} {date_problem(value)}" + (f"; expected {hint}" if hint else "")
    if kind == "minLength":
        return "is empty; write some text or leave the field out"
    if kind == "maxLength":
        return f"is {len(value)} characters long; at most {expected} are allowed" + (f" ({hint})" if hint else "")
    if kind == "minItems":
        return "is an empty list; it needs at least one item" if not value else f"needs at least {expected} items"
    if kind == "uniqueItems":
        return "lists the same item twice; keep one"
    if kind == "minimum":
        return f"{_show(value)} is too small; the lowest allowed is {expected}"
    if kind == "maximum":
        return f"{_show(value)} is too large; the highest allowed is {expected}" + (f" ({hint})" if hint else "")
    return f"{_show(value)} is not valid here" + (f" ({hint})" if hint else "")


def _missing_field(schema: dict[str, Any], name: str) -> str:
    hint = schema.get("properties", {}).get(name, {}).get("description", "")
    return "missing required field" + (f" ({hint})" if hint else "")


def _unknown_field(name: str, allowed: list[str]) -> str:
    return f"unknown field '{name}'{_did_you_mean(name, allowed)} Valid fields: {', '.join(allowed)}"


def _did_you_mean(written: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(written, choices, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _json_type(value: Any) -> str:
    return next((name for python_type, name in _JSON_TYPES if isinstance(value, python_type)), "null")


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."

"""Strict, safe YAML reading that remembers where every value came from.

PyYAML alone would keep the last of two equal keys, turn dates into `datetime.date`, build Python
objects from tags and expand anchor/alias "bombs". Here the file is composed into nodes (safe,
libyaml when available) and turned into plain data by our own walk, which rejects all of those
with a message that names the line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, field_path

MAX_FILE_BYTES = 256 * 1024

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_PLAIN_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null")}
# Dates stay text: a contributor writes 2025-01-17 and we validate it ourselves, so that
# partial dates (2025-03) and impossible ones (2025-02-30) get the same clear treatment.
_TEXT_TAGS = {_TAG + "str", _TAG + "timestamp"}


@dataclass
class YamlDocument:
    """Plain data from one file, with the 1-based (line, column) of every value and key."""

    data: Any
    value_positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """Where the field at `path` is written; falls back to its nearest written parent."""
        positions = self.key_positions if key else self.value_positions
        if path in positions:
            return positions[path]
        for cut in range(len(path) - 1, -1, -1):
            if path[:cut] in self.value_positions:
                return self.value_positions[path[:cut]]
        return (1, 1)


class _Rejected(Exception):
    def __init__(self, mark: yaml.Mark, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.mark, self.path, self.message = mark, path, message


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """Read one data file. Returns the document, or None with the errors that prevented it."""
    raw = path.read_bytes()
    problem = _check_bytes(raw)
    if problem:
        line, column, message = problem
        return None, [DataError(shown_as, line, column, "", message)]
    text = raw.decode("utf-8")
    try:
        loader = _SafeLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(error, shown_as, text)]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"the character U+{error.character:04X} is not allowed in YAML; remove it"
        return None, [DataError(shown_as, line, column, "", message)]
    if node is None:
        return None, [DataError(shown_as, 0, 0, "", "the file has no data; a record is a mapping that starts with 'id:'")]
    if not isinstance(node, yaml.MappingNode):
        line, column = _position(node.start_mark)
        return None, [DataError(shown_as, line, column, "", f"expected a mapping of 'field: value' lines, found {_describe(node)}")]
    document = YamlDocument(data=None)
    try:
        document.data = _to_python(node, (), document, set(), yaml.constructor.SafeConstructor(), node.start_mark)
    except _Rejected as rejected:
        line, column = _position(rejected.mark)
        return None, [DataError(shown_as, line, column, field_path(rejected.path), rejected.message)]
    return document, []


def _check_bytes(raw: bytes) -> tuple[int, int, str] | None:
    if len(raw) > MAX_FILE_BYTES:
        return 0, 0, f"the file is {len(raw):,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes (split the record)"
    if raw.startswith(b"\xef\xbb\xbf"):
        return 1, 1, "the file starts with a byte-order mark; save it as UTF-8 without BOM"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return line, column, f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8"
    if not text.strip():
        return 0, 0, "the file is empty; a record is a mapping that starts with 'id:'"
    return None


def _syntax_error(error: yaml.MarkedYAMLError, shown_as: str, text: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    line, column = _position(mark) if mark else (0, 0)
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    context_mark = error.context_mark
    if context_mark is not None and mark is not None and context_mark.line != mark.line:
        message += f", which starts on line {context_mark.line + 1}"
    if at_tab or "\\t" in problem:
        message += "; indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        message += "; text that contains ': ' must be put in quotes"
    elif "expected a single document" in context:
        message = "YAML syntax error: the file holds more than one document ('---'); keep one record per file"
    return DataError(shown_as, line, column, "", message)


def _to_python(
    node: yaml.Node, path: FieldPath, document: YamlDocument, seen: set[int], constructor: Any, written_at: yaml.Mark
) -> Any:
    if id(node) in seen:
        # A node met twice is an alias; its own mark is the anchor's, so point at where it is used.
        raise _Rejected(written_at, path, "anchors and aliases (&name / *name) are not allowed in data files; write the value out in full")
    seen.add(id(node))
    document.value_positions[path] = _position(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, document, seen, constructor)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _TAG + "seq":
            raise _Rejected(node.start_mark, path, f"the tag '{_short(node.tag)}' is not allowed; data files hold plain text, numbers, lists and mappings")
        return [
            _to_python(item, path + (index,), document, seen, constructor, node.start_mark)
            for index, item in enumerate(node.value)
        ]
    if node.tag in _TEXT_TAGS:
        return node.value  # plain text needs no construction: the common case, kept fast
    if node.tag not in _PLAIN_SCALAR_TAGS:
        raise _Rejected(node.start_mark, path, f"the tag '{_short(node.tag)}' is not allowed; data files hold plain text, numbers, lists and mappings")
    return constructor.construct_object(node)


def _mapping(node: yaml.MappingNode, path: FieldPath, document: YamlDocument, seen: set[int], constructor: Any) -> dict[str, Any]:
    if node.tag != _TAG + "map":
        raise _Rejected(node.start_mark, path, f"the tag '{_short(node.tag)}' is not allowed; data files hold plain text, numbers, lists and mappings")
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            raise _Rejected(key_node.start_mark, path, "merge keys ('<<') are not allowed in data files; write the fields out in full")
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
            raise _Rejected(key_node.start_mark, path, f"a field name must be plain text, found {_describe(key_node)}")
        key = key_node.value
        if key in result:
            first_line, _ = document.key_positions[path + (key,)]
            raise _Rejected(key_node.start_mark, path + (key,), f"duplicate field '{key}' (first written on line {first_line}); keep one")
        document.key_positions[path + (key,)] = _position(key_node.start_mark)
        result[key] = _to_python(value_node, path + (key,), document, seen, constructor, key_node.start_mark)
    return result


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _position(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return f"the value {node.value!r}"

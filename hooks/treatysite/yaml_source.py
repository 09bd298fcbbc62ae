"""Strict, safe YAML reading that can say where every value came from.

PyYAML alone would keep the last of two equal keys, turn dates into `datetime.date`, build Python
objects from tags and expand anchor/alias "bombs". Here the file is parsed into events (safe,
libyaml when available) and turned into plain data by our own walk, which rejects all of those
with a message that names the line and column.

Two walks read the events. `_PlainWalk` handles the shape nearly every data file has (untagged
values, plain-text keys) and builds only the data; anything else makes it give up. `_EventWalk`
accepts and rejects by the full rules, records where each value is written and words the error.
It is the reference: it reads every file the plain walk gives up on, and when a message needs a
position it reads the file again. Valid files, the common case, are read once by the cheaper walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import DataError, field_path

MAX_FILE_BYTES = 256 * 1024

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]
_Positions = tuple[dict[FieldPath, Position], dict[FieldPath, Position]]

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_PLAIN_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null")}
# Dates stay text: a contributor writes 2025-01-17 and we validate it ourselves, so that
# partial dates (2025-03) and impossible ones (2025-02-30) get the same clear treatment.
_TEXT_TAGS = {_TAG + "str", _TAG + "timestamp"}


@dataclass
class YamlDocument:
    """Plain data from one file, and the file's text to find the 1-based (line, column) of a value or key.

    Positions are worked out the first time one is asked for (only messages need them).
    """

    data: Any
    text: str = ""
    _positions: _Positions | None = field(default=None, repr=False, compare=False)

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """Where the field at `path` is written; falls back to its nearest written parent."""
        value_positions, key_positions = self._located()
        positions = key_positions if key else value_positions
        if path in positions:
            return positions[path]
        for cut in range(len(path) - 1, -1, -1):
            if path[:cut] in value_positions:
                return value_positions[path[:cut]]
        return (1, 1)

    def _located(self) -> _Positions:
        if self._positions is None:
            walked = _walk_with_positions(self.text) if self.text else None
            self._positions = walked._positions if walked else ({}, {})
        return self._positions


class _Rejected(Exception):
    def __init__(self, mark: yaml.Mark, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.mark, self.path, self.message = mark, path, message


def parse_yaml(raw: bytes, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """Read the bytes of the data file shown as `shown_as`. Returns the document, or None with the
    errors that prevented it."""
    text, problem = _decoded(raw)
    if problem:
        line, column, message = problem
        return None, [DataError(shown_as, line, column, "", message)]
    loader = _SafeLoader(text)
    try:
        return YamlDocument(_PlainWalk(loader).document(), text), []
    except (_GaveUp, yaml.YAMLError):
        pass
    finally:
        loader.dispose()
    return _read_by_full_rules(text, shown_as)


def _read_by_full_rules(text: str, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """The document by `_EventWalk`, or the error that stops it, worded for the contributor."""
    try:
        document = _walk_with_positions(text)
        if document is None:
            return None, [DataError.whole_file(shown_as, "the file has no data; a record is a mapping that starts with 'id:'")]
        return document, []
    except _Rejected as rejected:
        line, column = _position(rejected.mark)
        return None, [DataError(shown_as, line, column, field_path(rejected.path), rejected.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(error, shown_as, text)]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"the character U+{error.character:04X} is not allowed in YAML; remove it"
        return None, [DataError(shown_as, line, column, "", message)]


def _walk_with_positions(text: str) -> YamlDocument | None:
    loader = _SafeLoader(text)
    try:
        return _EventWalk(loader, text).document()
    finally:
        loader.dispose()


def _decoded(raw: bytes) -> tuple[str, tuple[int, int, str] | None]:
    """The file's text, or the (line, column, message) of why it cannot be read as a data file."""
    if len(raw) > MAX_FILE_BYTES:
        return "", (1, 1, f"the file is {len(raw):,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes (split the record)")
    if raw.startswith(b"\xef\xbb\xbf"):
        return "", (1, 1, "the file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return "", (line, column, f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8")
    if not text or text.isspace():
        return "", (1, 1, "the file is empty; a record is a mapping that starts with 'id:'")
    return text, None


def _syntax_error(error: yaml.MarkedYAMLError, shown_as: str, text: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    line, column = _position(mark) if mark else (1, 1)
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


class _EventWalk:
    """Turns libyaml's parse events straight into plain data, recording positions on the way.

    Walking events rather than a composed node tree skips building a node per value (and PyYAML's
    resolver bookkeeping per node), which halves the cost of reading the data; the checks are the
    same ones a node walk would make.
    """

    def __init__(self, loader: Any, text: str) -> None:
        self.loader = loader
        self.next_event = loader.get_event
        self.result = YamlDocument(data=None, text=text, _positions=({}, {}))
        self.value_positions, self.key_positions = self.result._positions

    def document(self) -> YamlDocument | None:
        self.next_event()  # stream start
        start = self.next_event()
        if isinstance(start, yaml.StreamEndEvent):
            return None  # only comments
        first = self.next_event()
        if not isinstance(first, yaml.MappingStartEvent):
            raise _Rejected(first.start_mark, (), f"expected a mapping of 'field: value' lines, found {_describe(first)}")
        self.result.data = self.value(first, ())
        self.next_event()  # document end
        after = self.next_event()
        if not isinstance(after, yaml.StreamEndEvent):
            raise _Rejected(after.start_mark, (), "YAML syntax error: the file holds more than one document ('---'); keep one record per file")
        return self.result

    def value(self, event: Any, path: FieldPath) -> Any:
        mark = event.start_mark
        self.value_positions[path] = (mark.line + 1, mark.column + 1)
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            return self.scalar(event, path)
        if kind is yaml.AliasEvent:
            raise _Rejected(mark, path, "anchors and aliases (&name / *name) are not allowed in data files; write the value out in full")
        if event.tag not in (None, "!", _TAG + ("map" if kind is yaml.MappingStartEvent else "seq")):
            raise _Rejected(mark, path, _tag_not_allowed(event.tag))
        if kind is yaml.MappingStartEvent:
            return self.mapping(path)
        items = []
        event = self.next_event()
        while event.__class__ is not yaml.SequenceEndEvent:
            items.append(self.value(event, path + (len(items),)))
            event = self.next_event()
        return items

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_positions = self.key_positions
        event = self.next_event()
        while event.__class__ is not yaml.MappingEndEvent:
            key = self.key(event, path)
            key_path = path + (key,)
            if key in result:
                first_line, _ = key_positions[key_path]
                raise _Rejected(event.start_mark, key_path, f"duplicate field '{key}' (first written on line {first_line}); keep one")
            key_positions[key_path] = _position(event.start_mark)
            result[key] = self.value(self.next_event(), key_path)
            event = self.next_event()
        return result

    def key(self, event: Any, path: FieldPath) -> str:
        if event.__class__ is not yaml.ScalarEvent:
            raise _Rejected(event.start_mark, path, f"a field name must be plain text, found {_describe(event)}")
        tag = self.tag_of(event)
        if tag == _TAG + "merge":
            raise _Rejected(event.start_mark, path, "merge keys ('<<') are not allowed in data files; write the fields out in full")
        if tag != _TAG + "str":
            raise _Rejected(event.start_mark, path, f"a field name must be plain text, found {_describe(event)}")
        return event.value

    def scalar(self, event: Any, path: FieldPath) -> Any:
        tag = self.tag_of(event)
        if tag in _TEXT_TAGS:
            return event.value  # plain text needs no construction: the common case, kept fast
        if tag not in _PLAIN_SCALAR_TAGS:
            raise _Rejected(event.start_mark, path, _tag_not_allowed(tag))
        return _construct(tag, event.value)

    def tag_of(self, event: Any) -> str:
        """The scalar's tag: the written one, else what YAML's rules make of the text (2025 is a number)."""
        if event.tag not in (None, "!"):
            return event.tag
        plain, _ = event.implicit
        if not plain or (event.value and event.value[0] not in _RESOLVED_FIRST_CHARACTERS):
            return _TAG + "str"
        return self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)


class _GaveUp(Exception):
    """The file is not in the common shape `_PlainWalk` reads; `_EventWalk` decides about it."""


class _PlainWalk:
    """Builds the data of a file whose values carry no tags, anchors or aliases and whose keys are
    plain text; gives up on anything else (and on a repeated key) without saying why.

    It must never accept what `_EventWalk` rejects, nor read a value differently: a test compares
    the two on every data file and on generated YAML.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.next_event = loader.get_event

    def document(self) -> dict[str, Any]:
        self.next_event()  # stream start
        if self.next_event().__class__ is not yaml.DocumentStartEvent:
            raise _GaveUp
        data = self.value(self.next_event())
        self.next_event()  # document end
        if data.__class__ is not dict or self.next_event().__class__ is not yaml.StreamEndEvent:
            raise _GaveUp
        return data

    def value(self, event: Any) -> Any:
        kind = event.__class__
        if kind is yaml.AliasEvent or event.tag is not None:
            raise _GaveUp
        if kind is yaml.ScalarEvent:
            text = event.value
            if event.implicit[0] and (not text or text[0] in _RESOLVED_FIRST_CHARACTERS):
                tag = self.loader.resolve(yaml.ScalarNode, text, event.implicit)
                if tag not in _PLAIN_SCALAR_TAGS and tag not in _TEXT_TAGS:
                    raise _GaveUp
                return _construct(tag, text)
            return text
        if kind is yaml.MappingStartEvent:
            return self.mapping()
        items = []
        event = self.next_event()
        while event.__class__ is not yaml.SequenceEndEvent:
            items.append(self.value(event))
            event = self.next_event()
        return items

    def mapping(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        event = self.next_event()
        while event.__class__ is not yaml.MappingEndEvent:
            if event.__class__ is not yaml.ScalarEvent or event.tag is not None:
                raise _GaveUp
            key = event.value
            if key in result or (event.implicit[0] and key not in _TEXT_KEYS and not self.is_text_key(key)):
                raise _GaveUp
            result[key] = self.value(self.next_event())
            event = self.next_event()
        return result

    def is_text_key(self, key: str) -> bool:
        """Whether YAML reads a plain key as text ('no' and '2025' are not); remembered per key,
        because the same few field names make up nearly every key."""
        could_be_other = not key or key[0] in _RESOLVED_FIRST_CHARACTERS
        if could_be_other and self.loader.resolve(yaml.ScalarNode, key, (True, False)) != _TAG + "str":
            return False
        _TEXT_KEYS.add(key)
        return True


_TEXT_KEYS: set[str] = set()


def _construct(tag: str, text: str) -> Any:
    """The value of a scalar YAML reads as `tag` (one of _TEXT_TAGS or _PLAIN_SCALAR_TAGS); dates stay text."""
    if tag in _TEXT_TAGS:
        return text
    # The constructor's own method for the tag (int, float, bool, null), called directly:
    # construct_object would keep every node it saw for the life of the module.
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# Plain scalars that start with any other character are text under YAML's rules; skipping the
# resolver for them matters because nearly every value is text.
_RESOLVED_FIRST_CHARACTERS = frozenset(key for key in _SafeLoader.yaml_implicit_resolvers if key)


def _tag_not_allowed(tag: str) -> str:
    return f"the tag '{_short(tag)}' is not allowed; data files hold plain text, numbers, lists and mappings"


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _position(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


def _describe(event: Any) -> str:
    if isinstance(event, yaml.SequenceStartEvent):
        return "a list"
    if isinstance(event, yaml.MappingStartEvent):
        return "a mapping"
    if isinstance(event, yaml.AliasEvent):
        return "an alias (*name)"
    return f"the value {event.value!r}"

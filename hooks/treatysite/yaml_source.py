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

import math
import re

import yaml

from . import text_rules
from .errors import DataError, field_path

MAX_FILE_BYTES = 256 * 1024
# Lists and mappings inside one another, counting the record itself; real records use six levels.
# The walks recurse once per level, so without a limit a file of nested brackets exhausts the stack.
MAX_NESTING = 12

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
    if too_large(len(raw)):
        return "", (1, 1, too_large(len(raw)))
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


def too_large(size: int) -> str | None:
    """Why a file of `size` bytes is not read, or None when it may be."""
    if size <= MAX_FILE_BYTES:
        return None
    return f"the file is {size:,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes (split the record)"


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
        if len(path) >= MAX_NESTING:
            raise _Rejected(mark, path, _TOO_DEEP)
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
        problem = text_rules.problem(event.value)
        if problem:
            raise _Rejected(event.start_mark, path, f"the field name {_quoted(event.value)} {problem}")
        return event.value

    def scalar(self, event: Any, path: FieldPath) -> Any:
        if event.tag is not None:
            if event.tag not in ("!", _TAG + "str"):  # '!' alone marks text, as !!str does
                raise _Rejected(event.start_mark, path, _tag_not_allowed(event.tag))
            value = event.value
        elif event.implicit[0] and (not event.value or event.value[0] in _RESOLVED_FIRST_CHARACTERS):
            try:
                value = _plain_scalar(self.loader.resolve, event.value)
            except _Unreadable as unreadable:
                raise _Rejected(event.start_mark, path, str(unreadable)) from None
        else:
            value = event.value
        problem = text_rules.problem(value) if value.__class__ is str else None
        if problem:
            raise _Rejected(event.start_mark, path, problem)
        return value

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
    plain text; gives up on anything else (and on a repeated key, or anything `text_rules` or
    MAX_NESTING refuses) without saying why.

    It must never accept what `_EventWalk` rejects, nor read a value differently: a test compares
    the two on every data file and on generated YAML.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.next_event = loader.get_event
        self.depth = 0

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
                try:
                    value = _plain_scalar(self.loader.resolve, text)
                except _Unreadable:
                    raise _GaveUp from None
                if value.__class__ is not str:
                    return value
            if text_rules.problem(text):
                raise _GaveUp
            return text
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise _GaveUp
        if kind is yaml.MappingStartEvent:
            result: Any = self.mapping()
        else:
            result = []
            event = self.next_event()
            while event.__class__ is not yaml.SequenceEndEvent:
                result.append(self.value(event))
                event = self.next_event()
        self.depth -= 1
        return result

    def mapping(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        event = self.next_event()
        while event.__class__ is not yaml.MappingEndEvent:
            if event.__class__ is not yaml.ScalarEvent or event.tag is not None:
                raise _GaveUp
            key = event.value
            if key in result or (key not in _TEXT_KEYS and not _is_text_key(self.loader.resolve, key, event.implicit[0])):
                raise _GaveUp
            result[key] = self.value(self.next_event())
            event = self.next_event()
        return result


# Keys already read as text when written plainly (so also when quoted): the same few field names make
# up nearly every key, and each is checked once per process.
_TEXT_KEYS: set[str] = set()


def _is_text_key(resolve: Any, key: str, plain: bool) -> bool:
    """Whether YAML reads the key as text ('no' and '2025' written plainly are not) that the text rules allow."""
    if text_rules.problem(key):
        return False
    if not plain:
        return True
    could_be_other = not key or key[0] in _RESOLVED_FIRST_CHARACTERS
    if could_be_other and (resolve(yaml.ScalarNode, key, (True, False)) != _TAG + "str" or not _core_schema_reading(key).is_text):
        return False
    _TEXT_KEYS.add(key)
    return True


class _Unreadable(Exception):
    """A plain scalar that YAML tools read differently, or that is not written as its value; the message says how to write it."""


def _plain_scalar(resolve: Any, text: str) -> Any:
    """The value of an untagged plain scalar that could be other than text.

    PyYAML reads YAML 1.1, where 014 is 12 (octal), 1:20 is 80 and yes/on are true; YAML 1.2 and the
    editors' YAML language server read 14, the text '1:20' and the text 'yes'. A value is taken only
    when both agree and, for numbers, booleans and null, when it is written the way the site shows it,
    so that every tool and every message sees what the contributor wrote.
    """
    tag = resolve(yaml.ScalarNode, text, (True, False))
    if len(text) > _LONGEST_NUMBER and tag not in _TEXT_TAGS:
        # Python refuses to read an integer of thousands of digits; no field needs more than a few.
        raise _Unreadable(f"{_quoted(text)} is a number of {len(text):,} characters; no field takes a number that long")
    yaml_1_1 = _Reading(_TAG + "str", text) if tag in _TEXT_TAGS else _Reading(tag, _construct(tag, text) if tag in _PLAIN_SCALAR_TAGS else None)
    yaml_1_2 = _core_schema_reading(text)
    if yaml_1_1.is_text and yaml_1_2.is_text:
        return text
    if yaml_1_1 == yaml_1_2 and _CANONICAL[tag].fullmatch(text):
        return yaml_1_1.value
    raise _Unreadable(_disagreement(text, yaml_1_1, yaml_1_2))


@dataclass(frozen=True)
class _Reading:
    """What one version of YAML makes of a plain scalar."""

    tag: str
    value: Any

    @property
    def is_text(self) -> bool:
        return self.tag == _TAG + "str"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Reading) or self.tag != other.tag:
            return False
        both_nan = isinstance(self.value, float) and math.isnan(self.value) and math.isnan(other.value)
        return both_nan or self.value == other.value

    def described(self) -> str:
        if self.is_text:
            return f"the text {_quoted(self.value)}"
        if self.tag in (_TAG + "int", _TAG + "float"):
            return f"the number {self.value}"
        if self.tag == _TAG + "null":
            return "empty (null)"
        if self.tag == _TAG + "bool":
            return _written(self.value)
        return f"a special value ({_short(self.tag)})"


def _core_schema_reading(text: str) -> _Reading:
    """What YAML 1.2's core schema makes of a plain scalar."""
    if _CORE_NULL.fullmatch(text):
        return _Reading(_TAG + "null", None)
    if _CORE_BOOL.fullmatch(text):
        return _Reading(_TAG + "bool", text.lower() == "true")
    if len(text) > _LONGEST_NUMBER:
        return _Reading(_TAG + "str", text)  # too long to be read as a number; refused above if YAML 1.1 reads one
    if _CORE_INT.fullmatch(text):
        number = int(text[2:], 8) if text.startswith("0o") else int(text, 16) if text.startswith("0x") else int(text)
        return _Reading(_TAG + "int", number)
    if _CORE_FLOAT.fullmatch(text):
        special = text.lower().endswith((".inf", ".nan"))  # .inf, -.inf, .nan: Python spells them inf, -inf, nan
        return _Reading(_TAG + "float", float(text.lower().replace(".", "") if special else text))
    return _Reading(_TAG + "str", text)


def _disagreement(text: str, yaml_1_1: _Reading, yaml_1_2: _Reading) -> str:
    if yaml_1_1 == yaml_1_2:
        return f"{_quoted(text)} is {yaml_1_2.described()}; write it as {_written(yaml_1_2.value)}, or in quotes if it is text"
    readings = f"{yaml_1_1.described()} in YAML 1.1, {yaml_1_2.described()} in YAML 1.2"
    value = yaml_1_2 if not yaml_1_2.is_text else yaml_1_1
    otherwise = f", or {_written(value.value)}" if value.tag in _CANONICAL and value.value is not None else ""
    return f"YAML tools read {_quoted(text)} differently ({readings}): write it in quotes if it is text{otherwise}"


def _written(value: Any) -> str:
    """A value as a data file writes it: 14, 0.5, true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "a number"
    return repr(value) if isinstance(value, float) else str(value)


def _quoted(text: str) -> str:
    return repr(text) if len(text) <= 60 else repr(text[:57] + "...")


_CORE_NULL = re.compile(r"null|Null|NULL|~|")
_CORE_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
# How the site writes each value, and so how a data file must: 14, not 014, +14 or 0xE.
_CANONICAL = {
    _TAG + "null": re.compile(r"null|Null|NULL|~|"),
    _TAG + "bool": re.compile(r"true|True|TRUE|false|False|FALSE"),
    _TAG + "int": re.compile(r"-?(0|[1-9][0-9]*)"),
    _TAG + "float": re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+"),
}
_LONGEST_NUMBER = 30
_TOO_DEEP = f"lists and mappings are nested more than {MAX_NESTING} levels deep; no record needs that many"


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

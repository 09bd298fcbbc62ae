"""Strict, safe YAML reading that can say where every value came from.

PyYAML alone would keep the last of two equal keys, turn dates into `datetime.date`, build Python
objects from tags and expand anchor/alias "bombs". Here the file is parsed into events (safe,
libyaml when available) and turned into plain data by our own walk, which rejects all of those
with a message that names the line and column.

One walk, `YamlReader`, reads the events by the full rules, in one of two modes:

- the fast mode (`read_fast`) builds only the data. At the first problem it stops with
  `NotReadFast` and words nothing, because wording needs to know where each value is written.
- the full mode (`read_in_full`) also records where each value and key is written, and words the
  error that stops it for the contributor.

Both modes accept and reject the same texts, being the same walk. Valid files, the common case, are
read once, by the cheaper fast mode; a file it stops on is read again in full, and so is a valid one
when a message about it needs a position (`YamlDocument.position`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, NoReturn

import yaml

from . import text_rules
from .errors import DataError

MAX_FILE_BYTES = 256 * 1024
# Lists and mappings inside one another, counting the record itself; real records use six levels.
# The walk recurses once per level, so without a limit a file of nested brackets exhausts the stack.
MAX_NESTING = 12

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]
# Where each value is written, and where each key is, by the path of the field.
Positions = tuple[dict[FieldPath, Position], dict[FieldPath, Position]]

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()  # the rules _SafeLoader resolves untagged plain scalars by
# Plain scalars that start with any other character are text under YAML's rules (1.1 and 1.2 alike);
# skipping the resolver for them matters because nearly every value is text.
_RESOLVED_FIRST_CHARACTERS = frozenset(key for key in _SafeLoader.yaml_implicit_resolvers if key)
_TAG = "tag:yaml.org,2002:"
_TEXT = _TAG + "str"
_PLAIN_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null")}
# Dates stay text: a contributor writes 2025-01-17 and we validate it ourselves, so that
# partial dates (2025-03) and impossible ones (2025-02-30) get the same clear treatment.
_TEXT_TAGS = {_TEXT, _TAG + "timestamp"}
# The tags a list or a mapping may carry: none, the non-specific '!', or its own.
_CONTAINER_TAGS = {
    yaml.MappingStartEvent: (None, "!", _TAG + "map"),
    yaml.SequenceStartEvent: (None, "!", _TAG + "seq"),
}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

_CORE_NULL = re.compile(r"null|Null|NULL|~|")
_CORE_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
# How the site writes each value, and so how a data file must: 14, not 014, +14 or 0xE.
_CANONICAL = {
    _TAG + "null": _CORE_NULL,
    _TAG + "bool": _CORE_BOOL,
    _TAG + "int": re.compile(r"-?(0|[1-9][0-9]*)"),
    _TAG + "float": re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+"),
}
_LONGEST_NUMBER = 30

_A_RECORD = "a record is a mapping that starts with 'id:'"
_MORE_THAN_ONE_DOCUMENT = "YAML syntax error: the file holds more than one document ('---'); keep one record per file"
_NO_ALIASES = "anchors and aliases (&name / *name) are not allowed in data files; write the value out in full"
_NO_MERGE_KEYS = "merge keys ('<<') are not allowed in data files; write the fields out in full"
_TOO_DEEP = f"lists and mappings are nested more than {MAX_NESTING} levels deep; no record needs that many"


@dataclass
class YamlDocument:
    """Plain data from one file, and the file's text to find the 1-based (line, column) of a value or key.

    `positions` are worked out, by reading the text in full, the first time one is asked for (only
    messages need them).
    """

    data: Any
    text: str = ""
    positions: Positions | None = field(default=None, repr=False, compare=False)

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

    def _located(self) -> Positions:
        if self.positions is None:
            document = _read_fully(self.text) if self.text else None
            self.positions = document.positions if document and document.positions else ({}, {})
        return self.positions


class NotReadFast(Exception):
    """The fast mode met something for the full rules to word: a problem, or a file with no data."""


class _Rejected(Exception):
    def __init__(self, mark: yaml.Mark, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.mark, self.path, self.message = mark, path, message


def parse_yaml(raw: bytes, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """Read the bytes of the data file shown as `shown_as`. Returns the document, or None with the
    errors that prevented it."""
    text, errors = _decoded(raw, shown_as)
    if errors:
        return None, errors
    try:
        return YamlDocument(read_fast(text), text), []
    except NotReadFast:
        return read_in_full(text, shown_as)


def read_fast(text: str) -> dict[str, Any]:
    """The data of `text` by the fast mode; raises NotReadFast at the first thing `read_in_full` must word."""
    try:
        data = YamlReader(text, positions=False).read()
    except yaml.YAMLError:
        raise NotReadFast from None
    if data is None:
        raise NotReadFast
    return data


def read_in_full(text: str, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """The document by the full mode, with where every value is written, or the error that stops it,
    worded for the contributor."""
    try:
        document = _read_fully(text)
    except _Rejected as rejected:
        return None, [DataError.at(shown_as, _position(rejected.mark), rejected.path, rejected.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(error, shown_as, text)]
    except yaml.reader.ReaderError as error:
        message = f"the character U+{error.character:04X} is not allowed in YAML; remove it"
        return None, [DataError.at(shown_as, _line_and_column(text, error.position), (), message)]
    if document is None:
        return None, [DataError.whole_file(shown_as, f"the file has no data; {_A_RECORD}")]
    return document, []


def _read_fully(text: str) -> YamlDocument | None:
    reader = YamlReader(text, positions=True)
    data = reader.read()
    return None if data is None else YamlDocument(data, text, reader.positions)


def _decoded(raw: bytes, shown_as: str) -> tuple[str, list[DataError]]:
    """The file's text, or the error why it cannot be read as a data file."""
    size_problem = too_large(len(raw))
    if size_problem:
        return "", [DataError.whole_file(shown_as, size_problem)]
    if raw.startswith(b"\xef\xbb\xbf"):
        return "", [DataError.whole_file(shown_as, "the file starts with a byte-order mark; save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8"
        return "", [DataError.at(shown_as, _line_and_column(raw, error.start), (), message)]
    if not text or text.isspace():
        return "", [DataError.whole_file(shown_as, f"the file is empty; {_A_RECORD}")]
    return text, []


def too_large(size: int) -> str | None:
    """Why a file of `size` bytes is not read, or None when it may be."""
    if size <= MAX_FILE_BYTES:
        return None
    return f"the file is {size:,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes (split the record)"


def _syntax_error(error: yaml.MarkedYAMLError, shown_as: str, text: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark else (1, 1)
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
        message = _MORE_THAN_ONE_DOCUMENT
    return DataError.at(shown_as, position, (), message)


class YamlReader:
    """Turns libyaml's parse events for one text straight into plain data, by the full rules.

    Walking events rather than a composed node tree skips building a node per value (and PyYAML's
    resolver bookkeeping per node), which halves the cost of reading the data; the checks are the
    same ones a node walk would make.

    With `positions`, the full mode: it records where every value and key is written (`positions`
    once read) and stops at a problem with a message for the contributor. Without, the fast mode:
    nothing is recorded, and a problem stops it with NotReadFast.
    """

    # Field names already found to be text when written plainly (so also when quoted): the same few
    # names make up nearly every key, and each is checked once per process.
    _text_keys: ClassVar[set[str]] = set()

    def __init__(self, text: str, *, positions: bool) -> None:
        self.loader = _SafeLoader(text)
        self.next_event = self.loader.get_event
        self.positions: Positions | None = ({}, {}) if positions else None
        self.value_positions, self.key_positions = self.positions or (None, None)

    def read(self) -> dict[str, Any] | None:
        """The text's data; None when it holds only comments."""
        try:
            return self.document()
        finally:
            self.loader.dispose()

    def reject(self, mark: yaml.Mark, path: FieldPath, message: str) -> NoReturn:
        if self.positions is None:
            raise NotReadFast
        raise _Rejected(mark, path, message)

    def document(self) -> dict[str, Any] | None:
        self.next_event()  # stream start
        if self.next_event().__class__ is yaml.StreamEndEvent:
            return None  # only comments
        first = self.next_event()
        if first.__class__ is not yaml.MappingStartEvent:
            self.reject(first.start_mark, (), f"expected a mapping of 'field: value' lines, found {_describe(first)}")
        data = self.value(first, ())
        self.next_event()  # document end
        after = self.next_event()
        if after.__class__ is not yaml.StreamEndEvent:
            self.reject(after.start_mark, (), _MORE_THAN_ONE_DOCUMENT)
        return data

    def value(self, event: Any, path: FieldPath) -> Any:
        mark = event.start_mark
        if self.value_positions is not None:
            self.value_positions[path] = (mark.line + 1, mark.column + 1)
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            return self.scalar(event, path)
        if kind is yaml.AliasEvent:
            self.reject(mark, path, _NO_ALIASES)
        if event.tag not in _CONTAINER_TAGS[kind]:
            self.reject(mark, path, _tag_not_allowed(event.tag))
        if len(path) >= MAX_NESTING:
            self.reject(mark, path, _TOO_DEEP)
        if kind is yaml.MappingStartEvent:
            return self.mapping(path)
        items: list[Any] = []
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
                if key_positions is None:
                    raise NotReadFast  # the message names the line of the first, which only the full mode records
                first_line, _ = key_positions[key_path]
                self.reject(event.start_mark, key_path, f"duplicate field '{key}' (first written on line {first_line}); keep one")
            if key_positions is not None:
                key_positions[key_path] = _position(event.start_mark)
            result[key] = self.value(self.next_event(), key_path)
            event = self.next_event()
        return result

    def key(self, event: Any, path: FieldPath) -> str:
        if event.__class__ is yaml.ScalarEvent:
            name = event.value
            if event.tag is None and name in self._text_keys:
                return name
            tag = _tag_of(event)
            if tag == _TAG + "merge":
                self.reject(event.start_mark, path, _NO_MERGE_KEYS)
            if tag == _TEXT:
                problem = text_rules.problem(name)
                if problem:
                    self.reject(event.start_mark, path, f"the field name {_quoted(name)} {problem}")
                if event.tag is None and event.implicit[0]:
                    self._text_keys.add(name)
                return name
        self.reject(event.start_mark, path, f"a field name must be plain text, found {_describe(event)}")

    def scalar(self, event: Any, path: FieldPath) -> Any:
        value = event.value
        if event.tag is not None:
            if event.tag not in ("!", _TEXT):  # '!' alone marks text, as !!str does
                self.reject(event.start_mark, path, _tag_not_allowed(event.tag))
        elif event.implicit[0] and not _surely_text(value):
            try:
                value = _plain_scalar(value)
            except _Unreadable as unreadable:
                self.reject(event.start_mark, path, str(unreadable))
        problem = text_rules.problem(value) if value.__class__ is str else None
        if problem:
            self.reject(event.start_mark, path, problem)
        return value


def _surely_text(plain: str) -> bool:
    """Whether a plain scalar is text by its first character alone (nearly every one is)."""
    return bool(plain) and plain[0] not in _RESOLVED_FIRST_CHARACTERS


def _tag_of(event: Any) -> str:
    """The scalar's tag: the written one, else what YAML's rules make of the text (2025 is a number)."""
    if event.tag not in (None, "!"):
        return event.tag
    if not event.implicit[0] or _surely_text(event.value):
        return _TEXT
    return _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)


class _Unreadable(Exception):
    """A plain scalar that YAML tools read differently, or that is not written as its value; the message says how to write it."""


def _plain_scalar(text: str) -> Any:
    """The value of an untagged plain scalar that could be other than text.

    PyYAML reads YAML 1.1, where 014 is 12 (octal), 1:20 is 80 and yes/on are true; YAML 1.2 and the
    editors' YAML language server read 14, the text '1:20' and the text 'yes'. A value is taken only
    when both agree and, for numbers, booleans and null, when it is written the way the site shows it,
    so that every tool and every message sees what the contributor wrote.
    """
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if len(text) > _LONGEST_NUMBER and tag not in _TEXT_TAGS:
        # Python refuses to read an integer of thousands of digits; no field needs more than a few.
        raise _Unreadable(f"{_quoted(text)} is a number of {len(text):,} characters; no field takes a number that long")
    yaml_1_1 = _Reading(_TEXT, text) if tag in _TEXT_TAGS else _Reading(tag, _construct(tag, text) if tag in _PLAIN_SCALAR_TAGS else None)
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
        return self.tag == _TEXT

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
        return _Reading(_TEXT, text)  # too long to be read as a number; refused above if YAML 1.1 reads one
    if _CORE_INT.fullmatch(text):
        number = int(text[2:], 8) if text.startswith("0o") else int(text, 16) if text.startswith("0x") else int(text)
        return _Reading(_TAG + "int", number)
    if _CORE_FLOAT.fullmatch(text):
        special = text.lower().endswith((".inf", ".nan"))  # .inf, -.inf, .nan: Python spells them inf, -inf, nan
        return _Reading(_TAG + "float", float(text.lower().replace(".", "") if special else text))
    return _Reading(_TEXT, text)


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


def _construct(tag: str, text: str) -> Any:
    """The value of a scalar YAML reads as `tag` (one of _TEXT_TAGS or _PLAIN_SCALAR_TAGS); dates stay text."""
    if tag in _TEXT_TAGS:
        return text
    # The constructor's own method for the tag (int, float, bool, null), called directly:
    # construct_object would keep every node it saw for the life of the module.
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))


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


def _line_and_column(text: str | bytes, index: int) -> Position:
    """The 1-based (line, column) of the character (or byte) at `index`."""
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, index) + 1  # type: ignore[arg-type]
    return line, index - (text.rfind(newline, 0, index) + 1) + 1  # type: ignore[arg-type]

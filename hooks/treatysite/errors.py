"""Data errors that name the file, line, column and field, for contributors."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Unicode categories that can move a terminal's cursor, hide text or reorder it: control characters
# (ANSI escapes), format characters (bidi overrides, zero-width), surrogates (undecodable file names)
# and line or paragraph separators. None belongs in a message, and every message may quote a
# contributor's key, value or file name, so they are written out as escapes such as \x1b or \u202e.
_UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file.

    `line` and `column` are 1-based, as editors show them; a problem with the whole file (or folder)
    is reported at 1:1, where an editor or a pull-request annotation can show it.
    `field` is a dotted path such as ``commentary[0].stance``; empty for file-level problems.
    Every text is made printable on construction (see `printable`), so no message can drive a terminal.
    The loader makes them with `whole_file` and `at`; a function that finds problems returns a list of them.
    """

    file: str
    line: int
    column: int
    field: str
    message: str

    def __post_init__(self) -> None:
        for name in ("file", "field", "message"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    @classmethod
    def whole_file(cls, file: str, message: str) -> DataError:
        """A problem with the file (or folder) as a whole: its name, size or encoding."""
        return cls(file, 1, 1, "", message)

    @classmethod
    def at(cls, file: str, position: tuple[int, int], field: tuple[str | int, ...], message: str) -> DataError:
        """A problem at a (line, column) of the file, in the field at the path `field` (empty: no one field)."""
        line, column = position
        return cls(file, line, column, field_path(field), message)

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{self.column}:{field} {self.message}"


class DataErrors(Exception):
    """Raised when the data cannot be loaded; carries every error found, sorted by place."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} data error{'s' if count != 1 else ''} found:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


def printable(text: str) -> str:
    """The text with every character that is not safe to print written as an escape (\\x1b, \\u202e)."""
    if text.isprintable():
        return text  # the common case: str.isprintable is false for all of the categories above, and spaces
    return "".join(_escaped(character) for character in text)


def _escaped(character: str) -> str:
    if character == " " or unicodedata.category(character) not in _UNPRINTABLE_CATEGORIES:
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor sees it in the repository (relative to the root when possible)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def field_path(parts: tuple[str | int, ...]) -> str:
    """Format ('commentary', 0, 'stance') as 'commentary[0].stance'."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text

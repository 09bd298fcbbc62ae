"""Data errors that name the file, line, column and field, for contributors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file.

    `line` and `column` are 1-based, as editors show them; 0 means "the whole file".
    `field` is a dotted path such as ``commentary[0].stance``; empty for file-level problems.
    """

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line == 0 else f"{self.file}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataErrors(Exception):
    """Raised when the data cannot be loaded; carries every error found, sorted by place."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} data error{'s' if count != 1 else ''} found:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


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

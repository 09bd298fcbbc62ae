"""Data errors as GitHub workflow commands, so that a pull request shows each one on its line of the diff.

    ::error file=data/people/x.yml,line=4,col=1,title=Data error in afiliation::unknown field 'afiliation'; ...

GitHub reads one command per line of a step's output and decodes `%XX` escapes in it: the message
(the command's data) escapes `%`, CR and LF; the properties (file, title) escape `:` and `,` as well,
because those two separate the properties. The escapes are GitHub's own (actions/toolkit, `command.ts`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import DataError

_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = _DATA_ESCAPES + ((":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    """The text as a workflow command's message."""
    return _replace_all(text, _DATA_ESCAPES)


def escape_property(text: str) -> str:
    """The text as the value of a workflow command's property (file=, title=)."""
    return _replace_all(text, _PROPERTY_ESCAPES)


def _replace_all(text: str, escapes: tuple[tuple[str, str], ...]) -> str:
    # `%` goes first, so that the escapes added after it are not escaped again.
    for character, escape in escapes:
        text = text.replace(character, escape)
    return text


def github_annotation(error: DataError) -> str:
    """One error as an `::error` workflow command (one line)."""
    title = f"Data error in {error.field}" if error.field else "Data error"
    properties = ",".join([
        f"file={escape_property(error.file)}",
        f"line={error.line}",
        f"col={error.column}",
        f"title={escape_property(title)}",
    ])
    return f"::error {properties}::{escape_data(error.message)}"


def github_annotations(errors: Iterable[DataError]) -> str:
    return "\n".join(github_annotation(error) for error in errors)

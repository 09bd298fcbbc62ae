"""Listing the repository's folders without ever leaving them.

A pull request can add a symbolic link as easily as a file. Followed, a link in `data/` or `docs/`
would publish, or print in an error message, a file from outside the repository (`/etc/passwd`, the
checkout's `.git/config` with its token), and a link to `/dev/zero` or a named pipe would hang the
build. So links are never followed: every link, and anything that is neither a regular file nor a
folder, is an error that names it, found before any file is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from .errors import DataError

_LINK = "this is a symbolic link; links are not followed, so that nothing outside the repository is read: put the file itself here"
_SPECIAL = "this is not a regular file but a pipe, socket or device; remove it"


def entries(folder: str) -> list[os.DirEntry[str]]:
    """The folder's entries, sorted by name."""
    with os.scandir(folder) as scan:
        return sorted(scan, key=lambda entry: entry.name)


def refusal(entry: os.DirEntry[str], shown_as: str) -> DataError | None:
    """The error for an entry that may not be read (a link, a device), or None for a file or folder."""
    if entry.is_symlink():
        return DataError.whole_file(shown_as, _LINK)
    if not entry.is_file(follow_symlinks=False) and not entry.is_dir(follow_symlinks=False):
        return DataError.whole_file(shown_as, _SPECIAL)
    return None


def refused_entries(folder: str, shown_as: str) -> Iterator[DataError]:
    """An error for every link or special file at any depth below `folder` (shown as `shown_as`)."""
    if os.path.islink(folder):
        yield DataError.whole_file(shown_as, _LINK)
        return
    for entry in entries(folder):
        entry_shown_as = f"{shown_as}/{entry.name}"
        refused = refusal(entry, entry_shown_as)
        if refused:
            yield refused
        elif entry.is_dir(follow_symlinks=False):
            yield from refused_entries(entry.path, entry_shown_as)


def read_at_most(path: str, limit: int) -> bytes:
    """Up to `limit` bytes of a regular file, refusing to open it through a link (a file swapped for one
    after it was listed)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        return file.read(limit)

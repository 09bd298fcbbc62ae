"""Load `data/`: read every file, validate it, check ids and references, build the Dataset.

Every problem in every file is collected before anything fails, so a contributor sees the whole
list at once. Nothing is skipped quietly: a file in the wrong place or with the wrong extension is
an error too. The only names passed over are README.md and those starting with a dot (.DS_Store,
an editor's .swp file, a .git folder), at every level. Links and special files are refused, never
followed (see tree.py), and a file's size is checked before it is read.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .dataset import Dataset
from .errors import DataError, DataErrors, display_path
from .kinds import FOLDERS, KIND
from .model import build
from .layout import reserved_id
from .locators import check_locators
from .references import check_cycles, check_references
from .schemas import SCHEMA_DIR, SchemaSet, schema_set
from .tree import entries, read_at_most, refusal
from .yaml_source import MAX_FILE_BYTES, YamlDocument, parse_yaml, too_large

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_IGNORED_NAMES = {"README.md"}


class _DataFile(NamedTuple):
    kind: str
    path: Path
    shown_as: str
    size: int


@dataclass
class _Loaded:
    """A file read and validated on its own."""

    kind: str
    path: Path
    shown_as: str
    document: YamlDocument

    @functools.cached_property
    def record(self) -> Any:
        """The record built from the file: asked for only once the whole data set is known to be valid,
        and built once for as long as the file is loaded (a LoadCache keeps it across loads)."""
        return build(KIND[self.kind].model, self.document.data, file=self.shown_as)


class LoadCache:
    """Files read by earlier loads, so that a later load (a `mkdocs serve` rebuild) parses,
    validates and builds again only the files whose bytes changed.

    A file's record follows from its kind, path, bytes and the schemas, all of which are compared
    before an entry is reused. References between files are checked on every load, because an edit
    to one file can break a reference in another. Only files that loaded without error are kept,
    and a load keeps exactly the files it read, so deleted files do not linger.
    """

    def __init__(self) -> None:
        self._files: dict[tuple[str, str], tuple[bytes, _Loaded]] = {}
        self._schemas: SchemaSet | None = None

    def reusable(self, schemas: SchemaSet, file: _DataFile, raw: bytes) -> _Loaded | None:
        """The file as the last load read it, if that load used these schemas and the file's bytes are the same."""
        if schemas is not self._schemas:
            return None
        entry = self._files.get((file.kind, file.shown_as))
        return entry[1] if entry is not None and entry[0] == raw else None

    def keep_only(self, schemas: SchemaSet, read: list[tuple[bytes, _Loaded]]) -> None:
        """Hold exactly these files, each with the bytes it was read from (those a load read without error)."""
        self._schemas = schemas
        self._files = {(item.kind, item.shown_as): (raw, item) for raw, item in read}

    def __len__(self) -> int:
        return len(self._files)


def load_dataset(data_dir: Path, root: Path | None = None, *, cache: LoadCache | None = None) -> Dataset:
    """Load and validate every record under `data_dir`; raise DataErrors listing every problem.

    `root` is the folder paths are shown relative to (the repository); defaults to data_dir's parent.
    With a `cache`, files unchanged since the cache's last load are not read again (see LoadCache).
    """
    with _cyclic_gc_paused():
        return _load(data_dir, root or data_dir.parent, cache)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Loading allocates millions of small objects and no reference cycles; left on, the cycle
    collector rescans the growing heap again and again (a third of the loading time at 2,000 provisions)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(data_dir: Path, root: Path, cache: LoadCache | None) -> Dataset:
    files, errors = _data_files(data_dir, root)
    loaded, read_errors = _read_files(files, schema_set(SCHEMA_DIR), cache)
    errors += read_errors
    errors += _check_unique_ids(loaded)
    errors += _check_all_references(files, loaded)
    if errors:
        raise DataErrors(errors)
    dataset = Dataset()
    for item in loaded:
        dataset.of_kind(item.kind)[item.record.id] = item.record
    dataset.sort()
    return dataset


def _read_files(files: list[_DataFile], schemas: SchemaSet, cache: LoadCache | None) -> tuple[list[_Loaded], list[DataError]]:
    """Every file that could be read and validated on its own, from the cache when its bytes are unchanged,
    and the errors found; the cache is left holding exactly the files that loaded without error."""
    loaded: list[_Loaded] = []
    errors: list[DataError] = []
    clean: list[tuple[bytes, _Loaded]] = []
    for file in files:
        size_problem = too_large(file.size)
        if size_problem:
            errors.append(DataError.whole_file(file.shown_as, size_problem))
            continue
        # At most one byte more than allowed: a file that grew since it was listed is still caught.
        raw = read_at_most(str(file.path), MAX_FILE_BYTES + 1)
        item = cache.reusable(schemas, file, raw) if cache is not None else None
        file_errors: list[DataError] = []
        if item is None:
            item, file_errors = _read_file(file, raw, schemas)
            errors += file_errors
        if item is not None:
            loaded.append(item)  # with problems of its own, its references are still worth checking
            if not file_errors:
                clean.append((raw, item))
    if cache is not None:
        cache.keep_only(schemas, clean)
    return loaded, errors


def _check_all_references(files: list[_DataFile], loaded: list[_Loaded]) -> list[DataError]:
    # A file that failed to load still "exists" under its name, so references to it do not
    # pile a second, misleading error on top of the real one.
    known_ids: dict[str, set[str]] = {kind: set() for kind in FOLDERS}
    for file in files:
        known_ids[file.kind].add(file.path.name.removesuffix(".yml"))
    for item in loaded:
        known_ids[item.kind].add(item.document.data["id"])
    errors: list[DataError] = []
    for item in loaded:
        errors.extend(check_references(item.kind, item.document, item.shown_as, known_ids))
    records = [(item.kind, item.document, item.shown_as) for item in loaded]
    errors.extend(check_cycles(records))
    errors.extend(check_locators(records))
    return errors


def _read_file(file: _DataFile, raw: bytes, schemas: SchemaSet) -> tuple[_Loaded | None, list[DataError]]:
    """The file read and validated on its own, and its errors; None when it cannot be used (its references unchecked)."""
    document, errors = parse_yaml(raw, file.shown_as)
    if document is None:
        return None, errors
    schema_errors = schemas.validate(file.kind, document, file.shown_as)
    errors = schema_errors + _check_id(file.kind, file.path, document, file.shown_as)
    return (None if schema_errors else _Loaded(file.kind, file.path, file.shown_as, document)), errors


def _data_files(data_dir: Path, root: Path) -> tuple[list[_DataFile], list[DataError]]:
    """Every data file, in a stable order, and an error for anything else."""
    data_shown_as = display_path(data_dir, root)
    if data_dir.is_symlink():
        return [], [DataError.whole_file(data_shown_as, "the data folder is a symbolic link; links are not followed, so that nothing outside the repository is read")]
    if not data_dir.is_dir():
        return [], [DataError.whole_file(data_shown_as, "the data folder does not exist")]
    kinds_by_folder = {folder: kind for kind, folder in FOLDERS.items()}
    # Paths are resolved once, for the data folder; each file's is built from it as a string,
    # because pathlib costs more per file than reading the file does.
    files: list[_DataFile] = []
    errors: list[DataError] = []
    for entry in _entries(data_dir):
        shown_as = f"{data_shown_as}/{entry.name}"
        refused = refusal(entry, shown_as)
        if refused:
            errors.append(refused)
            continue
        if not entry.is_dir(follow_symlinks=False) or entry.name not in kinds_by_folder:
            errors.append(DataError.whole_file(
                shown_as,
                f"not a data folder; records go in one of: {', '.join(f'data/{name}/' for name in FOLDERS.values())}",
            ))
            continue
        for relative, file in _entries_below(entry.path, entry.name):
            shown_as = f"{data_shown_as}/{relative}"
            refused = refusal(file, shown_as)
            if refused:
                errors.append(refused)
                continue
            if not relative.endswith(".yml"):
                errors.append(DataError.whole_file(
                    shown_as,
                    "only '.yml' files are read from data folders; rename it to end in '.yml' or move it out",
                ))
                continue
            if not ID_PATTERN.fullmatch(file.name.removesuffix(".yml")):
                errors.append(DataError.whole_file(
                    shown_as,
                    "the file name must be the record's id: lower-case letters, digits and single hyphens, then '.yml'",
                ))
            size = file.stat(follow_symlinks=False).st_size
            files.append(_DataFile(kinds_by_folder[entry.name], Path(file.path), shown_as, size))
    return files, errors


def _entries(folder: str | Path) -> list[os.DirEntry[str]]:
    """The folder's entries by name, without README.md and dot-files or dot-folders."""
    return [entry for entry in entries(str(folder)) if not entry.name.startswith(".") and entry.name not in _IGNORED_NAMES]


def _entries_below(folder: str, relative: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(path relative to the data folder, entry) of everything below `folder` but the sub-folders, which
    are walked; a link to a folder is listed, not followed."""
    for entry in _entries(folder):
        entry_relative = f"{relative}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _entries_below(entry.path, entry_relative)
        else:
            yield entry_relative, entry


def _check_id(kind: str, path: Path, document: YamlDocument, shown_as: str) -> list[DataError]:
    record_id = document.data.get("id")
    if not isinstance(record_id, str) or not ID_PATTERN.fullmatch(record_id):
        return []  # a malformed id is already reported by the schema
    reserved = reserved_id(kind, record_id)
    if reserved:
        return [DataError.at(shown_as, document.position(("id",)), ("id",), reserved)]
    if record_id == path.stem:
        return []
    return [DataError.at(
        shown_as, document.position(("id",)), ("id",),
        f"the id '{record_id}' does not match the file name '{path.name}'; rename the file to '{record_id}.yml' or set id: {path.stem}",
    )]


def _check_unique_ids(loaded: list[_Loaded]) -> list[DataError]:
    first_seen: dict[tuple[str, str], _Loaded] = {}
    errors = []
    for item in loaded:
        key = (item.kind, item.document.data["id"])
        if key in first_seen:
            errors.append(DataError.at(
                item.shown_as, item.document.position(("id",)), ("id",),
                f"the {item.kind} id '{key[1]}' is already used by {first_seen[key].shown_as}; ids must be unique",
            ))
        else:
            first_seen[key] = item
    return errors

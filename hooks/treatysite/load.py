"""Load `data/`: read every file, validate it, check ids and references, build the Dataset.

Every problem in every file is collected before anything fails, so a contributor sees the whole
list at once. Nothing is skipped quietly: a file in the wrong place or with the wrong extension is
an error too.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .dataset import FOLDERS, Dataset
from .errors import DataError, DataErrors, display_path
from .model import RECORD_CLASSES, build
from .references import check_references
from .schemas import SCHEMA_DIR, schema_set
from .yaml_source import YamlDocument, read_yaml

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_IGNORED_NAMES = {"README.md"}


@dataclass
class _Loaded:
    kind: str
    path: Path
    shown_as: str
    document: YamlDocument


def load_dataset(data_dir: Path, root: Path | None = None) -> Dataset:
    """Load and validate every record under `data_dir`; raise DataErrors listing every problem.

    `root` is the folder paths are shown relative to (the repository); defaults to data_dir's parent.
    """
    with _cyclic_gc_paused():
        return _load(data_dir, root or data_dir.parent)


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


def _load(data_dir: Path, root: Path) -> Dataset:
    schemas = schema_set(SCHEMA_DIR)
    errors: list[DataError] = []
    loaded: list[_Loaded] = []
    files = _data_files(data_dir, root, errors)
    # Resolving each of thousands of paths costs more than reading them: resolve the folder once.
    data_shown_as = display_path(data_dir, root)
    for kind, path in files:
        shown_as = f"{data_shown_as}/{path.relative_to(data_dir).as_posix()}"
        document, read_errors = read_yaml(path, shown_as)
        errors.extend(read_errors)
        if document is None:
            continue
        schema_errors = schemas.validate(kind, document, shown_as)
        errors.extend(schema_errors)
        errors.extend(_check_id(kind, path, document, shown_as))
        if not schema_errors:
            loaded.append(_Loaded(kind, path, shown_as, document))
    errors.extend(_check_unique_ids(loaded))
    # A file that failed to load still "exists" under its name, so references to it do not
    # pile a second, misleading error on top of the real one.
    known_ids = {kind: set() for kind in FOLDERS}
    for kind, path in files:
        known_ids[kind].add(path.stem)
    for item in loaded:
        known_ids[item.kind].add(item.document.data["id"])
    for item in loaded:
        errors.extend(check_references(item.kind, item.document, item.shown_as, known_ids))
    if errors:
        raise DataErrors(errors)
    dataset = Dataset()
    for item in loaded:
        record = build(RECORD_CLASSES[item.kind], item.document.data, file=item.shown_as)
        dataset.of_kind(item.kind)[record.id] = record
    dataset.sort()
    return dataset


def _data_files(data_dir: Path, root: Path, errors: list[DataError]) -> list[tuple[str, Path]]:
    if not data_dir.is_dir():
        raise DataErrors([DataError(display_path(data_dir, root), 0, 0, "", "the data folder does not exist")])
    kinds_by_folder = {folder: kind for kind, folder in FOLDERS.items()}
    files: list[tuple[str, Path]] = []
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith(".") or entry.name in _IGNORED_NAMES:
            continue
        if not entry.is_dir() or entry.name not in kinds_by_folder:
            errors.append(DataError(
                display_path(entry, root), 0, 0, "",
                f"not a data folder; records go in one of: {', '.join(f'data/{name}/' for name in FOLDERS.values())}",
            ))
            continue
        for path in sorted(entry.rglob("*")):
            if path.is_dir() or path.name.startswith(".") or path.name in _IGNORED_NAMES:
                continue
            if path.suffix != ".yml":
                errors.append(DataError(
                    display_path(path, root), 0, 0, "",
                    "only '.yml' files are read from data folders; rename it to end in '.yml' or move it out",
                ))
                continue
            if not ID_PATTERN.fullmatch(path.stem):
                errors.append(DataError(
                    display_path(path, root), 0, 0, "",
                    "the file name must be the record's id: lower-case letters, digits and single hyphens, then '.yml'",
                ))
            files.append((kinds_by_folder[entry.name], path))
    return files


def _check_id(kind: str, path: Path, document: YamlDocument, shown_as: str) -> list[DataError]:
    record_id = document.data.get("id")
    if not isinstance(record_id, str) or not ID_PATTERN.fullmatch(record_id) or record_id == path.stem:
        return []  # a malformed id is already reported by the schema
    line, column = document.position(("id",))
    return [DataError(
        shown_as, line, column, "id",
        f"the id '{record_id}' does not match the file name '{path.name}'; rename the file to '{record_id}.yml' or set id: {path.stem}",
    )]


def _check_unique_ids(loaded: list[_Loaded]) -> list[DataError]:
    first_seen: dict[tuple[str, str], _Loaded] = {}
    errors = []
    for item in loaded:
        key = (item.kind, item.document.data["id"])
        if key in first_seen:
            line, column = item.document.position(("id",))
            errors.append(DataError(
                item.shown_as, line, column, "id",
                f"the {item.kind} id '{key[1]}' is already used by {first_seen[key].shown_as}; ids must be unique",
            ))
        else:
            first_seen[key] = item
    return errors

"""`python hooks/treatysite new KIND ID`: a skeleton with every required field, which the check refuses until
each is filled in; ids that are taken, reserved or malformed are refused and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import REPO

from treatysite import DataErrors, load_dataset
from treatysite.__main__ import main as command_line
from treatysite.kinds import FOLDERS

_PLACEHOLDER = "# fill in: "


def _new(kind: str, record_id: str, data: Path) -> int:
    return command_line(["new", kind, record_id, "--data", str(data)])


def _errors(data: Path) -> list:
    with pytest.raises(DataErrors) as raised:
        load_dataset(data, data.parent)
    return raised.value.errors


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_the_skeleton_has_the_schema_line_and_the_check_names_every_field_to_fill_in(mini_data: Path, kind: str) -> None:
    assert _new(kind, "brand-new", mini_data) == 0
    path = mini_data / FOLDERS[kind] / "brand-new.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=../../hooks/treatysite/schemas/{kind}.schema.json"
    assert (REPO / "data" / FOLDERS[kind] / lines[0].split("=", 1)[1]).resolve().is_file()
    assert lines[1] == "id: brand-new"
    placeholders = {number for number, line in enumerate(lines, 1) if _PLACEHOLDER in line}
    errors = _errors(mini_data)
    assert {error.file for error in errors} == {f"data/{FOLDERS[kind]}/brand-new.yml"}
    assert not [error for error in errors if "missing required field" in error.message]
    on_placeholders = [error for error in errors if error.line in placeholders]
    assert {error.line for error in on_placeholders} == placeholders
    # Only a conditional requirement (a numbered provision needs its article) is left to the check to ask for.
    others = [(error.field, error.message) for error in errors if error not in on_placeholders]
    assert others == ([("article", "missing: numbering 'reported' or 'probable' needs the article number; add it,"
                        " or set numbering: unnumbered")] if kind == "provision" else [])


def test_a_filled_in_skeleton_is_valid(mini_data: Path) -> None:
    assert _new("person", "new-voice", mini_data) == 0
    path = mini_data / "people" / "new-voice.yml"
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    assert set(record) == {"id", "name", "kind", "affiliation", "summary", "sources"}
    assert all(value is None for key, value in record.items() if key not in ("id", "sources"))
    record.update(name="A New Voice", kind="expert", affiliation="A university", summary="Argued something.",
                  sources=[{"source": "tass-1940345"}])  # a news report: its citation needs no pinpoint locator
    path.write_text(text.splitlines()[0] + "\n" + yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    assert "new-voice" in load_dataset(mini_data, mini_data.parent).person


@pytest.mark.parametrize(("kind", "record_id", "reason"), [
    ("person", "samuel-ramani", "not written: the person id 'samuel-ramani' is already used by {data}/people/samuel-ramani.yml; choose another id"),
    ("person", "in-a-sub-folder", "not written: the person id 'in-a-sub-folder' is already used by {data}/people/experts/in-a-sub-folder.yml; choose another id"),
    ("person", "Samuel_Ramani", "not written: 'Samuel_Ramani' cannot be an id: lower-case letters, digits and single hyphens, e.g. 'samuel-ramani'; it must equal the file name without '.yml'"),
    ("source", "../../escape", "not written: '../../escape' cannot be an id: lower-case letters, digits and single hyphens, e.g. 'samuel-ramani'; it must equal the file name without '.yml'"),
    ("person", "a" * 81, "not written: '" + "a" * 81 + "' cannot be an id: lower-case letters, digits and single hyphens, e.g. 'samuel-ramani'; it must equal the file name without '.yml'"),
    ("person", "index", "not written: the id 'index' is reserved: people/index.md is the list of people; choose another id"),
    ("event", "2025", "not written: the id '2025' is reserved: it is the anchor of the year's heading on timeline/index.md; add the date and a few words"),
])
def test_an_id_that_is_taken_reserved_or_malformed_is_refused(
    mini_data: Path, capsys: pytest.CaptureFixture[str], kind: str, record_id: str, reason: str
) -> None:
    (mini_data / "people" / "experts").mkdir()
    (mini_data / "people" / "experts" / "in-a-sub-folder.yml").write_text("kept as it is\n", encoding="utf-8")
    before = sorted(path for path in mini_data.parent.rglob("*"))
    assert _new(kind, record_id, mini_data) == 1
    assert capsys.readouterr().err.strip() == reason.format(data=mini_data.as_posix())
    assert sorted(path for path in mini_data.parent.rglob("*")) == before
    assert (mini_data / "people" / "experts" / "in-a-sub-folder.yml").read_text(encoding="utf-8") == "kept as it is\n"


def test_the_command_contributing_shows_works(mini_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = re.search(r"^\.venv/bin/python hooks/treatysite (new (\w+) ([a-z0-9-]+))$", guide, re.MULTILINE)
    assert shown, "CONTRIBUTING.md shows `new` on a line of its own"
    monkeypatch.chdir(mini_data.parent)
    assert command_line(shown.group(1).split()) == 0
    assert (mini_data / FOLDERS[shown.group(2)] / f"{shown.group(3)}.yml").is_file()

"""`check --format github`: each data error as a GitHub workflow command, escaped as the runner decodes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO

from treatysite import DataError
from treatysite.__main__ import main as command_line
from treatysite.annotations import escape_data, escape_property, github_annotation


def test_the_message_escapes_percent_and_line_breaks_only() -> None:
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"


def test_a_property_also_escapes_colons_and_commas() -> None:
    assert escape_property("data/a,b:c%20d\ne.yml") == "data/a%2Cb%3Ac%2520d%0Ae.yml"


def test_an_error_is_one_command_with_file_line_column_and_title() -> None:
    error = DataError("data/people/x.yml", 4, 7, "commentary[0].stance", "'50%' is not one of: a, b")
    assert github_annotation(error) == (
        "::error file=data/people/x.yml,line=4,col=7,title=Data error in commentary[0].stance"
        "::'50%25' is not one of: a, b"
    )


def test_a_whole_file_error_is_at_line_1_column_1() -> None:
    error = DataError.whole_file("data/people/odd, name: 100%.yml", "the file is empty")
    assert github_annotation(error) == (
        "::error file=data/people/odd%2C name%3A 100%25.yml,line=1,col=1,title=Data error::the file is empty"
    )


def test_a_line_break_in_a_message_cannot_start_a_second_command() -> None:
    # DataError already writes control characters as escapes (\x0a); the command is one line either way.
    error = DataError("data/people/x.yml", 2, 1, "name", "a\n::error file=elsewhere::b\r")
    line = github_annotation(error)
    assert "\n" not in line and "\r" not in line
    assert line == "::error file=data/people/x.yml,line=2,col=1,title=Data error in name::a\\x0a::error file=elsewhere::b\\x0d"


@pytest.fixture
def broken_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini-data", data)
    monkeypatch.chdir(tmp_path)
    return data


def test_check_prints_an_annotation_for_every_error_and_keeps_the_report(
    broken_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(FIXTURES / "broken" / "unknown-key-did-you-mean" / "people" / "samuel-ramani.yml",
                    broken_data / "people" / "samuel-ramani.yml")
    (broken_data / "people" / "notes, 1:2.txt").write_text("not a record\n", encoding="utf-8")
    assert command_line(["check", "data", "--docs", str(REPO / "docs"), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "::error file=data/people/notes%2C 1%3A2.txt,line=1,col=1,title=Data error::only '.yml' files are read from"
        " data folders; rename it to end in '.yml' or move it out",
        "::error file=data/people/samuel-ramani.yml,line=1,col=1,title=Data error in affiliation::missing required field",
        "::error file=data/people/samuel-ramani.yml,line=4,col=1,title=Data error in afiliation::unknown field"
        " 'afiliation'; did you mean 'affiliation'? Valid fields: affiliation, country, id, kind, name, names, role,"
        " sources, summary",
    ]
    assert err.startswith("3 data errors found:\n  data/people/notes, 1:2.txt:1:1: only '.yml' files")


def test_check_prints_no_annotation_when_the_data_is_valid(broken_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command_line(["check", "data", "--docs", str(REPO / "docs"), "--format", "github"]) == 0
    assert capsys.readouterr().out.startswith("data is valid:")

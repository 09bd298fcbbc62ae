"""Broken data files give the exact messages a contributor needs, and the build stops on them.

Each folder in fixtures/broken/ holds files laid over a copy of fixtures/mini-data (paths relative to
the data folder) and `expected.txt`: every error line the loader must print, in order.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CASES, REPO, expected_messages, lay_over, mkdocs_build

from treatysite import DataErrors, load_dataset
from treatysite.__main__ import main as command_line

def errors_for_case(case: str, data: Path) -> list[str]:
    lay_over(case, data)
    with pytest.raises(DataErrors) as raised:
        load_dataset(data, data.parent)
    return [str(error) for error in raised.value.errors]


@pytest.mark.parametrize("case", CASES)
def test_broken_file_gives_exact_messages(case: str, mini_data: Path) -> None:
    expected = expected_messages(case)
    assert errors_for_case(case, mini_data) == expected


def test_loading_leaves_the_cycle_collector_as_it_found_it(mini_data: Path) -> None:
    """The loader pauses Python's cycle collector while it reads (see load.py); a failed load, which
    `mkdocs serve` survives, must not leave it off for the rest of the process."""
    assert gc.isenabled()
    errors_for_case("duplicate-key", mini_data)
    assert gc.isenabled()
    gc.disable()
    try:
        errors_for_case("duplicate-key", mini_data)
        assert not gc.isenabled()  # and one that was off stays off
    finally:
        gc.enable()


def test_there_are_broken_cases() -> None:
    assert len(CASES) >= 40


def test_fixture_data_is_valid(mini_data: Path) -> None:
    dataset = load_dataset(mini_data, mini_data.parent)
    assert dataset.provision and dataset.person and dataset.event


def test_dot_files_and_dot_folders_are_passed_over_at_every_level(mini_data: Path) -> None:
    """Editors and systems leave these beside data files; they are not records. Anything else that is
    not a record is an error (the wrong-extension and unknown-data-folder cases)."""
    (mini_data / ".DS_Store").write_bytes(b"\0\0")
    (mini_data / "people" / ".samuel-ramani.yml.swp").write_bytes(b"\0\0")
    (mini_data / "people" / ".old").mkdir()
    shutil.copyfile(mini_data / "people" / "samuel-ramani.yml", mini_data / "people" / ".old" / "someone-else.yml")
    assert set(load_dataset(mini_data, mini_data.parent).person) == {"masoud-pezeshkian", "samuel-ramani", "vladimir-putin"}


def test_build_fails_with_file_and_line_and_no_traceback(mini_data: Path, tmp_path: Path) -> None:
    errors_for_case("unknown-key-did-you-mean", mini_data)  # lay the broken file over the copy
    result = mkdocs_build(tmp_path / "site", data_dir=mini_data)
    assert result.returncode != 0
    assert "data/people/samuel-ramani.yml:4:1: afiliation: unknown field 'afiliation'; did you mean 'affiliation'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_check_command_prints_the_same_messages_without_a_build(mini_data: Path) -> None:
    command = [sys.executable, str(REPO / "hooks" / "treatysite"), "check", "data"]
    valid = subprocess.run(command, cwd=mini_data.parent, capture_output=True, text=True)
    assert valid.returncode == 0, valid.stderr
    assert valid.stdout.startswith("data is valid: 2 treaty, 1 provision")
    expected = errors_for_case("unknown-reference", mini_data)
    broken = subprocess.run(command, cwd=mini_data.parent, capture_output=True, text=True)
    assert broken.returncode == 1
    assert broken.stderr.splitlines() == ["2 data errors found:", *(f"  {line}" for line in expected)]


@pytest.mark.parametrize("case", CASES)
def test_check_and_the_build_report_the_same(case: str, mini_data: Path, monkeypatch, capsys) -> None:
    """The check command and the MkDocs hook give every broken fixture's messages, and nothing else."""
    import treaty_site
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    expected = expected_messages(case)
    lay_over(case, mini_data)
    monkeypatch.chdir(mini_data.parent)
    assert command_line(["check", "data", "--docs", str(REPO / "docs")]) == 1
    assert [line.strip() for line in capsys.readouterr().err.splitlines()[1:]] == expected
    monkeypatch.setenv("TREATY_DATA_DIR", str(mini_data))
    monkeypatch.setattr(treaty_site, "state", treaty_site.HookState())
    with pytest.raises(PluginError) as raised:
        treaty_site.on_config(load_config(str(REPO / "mkdocs.yml")))
    # The build shows paths from the repository root; this data folder lies outside it, so it is shown in full.
    shown = [line.strip().replace(f"{mini_data.parent.resolve()}/", "") for line in str(raised.value).splitlines()[1:]]
    assert shown == expected


def test_a_pipe_is_refused_unread(mini_data: Path) -> None:
    os.mkfifo(mini_data / "people" / "waiting.yml")  # reading it would block the build for ever
    with pytest.raises(DataErrors) as raised:
        load_dataset(mini_data, mini_data.parent)
    assert [str(error) for error in raised.value.errors] == [
        "data/people/waiting.yml:1:1: this is not a regular file but a pipe, socket or device; remove it"]


def test_a_linked_data_folder_is_refused(mini_data: Path, tmp_path: Path) -> None:
    (tmp_path / "linked").symlink_to(mini_data)
    with pytest.raises(DataErrors) as raised:
        load_dataset(tmp_path / "linked", tmp_path)
    assert [error.message for error in raised.value.errors] == [
        "the data folder is a symbolic link; links are not followed, so that nothing outside the repository is read"]


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(mini_data: Path) -> None:
    huge = mini_data / "people" / "samuel-ramani.yml"
    with huge.open("r+b") as file:
        file.truncate(8 * 1024**3)  # sparse: 8 GiB that take no disk, and would exhaust memory if read
    with pytest.raises(DataErrors) as raised:
        load_dataset(mini_data, mini_data.parent)
    assert str(raised.value.errors[0]) == (
        "data/people/samuel-ramani.yml:1:1: the file is 8,589,934,592 bytes; a data file may be at most 262,144 bytes (split the record)")

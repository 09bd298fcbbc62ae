"""load: random and edge-case input thrown at the loader gives only our DataErrors, never another
exception; and the cache `mkdocs serve` rebuilds load through saves work without changing what a load gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from helpers import CASES, MINI_DATA, expected_messages, lay_over, property_settings, records
from hypothesis import given
from hypothesis import strategies as st

from treatysite import DataErrors, LoadCache, load_dataset


def load_with(person_file: bytes, data: Path) -> None:
    (data / "people" / "samuel-ramani.yml").write_bytes(person_file)
    try:
        load_dataset(data, data.parent)
    except DataErrors as errors:
        assert errors.errors, "DataErrors raised with no error in it"
        for error in errors.errors:
            assert error.file.endswith(".yml") and error.message


def fresh_copy(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(MINI_DATA, data)
    return data


@property_settings
@given(record=records)
def test_random_structures_give_only_data_errors(record: dict, tmp_path_factory) -> None:
    text = yaml.safe_dump(record, allow_unicode=True)
    load_with(text.encode("utf-8"), fresh_copy(tmp_path_factory))


@property_settings
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda text: text.encode("utf-8")))
def test_random_bytes_give_only_data_errors(raw: bytes, tmp_path_factory) -> None:
    load_with(raw, fresh_copy(tmp_path_factory))


@property_settings
@given(position=st.integers(min_value=0, max_value=400), junk=st.sampled_from([":", "- ", "\t", '"', "[", "{", "&x ", "*x", "!!binary ", "---\n", "\n  ", "#"]))
def test_damaged_real_file_gives_only_data_errors(position: int, junk: str, tmp_path_factory) -> None:
    original = (MINI_DATA / "provisions" / "art-03-3-no-aid-to-aggressor.yml").read_text(encoding="utf-8")
    cut = position % (len(original) + 1)
    data = fresh_copy(tmp_path_factory)
    damaged = original[:cut] + junk + original[cut:]
    (data / "provisions" / "art-03-3-no-aid-to-aggressor.yml").write_text(damaged, encoding="utf-8")
    try:
        load_dataset(data, data.parent)
    except DataErrors:
        pass


# --- the cache ---------------------------------------------------------------------------------------

PROVISION = Path("provisions") / "art-03-3-no-aid-to-aggressor.yml"


def test_a_reload_reads_again_only_the_edited_file(mini_data: Path) -> None:
    cache = LoadCache()
    first = load_dataset(mini_data, mini_data.parent, cache=cache)
    edited = mini_data / PROVISION
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")

    again = load_dataset(mini_data, mini_data.parent, cache=cache)

    assert again == load_dataset(mini_data, mini_data.parent)  # the same as a load without the cache
    provision_id = PROVISION.stem
    assert again.provision[provision_id].title.startswith("Edited ")
    assert again.provision[provision_id] is not first.provision[provision_id]
    unchanged = [(kind, record) for kind, record in again.records() if record.id != provision_id]
    assert unchanged and all(record is first.of_kind(kind)[record.id] for kind, record in unchanged)


@pytest.mark.parametrize("case", CASES)
def test_a_warm_cache_reports_every_error_a_fresh_load_does(case: str, mini_data: Path, tmp_path: Path) -> None:
    """Each broken fixture laid over data the cache has already loaded cleanly gives the messages
    test_broken_data expects without a cache; after a repair the load succeeds again."""
    pristine = tmp_path / "pristine"
    shutil.copytree(mini_data, pristine)
    cache = LoadCache()
    load_dataset(mini_data, mini_data.parent, cache=cache)
    expected = expected_messages(case)

    with pytest.raises(DataErrors) as raised:
        lay_over(case, mini_data)
        load_dataset(mini_data, mini_data.parent, cache=cache)
    assert [str(error) for error in raised.value.errors] == expected

    shutil.rmtree(mini_data)
    shutil.copytree(pristine, mini_data)
    assert load_dataset(mini_data, mini_data.parent, cache=cache) == load_dataset(mini_data, mini_data.parent)


def test_a_deleted_source_breaks_the_unchanged_files_that_cite_it(mini_data: Path) -> None:
    cache = LoadCache()
    load_dataset(mini_data, mini_data.parent, cache=cache)
    (mini_data / "sources" / "ramani-2025.yml").unlink()
    with pytest.raises(DataErrors) as raised:
        load_dataset(mini_data, mini_data.parent, cache=cache)
    assert any("no source has the id 'ramani-2025'" in str(error) and str(PROVISION) in str(error) for error in raised.value.errors)

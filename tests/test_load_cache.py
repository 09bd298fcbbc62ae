"""The cache `mkdocs serve` rebuilds load through: it saves work, and never changes what a load gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_broken_data import BROKEN, CASES, lay_over

from treatysite import DataErrors, LoadCache, load_dataset

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
    expected = (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()

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

"""Random input thrown at the loader: only our DataErrors may come out, never another exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, MINI_DATA, REPO
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from treatysite import DataErrors, load_dataset
from treatysite.schemas import SCHEMA_DIR, schema_set
from treatysite import yaml_source
from treatysite.yaml_source import YamlDocument

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
    st.sampled_from(["2025-02-30", "2025-01-17", "ramani-2025", "no", "~", "!!python/none", "*a", "&a x"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
field_names = st.sampled_from(["id", "name", "kind", "affiliation", "summary", "sources", "names", "role", "x"])
records = st.dictionaries(field_names, values, max_size=8)

_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


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


@_settings
@given(record=records)
def test_random_structures_give_only_data_errors(record: dict, tmp_path_factory) -> None:
    text = yaml.safe_dump(record, allow_unicode=True)
    load_with(text.encode("utf-8"), fresh_copy(tmp_path_factory))


@_settings
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda text: text.encode("utf-8")))
def test_random_bytes_give_only_data_errors(raw: bytes, tmp_path_factory) -> None:
    load_with(raw, fresh_copy(tmp_path_factory))


@_settings
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


texts = st.text(min_size=1, max_size=20) | st.text(min_size=1, max_size=20) | values
person_like = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["samuel-ramani"] * 4 + ["Bad Id", ""]),
        "name": texts,
        "kind": st.sampled_from(["expert", "official"] * 2 + ["guru", 3]),
        "affiliation": texts,
        "summary": texts,
        "sources": st.just([{"source": "ramani-2025"}]) | st.lists(st.dictionaries(st.sampled_from(["source", "locator", "x"]), texts), max_size=2) | values,
    },
    optional={"names": st.fixed_dictionaries({}, optional={"ru": texts, "fa": texts, "variants": st.lists(texts, max_size=2)}) | values,
              "role": texts, "country": texts, "extra": values},
)


@settings(max_examples=300, deadline=None)
@given(record=person_like)
def test_fast_and_full_validators_agree(record: dict) -> None:
    """The compiled validator that lets valid records through must accept exactly what jsonschema accepts."""
    schemas = schema_set(SCHEMA_DIR)
    full_errors = list(schemas._validators["person"].iter_errors(record))
    event("valid" if not full_errors else "invalid")
    assert schemas._passes_fast("person", record) == (not full_errors), full_errors[:1]
    assert bool(schemas.validate("person", YamlDocument(record), "x.yml")) == bool(full_errors)


# Characters Python's re and the Rust regex engine disagree about (is it space?), alone and at the end of an address.
@pytest.mark.parametrize("character", ["\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\ufeff", " ", "\u3000", "\n"])
def test_fast_validator_never_passes_what_jsonschema_rejects(character: str) -> None:
    schemas = schema_set(SCHEMA_DIR)
    for kind, data in records_ending_in(character):
        full_errors = list(schemas._validators[kind].iter_errors(data))
        if schemas._passes_fast(kind, data):
            assert not full_errors, (kind, character, full_errors[0].message)


def test_those_records_pass_both_validators_with_an_ordinary_character() -> None:
    schemas = schema_set(SCHEMA_DIR)
    for kind, data in records_ending_in("a"):
        assert schemas._passes_fast(kind, data) and not list(schemas._validators[kind].iter_errors(data))


def records_ending_in(character: str) -> list[tuple[str, dict]]:
    person = {"id": "samuel-ramani", "name": character, "kind": "expert", "affiliation": "RUSI",
              "summary": "An analyst.", "sources": [{"source": "ramani-2025"}]}
    source = {"id": "ramani-2025", "outlet": "RUSI", "kind": "analysis", "title": "A title", "date": "2025-01-20",
              "url": "https://example.org/" + character}
    return [("person", person), ("source", source)]

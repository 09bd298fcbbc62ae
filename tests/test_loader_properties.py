"""Random and edge-case input thrown at the loader: only our DataErrors may come out, never another
exception; and its fast paths (the cheap YAML walk, the Rust validator) never pass what the full rules reject."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, MINI_DATA, REPO
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from treatysite import DataErrors, load_dataset, yaml_source
from treatysite.dataset import FOLDERS
from treatysite.schemas import SCHEMA_DIR, schema_set
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
    """The fast validator may leave a valid record to jsonschema (its regex engine reads U+FEFF as space,
    and a lone surrogate is more than it takes in) but must never pass one that jsonschema rejects; what
    validate() reports follows jsonschema."""
    schemas = schema_set(SCHEMA_DIR)
    full_errors = list(schemas.full_errors("person", record))
    passes_fast = schemas.passes_fast("person", record)
    event("valid" if not full_errors else "invalid")
    event("passed by the fast validator" if passes_fast else "left to jsonschema")
    assert not (passes_fast and full_errors), full_errors[:1]
    assert bool(schemas.validate("person", YamlDocument(record), "x.yml")) == bool(full_errors)


def test_every_real_record_passes_the_fast_validator() -> None:
    """Else loading the real data would go the slow way for no reason."""
    schemas = schema_set(SCHEMA_DIR)
    kinds = {folder: kind for kind, folder in FOLDERS.items()}
    for path in sorted((REPO / "data").rglob("*.yml")):
        document, _ = yaml_source.parse_yaml(path.read_bytes(), str(path))
        assert document is not None and schemas.passes_fast(kinds[path.parent.name], document.data), path


# Characters Python's re and the Rust regex engine disagree about (is it space?), alone and at the end of an address.
@pytest.mark.parametrize("character", ["\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\ufeff", " ", "\u3000", "\n"])
def test_fast_validator_never_passes_what_jsonschema_rejects(character: str) -> None:
    schemas = schema_set(SCHEMA_DIR)
    for kind, data in records_ending_in(character):
        full_errors = list(schemas.full_errors(kind, data))
        if schemas.passes_fast(kind, data):
            assert not full_errors, (kind, character, full_errors[0].message)


def test_those_records_pass_both_validators_with_an_ordinary_character() -> None:
    schemas = schema_set(SCHEMA_DIR)
    for kind, data in records_ending_in("a"):
        assert schemas.passes_fast(kind, data) and not list(schemas.full_errors(kind, data))


def records_ending_in(character: str) -> list[tuple[str, dict]]:
    person = {"id": "samuel-ramani", "name": character, "kind": "expert", "affiliation": "RUSI",
              "summary": "An analyst.", "sources": [{"source": "ramani-2025"}]}
    source = {"id": "ramani-2025", "outlet": "RUSI", "kind": "analysis", "title": "A title", "date": "2025-01-20",
              "url": "https://example.org/" + character}
    return [("person", person), ("source", source)]


# --- the two YAML walks ----------------------------------------------------------------------------


def plain_walk(text: str) -> object:
    """What the cheap walk makes of a text, or GAVE_UP."""
    try:
        return yaml_source.read_fast(text)
    except yaml_source.NotReadFast:
        return GAVE_UP


GAVE_UP = object()


def assert_walks_agree(text: str) -> object:
    """The cheap walk may give up on anything, but what it accepts the full rules accept, with the
    same values of the same types in the same order (repr tells 1 from True and 1.0)."""
    plain = plain_walk(text)
    if plain is not GAVE_UP:
        document, errors = yaml_source.read_in_full(text, "x.yml")
        assert errors == [] and document is not None, (text, errors)
        assert repr(plain) == repr(document.data)
    return plain


@_settings
@given(record=records, style=st.sampled_from([None, '"', "'", "|"]), flow=st.booleans())
def test_cheap_walk_reads_generated_yaml_as_the_full_rules_do(record: dict, style: str | None, flow: bool) -> None:
    text = yaml.safe_dump(record, allow_unicode=True, default_style=style, default_flow_style=flow)
    plain = assert_walks_agree(text)
    event("read by the cheap walk" if plain is not GAVE_UP else "left to the full rules")


@_settings
@given(position=st.integers(min_value=0, max_value=2000), junk=st.sampled_from(
    [": ", "- ", '"', "'", "&x ", "*x ", "!!str ", "! ", "!!binary ", "<<: ", "---\n", "~", "null", "1e3", "0o17", "yes",
     "2025-01-17", "=", "? ", "{", "[a, b]", "\n", "\n  ", "#"]
))
def test_cheap_walk_on_damaged_real_file_agrees_with_the_full_rules(position: int, junk: str) -> None:
    original = (MINI_DATA / "provisions" / "art-03-3-no-aid-to-aggressor.yml").read_text(encoding="utf-8")
    cut = position % (len(original) + 1)
    assert_walks_agree(original[:cut] + junk + original[cut:])


def test_cheap_walk_reads_every_real_data_file_and_gives_up_on_every_broken_one() -> None:
    """The real files must take the cheap path (else loading is slow for no reason), and a file the
    full rules reject must never get past it."""
    for path in sorted((REPO / "data").rglob("*.yml")):
        assert assert_walks_agree(path.read_text(encoding="utf-8")) is not GAVE_UP, path
    rejected = 0
    for path in sorted((FIXTURES / "broken").rglob("*.yml")):
        if path.is_symlink():
            continue  # the links fixture: never read, by design
        text = path.read_bytes().decode("utf-8", errors="replace")
        document, errors = yaml_source.read_in_full(text, "x.yml")
        if errors or document is None:
            rejected += 1
            assert plain_walk(text) is GAVE_UP, path
    assert rejected >= 10  # the syntax, tag, alias, merge-key and duplicate-key fixtures at least

"""schemas: the fast validator (jsonschema-rs) never passes what jsonschema rejects, and the messages
built from jsonschema's errors name the field."""

from __future__ import annotations

import pytest
from helpers import REPO, values
from hypothesis import event, given, settings
from hypothesis import strategies as st

from treatysite import yaml_source
from treatysite.kinds import FOLDERS
from treatysite.schemas import SCHEMA_DIR, schema_set
from treatysite.yaml_source import YamlDocument

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


def test_each_missing_required_field_is_named_once_where_its_mapping_starts() -> None:
    """jsonschema gives one error per missing field with no field name but in its English message; the
    names come from the error's structure, each once, in the schema's order."""
    text = "id: samuel-ramani\nkind: expert\nsummary: An analyst.\nsources:\n  - source: ramani-2025\n"
    document = YamlDocument(yaml_source.read_fast(text), text)
    messages = [str(error) for error in schema_set(SCHEMA_DIR).validate("person", document, "x.yml")]
    assert [message.split(": missing required field")[0] for message in messages] == ["x.yml:1:1: name", "x.yml:1:1: affiliation"]


def test_data_without_a_json_form_is_left_to_jsonschema() -> None:
    """jsonschema-rs raises ValueError for a key that is not text; that is "not passed fast", and jsonschema
    gives the verdict."""
    schemas = schema_set(SCHEMA_DIR)
    record = {"id": "samuel-ramani", 3: "three"}
    assert not schemas.passes_fast("person", record)
    assert list(schemas.full_errors("person", record))

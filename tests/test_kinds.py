"""The registry of record kinds is the one list of them: everything it names exists, and the dataset follows it."""

from __future__ import annotations

import dataclasses

from treatysite.dataset import Dataset
from treatysite.kinds import KINDS
from treatysite.pages import TEMPLATES
from treatysite.schemas import SCHEMA_DIR


def test_the_dataset_has_one_attribute_per_kind_in_the_registrys_order() -> None:
    assert [field.name for field in dataclasses.fields(Dataset)] == [kind.name for kind in KINDS]


def test_every_kind_names_a_schema_and_templates_that_exist() -> None:
    for kind in KINDS:
        assert (SCHEMA_DIR / kind.schema_file).is_file(), kind.name
        for template in (kind.page_template, kind.index_template):
            assert template is None or (TEMPLATES / template).is_file(), (kind.name, template)
    on_disk = {path.name for path in SCHEMA_DIR.glob("*.schema.json")} - {"common.schema.json"}
    assert on_disk == {kind.schema_file for kind in KINDS}


def test_reference_fields_name_only_kinds_of_the_registry() -> None:
    from treatysite.references import REFERENCE_FIELDS

    named = set(REFERENCE_FIELDS) | {target for fields in REFERENCE_FIELDS.values() for _, target in fields}
    assert named <= {kind.name for kind in KINDS}

"""yaml_source: the reader's fast mode never accepts what its full mode rejects, nor reads a value
differently; real files take the fast mode and broken ones do not get past it."""

from __future__ import annotations

import yaml
from helpers import FIXTURES, MINI_DATA, REPO, property_settings, records
from hypothesis import event, given
from hypothesis import strategies as st

from treatysite import yaml_source


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


@property_settings
@given(record=records, style=st.sampled_from([None, '"', "'", "|"]), flow=st.booleans())
def test_cheap_walk_reads_generated_yaml_as_the_full_rules_do(record: dict, style: str | None, flow: bool) -> None:
    text = yaml.safe_dump(record, allow_unicode=True, default_style=style, default_flow_style=flow)
    plain = assert_walks_agree(text)
    event("read by the cheap walk" if plain is not GAVE_UP else "left to the full rules")


@property_settings
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

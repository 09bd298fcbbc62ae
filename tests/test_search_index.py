"""search_index.py: the words Material's search index gains (a record's other names, American spellings)."""

from __future__ import annotations

from treatysite.search_index import NAMES_FIELD, SPELLING_FIELD, with_additions


def test_index_additions_hold_new_name_words_and_spellings() -> None:
    index = {
        "config": {"separator": r"[\s\-–]+", "fields": {"title": {"boost": 10}, "text": {"boost": 1}}},
        "docs": [
            {"location": "a/", "title": "Russia–DPRK Treaty", "text": "A defence pact."},
            {"location": "a/#facts", "title": "Facts", "text": "None."},
        ],
    }
    result = with_additions(index, {"a/": ("Russia–North Korea treaty", "mutual defence pact")})
    assert result["config"]["fields"][NAMES_FIELD] == {"boost": 10}
    assert result["config"]["fields"][SPELLING_FIELD] == {"boost": 1}
    first, facts = result["docs"]
    assert first[NAMES_FIELD] == "North Korea mutual defence pact"  # the title's words are not repeated
    assert first[SPELLING_FIELD] == "defense"
    assert NAMES_FIELD not in facts and SPELLING_FIELD not in facts

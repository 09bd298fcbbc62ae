"""Additions to Material's search index (search/search_index.json) once MkDocs has written it.

Material builds its lunr index in the reader's browser from this file: `config.fields` names the fields
of each entry that are searched, with their weights, and the result list shows only `title` and `text`.
Each entry whose text has British spellings gets a `spelling` field with their American forms (see
`spelling.py`), searched like the text and never shown.
"""

from __future__ import annotations

from typing import Any

from .spelling import american_spellings

SPELLING_FIELD = "spelling"
# As much as the body text: an American form stands for a word of the text (or of the title).
SPELLING_BOOST = 1.0


def with_spellings(index: dict[str, Any]) -> dict[str, Any]:
    """`index` (Material's search_index.json, parsed) with the spelling field configured and filled in."""
    index["config"]["fields"][SPELLING_FIELD] = {"boost": SPELLING_BOOST}
    for entry in index["docs"]:
        forms = american_spellings(f"{entry.get('title', '')} {entry.get('text', '')}")
        if forms:
            entry[SPELLING_FIELD] = " ".join(forms)
    return index

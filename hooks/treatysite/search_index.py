"""Additions to Material's search index (search/search_index.json) once MkDocs has written it.

Material builds its lunr index in the reader's browser from this file: `config.fields` names the fields
of each entry that are searched, with their weights, and the result list shows only `title` and `text`.
Two fields are added, searched and never shown:

- `names`, on the first entry of a record's page: the words of the record's other names (aliases, the
  name in Russian and Persian script, other spellings) that its title does not hold, weighted as the
  title is, because each one names the record as the title does: "SCO" then counts on the page of
  Art. 14 as much as its title would;
- `spelling`, on every entry whose text has British spellings: their American forms (see `spelling.py`),
  weighted as the text is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .model import Record
from .spelling import american_spellings

NAMES_FIELD = "names"
SPELLING_FIELD = "spelling"


def other_names(record: Record) -> tuple[str, ...]:
    """Every other name a record has in the data: its aliases, then its `names` (ru, fa, variants)."""
    found = list(getattr(record, "aliases", ()))
    names = getattr(record, "names", None)
    if names is not None:
        found += [name for name in (names.ru, names.fa) if name] + list(names.variants)
    return tuple(dict.fromkeys(found))


def with_additions(index: dict[str, Any], names_by_location: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`index` (Material's search_index.json, parsed) with the two fields configured and filled in.
    `names_by_location`: each record page's other names, keyed by the page's address in the index."""
    fields = index["config"]["fields"]
    fields[NAMES_FIELD] = {"boost": fields["title"]["boost"]}
    fields[SPELLING_FIELD] = {"boost": fields["text"]["boost"]}
    separator = re.compile(index["config"]["separator"])
    for entry in index["docs"]:
        names = names_by_location.get(entry["location"])
        words = _new_words(" ".join(names), entry.get("title", ""), separator) if names else ""
        if words:
            entry[NAMES_FIELD] = words
        forms = american_spellings(" ".join(filter(None, (entry.get("title"), entry.get("text"), entry.get(NAMES_FIELD)))))
        if forms:
            entry[SPELLING_FIELD] = " ".join(forms)
    return index


def _new_words(names: str, title: str, separator: re.Pattern[str]) -> str:
    """The words of `names` that the title does not hold, each once, split as the search splits them:
    a word in both would count twice as much as the title's other words."""
    seen = {word.lower() for word in separator.split(title) if word}
    words = []
    for word in separator.split(names):
        if word and word.lower() not in seen:
            seen.add(word.lower())
            words.append(word)
    return " ".join(words)

"""American spellings of the British words in a text, so that a search typed either way finds the page.

The site is written in British English ("defence", "organised", "neighbouring", "centre", "licence");
readers also type the American forms. Material's search matches each typed word as a prefix and has no
notion of spelling, so the American forms of a text's British words are indexed beside it (see
`search_index.py`). The rules cover the regular differences (-ise/-isation, -yse, -our, -tre, the four
-ence nouns, doubled l before -ed/-ing, scept-); a rule that also fires on a word with no American
variant ("exercise" gives "exercize") adds a form nobody types, which does no harm.
"""

from __future__ import annotations

import functools
import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),  # organisation, modernising
        (r"(?<=[a-z]{2})ys(e|ed|es|ing)$", r"yz\1"),  # analyse
        (r"(?<=[a-z]{3})our(s|ed|ing|hood|hoods|ite|ites|able|er|ers)?$", r"or\1"),  # neighbouring, favour
        (r"(?<=[a-z]{2})tre(s|d)?$", r"ter\1"),  # centre, metres
        (r"^(def|off|lic|pret)ence(s|d)?$", r"\1ense\2"),  # defence, licence
        (r"(?<=[aeiou])ll(ed|ing|er|ers)$", r"l\1"),  # signalling, fuelled
        (r"^scept", "skept"),  # sceptical
        (r"(?<=dg)ement(s)?$", r"ment\1"),  # judgement
    )
)
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=65536)  # the same few thousand words recur on every page
def american(word: str) -> str:
    """The American spelling of a lower-case `word` ('defence' gives 'defense'); the word itself when none applies."""
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def american_spellings(text: str) -> list[str]:
    """The American forms of the British-spelled words in `text`, each once, sorted."""
    words = set(_WORD.findall(text.lower()))
    return sorted(set(map(american, words)) - words)

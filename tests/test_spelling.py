"""spelling.py: the American forms of British spellings, so that a reader's spelling finds the page."""

from __future__ import annotations

import pytest

from treatysite.spelling import american, american_spellings


@pytest.mark.parametrize(
    ("british", "american_form"),
    [
        ("defence", "defense"), ("organisation", "organization"), ("modernising", "modernizing"),
        ("neighbouring", "neighboring"), ("neighbourhood", "neighborhood"), ("centre", "center"),
        ("metres", "meters"), ("licence", "license"), ("sceptical", "skeptical"), ("fuelled", "fueled"),
        ("analyse", "analyze"), ("judgement", "judgment"),
        # words that are the same in both, or too short to tell: left alone
        ("four", "four"), ("tour", "tour"), ("raise", "raise"), ("sources", "sources"), ("science", "science"),
    ],
)
def test_american_forms(british: str, american_form: str) -> None:
    assert american(british) == american_form


def test_american_spellings_lists_only_forms_the_text_lacks() -> None:
    assert american_spellings("Defence and defense; the organised centre, four hours") == ["center", "organized"]

"""errors: how a data error names its place, and that nothing in it can drive a terminal."""

from __future__ import annotations

from treatysite import DataError, DataErrors


def test_an_error_in_a_field_names_the_file_line_column_and_field_path() -> None:
    error = DataError.at("data/people/x.yml", (4, 7), ("commentary", 0, "stance"), "is not valid")
    assert str(error) == "data/people/x.yml:4:7: commentary[0].stance: is not valid"


def test_an_error_about_the_whole_file_is_shown_at_its_first_character_without_a_field() -> None:
    assert str(DataError.whole_file("data/people/x.yml", "the file is empty")) == "data/people/x.yml:1:1: the file is empty"


def test_every_part_of_an_error_is_made_printable() -> None:
    error = DataError.at("data/\x1b[2J.yml", (1, 2), ("na\u202eme",), "bell\x07 and\ttab")
    assert str(error) == "data/\\x1b[2J.yml:1:2: na\\u202eme: bell\\x07 and\\x09tab"


def test_the_report_lists_each_error_once_in_order_of_place() -> None:
    later = DataError.at("data/b.yml", (2, 1), ("name",), "second")
    earlier = DataError.whole_file("data/a.yml", "first")
    report = DataErrors([later, earlier, later]).report()
    assert report.splitlines() == ["2 data errors found:", "  data/a.yml:1:1: first", "  data/b.yml:2:1: name: second"]

"""Dates as precise as their source, written in EDTF (the Library of Congress Extended Date/Time Format).

The data uses a small part of EDTF, enough for what the sources say and no more:
- a calendar date at the precision the source gives: 2025-01-17, 2025-01 or 2025;
- the same with a qualifier: 2019? (uncertain), 2019~ (approximate), 2019% (both);
- an interval within which the event happened: 2024-03/2024-06; with an open end, 2024-10/.. ("on or
  after"), or an open start, ../2025-01-17 ("on or before").

The `edtf` package parses the text (grammar and real calendar dates), except a plain date that exists,
which is recognised directly for speed (see _plain_point); this module keeps to the part above, checks
that an interval does not end before it starts, and gives the timeline what it needs: the earliest
possible day to place an event by, and the parts a template words for readers.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

import edtf

QUALIFIERS = {"?": "uncertain", "~": "approximate", "%": "uncertain-approximate"}
OPEN = ".."
_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class DateProblem(ValueError):
    """Why a text is not a date this site accepts, for a contributor: a phrase that follows the value
    ("'2025-02-30' is not a real calendar date"); the schema's description adds what is valid."""


@dataclass(frozen=True)
class Point:
    """One calendar date at year, month or day precision, with an EDTF qualifier (or none)."""

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None  # a key of QUALIFIERS' values: 'uncertain', 'approximate', ...

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> tuple[int, int, int]:
        month = self.month or 12
        return (self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def month_name(self) -> str:
        return calendar.month_name[self.month] if self.month else ""


@dataclass(frozen=True)
class FuzzyDate:
    """A date as the data gives it: one Point, or an interval whose either end may be open (None)."""

    text: str
    start: Point | None
    end: Point | None
    interval: bool

    @property
    def kind(self) -> str:
        """'on' (one date), 'between', 'from' (open end: on or after) or 'until' (open start: on or before)."""
        if not self.interval:
            return "on"
        if self.start and self.end:
            return "between"
        return "from" if self.start else "until"

    @property
    def earliest(self) -> tuple[int, int, int]:
        """The earliest possible day, by which the timeline places the event; with an open start, the
        latest possible day (the only bound there is)."""
        return self.start.first_day if self.start else self.end.last_day  # type: ignore[union-attr]

    @property
    def year(self) -> str:
        return str(self.earliest[0])


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> FuzzyDate:
    """The FuzzyDate of `text`; DateProblem when it is not a date in the part of EDTF this site uses."""
    point = _plain_point(text)
    if point:
        return FuzzyDate(text, point, point, interval=False)
    try:
        parsed = edtf.parse_edtf(text)
    except edtf.EDTFParseException:
        raise DateProblem("is not a real calendar date in EDTF") from None
    if isinstance(parsed, edtf.Interval):
        start, end = _bound(parsed.lower), _bound(parsed.upper)
        if start is None and end is None:
            raise DateProblem("is an interval with no date at either end")
        if start and end and end.last_day < start.first_day:
            raise DateProblem("is an interval that ends before it starts; write the earlier date first")
        return FuzzyDate(text, start, end, interval=True)
    point = _point(parsed)
    return FuzzyDate(text, point, point, interval=False)


def _plain_point(text: str) -> Point | None:
    """The Point of a plain calendar date that exists (EDTF level 0, no qualifier): nearly every date in the
    data. The edtf parser takes about 4 ms a date, seconds for a data set of a few thousand records, so these
    are recognised here; anything else, including every invalid date, goes to the parser, which decides
    (tests/test_dates.py checks that both agree)."""
    match = _PLAIN.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)  # type: ignore[arg-type]
    except ValueError:
        return None
    return Point(year, month, day)  # type: ignore[arg-type]


def date_problem(text: str) -> str | None:
    """The reason `text` is not a valid date, or None when it is."""
    try:
        parse_date(text)
    except DateProblem as problem:
        return str(problem)
    return None


def _bound(part: edtf.EDTFObject) -> Point | None:
    if isinstance(part, edtf.UnspecifiedIntervalSection):
        if part.is_open:
            return None
        raise DateProblem(f"leaves an interval's end empty; write '{OPEN}' for an open end")
    return _point(part)


def _point(part: edtf.EDTFObject) -> Point:
    qualifier = None
    if isinstance(part, edtf.UncertainOrApproximate):
        qualifier = QUALIFIERS[str(part.ua)] if part.ua else None
        part = part.date
    if type(part) is not edtf.Date or part.significant_digits:
        raise DateProblem("uses a part of EDTF this site does not")
    if int(part.year) < 1:
        raise DateProblem("uses the year 0000, which is not a calendar year")
    return Point(int(part.year), _number(part.month), _number(part.day), qualifier)


def _number(digits: str | None) -> int | None:
    return int(digits) if digits else None

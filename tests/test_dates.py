"""Dates as precise as their source (EDTF): the timeline places an event by its earliest possible day and
says what the date means in words; the export keeps the EDTF text as written."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from treatysite import load_dataset, render_site

EVENT = {
    "title": "placeholder",
    "summary": "An event.",
    "confidence": "single-source",
    "sources": [{"source": "tass-1940345"}],
}


def _add_events(data: Path, dates: dict[str, str]) -> None:
    for event_id, date in dates.items():
        record = {"id": event_id, "date": date, **EVENT, "title": f"Event {event_id}"}
        (data / "events" / f"{event_id}.yml").write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")


def _timeline_headings(data: Path) -> list[str]:
    site = render_site(load_dataset(data, data.parent))
    page = next(page.content for page in site.pages if page.path == "timeline/index.md")
    return re.findall(r"^#{2,3} (.+?)(?: \{ #.*)?$", page, flags=re.MULTILINE)


def test_timeline_places_events_by_earliest_possible_day_and_words_the_date(mini_data: Path) -> None:
    _add_events(mini_data, {
        "after-summit": "2024-10/..",
        "summit-month": "2024-11",
        "before-signing": "../2025-01-10",
        "talks-begin": "2019?",
        "drills": "2024-03~/2024-06",
        "late-year": "2024",
    })
    assert _timeline_headings(mini_data) == [
        "2019",
        "2019 (uncertain): Event talks-begin",
        "2024",
        "2024: Event late-year",
        "Between about March 2024 and June 2024: Event drills",
        "In or after October 2024: Event after-summit",
        "November 2024: Event summit-month",
        "2025",
        "On or before 10 January 2025: Event before-signing",
        "17 January 2025: Treaty signed in Moscow",
        "On or after 17 January 2025: Iranian, Russian and Azerbaijani transport ministers meet",
    ]


def test_export_keeps_the_edtf_text(mini_data: Path) -> None:
    files = {file.path: file.content for file in render_site(load_dataset(mini_data, mini_data.parent)).files}
    events = json.loads(files["downloads/treaty-commentary.json"])["events"]
    assert {event["id"]: event["date"] for event in events}["after-2025-01-17-transport-ministers-talks"] == "2025-01-17/.."
    rows = csv.DictReader(io.StringIO(files["downloads/csv/events.csv"]))
    assert {row["id"]: row["date"] for row in rows}["after-2025-01-17-transport-ministers-talks"] == "2025-01-17/.."
    sources = json.loads(files["downloads/treaty-commentary.json"])["sources"]
    assert {source["id"]: source.get("date") for source in sources}["ramani-2025"] == "2025-01-17/.."


def test_every_event_id_starts_with_its_date_and_no_more() -> None:
    """The id (and file name) of an event starts with its date as written, so that it names no day the
    source does not give: 'after-2024-10-...' for 2024-10/.., 'before-2025-01-17-...' for ../2025-01-17."""
    data = Path(__file__).resolve().parent.parent / "data"
    for event in load_dataset(data, data.parent).event.values():
        date = event.date
        if date.endswith("/.."):
            prefix = "after-" + date.removesuffix("/..")
        elif date.startswith("../"):
            prefix = "before-" + date.removeprefix("../")
        else:
            prefix = date
        assert event.id.startswith(prefix + "-"), f"{event.id} is dated {date}"


def test_plain_dates_are_judged_as_the_edtf_parser_judges_them() -> None:
    """dates.py checks plain calendar dates itself (the parser is slow): both must agree, day for day."""
    import edtf

    from treatysite.dates import date_problem

    samples = ["2024", "0001", "2024-02", "2024-13", "2024-00", "2024-02-29", "2023-02-29", "2025-04-31",
               "2025-12-31", "2025-01-00", "1999-11-30", "2100-02-29", "2000-02-29"]
    for text in samples:
        assert (date_problem(text) is None) == edtf.is_valid_edtf(text), text

"""A reader's window on a map: the months an event covers, the control's range, the timeline's address."""

from __future__ import annotations

import dataclasses

import pytest

from builder.record.dates import PartialDate
from builder.record.load import load_record
from builder.views.maps.measures import measure
from builder.views.maps.window import (
    event_months,
    month_iso,
    month_number,
    reader_window,
    timeline_matches,
    timeline_query,
)
from tests.support.maps import with_maps, write_event


def month(text: str) -> int:
    return month_number(PartialDate.parse(text).first_day())


@pytest.mark.parametrize(
    ("date", "end", "first", "last"),
    [
        ("2026-02-18", None, "2026-02", "2026-02"),  # a day covers its month
        ("2026-02", None, "2026-02", "2026-02"),  # a month itself
        ("2025", None, "2025-01", "2025-12"),  # a year all its months
        ("2025-12-20", "2026-01-05", "2025-12", "2026-01"),  # a period every month it touches
        ("2025-11", "2026", "2025-11", "2026-12"),
    ],
)
def test_an_event_covers_the_months_its_precision_allows(date, end, first, last):
    event = type(
        "E", (), {"date": PartialDate.parse(date), "end": end and PartialDate.parse(end)}
    )()
    assert tuple(month_iso(m) for m in event_months(event)) == (first, last)


def test_month_numbers_round_trip():
    assert month("2025-01") == 2025 * 12
    assert [month_iso(month(m)) for m in ("2025-01", "2025-12", "2026-06")] == [
        "2025-01",
        "2025-12",
        "2026-06",
    ]


def test_the_timeline_address_carries_the_theme_and_whole_months(project):
    record, definitions, _ = with_maps(project)
    strikes = measure(definitions["strikes"], record)
    assert timeline_query(strikes) == "theme=strikes-and-protests&from=2026-01-01&to=2026-06-30"
    # A reader's window: from the first day of its first month to the last of its last.
    assert timeline_query(strikes, month("2024-02"), month("2024-02")).endswith(
        "from=2024-02-01&to=2024-02-29"
    )
    # Two themes: no theme; no window: no dates; a window given to the day: whole months.
    two = dataclasses.replace(
        definitions["strikes"].selection,
        themes=("strikes-and-protests", "economy"),
        start=PartialDate(2026, 1, 10),
        end=None,
    )
    assert timeline_query(measure(definitions["strikes"], record, two)) == "from=2026-01-01"
    every = dataclasses.replace(two, themes=None, start=None)
    assert timeline_query(measure(definitions["strikes"], record, every)) == ""


def test_a_map_of_chosen_events_does_not_link_the_timeline(project):
    record, definitions, _ = with_maps(project)
    assert not timeline_matches(measure(definitions["named"], record))
    assert timeline_matches(measure(definitions["strikes"], record))


def test_the_control_spans_every_event_of_the_themes_and_defaults_to_the_definition(project):
    record, definitions, ids = with_maps(project)
    window = reader_window(measure(definitions["strikes"], record))
    assert (month_iso(window.first), month_iso(window.last)) == ("2025-12", "2026-06")
    assert (month_iso(window.start), month_iso(window.end)) == ("2026-01", "2026-06")
    # An event known only to its year widens the range to the whole year.
    write_event(project, "2024", "strike-2024", ["strikes-and-protests"], ["PE-PUN"])
    record = load_record(project.root)
    window = reader_window(measure(definitions["strikes"], record))
    assert (month_iso(window.first), month_iso(window.start)) == ("2024-01", "2026-01")
    # Without a window of its own, the default is the whole range.
    open_ended = dataclasses.replace(definitions["strikes"].selection, start=None, end=None)
    window = reader_window(measure(definitions["strikes"], record, open_ended))
    assert (window.start, window.end) == (window.first, window.last)
    assert reader_window(measure(definitions["named"], record)) is None

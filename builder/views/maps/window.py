"""The time window a reader chooses on an interactive map, in whole months, and its timeline address.

An event counts in a window when the months it may cover overlap it: an event known to the day
or to the month covers that month, one known to the year its twelve months, a period every month
from its start to its end. Months are numbered `year * 12 + month - 1`, so that the map's script
compares plain integers.

The definition's own window (`events: from/to`) stays the map's default, and the only window of
the print maps: a reader's window lives in the browser alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from builder.record.dates import PartialDate
from builder.record.model import Event
from builder.views.maps.measures import MapData


def month_number(day: dt.date) -> int:
    """The month of `day` as one integer: January 2025 is 2025 * 12."""
    return day.year * 12 + day.month - 1


def month_iso(number: int) -> str:
    """A month number as `YYYY-MM`, the value of an `<input type="month">`."""
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def month_date(number: int) -> PartialDate:
    """A month number as a date known to the month."""
    return PartialDate(number // 12, number % 12 + 1)


def event_months(event: Event) -> tuple[int, int]:
    """The first and last months `event` may cover, at its dates' own precision."""
    return (
        month_number(event.date.first_day()),
        month_number((event.end or event.date).last_day()),
    )


@dataclass(frozen=True, slots=True)
class Window:
    """The months a reader may choose (`first` to `last`) and the default (`start` to `end`).

    The default is the definition's window widened to whole months (a window from 7 June opens
    on June); the events it selects are still exactly the definition's.
    """

    first: int
    last: int
    start: int
    end: int


def reader_window(data: MapData) -> Window | None:
    """The window control of `data`'s map, or None where a window makes no sense.

    A categories map has none: its classes are set in its definition, not counted from events.
    Neither has a map with no event at any date and no window of its own.
    """
    if data.definition.measure != "count":
        return None
    spans = [event_months(e) for e in data.undated]
    selection = data.selection
    start = month_number(selection.start.first_day()) if selection.start else None
    end = month_number(selection.end.last_day()) if selection.end else None
    bounds = [m for span in spans for m in span] + [m for m in (start, end) if m is not None]
    if not bounds:
        return None
    first, last = min(bounds), max(bounds)
    start = first if start is None else start
    end = last if end is None else end
    return Window(first, last, min(start, end), max(start, end))


def timeline_query(data: MapData, start: int | None = None, end: int | None = None) -> str:
    """The timeline's query string for `data`'s events (`theme=…&from=…&to=…`), without `?`.

    `theme` only when the definition names exactly one theme; `from` is the first day of the
    window's first month and `to` the last day of its last month. Without `start` and `end`,
    the window is the definition's own (none: no `from` or `to`).
    """
    selection = data.selection
    if start is None and selection.start:
        start = month_number(selection.start.first_day())
    if end is None and selection.end:
        end = month_number(selection.end.last_day())
    parameters = []
    if selection.themes is not None and len(selection.themes) == 1:
        parameters.append(f"theme={quote(selection.themes[0])}")
    if start is not None:
        parameters.append(f"from={month_iso(start)}-01")
    if end is not None:
        year, month = divmod(end, 12)
        parameters.append(f"to={month_iso(end)}-{calendar.monthrange(year, month + 1)[1]:02d}")
    return "&".join(parameters)


def timeline_matches(data: MapData) -> bool:
    """True if the timeline's filters can show the map's events: not when it picks them by id."""
    return data.selection.ids is None

"""Which events the calendar download can hold: those with a day the record knows.

A calendar shows an entry on a day. An event known only to the month or the year, at both ends
if it is a period, has no such day, so the calendar (exports.py) leaves it out and the data
page's list of those events (pages/not_in_calendar.py) names it. Both ask this module.
"""

from __future__ import annotations

from builder.record.dates import DAY
from builder.record.model import Event


def has_a_known_day(event: Event) -> bool:
    """Whether the event's date, or its end, is known to the day."""
    return event.date.precision == DAY or (event.end is not None and event.end.precision == DAY)

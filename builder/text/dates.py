"""Dates as readers write them, at their real precision: never a padded day or month."""

from __future__ import annotations

from builder.record.dates import DAY, MONTH, PartialDate
from builder.record.model import Event
from builder.text.strings import strings


def date_label(date: PartialDate, lang: str) -> str:
    """'18 February 2026', 'June 2026' or '2026', as precise as the date and no more."""
    words = strings(lang)
    if date.precision == DAY:
        return words["date_day"].format(d=date.day, m=words["months"][date.month - 1], y=date.year)
    if date.precision == MONTH:
        return words["date_month"].format(m=words["months"][date.month - 1], y=date.year)
    return str(date.year)


def span_label(start: PartialDate, end: PartialDate | None, lang: str) -> str:
    """A date or a period, sharing what both ends share: '9–23 September 2025', 'June–August 2026'.

    Ends of different precision are written out in full ('18 February 2026 – June 2026').
    """
    if end is None or end == start:
        return date_label(start, lang)
    words = strings(lang)
    months = words["months"]
    if start.precision == end.precision == DAY and start.year == end.year:
        if start.month == end.month:
            return words["range_days_same_month"].format(
                d1=start.day, d2=end.day, m=months[start.month - 1], y=start.year
            )
        return words["range_days_same_year"].format(
            d1=start.day,
            m1=months[start.month - 1],
            d2=end.day,
            m2=months[end.month - 1],
            y=end.year,
        )
    if start.precision == end.precision == MONTH and start.year == end.year:
        return words["range_months_same_year"].format(
            m1=months[start.month - 1], m2=months[end.month - 1], y=start.year
        )
    if start.precision == end.precision and start.precision not in (DAY, MONTH):
        return f"{start.year}–{end.year}"
    return words["range"].format(start=date_label(start, lang), end=date_label(end, lang))


def event_when(event: Event, lang: str) -> str:
    """The event's date or period, with 'c.' in front when the sources give it only roughly."""
    text = span_label(event.date, event.end, lang)
    return f"{strings(lang)['approximately']} {text}" if event.approximate else text


def group_label(year: int, month: int | None, lang: str) -> str:
    """The heading of a group of events: 'February 2026', or '2026, month not known'."""
    words = strings(lang)
    if month is None:
        return words["month_unknown"].format(y=year)
    return words["date_month"].format(m=words["months"][month - 1], y=year)

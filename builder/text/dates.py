"""Dates as readers write them, at their real precision: never a padded day or month.

Every way the site phrases a date or a period is here, for pages, downloads, maps and the
presidents chart alike; the words and patterns come from the language's table (`strings`).
"""

from __future__ import annotations

import datetime as dt

from builder.record.dates import DAY, MONTH, PartialDate
from builder.record.model import Event
from builder.text.strings import strings


def date_label(date: PartialDate, lang: str, abbreviated: bool = False) -> str:
    """'18 February 2026', 'June 2026' or '2026', as precise as the date and no more.

    `abbreviated` shortens the month to its first three letters: '28 Jul 2016', '28 jul 2016'.
    """
    words = strings(lang)
    if date.precision not in (DAY, MONTH):
        return str(date.year)
    month = words["months"][date.month - 1]
    if abbreviated:
        month = month[:3]
    if date.precision == MONTH:
        return words["date_month"].format(m=month, y=date.year)
    pattern = words["date_day_short" if abbreviated else "date_day"]
    return pattern.format(d=date.day, m=month, y=date.year)


def day_label(day: dt.date, lang: str, abbreviated: bool = False) -> str:
    """A calendar day as `date_label` writes it: '28 July 2016', or '28 Jul 2016' abbreviated."""
    return date_label(PartialDate(day.year, day.month, day.day), lang, abbreviated)


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


def dates_in_full(dates: list[PartialDate], lang: str) -> str:
    """Each date written out whole, joined by a dash: '7 June 2026 – 30 June 2026' (downloads)."""
    return " – ".join(date_label(date, lang) for date in dates)


def short_span(start: dt.date, end: dt.date, lang: str) -> str:
    """Two days, abbreviated: '28 Jul 2016 – 23 Mar 2018', or '17–18 Feb 2026' within one month."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_label(end, lang, abbreviated=True)}"
    return f"{day_label(start, lang, abbreviated=True)} – {day_label(end, lang, abbreviated=True)}"


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


def date_phrase(date: PartialDate, lang: str, role: str) -> str:
    """A date after its preposition (`role`: from, to, of, on), as its precision requires:
    "del 7 de junio de 2026", "de junio de 2026", "al 30 de junio de 2026", "en 2026";
    "from 7 June 2026", "on 7 June 2026", "in June 2026"."""
    with_day, without = strings(lang)["date_prepositions"][role]
    return f"{with_day if date.day else without} {date_label(date, lang)}"


def period_phrase(start: PartialDate, end: PartialDate, lang: str) -> str:
    """A period after its prepositions, as its precision requires: "from January 2025 to June
    2026", "del 7 de junio de 2026 al 30 de junio de 2026"; "in June 2026", "el 7 de junio de
    2026" when the period is a single date."""
    if start == end:
        return date_phrase(start, lang, "on")
    return f"{date_phrase(start, lang, 'from')} {date_phrase(end, lang, 'to')}"


def period_text(start: PartialDate, end: PartialDate, lang: str) -> str:
    """The events' period: "Hechos de enero de 2025 a diciembre de 2026", "Hechos del 7 de junio
    de 2026 al 30 de junio de 2026", "Events from January 2025 to December 2026"; one date alone
    when the period is a single date ("Hechos del 7 de junio de 2026")."""
    words = strings(lang)["maps"]
    if start == end:
        return words["events_of"].format(date=date_phrase(start, lang, "of"))
    return words["events_from_to"].format(
        start=date_phrase(start, lang, "from"), end=date_phrase(end, lang, "to")
    )


def month_words(lang: str) -> dict:
    """What a script needs to write a month as date_phrase does: the month names, how a month
    and its year are joined, and the prepositions a month takes (`from`, `to`, `on`)."""
    words = strings(lang)
    return {
        "months": list(words["months"]),
        "monthYear": words["date_month"].format(m="{month}", y="{year}"),
        **{role: forms[1] for role, forms in words["date_prepositions"].items()},
    }

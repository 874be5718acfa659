"""Dates at their real precision: a year, a month or a day, never padded."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
YEAR, MONTH, DAY = "year", "month", "day"


class DateError(ValueError):
    """A date that cannot exist or is not written as YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day; orders by its first possible day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', refusing impossible dates."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise DateError(f'"{text}" is not a date')
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1900 <= year <= 2100:
            raise DateError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"month {month:02d} does not exist")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"{year}-{month:02d} has {last} days, so day {day:02d} does not exist"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return DAY
        return MONTH if self.month is not None else YEAR

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def sort_key(self) -> tuple[int, int, int]:
        """Order by first day; a bare month sorts before its days, a year before its months."""
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        """The date as written in an event file."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso()

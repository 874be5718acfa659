"""Long lists of events cut into pages of bounded size, so no page grows with the record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from builder.record.model import Event


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of a list: its number (from 1), its docs path and its events."""

    number: int
    path: str
    events: tuple[Event, ...]


def paginate(
    events: Sequence[Event], page_size: int, path_for: Callable[[int], str]
) -> list[ListPage]:
    """Cut `events` into pages of at most `page_size`, in order; an empty list still has page 1."""
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    chunks = [tuple(events[i : i + page_size]) for i in range(0, len(events), page_size)] or [()]
    return [ListPage(n, path_for(n), chunk) for n, chunk in enumerate(chunks, start=1)]


def page_window(current: int, total: int, width: int = 2) -> list[int | None]:
    """The page numbers to link around `current`: first, last and `width` either side.

    `None` marks a gap ('…'). The window keeps each page's size independent of how many
    pages there are.
    """
    shown = {1, total, *range(current - width, current + width + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= total)
    out: list[int | None] = []
    for n in numbers:
        if out and out[-1] is not None and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


@dataclass(frozen=True, slots=True)
class Group:
    """Events sharing a year and month (`month` is None for events dated only to the year)."""

    year: int
    month: int | None
    events: tuple[Event, ...]


def by_month(events: Sequence[Event]) -> list[Group]:
    """Consecutive events grouped by the year and month of their date, order kept."""
    return [
        Group(year, month, tuple(members))
        for (year, month), members in groupby(events, key=lambda e: (e.date.year, e.date.month))
    ]

"""Presidential terms and the gaps between them, as the record states them.

Terms come from the record, not from a list in code. A term is an event with the theme
`presidential-succession` whose id ends in `-term` (`2016-07-28-kuczynski-term`); its `date`
is the first day in office and its `end` the last, or no `end` while the president is in office.
Terms are numbered 1st, 2nd, … from the first one starting on or after 28 July 2016.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from builder.record.model import Event, Record

SUCCESSION = "presidential-succession"
TERM_SUFFIX = "-term"
COUNT_FROM = dt.date(2016, 7, 28)  # Kuczynski's inauguration: the record counts from here


@dataclass(frozen=True, slots=True)
class Term:
    """One presidential term; `end` is None while the president is in office."""

    event: Event
    ordinal: int
    name: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Gap:
    """Days between two terms with no president: from the day one left to the day the next
    took office. `event` is the record's event describing the gap, when it has one."""

    start: dt.date
    end: dt.date
    event: Event | None


def is_term(event: Event) -> bool:
    """True for a presidential-term event (see the module docstring for the convention)."""
    return SUCCESSION in event.themes and event.id.endswith(TERM_SUFFIX)


def presidential_terms(record: Record, lang: str = "en") -> list[Term]:
    """The terms starting on or after 28 July 2016, in order, numbered from 1."""
    events = sorted(
        (e for e in record.events if is_term(e) and e.date.first_day() >= COUNT_FROM),
        key=Event.sort_key,
    )
    return [
        Term(
            event=e,
            ordinal=n,
            name=_president_name(record, e, lang),
            start=e.date.first_day(),
            end=e.end.last_day() if e.end else None,
        )
        for n, e in enumerate(events, start=1)
    ]


def _president_name(record: Record, event: Event, lang: str) -> str:
    """The name of the event's first actor who is a person (without an acronym such as PPK:
    the label column is narrow); the title if it names no person."""
    for actor_id in event.actors:
        actor = record.actors.get(actor_id)
        if actor is not None and actor.kind == "person":
            return (actor.name_es or actor.name) if lang == "es" else (actor.name_en or actor.name)
    return event.title.get(lang)


def presidential_gaps(record: Record, terms: list[Term]) -> list[Gap]:
    """Every change of president where the next took office on a later day than the last left.

    A period event of the succession theme that runs exactly from one term's last day to the
    next term's first day is the record's account of that gap, and the chart links to it.
    """
    periods = {
        (e.date.first_day(), e.end.last_day()): e
        for e in sorted(record.events, key=Event.sort_key)
        if SUCCESSION in e.themes and e.end is not None and not is_term(e)
    }
    gaps = []
    for before, after in zip(terms, terms[1:], strict=False):
        if before.end is not None and after.start > before.end:
            key = (before.end, after.start)
            gaps.append(Gap(before.end, after.start, periods.get(key)))
    return gaps

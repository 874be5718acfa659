"""The record seen from each theme, region and actor: which events belong to each, computed once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from builder.record.model import Event, Record


@dataclass(frozen=True, slots=True)
class Facets:
    """Events (in record order: by date, then id) per theme, region, actor and claimant.

    `related` holds, for each event, the events it names in `related` and the events naming it.
    `position` is each event's index in `record.events`, for previous and next links.
    """

    by_theme: dict[str, list[Event]]
    by_region: dict[str, list[Event]]
    by_actor: dict[str, list[Event]]
    claims_by: dict[str, list[Event]]
    related: dict[str, list[Event]]
    position: dict[str, int]


def facets_of(record: Record) -> Facets:
    """Walk the events once; every list keeps the record's chronological order."""
    by_theme: dict[str, list[Event]] = defaultdict(list)
    by_region: dict[str, list[Event]] = defaultdict(list)
    by_actor: dict[str, list[Event]] = defaultdict(list)
    claims_by: dict[str, list[Event]] = defaultdict(list)
    named: dict[str, set[str]] = defaultdict(set)
    by_id = {event.id: event for event in record.events}
    for event in record.events:
        for theme in event.themes:
            by_theme[theme].append(event)
        for region in event.regions:
            by_region[region].append(event)
        for actor in event.actors:
            by_actor[actor].append(event)
        for claimant in event.claimed_by:
            claims_by[claimant].append(event)
        for other in event.related:
            if other in by_id and other != event.id:
                # Related goes both ways: the answer names the event, and the event shows the answer.
                named[event.id].add(other)
                named[other].add(event.id)
    position = {event.id: n for n, event in enumerate(record.events)}
    related = {
        event_id: sorted((by_id[other] for other in others), key=Event.sort_key)
        for event_id, others in sorted(named.items())
    }
    return Facets(
        dict(by_theme), dict(by_region), dict(by_actor), dict(claims_by), related, position
    )


# What a page given its own events sees of the facets: nothing (see builder.views.memo).
NO_FACETS = Facets({}, {}, {}, {}, {}, {})

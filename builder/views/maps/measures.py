"""What a map shows, computed from the record: one value per region, and the events behind it.

Data first: these functions turn a definition and the record into plain values; the
renderers (interactive, print, tables) only draw them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from builder.record.dates import PartialDate
from builder.record.model import Event, Record
from builder.views.maps.definitions import MapDefinition, Selection


@dataclass(frozen=True, slots=True)
class RegionCounts:
    """The selected events of each region, and those tied to no region.

    `by_region` has every region of the record (a region without events maps to an
    empty tuple, a real zero). `unmapped` holds the events whose regions are only
    `national` or `abroad`: they are counted on the page, not on the map.
    """

    by_region: dict[str, tuple[Event, ...]]
    unmapped: tuple[Event, ...]

    def count(self, iso: str) -> int:
        return len(self.by_region[iso])


def count_events(events: list[Event], regions: list[str]) -> RegionCounts:
    """Group `events` by each region they name (an event in three regions counts in each)."""
    by_region: dict[str, list[Event]] = {iso: [] for iso in sorted(regions)}
    unmapped = []
    for event in events:
        named = [iso for iso in event.regions if iso in by_region]
        for iso in named:
            by_region[iso].append(event)
        if not named:
            unmapped.append(event)
    return RegionCounts({iso: tuple(evs) for iso, evs in by_region.items()}, tuple(unmapped))


@dataclass(frozen=True, slots=True)
class RegionValue:
    """One region's value on a map.

    `value` is the event count (count maps) or the category id (categories maps; None
    for a region in no category). `known` is False for "no data", which is drawn apart
    from zero.
    """

    iso: str
    value: int | str | None
    events: tuple[Event, ...]
    known: bool = True


@dataclass(frozen=True, slots=True)
class MapData:
    """A definition applied to the record: every region's value, and the events used."""

    definition: MapDefinition
    selection: Selection
    regions: dict[str, RegionValue]
    events: tuple[Event, ...]
    unmapped: tuple[Event, ...]
    # The events that the points' figures cite, by id (selected or not).
    cited: dict[str, Event] = field(default_factory=dict)
    # The events the selection's themes and ids pick at any date: those a reader's own window
    # (the interactive map's control) chooses from. `events` is their part in the window.
    undated: tuple[Event, ...] = ()

    def period(self) -> tuple[PartialDate, PartialDate] | None:
        """The dates shown: the selection's window, closed by the selected events' own dates."""
        if not self.events and not (self.selection.start and self.selection.end):
            return None
        first = self.selection.start or min(
            (e.date for e in self.events), key=PartialDate.first_day
        )
        last = self.selection.end or max(
            (e.end or e.date for e in self.events), key=PartialDate.last_day
        )
        return first, last


def override(
    selection: Selection,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    themes: tuple[str, ...] | None = None,
) -> Selection:
    """`selection` with the given window bounds and themes in place of the definition's."""
    changes: dict = {}
    if start is not None:
        changes["start"] = start
    if end is not None:
        changes["end"] = end
    if themes is not None:
        changes["themes"] = themes
    return replace(selection, **changes)


def measure(
    definition: MapDefinition, record: Record, selection: Selection | None = None
) -> MapData:
    """The values of `definition` on `record`, for its own selection or the one given."""
    selection = selection or definition.selection
    events = tuple(e for e in record.events if selection.matches(e))
    counts = count_events(list(events), list(record.regions))
    regions: dict[str, RegionValue] = {}
    for iso, region_events in counts.by_region.items():
        if definition.measure == "count":
            value: int | str | None = len(region_events)
        else:
            category = definition.category_of(iso)
            value = category.id if category else None
        regions[iso] = RegionValue(iso, value, region_events)
    by_id = record.by_id()
    cited = {
        f.event: by_id[f.event] for p in definition.points for f in p.figures if f.event in by_id
    }
    anytime = replace(selection, start=None, end=None)
    undated = tuple(e for e in record.events if anytime.matches(e))
    return MapData(definition, selection, regions, events, counts.unmapped, cited, undated)

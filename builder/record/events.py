"""Reading one event file into an Event, checking every field against the registries."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from builder.record.dates import PartialDate
from builder.record.field_reader import SLUG, FieldReader
from builder.record.model import (
    ABROAD,
    STATUSES,
    Actor,
    Citation,
    Event,
    Localized,
    Place,
    Region,
    Source,
    Theme,
)
from builder.record.problems import WARNING, Problem, did_you_mean
from builder.record.registries import SOURCE_FIELDS, read_source
from builder.record.strict_yaml import Mapping, Mark, Scalar

EVENT_FIELDS = (
    "date",
    "end",
    "approximate",
    "title",
    "summary",
    "es",
    "themes",
    "regions",
    "places",
    "actors",
    "status",
    "claimed_by",
    "note",
    "sources",
    "related",
    "formerly",
)
# Fields every event must have: read as required below, and listed as such by the schema.
REQUIRED_FIELDS = ("date", "title", "summary", "themes", "regions", "status", "sources")
SPANISH_FIELDS = ("title", "summary", "note")
PLACE_FIELDS = ("name", "lat", "lon", "region")
TITLE_LIMIT = 160
_STEM = re.compile(r"^(\d{4}(?:-\d{2}){0,2})-(.+)$")


# Returns the ISO code of the region containing a point (lat, lon), None outside Peru.
Locator = Callable[[float, float], str | None]


@dataclass(frozen=True, slots=True)
class Registries:
    """What an event may point to: registry entries, other events' ids, and the map."""

    themes: dict[str, Theme]
    regions: dict[str, Region]
    scopes: dict[str, object]
    actors: dict[str, Actor]
    sources: dict[str, Source]
    event_ids: frozenset[str]
    locate: Locator


def read_event(
    mapping: Mapping,
    display: str,
    registries: Registries,
    problems: list[Problem],
    strict_languages: bool = False,
) -> Event | None:
    """Validate one event's fields; return the Event, or None after recording why not."""
    before = len([p for p in problems if p.severity != WARNING])
    f = FieldReader(mapping, display, problems, EVENT_FIELDS, "an event")
    event_id = PurePosixPath(display).stem

    date = f.date("date", required=_required("date"))
    end = f.date("end")
    if date and end and end.last_day() < date.first_day():
        f.problem(
            f.key_mark("end"),
            f"'end' {end} is before 'date' {date}",
            "swap them, or fix the year or month of one of them",
        )
    elif date and end and end == date:
        f.problem(
            f.key_mark("end"),
            f"'end' is the same as 'date' ({date})",
            "remove 'end' for a one-day event",
        )
    if date:
        _check_file_name(f, display, date)

    title = read_title(f)
    summary = f.prose("summary", required=_required("summary"))
    note = f.prose("note")
    es = _read_spanish(f, note is not None, strict_languages)

    themes = f.ids(
        "themes",
        registries.themes,
        "theme",
        "events/registries/themes.yml",
        required=_required("themes"),
    )
    scope_ids = {**registries.regions, **{k: None for k in registries.scopes}}
    regions = f.ids(
        "regions",
        scope_ids,
        "region",
        "maps/regions.yml (ISO 3166-2:PE codes, national or abroad)",
        required=_required("regions"),
    )
    places = _read_places(f, registries)
    actors = f.ids("actors", registries.actors, "actor", "events/registries/actors.yml")
    status = f.choice("status", STATUSES, required=_required("status"))
    claimed_by = f.ids("claimed_by", registries.actors, "actor", "events/registries/actors.yml")
    if status == "alleged" and not claimed_by and "claimed_by" not in mapping.values:
        f.problem(
            f.key_mark("status"),
            "an alleged event needs 'claimed_by'",
            "name who made the claim: claimed_by: [actor-id]",
        )
    sources = _read_citations(f, registries.sources, event_id, strict_languages)
    related = []
    for value, mark in f.text_list("related"):
        if value == event_id:
            f.problem(mark, "the event lists itself as related", "remove it from 'related'")
        elif value not in registries.event_ids:
            f.problem(
                mark,
                f"related event '{value}' does not exist{did_you_mean(value, registries.event_ids)}",
                "use another event's file name, without .yml",
            )
        else:
            related.append(value)

    formerly = _read_former_names(f, registries.event_ids)

    if len([p for p in problems if p.severity != WARNING]) > before:
        return None
    assert date and title and summary and status  # guaranteed when no error was recorded
    return Event(
        id=event_id,
        path=display,
        date=date,
        end=end,
        approximate=f.flag("approximate"),
        title=Localized(title, es.get("title")),
        summary=Localized(summary, es.get("summary")),
        note=Localized(note, es.get("note")) if note else None,
        themes=tuple(themes),
        regions=tuple(regions),
        places=tuple(places),
        actors=tuple(actors),
        status=status,
        claimed_by=tuple(claimed_by),
        sources=tuple(sources),
        related=tuple(related),
        formerly=tuple(formerly),
    )


def _read_former_names(f: FieldReader, event_ids: frozenset[str]) -> list[str]:
    """The file names the event had before (its page's earlier addresses, which readers may
    have cited): each a valid name that no event has now."""
    names = []
    for value, mark in f.text_list("formerly"):
        match = _STEM.match(value)
        if not match or not SLUG.match(match.group(2)):
            f.problem(
                mark,
                f"'{value}' is not an event file name",
                "write the file's earlier name without .yml, as <date>-<words-with-hyphens>",
            )
        elif value in event_ids:
            f.problem(
                mark,
                f"an event file is named '{value}' now",
                "'formerly' lists only names no event has; remove it",
            )
        else:
            names.append(value)
    return names


def _required(name: str) -> bool:
    return name in REQUIRED_FIELDS


def read_title(f: FieldReader) -> str | None:
    """The English title: one line, at most TITLE_LIMIT characters, no final full stop."""
    title = f.text("title", required=_required("title"), max_length=TITLE_LIMIT, single_line=True)
    if title and title.endswith("."):
        f.problem(f.key_mark("title"), "the title ends with a full stop", "remove the final '.'")
        return None
    return title


def title_problems(title: str) -> list[str]:
    """What `peru-timeline check` would say about `title` as an event's title, one
    'what is wrong — how to fix it' each; empty when the title is acceptable."""
    problems: list[Problem] = []
    start = Mark(1, 1)
    node = Scalar(title, plain=False, mark=Mark(1, 8))
    read_title(
        FieldReader(
            Mapping({"title": node}, start, {"title": start}), "", problems, ("title",), "an event"
        )
    )
    return [f"{p.message} — {p.fix}" for p in problems]


def _check_file_name(f: FieldReader, display: str, date: PartialDate) -> None:
    path = PurePosixPath(display)
    mark = f.key_mark("date")
    if path.suffix != ".yml":
        f.problem(
            mark, f"event files end in .yml, not '{path.suffix}'", f"rename it to {path.stem}.yml"
        )
    match = _STEM.match(path.stem)
    if not match or match.group(1) != date.iso() or not SLUG.match(match.group(2)):
        f.problem(
            mark,
            f"file name '{path.name}' does not match the date {date}",
            f"name it {date.iso()}-<words-in-lower-case>.yml (the slug starts with a letter)",
        )
    if path.parent.name != f"{date.year:04d}":
        f.problem(
            mark,
            f"event of {date.year} is in folder '{path.parent.name}'",
            f"move it to events/{date.year:04d}/",
        )


def _read_spanish(f: FieldReader, has_note: bool, strict: bool) -> dict[str, str]:
    es = f.mapping_of("es")
    wanted = ("title", "summary", "note") if has_note else ("title", "summary")
    texts: dict[str, str] = {}
    if es is not None:
        sub = FieldReader(
            es,
            f.path,
            f.problems,
            SPANISH_FIELDS,
            "the Spanish texts ('es')",
            parent=("es", EVENT_FIELDS),
        )
        for name in SPANISH_FIELDS:
            node = es.values.get(name)
            if isinstance(node, Scalar) and not node.text.strip():
                continue  # left empty, as `peru-timeline new` writes it: missing, so a warning
            title = name == "title"
            value = (
                sub.text(name, max_length=TITLE_LIMIT, single_line=True)
                if title
                else sub.prose(name)
            )
            if value is not None:
                texts[name] = value
        if "note" in texts and not has_note:
            sub.problem(
                sub.key_mark("note"),
                "'es' has a note but the event has none",
                "add the English 'note' too, or remove the Spanish one",
            )
    missing = [name for name in wanted if name not in texts]
    if missing:
        mark = f.key_mark("es") if es is not None else f.mapping.mark
        f.problem(
            mark,
            f"no Spanish text for {', '.join(missing)}",
            "write them under 'es:', or, if you do not write Spanish, delete the empty 'es:' "
            "lines: the Spanish page shows the English text, marked, until someone translates it",
            severity="error" if strict else WARNING,
        )
    return texts


def _read_places(f: FieldReader, registries: Registries) -> list[Place]:
    regions = registries.regions
    places = []
    for node in f.sequence_of("places"):
        if not isinstance(node, Mapping):
            f.problem(
                node.mark, "each place must be a group of fields", "write name, lat, lon and region"
            )
            continue
        p = FieldReader(node, f.path, f.problems, PLACE_FIELDS, "a place")
        name = p.text("name", required=True, single_line=True)
        lat, lon = p.number("lat", -90, 90), p.number("lon", -180, 180)
        region = p.text("region", required=True, single_line=True)
        allowed = [*regions, ABROAD]
        if region and region not in allowed:
            p.problem(
                p.key_mark("region"),
                f"unknown place region '{region}'{did_you_mean(region, allowed)}",
                "use an ISO 3166-2:PE code from maps/regions.yml, or abroad",
            )
            region = None
        located = name and lat is not None and lon is not None and region
        if located and _place_is_where_it_says(p, node, lat, lon, region, registries.locate):
            places.append(Place(name, lat, lon, region))
    return places


def _place_is_where_it_says(
    p: FieldReader, node: Mapping, lat: float, lon: float, region: str, locate: Locator
) -> bool:
    found = locate(lat, lon)
    if region == ABROAD and found is not None:
        p.problem(
            node.mark,
            f"the place is marked abroad but lies in Peru ({found})",
            f"set region: {found}, or check lat and lon",
        )
    elif region != ABROAD and found is None:
        p.problem(
            node.mark,
            f"the point ({lat}, {lon}) is outside Peru",
            "check lat and lon (both are negative in Peru), or mark it region: abroad",
        )
    elif region != ABROAD and found != region:
        p.problem(
            node.mark,
            f"the point ({lat}, {lon}) lies in {found}, not {region}",
            f"set region: {found}, or check lat and lon",
        )
    else:
        return True
    return False


def _read_citations(
    f: FieldReader, registry: dict[str, Source], event_id: str, strict_languages: bool = False
) -> list[Citation]:
    citations = []
    items = f.sequence_of("sources", required=_required("sources"))
    for n, node in enumerate(items, start=1):
        if not isinstance(node, Mapping):
            f.problem(
                node.mark,
                "each source must be a group of fields",
                "write '- id: <source-id>' or the publisher, title and date",
            )
            continue
        if "id" in node.values:
            s = FieldReader(node, f.path, f.problems, ("id", "pinpoint"), "a cited source")
            source_id = s.text("id", required=True, single_line=True)
            source = registry.get(source_id) if source_id else None
            if source_id and source is None:
                s.problem(
                    node.values["id"].mark,
                    f"unknown source '{source_id}'{did_you_mean(source_id, registry)}",
                    "use a key of events/registries/sources.yml, or write the source inline",
                )
        else:
            s = FieldReader(
                node, f.path, f.problems, (*SOURCE_FIELDS, "pinpoint"), "an inline source"
            )
            source = read_source(
                s, f"{event_id}#{n}", registered=False, strict_languages=strict_languages
            )
        pinpoint = s.text("pinpoint", single_line=True)
        if source:
            citations.append(Citation(source, pinpoint))
    return citations

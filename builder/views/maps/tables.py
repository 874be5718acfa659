"""A map's values as data: CSV files, and the rows of the table on its page."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from builder.record.model import Event, Record
from builder.views.maps.measures import MapData
from builder.views.maps.styling import Classification
from builder.views.spreadsheet import guard_cell


@dataclass(frozen=True, slots=True)
class Row:
    """One region's line: what the table and the CSV both show."""

    iso: str
    ubigeo: str
    name: str
    value: str
    label: str
    note: str
    events: tuple[Event, ...]


def rows(data: MapData, classification: Classification, record: Record, lang: str) -> list[Row]:
    """One row per region, in the order of their names in `lang`."""
    result = []
    for iso, region in data.regions.items():
        info = record.regions[iso]
        entry = classification.by_region[iso]
        if not region.known:
            value = ""
        elif data.definition.measure == "count":
            value = str(region.value)
        else:
            value = region.value or "unassigned"
        note = data.definition.region_notes.get(iso)
        result.append(
            Row(
                iso=iso,
                ubigeo=info.ubigeo,
                name=info.label(lang),
                value=value,
                label=entry.label.get(lang),
                note=note.get(lang) if note else "",
                events=tuple(sorted(region.events, key=Event.sort_key)),
            )
        )
    return sorted(result, key=lambda r: (_sortable(r.name), r.iso))


def regions_csv(data: MapData, classification: Classification, record: Record, lang: str) -> bytes:
    """The values as CSV (UTF-8 with a byte-order mark, so spreadsheets read the accents)."""
    value_column = "events" if data.definition.measure == "count" else "category"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["iso", "ubigeo", "region", value_column, "class", "note", "event_ids"])
    for row in rows(data, classification, record, lang):
        ids = " ".join(e.id for e in row.events)
        texts = [guard_cell(text) for text in (row.name, row.value, row.label, row.note)]
        writer.writerow([row.iso, row.ubigeo, *texts, ids])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def points_csv(data: MapData, record: Record, lang: str) -> bytes:
    """The points with their figures, one line per figure (a point without figures has one line)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["name", "lat", "lon", "region", "category", "note", "figure", "value", "event_id"]
    )
    for point in data.definition.points:
        # Texts a spreadsheet would run as a formula get a leading apostrophe; coordinates
        # (negative numbers) are left as they are.
        base = [
            guard_cell(point.name.get(lang)),
            f"{point.lat:g}",
            f"{point.lon:g}",
            point.region,
            point.category or "",
            guard_cell(point.note.get(lang)) if point.note else "",
        ]
        if not point.figures:
            writer.writerow([*base, "", "", ""])
        for figure in point.figures:
            label, value = guard_cell(figure.label.get(lang)), guard_cell(figure.value.get(lang))
            writer.writerow([*base, label, value, figure.event])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sortable(name: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

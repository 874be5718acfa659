"""The words around a map, composed from the record: subtitle, citations, points' figures, build date.

Shared by the map pages, the print maps and the CSV, so that each says the same thing.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from builder.record.dates import PartialDate
from builder.record.model import Record, Source
from builder.text.dates import date_label, date_phrase, period_text
from builder.text.map_texts import text
from builder.views.maps.definitions import Point
from builder.views.maps.measures import MapData


def subtitle(data: MapData, record: Record, lang: str) -> str:
    """The definition's subtitle; else the period of the events shown and, for counts, their themes."""
    definition = data.definition
    if definition.subtitle:
        return definition.subtitle.get(lang)
    parts = []
    period = data.period()
    if period is None:
        parts.append(text("no_events", lang))
    else:
        parts.append(period_text(*period, lang))
    themes = data.selection.themes
    if themes is None:
        parts.append(text("all_themes", lang))
    else:
        names = [record.themes[t].name.get(lang) if t in record.themes else t for t in themes]
        parts.append(text("themes", lang, themes=", ".join(names)))
    return " · ".join(parts)


def source_citation(source: Source, lang: str, date_note: bool = True) -> str:
    """A source in one line: publisher, title (or its description), date (or why it has none)."""
    when = (
        date_label(source.date, lang)
        if source.date
        else (source.date_note_in(lang) or "" if date_note else "")
    )
    # A description in square brackets stands for a headline that is unknown: no quotation marks.
    described = source.title.startswith("[") and source.title.endswith("]")
    title = source.title_in(lang) if described else f"“{source.title}”"
    return ", ".join(p for p in (source.publisher, title, when) if p)


def source_lines(
    data: MapData, record: Record, lang: str, date_note: bool = True
) -> tuple[str, ...]:
    """The definition's sources, each cited on one line."""
    sources = [record.sources[s] for s in data.definition.sources if s in record.sources]
    return tuple(source_citation(source, lang, date_note) for source in sources)


def point_line(number: int, point: Point, record: Record, lang: str) -> str:
    """A numbered point with its note and its figures, each figure with the event it comes from."""
    events = record.by_id()
    parts = [point.note.get(lang)] if point.note else []
    by_event: dict[str, list[str]] = {}
    for figure in point.figures:
        by_event.setdefault(figure.event, []).append(
            f"{figure.label.get(lang)}: {figure.value.get(lang)}"
        )
    for event_id, figures in by_event.items():
        event = events.get(event_id)
        status = ""
        if event is not None and event.status != "verified":
            status = text(f"status_{event.status}", lang) + "; "
        parts.append("; ".join(figures) + f" ({status}{text('event_ref', lang, id=event_id)})")
    detail = " ".join(p if p.endswith(".") or p.endswith(")") else p + "." for p in parts)
    return f"{number}. {point.name.get(lang)}" + (f" — {detail}" if detail else "")


def build_date(record: Record, lang: str) -> str:
    """When the map was built ("on 7 June 2026", "el 7 de junio de 2026"): SOURCE_DATE_EPOCH's
    day (UTC) if set, else the latest event's date, at its precision ("en junio de 2026").

    Never the wall clock, so that two builds of the same record are identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if re.fullmatch(r"\d+", epoch):
        day = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        return date_phrase(PartialDate(day.year, day.month, day.day), lang, "on")
    if not record.events:
        return ""
    latest = max(record.events, key=lambda e: e.date.sort_key()).date
    return date_phrase(latest, lang, "on")

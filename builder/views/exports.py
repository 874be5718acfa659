"""The record as downloadable data: JSON, CSV, GeoJSON, iCalendar and an Atom feed.

`export_files(record, lang, site_url)` returns the files; every one of them is a pure function
of the record (and, for the calendar's DTSTAMP only, of SOURCE_DATE_EPOCH when it is set), so
two builds of the same record are byte-identical. Nothing here reads the wall clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from builder.record.dates import DAY, PartialDate
from builder.record.history import RecordHistory
from builder.record.model import LANGUAGES, Citation, Event, Localized, Record, Source
from builder.text.dates import dates_in_full
from builder.text.markup import plain_text_with_addresses, xml_safe
from builder.text.strings import strings
from builder.views.calendar_days import has_a_known_day
from builder.views.memo import ViewMemo
from builder.views.output import OutputFile
from builder.views.spreadsheet import guard_cell

# Bump the major number when a field is removed or changes meaning; the minor one when
# fields are added. Documented in content/data.md.
SCHEMA_VERSION = "1.0"
DATA_LICENSE = "CC-BY-4.0"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "MIT"
PROJECT = "peru-crisis-record"
# The year in every tag: URI. Tag URIs must never change, so this is a constant, not a clock.
TAG_YEAR = "2026"
FEED_SIZE = 50
# Beside each feed.xml: how a browser shows the feed (feed_stylesheet).
FEED_STYLESHEET = "feed.css"
# The longest entry the calendar holds; a longer period is marked on its first and last day.
MAX_CALENDAR_DAYS = 31
CSV_COLUMNS = (
    "id", "url", "date", "date_precision", "end", "approximate", "title", "summary", "themes",
    "regions", "places", "actors", "status", "claimed_by", "note", "related", "source_count", "sources",
)  # fmt: skip
ATOM_NS = "http://www.w3.org/2005/Atom"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def export_files(
    record: Record,
    lang: str = "en",
    site_url: str | None = None,
    history: RecordHistory | None = None,
    memo: ViewMemo | None = None,
) -> list[OutputFile]:
    """Every download for `lang`: data/events.{json,csv,geojson,ics}, feed.xml and its
    stylesheet feed.css. With a `memo` (a preview's, builder/views/memo.py), each event's
    JSON line, CSV row and calendar entries are encoded again only when what they read changed.

    English files sit at the site root; the Spanish ones (`lang="es"`) under `es/`.
    `site_url` (e.g. "https://example.org/peru/") makes feed ids, calendar UIDs and links
    absolute; without it links are relative and ids use a tag: URI. `history` (the
    repository's, builder.record.history) orders the feed and stamps the calendar.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    prefix = "" if lang == "en" else f"{lang}/"
    events = sorted(record.events, key=Event.sort_key)
    memo = memo or ViewMemo()
    return [
        OutputFile(f"{prefix}data/events.json", events_json(record, events, lang, site_url, memo)),
        OutputFile(f"{prefix}data/events.csv", events_csv(record, events, lang, memo)),
        OutputFile(f"{prefix}data/events.geojson", events_geojson(record, events, lang)),
        OutputFile(
            f"{prefix}data/events.ics", events_ics(record, events, lang, site_url, history, memo)
        ),
        OutputFile(f"{prefix}feed.xml", atom_feed(record, events, lang, site_url, history)),
        OutputFile(f"{prefix}{FEED_STYLESHEET}", feed_stylesheet(lang)),
    ]


# --- shared helpers -------------------------------------------------------------------------


def event_path(event_id: str, lang: str) -> str:
    """The site-relative address of an event's page in `lang` (no leading slash)."""
    return f"events/{event_id}/" if lang == "en" else f"{lang}/events/{event_id}/"


def absolute_url(site_url: str, path: str) -> str:
    """`path` (site-relative) joined to `site_url`, with exactly one slash between them."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _other_lang(lang: str) -> str:
    return "es" if lang == "en" else "en"


def _own_text(text: Localized, lang: str) -> str | None:
    """The text in exactly `lang`, or None: no fallback, for the 'other language' fields."""
    return text.en if lang == "en" else text.es


def _source_line(citation: Citation, lang: str) -> str:
    """'publisher — title (date)', the human summary of one citation."""
    source = citation.source
    when = source.date.iso() if source.date else strings(lang)["downloads"]["undated"]
    line = f"{source.publisher} — {source.title_in(lang)} ({when})"
    return f"{line}, {citation.pinpoint}" if citation.pinpoint else line


# --- JSON -----------------------------------------------------------------------------------


def events_json(
    record: Record,
    events: list[Event],
    lang: str,
    site_url: str | None,
    memo: ViewMemo | None = None,
) -> str:
    """The lossless export: documented, versioned, keys in a fixed order, events by date and id."""
    memo = memo or ViewMemo()
    document = {
        "schema_version": SCHEMA_VERSION,
        "title": strings(lang)["downloads"]["record"],
        "language": lang,
        "license": {
            "data": DATA_LICENSE,
            "data_url": DATA_LICENSE_URL,
            "code": CODE_LICENSE,
            "notice": strings(lang)["downloads"]["license_notice"],
        },
        "base_url": site_url,
        "event_count": len(events),
        "themes": {
            key: {"name": theme.name.get(lang), "description": theme.description.get(lang)}
            for key, theme in sorted(record.themes.items())
        },
        "regions": _region_names(record, lang),
        "actors": {
            key: {
                "name": actor.label(lang),
                "kind": actor.kind,
                "role": actor.role.get(lang),
                "party": actor.party,
                "country": actor.country,
            }
            for key, actor in sorted(record.actors.items())
        },
    }
    lines = memo.made_each(f"{lang} json", _event_line, events, lang)
    return encoded_lines(document, "events", lines)


def _event_line(event: Event, lang: str) -> str:
    return _compact(_event_json(event, lang))


def json_lines(document: dict, key: str, items: list) -> str:
    """`document` as compact JSON with `items` under `key` (its last key), one item a line.

    Indented, a fifth of the record's JSON was whitespace (40 MB a language at 10,000 events);
    compact, it is the same data, and one event (or feature) a line still reads with `grep`, diffs
    line by line and opens in any JSON viewer, which indents it again.
    """
    return encoded_lines(document, key, [_compact(item) for item in items])


def encoded_lines(document: dict, key: str, lines: list[str]) -> str:
    """`json_lines` of items already encoded as compact JSON, one a line."""
    head = _compact({**{k: v for k, v in document.items() if k != key}, key: []})
    if not lines:
        return head + "\n"
    joined = ",\n".join(lines)
    return f"{head[: -len('[]}')]}[\n{joined}\n]}}\n"


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _region_names(record: Record, lang: str) -> dict[str, str]:
    """ISO code (and 'national', 'abroad') to the region's name in `lang`."""
    names = {iso: region.label(lang) for iso, region in record.regions.items()}
    names.update({key: scope.name.get(lang) for key, scope in record.scopes.items()})
    return dict(sorted(names.items()))


def _event_json(event: Event, lang: str) -> dict:
    other = _other_lang(lang)
    note = event.note
    return {
        "id": event.id,
        "url": event_path(event.id, lang),
        "date": event.date.iso(),
        "date_precision": event.date.precision,
        "end": event.end.iso() if event.end else None,
        "end_precision": event.end.precision if event.end else None,
        "approximate": event.approximate,
        "title": event.title.get(lang),
        "summary": event.summary.get(lang),
        "note": note.get(lang) if note else None,
        # True when title/summary/note above fell back to English for lack of a translation.
        "fallback": any(t.is_fallback(lang) for t in (event.title, event.summary, note) if t),
        other: {
            "title": _own_text(event.title, other),
            "summary": _own_text(event.summary, other),
            "note": _own_text(note, other) if note else None,
        },
        "themes": list(event.themes),
        "regions": list(event.regions),
        "places": [
            {"name": p.name, "lat": p.lat, "lon": p.lon, "region": p.region} for p in event.places
        ],
        "actors": list(event.actors),
        "status": event.status,
        "claimed_by": list(event.claimed_by),
        "sources": [_source_json(citation, lang) for citation in event.sources],
        "related": list(event.related),
    }


def _source_json(citation: Citation, lang: str) -> dict:
    """A source as cited; the record's own words about it (a described title, the date note,
    the stance) in `lang`, the publisher's title as published."""
    source: Source = citation.source
    return {
        # Registry key; None for a source written inline in the event file.
        "id": source.id if source.registered else None,
        "publisher": source.publisher,
        "title": source.title_in(lang),
        "untitled": source.untitled,
        "headline_unknown": source.headline_unknown,
        "author": source.author,
        "date": source.date.iso() if source.date else None,
        "date_note": source.date_note_in(lang),
        "url": source.url,
        "language": source.language,
        "stance": source.stance_in(lang),
        "pinpoint": citation.pinpoint,
    }


# --- CSV ------------------------------------------------------------------------------------


def events_csv(record: Record, events: list[Event], lang: str, memo: ViewMemo | None = None) -> str:
    """One row per event, RFC 4180 (CRLF, quoted where needed), UTF-8 without a BOM.

    Every cell is guarded against spreadsheet formulas; no cell is a number that could start
    with '-', so none is exempt.
    """
    memo = memo or ViewMemo()
    rows = memo.made_each(f"{lang} csv", _csv_line, events, lang)
    return _csv_encoded(CSV_COLUMNS) + "".join(rows)


def _csv_line(event: Event, lang: str) -> str:
    """One event's row, encoded."""
    row = _csv_row(event, lang)
    return _csv_encoded([guard_cell(row[column]) for column in CSV_COLUMNS])


def _csv_encoded(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return buffer.getvalue()


def _csv_row(event: Event, lang: str) -> dict[str, str]:
    def joined(values: Iterable[str]) -> str:
        return "; ".join(values)

    return {
        "id": event.id,
        "url": event_path(event.id, lang),
        "date": event.date.iso(),
        "date_precision": event.date.precision,
        "end": event.end.iso() if event.end else "",
        "approximate": "true" if event.approximate else "false",
        "title": event.title.get(lang),
        "summary": event.summary.get(lang),
        "themes": joined(event.themes),
        "regions": joined(event.regions),
        "places": joined(f"{p.name} ({p.lat}, {p.lon})" for p in event.places),
        "actors": joined(event.actors),
        "status": event.status,
        "claimed_by": joined(event.claimed_by),
        "note": event.note.get(lang) if event.note else "",
        "related": joined(event.related),
        "source_count": str(len(event.sources)),
        "sources": joined(_source_line(c, lang) for c in event.sources),
    }


# --- GeoJSON --------------------------------------------------------------------------------


def events_geojson(record: Record, events: list[Event], lang: str) -> str:
    """A FeatureCollection: one Point per place of each event, [lon, lat] in WGS 84."""
    regions = _region_names(record, lang)
    features = []
    for event in events:
        for n, place in enumerate(event.places, start=1):
            features.append(
                {
                    "type": "Feature",
                    "id": f"{event.id}#{n}",
                    "geometry": {
                        "type": "Point",
                        # RFC 7946 recommends six decimals (about 10 cm): more is noise.
                        "coordinates": [round(place.lon, 6), round(place.lat, 6)],
                    },
                    "properties": {
                        "event_id": event.id,
                        "title": event.title.get(lang),
                        "date": event.date.iso(),
                        "date_precision": event.date.precision,
                        "end": event.end.iso() if event.end else None,
                        "status": event.status,
                        "themes": list(event.themes),
                        "place": place.name,
                        "region": place.region,
                        "region_name": regions.get(place.region, place.region),
                        "url": event_path(event.id, lang),
                    },
                }
            )
    return json_lines({"type": "FeatureCollection"}, "features", features)


# --- iCalendar ------------------------------------------------------------------------------


def ics_escape(text: str) -> str:
    """A TEXT value per RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\x00-\x08\x0b-\x1f\x7f]", "", text)  # controls other than TAB and LF
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold_line(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.

    Continuation lines start with a space, which counts towards their 75 octets. The line is cut
    as bytes, each cut moved back off UTF-8 continuation bytes (0b10xxxxxx) to a character's start.
    """
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces: list[bytes] = []
    start, limit = 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, 74
    pieces.append(data[start:])
    return "\r\n ".join(piece.decode("utf-8") for piece in pieces)


def calendar_stamp(record: Record, history: RecordHistory | None = None) -> str:
    """DTSTAMP for every VEVENT: SOURCE_DATE_EPOCH when set, else the last commit's time, else
    the latest event's first day.

    Never the wall clock, so that two builds of one commit are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp") from exc
    elif history is not None and history.last_commit is not None:
        moment = history.last_commit
    elif record.events:
        latest = max(event.date.first_day() for event in record.events)
        moment = dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)
    else:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day VEVENT: `end` is exclusive (the day after the last day), as DTEND is."""

    uid: str
    start: dt.date
    end: dt.date
    summary: str


def calendar_entries(event: Event, lang: str) -> list[CalendarEntry]:
    """What the calendar holds for `event`: only days the record knows.

    An event on a known day is that day; a period known to the day at both ends and at most
    MAX_CALENDAR_DAYS long is one entry over it. A longer period, or one with an end known only
    to the month or year, gets an entry on each end known to the day ("Begins: …", "Ends: …").
    An event known only to the month or year is left out (`has_a_known_day`; content/data.md
    says so, and the page data/not-in-calendar/ lists them).
    """
    if not has_a_known_day(event):
        return []
    words = strings(lang)["downloads"]
    title = event.title.get(lang)
    if event.approximate:
        title = f"{title} ({words['approx']} {dates_in_full(_dates_of(event), lang)})"
    start, end = event.date, event.end
    if end is None:
        if start.precision != DAY:
            return []
        day = start.first_day()
        return [CalendarEntry(event.id, day, day + dt.timedelta(days=1), title)]
    first, last = start.first_day(), end.last_day()
    both_days = start.precision == DAY and end.precision == DAY
    if both_days and (last - first).days + 1 <= MAX_CALENDAR_DAYS:
        return [CalendarEntry(event.id, first, last + dt.timedelta(days=1), title)]
    span = dates_in_full([start, end], lang)
    entries = []
    for date, role in ((start, "begins"), (end, "ends")):
        if date.precision == DAY:
            day = date.first_day()
            summary = words[f"period_{role}"].format(title=event.title.get(lang), dates=span)
            if event.approximate:
                summary = f"{summary} ({words['approx']})"
            entries.append(
                CalendarEntry(f"{event.id}-{role}", day, day + dt.timedelta(days=1), summary)
            )
    return entries


def _dates_of(event: Event) -> list[PartialDate]:
    return [event.date] + ([event.end] if event.end else [])


def _ics_description(event: Event, lang: str, site_url: str | None) -> str:
    words = strings(lang)["downloads"]
    parts = [plain_text_with_addresses(event.summary.get(lang))]
    if event.note:
        parts.append(f"{words['note']}: {plain_text_with_addresses(event.note.get(lang))}")
    parts.append(f"{words['status']}: {words['statuses'][event.status]}")
    parts.append(
        words["sources"] + ":\n" + "\n".join(f"- {_source_line(c, lang)}" for c in event.sources)
    )
    if site_url:
        parts.append(absolute_url(site_url, event_path(event.id, lang)))
    return "\n\n".join(parts)


def _vevent(
    record: Record,
    event: Event,
    entry: CalendarEntry,
    lang: str,
    site_url: str | None,
    stamp: str,
    host: str,
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.uid}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{entry.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{entry.end:%Y%m%d}",
        f"SUMMARY:{ics_escape(entry.summary)}",
        f"DESCRIPTION:{ics_escape(_ics_description(event, lang, site_url))}",
    ]
    themes = [record.themes[t].name.get(lang) if t in record.themes else t for t in event.themes]
    lines.append("CATEGORIES:" + ",".join(ics_escape(name) for name in themes))
    if event.places:
        lines.append("LOCATION:" + ics_escape("; ".join(p.name for p in event.places)))
        first = event.places[0]
        lines.append(f"GEO:{first.lat:.6f};{first.lon:.6f}")
    lines.append("STATUS:" + ("CONFIRMED" if event.status == "verified" else "TENTATIVE"))
    lines.append("TRANSP:TRANSPARENT")  # a historical event does not make anyone busy
    if site_url:
        lines.append(f"URL:{absolute_url(site_url, event_path(event.id, lang))}")
    lines.append("END:VEVENT")
    return lines


def events_ics(
    record: Record,
    events: list[Event],
    lang: str,
    site_url: str | None,
    history: RecordHistory | None = None,
    memo: ViewMemo | None = None,
) -> str:
    """An RFC 5545 calendar of all-day entries (`calendar_entries`): CRLF line ends, lines
    folded at 75 octets."""
    memo = memo or ViewMemo()
    host = (urlsplit(site_url).hostname if site_url else None) or PROJECT
    stamp = calendar_stamp(record, history)
    names = memo.names(record)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{PROJECT}//events {lang}//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(strings(lang)['downloads']['calendar'])}",
        f"X-WR-CALDESC:{ics_escape(strings(lang)['downloads']['calendar_description'])}",
    ]
    entries = memo.made_each(f"{lang} ics", _event_ics, events, names, lang, site_url, stamp, host)
    return _folded(lines) + "".join(entries) + _folded(["END:VCALENDAR"])


def _event_ics(
    event: Event, names: Record, lang: str, site_url: str | None, stamp: str, host: str
) -> str:
    """One event's calendar entries, folded (`names`: the record's registries)."""
    return _folded(
        [
            line
            for entry in calendar_entries(event, lang)
            for line in _vevent(names, event, entry, lang, site_url, stamp, host)
        ]
    )


def _folded(lines: list[str]) -> str:
    return "".join(fold_line(line) + "\r\n" for line in lines)


# --- Atom -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    """An event in the feed, with when the record added it and last changed it (Atom times)."""

    event: Event
    updated: str
    published: str | None = None


def latest_events(events: Iterable[Event], count: int = FEED_SIZE) -> list[Event]:
    """The `count` latest events: by date, newest first; events of one date by id."""
    return heapq.nsmallest(count, events, key=_newest_first)


def _newest_first(event: Event) -> tuple:
    year, month, day = event.date.sort_key()
    return (-year, -month, -day, event.id)


def feed_entries(
    events: Iterable[Event], history: RecordHistory | None, count: int = FEED_SIZE
) -> list[FeedEntry]:
    """The `count` events the record changed last, newest change first.

    With a complete history each entry is dated by the commits of its file (an event not yet
    committed counts as changed by the last commit), or by the last correction of a registry
    source it cites when that is later; ties go to the later event date, then the id. Without
    one (no git, a shallow clone) the order is by event date, newest first, and an entry's
    `updated` is its date's first day: what `latest_events` gives.
    """
    if history is None or not history.complete or history.last_commit is None:
        return [FeedEntry(e, _atom_time(e.date)) for e in latest_events(events, count)]
    last, events = history.last_commit, list(events)
    dated = []
    for event in latest_events(events, count=len(events)):
        changes = history.of(event.path)
        added, changed = (changes.added, changes.changed) if changes else (last, last)
        for citation in event.sources:
            corrected = history.source_changed(citation.source.id)
            if citation.source.registered and corrected is not None and corrected > changed:
                changed = corrected
        dated.append((changed, FeedEntry(event, _moment(changed), _moment(added))))
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: date order breaks ties
    return [entry for _, entry in dated[:count]]


def _moment(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _atom_time(date: PartialDate) -> str:
    """An event date as an Atom timestamp: its first possible day, at midnight UTC."""
    return f"{date.first_day():%Y-%m-%d}T00:00:00Z"


def _tag(lang: str, specific: str) -> str:
    path = specific if lang == "en" else f"{lang}/{specific}"
    return f"tag:{PROJECT},{TAG_YEAR}:{path}"


def atom_feed(
    record: Record,
    events: list[Event],
    lang: str,
    site_url: str | None,
    history: RecordHistory | None = None,
) -> str:
    """Atom 1.0 with the events the record changed last (`feed_entries`), styled for a browser
    by `feed_stylesheet`. All text goes through ElementTree, which escapes it.

    The feed's `updated` is its newest entry's: the record has no other clock that builds
    could reproduce.
    """
    words = strings(lang)["downloads"]
    entries = feed_entries(events, history)
    feed_path = "feed.xml" if lang == "en" else f"{lang}/feed.xml"
    home = "" if lang == "en" else f"{lang}/"

    def child(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
        element = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrib.items()})
        if text is not None:
            element.text = xml_safe(text)
        return element

    # Tags are written unqualified under a default xmlns: ElementTree's default_namespace
    # option refuses the unqualified attributes (rel, href) Atom uses.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: lang})
    child(feed, "id", absolute_url(site_url, feed_path) if site_url else _tag(lang, "feed"))
    child(feed, "title", words["record"])
    child(feed, "subtitle", words["feed_subtitle"])
    newest = max((e.updated for e in entries), default="1970-01-01T00:00:00Z")
    child(feed, "updated", newest)
    # Relative hrefs resolve against the feed's own address, which sits at the language root.
    child(feed, "link", rel="self", type="application/atom+xml",
          href=absolute_url(site_url, feed_path) if site_url else "feed.xml")  # fmt: skip
    child(feed, "link", rel="alternate", type="text/html",
          href=absolute_url(site_url, home) if site_url else "./")  # fmt: skip
    author = child(feed, "author")
    child(author, "name", words["author"])
    child(feed, "rights", f"{DATA_LICENSE} ({DATA_LICENSE_URL})")
    for entry in entries:
        _atom_entry(child, feed, record, entry, lang, site_url)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    # A browser that opens the feed shows it with the stylesheet beside it; readers ignore it.
    style = f'<?xml-stylesheet type="text/css" href="{FEED_STYLESHEET}"?>\n'
    return '<?xml version="1.0" encoding="utf-8"?>\n' + style + body + "\n"


def _atom_entry(
    child, feed: ET.Element, record: Record, item: FeedEntry, lang: str, site_url: str | None
) -> None:
    words = strings(lang)["downloads"]
    event = item.event
    page = event_path(event.id, lang)
    entry = child(feed, "entry")
    child(
        entry, "id", absolute_url(site_url, page) if site_url else _tag(lang, f"events/{event.id}")
    )
    child(entry, "title", event.title.get(lang))
    child(entry, "updated", item.updated)
    if item.published:
        child(entry, "published", item.published)
    # Without a site URL the link is relative to the feed, which sits beside events/.
    child(entry, "link", rel="alternate", type="text/html",
          href=absolute_url(site_url, page) if site_url else f"events/{event.id}/")  # fmt: skip
    for theme in event.themes:
        label = record.themes[theme].name.get(lang) if theme in record.themes else theme
        child(entry, "category", term=theme, label=label)
    when = dates_in_full([d for d in (event.date, event.end) if d], lang)
    if event.approximate:
        when = f"{words['approx']} {when}"
    lead = f"{when} · {words['statuses'][event.status]}"
    text = plain_text_with_addresses(event.summary.get(lang))
    child(entry, "summary", f"{lead}\n\n{text}", type="text")
    # The same as XHTML, ending with a link to the page: a browser showing the feed (feed.css)
    # makes it a link a reader can follow, which Atom's own <link> never is.
    content = child(entry, "content", type="xhtml")
    div = child(content, "div", xmlns=XHTML_NS)
    for paragraph in [lead, *text.split("\n\n")]:
        child(div, "p", paragraph)
    href = absolute_url(site_url, page) if site_url else f"events/{event.id}/"
    child(child(div, "p"), "a", words["feed_read_more"], href=href)


def _css_string(text: str) -> str:
    """`text` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def feed_stylesheet(lang: str) -> str:
    """The CSS a browser applies to feed.xml (named in its xml-stylesheet instruction): the
    feed as a page in `lang`, with a note on what a feed is; feed readers never load it.

    CSS, not XSLT: Chromium has removed XSLT, while every browser styles XML with CSS.
    """
    words = strings(lang)["downloads"]
    return f"""/* {words["feed_css_comment"]} */
feed {{ display: block; max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: #fff; }}
feed > id, feed > link, feed > author, feed > rights, feed > updated, entry > id,
entry > link, entry > category, entry > published {{ display: none; }}
feed::before {{ content: {_css_string(words["feed_about"])}; display: block; padding: 0.75rem 1rem;
  margin-bottom: 1.5rem; border-left: 4px solid #7a1f2b; background: #f6f1ef; }}
feed > title {{ display: block; font-size: 1.75rem; font-weight: 700; line-height: 1.25; }}
feed > subtitle {{ display: block; color: #59636e; margin: 0.25rem 0 1.5rem; }}
entry {{ display: block; border-top: 1px solid #d1d9e0; padding: 1rem 0; }}
entry > title {{ display: block; font-size: 1.15rem; font-weight: 650; }}
entry > updated {{ display: block; color: #59636e; font-size: 0.875rem; }}
entry > updated::before {{ content: {_css_string(words["feed_changed"] + " ")}; }}
entry > summary {{ display: none; }}
entry > content {{ display: block; margin-top: 0.5rem; }}
entry > content p {{ display: block; margin: 0.5rem 0; }}
entry > content a {{ color: #7a1f2b; text-decoration: underline; }}
@media (prefers-color-scheme: dark) {{
  feed {{ color: #e6edf3; background: #0d1117; }}
  feed::before {{ background: #2a1d20; }}
  feed > subtitle, entry > updated {{ color: #9198a1; }}
  entry {{ border-color: #3d444d; }}
  entry > content a {{ color: #f0a3ad; }}
}}
"""

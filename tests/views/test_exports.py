"""The downloads: each format parsed back by a real reader, hostile text kept inert, builds stable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from builder.record.load import load_record
from builder.record.problems import RecordError
from builder.views.exports import (
    CSV_COLUMNS,
    FEED_SIZE,
    export_files,
    fold_line,
    ics_escape,
    latest_events,
)
from builder.views.spreadsheet import guard_cell
from tests.support.project import REPO, VALID_EVENT, VALID_NAME

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = (
    '=HYPERLINK("https://evil.example","x") <script>alert(1)</script> "; DROP TABLE events; --'
)

MONTH_EVENT = """\
date: 2026-03
title: Transport workers strike in Cusco
summary: >-
  Transport workers in Cusco struck for several days in March; the sources give no day.
es:
  title: Paro de transportistas en Cusco
  summary: Los transportistas de Cusco pararon varios días en marzo; las fuentes no dan el día.
themes: [strikes-and-protests]
regions: [PE-CUS]
places:
  - {name: Plaza de Armas del Cusco, lat: -13.5167, lon: -71.9781, region: PE-CUS}
status: reported
sources:
  - publisher: La República
    title: Paro en Cusco
    date: 2026-03
"""

PERIOD_EVENT = """\
date: 2025-10-10
end: 2026-02-17
title: José Jerí's presidency
summary: José Jerí held the presidency from 10 October 2025 to 17 February 2026.
es:
  title: La presidencia de José Jerí
  summary: José Jerí ejerció la presidencia del 10 de octubre de 2025 al 17 de febrero de 2026.
note: Media counts of his ordinal differ.
themes: [presidential-succession]
regions: [national]
actors: [congress]
status: verified
sources:
  - id: rpp-2026-02-18-balcazar
    pinpoint: para. 3
"""

# English only (a warning, not an error), with every character the formats must escape.
HOSTILE_EVENT = f"""\
date: 2026-01
approximate: true
title: '{HOSTILE_TITLE.replace("'", "''")}'
summary: "Line one, with commas; semicolons & ampersands \\\\ backslash\\n\\nLine two: ]]> <b>bold</b> \
ñandú 🇵🇪 — *emphasis* and [a link](https://example.org/a)"
themes: [elections-2026]
regions: [abroad]
status: alleged
claimed_by: [wsws]
sources:
  - publisher: '@Evil, "Inc"'
    title: '-1+1; =cmd|'' /C calc''!A0'
    date_note: undated
"""

YEAR_EVENT = """\
date: 2025
title: A year known only to the year
summary: Something happened in 2025.
es:
  title: Algo del año 2025
  summary: Algo ocurrió en 2025.
themes: [economy]
regions: [national]
status: verified
sources:
  - id: rpp-2026-02-18-balcazar
"""

FILES = {
    VALID_NAME: VALID_EVENT,
    "events/2026/2026-03-cusco-transport-strike.yml": MONTH_EVENT,
    "events/2025/2025-10-10-jeri-term.yml": PERIOD_EVENT,
    "events/2026/2026-01-hostile-title.yml": HOSTILE_EVENT,
    "events/2025/2025-year-only.yml": YEAR_EVENT,
}


@pytest.fixture
def record(project):
    for name, text in FILES.items():
        project.event(text, name)
    return load_record(project.root)


def by_path(files) -> dict[str, str]:
    return {f.path: f.content for f in files}


def test_paths_per_language(record):
    assert sorted(by_path(export_files(record))) == [
        "data/events.csv", "data/events.geojson", "data/events.ics", "data/events.json", "feed.xml",
    ]  # fmt: skip
    assert sorted(by_path(export_files(record, "es"))) == [
        "es/data/events.csv", "es/data/events.geojson", "es/data/events.ics", "es/data/events.json",
        "es/feed.xml",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="unknown language"):
        export_files(record, "fr")


def test_output_is_byte_identical_across_builds(record, project):
    first = export_files(record, "en", "https://example.org/peru/")
    again = export_files(load_record(project.root), "en", "https://example.org/peru/")
    assert first == again
    assert export_files(record, "es") == export_files(record, "es")


# --- JSON -----------------------------------------------------------------------------------


def test_json_holds_every_event_in_order(record):
    text = by_path(export_files(record))["data/events.json"]
    assert text.endswith("}\n") and "\\u00" not in text  # UTF-8 as is, not \u escapes
    data = json.loads(text)
    assert data["schema_version"] == "1.0"
    assert data["license"]["data"] == "CC-BY-4.0" and data["license"]["code"] == "MIT"
    ids = [e["id"] for e in data["events"]]
    assert ids == [
        "2025-year-only", "2025-10-10-jeri-term", "2026-01-hostile-title",
        "2026-02-18-congress-installs-balcazar", "2026-03-cusco-transport-strike",
    ]  # fmt: skip
    assert data["event_count"] == 5
    assert list(data["events"][0]) == list(data["events"][1])  # one key order for all


def test_json_event_fields(record):
    events = {
        e["id"]: e for e in json.loads(by_path(export_files(record))["data/events.json"])["events"]
    }
    month = events["2026-03-cusco-transport-strike"]
    assert (month["date"], month["date_precision"], month["end"]) == ("2026-03", "month", None)
    assert month["url"] == "events/2026-03-cusco-transport-strike/"
    assert month["places"] == [
        {"name": "Plaza de Armas del Cusco", "lat": -13.5167, "lon": -71.9781, "region": "PE-CUS"}
    ]
    assert month["es"]["title"] == "Paro de transportistas en Cusco"
    period = events["2025-10-10-jeri-term"]
    assert (period["end"], period["end_precision"], period["note"]) == (
        "2026-02-17",
        "day",
        "Media counts of his ordinal differ.",
    )
    assert period["sources"][0]["pinpoint"] == "para. 3"
    assert period["sources"][0]["id"] == "rpp-2026-02-18-balcazar"
    assert period["sources"][0]["url"].startswith("https://rpp.pe/")
    hostile = events["2026-01-hostile-title"]
    assert hostile["title"] == HOSTILE_TITLE
    assert hostile["approximate"] is True
    assert hostile["claimed_by"] == ["wsws"] and hostile["status"] == "alleged"
    source = hostile["sources"][0]
    assert source["id"] is None  # written inline: no registry key
    assert (source["publisher"], source["untitled"], source["headline_unknown"]) == (
        '@Evil, "Inc"',
        False,
        False,
    )
    assert hostile["sources"][0]["date_note"] == "undated"
    assert hostile["es"] == {"title": None, "summary": None, "note": None}
    assert hostile["fallback"] is False


def test_spanish_json_falls_back_to_english_and_says_so(record):
    data = json.loads(by_path(export_files(record, "es"))["es/data/events.json"])
    events = {e["id"]: e for e in data["events"]}
    assert data["language"] == "es"
    assert events["2026-03-cusco-transport-strike"]["title"] == "Paro de transportistas en Cusco"
    assert (
        events["2026-03-cusco-transport-strike"]["en"]["title"]
        == "Transport workers strike in Cusco"
    )
    assert (
        events["2026-03-cusco-transport-strike"]["url"]
        == "es/events/2026-03-cusco-transport-strike/"
    )
    hostile = events["2026-01-hostile-title"]
    assert hostile["title"] == HOSTILE_TITLE and hostile["fallback"] is True
    assert data["themes"]["economy"]["name"] == "Economía"


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain text", "plain text"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_guard_cell(cell, expected):
    assert guard_cell(cell) == expected


def test_csv_parses_and_is_guarded(record):
    text = by_path(export_files(record))["data/events.csv"]
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")  # no BOM, CRLF line ends
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows][2] == "2026-01-hostile-title"
    assert len(rows) == 5
    hostile = rows[2]
    assert hostile["title"] == "'" + HOSTILE_TITLE
    assert hostile["sources"].startswith('\'@Evil, "Inc" — -1+1')  # the cell starts with @: guarded
    assert hostile["sources"].endswith("(n.d.)")
    assert "\n\nLine two" in hostile["summary"]  # newlines kept inside a quoted cell
    assert hostile["approximate"] == "true"
    month = rows[4]
    assert month["places"] == "Plaza de Armas del Cusco (-13.5167, -71.9781)"
    assert (
        month["source_count"] == "1"
        and month["sources"] == "La República — Paro en Cusco (2026-03)"
    )
    balcazar = rows[3]
    assert (
        balcazar["themes"] == "presidential-succession"
        and balcazar["actors"] == "jose-maria-balcazar; congress"
    )
    for row in rows:
        assert not any(v[:1] in "=+-@\t\r" and v for v in row.values())


# --- GeoJSON --------------------------------------------------------------------------------


def test_geojson_points(record):
    data = json.loads(by_path(export_files(record))["data/events.geojson"])
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 2  # one place each in two events
    for feature in data["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -82 < lon < -68 and -19 < lat < 0  # Peru, written [lon, lat]
    cusco = data["features"][1]["properties"]
    assert cusco["event_id"] == "2026-03-cusco-transport-strike"
    assert (cusco["place"], cusco["region"], cusco["region_name"]) == (
        "Plaza de Armas del Cusco",
        "PE-CUS",
        "Cusco",
    )
    assert cusco["url"] == "events/2026-03-cusco-transport-strike/"
    assert data["features"][1]["geometry"]["coordinates"] == [-71.9781, -13.5167]


# --- iCalendar ------------------------------------------------------------------------------


def ics_unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_ics(text: str) -> list[dict[str, str]]:
    """A small RFC 5545 reader: unfold, split name;params:value, group VEVENTs."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    for line in physical:
        assert "\n" not in line and "\r" not in line, "bare line break"
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    events, current = [], None
    for line in logical:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def test_ics_is_valid_and_escaped(record, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    events = parse_ics(by_path(export_files(record))["data/events.ics"])
    assert len(events) == 5
    uids = [e["UID"] for e in events]
    assert len(set(uids)) == 5 and uids[0] == "2025-year-only@peru-crisis-record"
    assert {e["DTSTAMP"] for e in events} == {"20260301T000000Z"}  # latest event's first day
    ev = {e["UID"].split("@")[0]: e for e in events}
    # A day: all-day, DTEND the next day (exclusive).
    day = ev["2026-02-18-congress-installs-balcazar"]
    assert (day["DTSTART;VALUE=DATE"], day["DTEND;VALUE=DATE"]) == ("20260218", "20260219")
    assert day["GEO"] == "-12.045300;-77.029700"
    # A month spans the whole month and says the day is unknown.
    month = ev["2026-03-cusco-transport-strike"]
    assert (month["DTSTART;VALUE=DATE"], month["DTEND;VALUE=DATE"]) == ("20260301", "20260401")
    assert (
        ics_unescape(month["SUMMARY"])
        == "Transport workers strike in Cusco (March 2026, day unknown)"
    )
    assert month["STATUS"] == "TENTATIVE"
    # A year spans the year; a period runs to the day after its end.
    year = ev["2025-year-only"]
    assert (year["DTSTART;VALUE=DATE"], year["DTEND;VALUE=DATE"]) == ("20250101", "20260101")
    period = ev["2025-10-10-jeri-term"]
    assert (period["DTSTART;VALUE=DATE"], period["DTEND;VALUE=DATE"]) == ("20251010", "20260218")
    # Hostile text: every special character escaped, and it reads back exactly.
    hostile = ev["2026-01-hostile-title"]
    assert re.search(r"(?<!\\)[,;]", hostile["SUMMARY"]) is None
    assert ics_unescape(hostile["SUMMARY"]) == f"{HOSTILE_TITLE} (c. January 2026, day unknown)"
    description = ics_unescape(hostile["DESCRIPTION"])
    assert description.startswith(
        "Line one, with commas; semicolons & ampersands \\ backslash\n\nLine two"
    )
    assert "ñandú 🇵🇪 — emphasis and a link (https://example.org/a)" in description  # plain text


def test_ics_stamp_follows_source_date_epoch(record, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781049600")  # 2026-06-10T00:00:00Z
    events = parse_ics(by_path(export_files(record))["data/events.ics"])
    assert {e["DTSTAMP"] for e in events} == {"20260610T000000Z"}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        export_files(record)


def test_ics_with_site_url_has_host_uids_and_urls(record):
    events = parse_ics(
        by_path(export_files(record, "es", "https://example.org/peru/"))["es/data/events.ics"]
    )
    month = next(e for e in events if e["UID"].startswith("2026-03-"))
    assert month["UID"] == "2026-03-cusco-transport-strike@example.org"
    assert month["URL"] == "https://example.org/peru/es/events/2026-03-cusco-transport-strike/"
    assert (
        ics_unescape(month["SUMMARY"])
        == "Paro de transportistas en Cusco (marzo de 2026, día desconocido)"
    )


def test_fold_line_respects_octets_and_characters():
    line = "DESCRIPTION:" + "ñ🇵🇪a" * 40
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line
    assert fold_line("SHORT:x") == "SHORT:x"
    # Each line is as full as it can be: the next character would not have fitted.
    for part, following in zip(parts, parts[1:], strict=False):
        assert len(part.encode("utf-8")) + len(following[1].encode("utf-8")) > 75
    assert fold_line("X:" + "a" * 73) == "X:" + "a" * 73  # 75 octets: not folded
    assert fold_line("X:" + "a" * 74).split("\r\n") == ["X:" + "a" * 73, " a"]


def test_ics_escape():
    assert ics_escape("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


# --- Atom -----------------------------------------------------------------------------------


def test_atom_parses_and_escapes(record):
    text = by_path(export_files(record))["feed.xml"]
    assert "<script>" not in text
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles[0] == "Transport workers strike in Cusco"  # newest first
    assert HOSTILE_TITLE in titles
    assert feed.findtext(f"{ATOM}updated") == "2026-03-01T00:00:00Z"
    first = entries[0]
    assert (
        first.findtext(f"{ATOM}id")
        == "tag:peru-crisis-record,2026:events/2026-03-cusco-transport-strike"
    )
    assert first.find(f"{ATOM}link").get("href") == "events/2026-03-cusco-transport-strike/"
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", e.findtext(f"{ATOM}updated")) for e in entries
    )


def test_atom_with_site_url_uses_absolute_ids(record):
    feed = ET.fromstring(by_path(export_files(record, "es", "https://example.org/"))["es/feed.xml"])
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    entry = feed.find(f"{ATOM}entry")
    assert (
        entry.findtext(f"{ATOM}id")
        == "https://example.org/es/events/2026-03-cusco-transport-strike/"
    )
    assert entry.findtext(f"{ATOM}title") == "Paro de transportistas en Cusco"


def test_atom_keeps_the_latest_fifty(project):
    start = dt.date(2026, 1, 1)
    for n in range(FEED_SIZE + 5):
        day = start + dt.timedelta(days=n // 2)  # two events a day: ties are ordered by id
        text = f"""\
            date: {day.isoformat()}
            title: Event number {n}
            summary: Event {n}.
            themes: [economy]
            regions: [national]
            status: verified
            sources:
              - id: rpp-2026-02-18-balcazar
            """
        project.event(text, f"events/2026/{day.isoformat()}-event-{n:03d}.yml")
    record = load_record(project.root)
    feed = ET.fromstring(by_path(export_files(record))["feed.xml"])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == FEED_SIZE
    ids = [e.findtext(f"{ATOM}id").rsplit("/", 1)[1] for e in entries]
    assert ids[:3] == ["2026-01-28-event-054", "2026-01-27-event-052", "2026-01-27-event-053"]
    assert [e.id for e in latest_events(record.events)] == ids


# --- the real record ------------------------------------------------------------------------


def test_real_record_exports():
    try:
        record = load_record(REPO)
    except RecordError as exc:
        pytest.skip(f"the repository's record does not load yet ({len(exc.problems)} problem(s))")
    for lang in ("en", "es"):
        files = by_path(export_files(record, lang))
        prefix = "" if lang == "en" else "es/"
        data = json.loads(files[f"{prefix}data/events.json"])
        assert len(data["events"]) == len(record.events)
        rows = list(csv.DictReader(io.StringIO(files[f"{prefix}data/events.csv"], newline="")))
        assert len(rows) == len(record.events)
        assert len(parse_ics(files[f"{prefix}data/events.ics"])) == len(record.events)
        places = sum(len(e.places) for e in record.events)
        assert len(json.loads(files[f"{prefix}data/events.geojson"])["features"]) == places
        feed = ET.fromstring(files[f"{prefix}feed.xml"])
        assert len(feed.findall(f"{ATOM}entry")) == min(FEED_SIZE, len(record.events))

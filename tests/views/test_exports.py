"""The downloads: each format parsed back by a real reader, hostile text kept inert, builds stable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import feedparser
import icalendar
import pytest

from builder.record.history import read_history
from builder.record.load import load_record
from builder.record.problems import RecordError
from builder.views import paths
from builder.views.exports import (
    CSV_COLUMNS,
    FEED_SIZE,
    MAX_CALENDAR_DAYS,
    export_files,
    fold_line,
    ics_escape,
    latest_events,
)
from builder.views.spreadsheet import guard_cell
from tests.support.git_history import commit_all, git
from tests.support.project import REPO, VALID_EVENT, VALID_NAME

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
        "data/events.csv", "data/events.geojson", "data/events.ics", "data/events.json", "feed.css",
        "feed.xml",
    ]  # fmt: skip
    assert sorted(by_path(export_files(record, "es"))) == [
        "es/data/events.csv", "es/data/events.geojson", "es/data/events.ics", "es/data/events.json",
        "es/feed.css", "es/feed.xml",
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


@pytest.mark.parametrize(
    ("path", "key"), [("events.json", "events"), ("events.geojson", "features")]
)
def test_json_downloads_are_compact_with_one_item_a_line(record, path, key):
    """No indentation (a third of the indented file was spaces), one event or feature a line."""
    for lang in ("en", "es"):
        text = by_path(export_files(record, lang))[f"{paths.lang_prefix(lang)}data/{path}"]
        data = json.loads(text)
        lines = text.splitlines()
        assert len(lines) == len(data[key]) + 2
        assert json.loads(lines[0] + "]}") == {**data, key: []}
        assert lines[-1] == "]}"
        for line, item in zip(lines[1:-1], data[key], strict=True):
            assert json.loads(line.removesuffix(",")) == item
            assert not line[0].isspace()
        assert '{\n  "' not in text and '",\n' not in text


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


def parse_ics(text: str) -> list[icalendar.Event]:
    """The calendar's VEVENTs as icalendar reads them, after checking the lines RFC 5545 asks for."""
    assert text.endswith("\r\n")
    for line in text[:-2].split("\r\n"):
        assert "\n" not in line and "\r" not in line, "bare line break"
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar.errors == [] and calendar.name == "VCALENDAR"
    return list(calendar.walk("VEVENT"))


def days(entry: icalendar.Event) -> tuple[dt.date, dt.date]:
    """An all-day entry's first day and its exclusive end."""
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert type(start) is dt.date and type(end) is dt.date, "all-day entries only"
    return start, end


def test_ics_holds_only_known_days(record, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    events = parse_ics(by_path(export_files(record))["data/events.ics"])
    ev = {str(e["UID"]).split("@")[0]: e for e in events}
    # The month (March 2026), the year (2025) and the hostile month (January 2026): left out.
    assert sorted(ev) == [
        "2025-10-10-jeri-term-begins",
        "2025-10-10-jeri-term-ends",
        "2026-02-18-congress-installs-balcazar",
    ]
    assert {e["DTSTAMP"].dt for e in events} == {dt.datetime(2026, 3, 1, tzinfo=dt.UTC)}
    # A day: all-day, DTEND the next day (exclusive).
    day = ev["2026-02-18-congress-installs-balcazar"]
    assert days(day) == (dt.date(2026, 2, 18), dt.date(2026, 2, 19))
    assert (day["GEO"].latitude, day["GEO"].longitude) == (-12.0453, -77.0297)
    assert str(day["STATUS"]) == "CONFIRMED"
    # A period of 131 days: its first and its last day, each saying which end it is.
    begins, ends = ev["2025-10-10-jeri-term-begins"], ev["2025-10-10-jeri-term-ends"]
    assert days(begins) == (dt.date(2025, 10, 10), dt.date(2025, 10, 11))
    assert days(ends) == (dt.date(2026, 2, 17), dt.date(2026, 2, 18))
    span = "10 October 2025 – 17 February 2026"
    assert str(begins["SUMMARY"]) == f"Begins: José Jerí's presidency ({span})"
    assert str(ends["SUMMARY"]) == f"Ends: José Jerí's presidency ({span})"
    assert all((end - start).days <= MAX_CALENDAR_DAYS for start, end in map(days, events))


def test_ics_periods_by_precision(project, monkeypatch):
    """Every kind of date the record has, and what the calendar makes of it."""
    cases = {
        "2026-03-10": ("2026-03-30", ["p"]),  # 21 days known to the day: one entry
        "2026-01-05": ("2026-06", ["p-begins"]),  # end known to the month: the start only
        "2026-04": ("2026-05-02", ["p-ends"]),  # start known to the month: the end only
        "1980": ("2001", []),  # years: nothing
        "2026-07": (None, []),  # a month: nothing
    }
    for n, (start, (end, _)) in enumerate(cases.items()):
        end_line = f"end: {end}\n" if end else ""
        project.event(
            f"date: {start}\n{end_line}title: Case {n}\nsummary: Case {n}.\n"
            "themes: [economy]\nregions: [national]\nstatus: verified\n"
            "sources:\n  - id: rpp-2026-02-18-balcazar\n",
            f"events/2026/{start}-p.yml" if len(start) > 4 else f"events/{start}/{start}-p.yml",
        )
    record = load_record(project.root)
    events = parse_ics(by_path(export_files(record))["data/events.ics"])
    got: dict[str, list[str]] = {}
    for entry in events:
        event_id, _, _ = str(entry["UID"]).partition("@")
        start = event_id.split("-p")[0]
        got.setdefault(start, []).append("p" + event_id.split("-p", 1)[1])
    assert got == {start: want for start, (_, want) in cases.items() if want}
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Ends: Case 2 (April 2026 – 2 May 2026)" in summaries
    assert "Case 0" in summaries


def test_ics_escapes_hostile_text(project):
    project.event(
        HOSTILE_EVENT.replace("date: 2026-01", "date: 2026-01-12"), "events/2026/2026-01-12-h.yml"
    )
    events = parse_ics(by_path(export_files(load_record(project.root)))["data/events.ics"])
    (hostile,) = events
    assert str(hostile["SUMMARY"]) == f"{HOSTILE_TITLE} (c. 12 January 2026)"
    description = str(hostile["DESCRIPTION"])
    assert description.startswith(
        "Line one, with commas; semicolons & ampersands \\ backslash\n\nLine two"
    )
    assert "ñandú 🇵🇪 — emphasis and a link (https://example.org/a)" in description  # plain text


def test_ics_stamp_follows_source_date_epoch(record, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781049600")  # 2026-06-10T00:00:00Z
    events = parse_ics(by_path(export_files(record))["data/events.ics"])
    assert {e["DTSTAMP"].dt for e in events} == {dt.datetime(2026, 6, 10, tzinfo=dt.UTC)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        export_files(record)


def test_ics_with_site_url_has_host_uids_and_urls(record):
    events = parse_ics(
        by_path(export_files(record, "es", "https://example.org/peru/"))["es/data/events.ics"]
    )
    day = next(e for e in events if str(e["UID"]).startswith("2026-02-18-"))
    assert str(day["UID"]) == "2026-02-18-congress-installs-balcazar@example.org"
    assert str(day["URL"]) == (
        "https://example.org/peru/es/events/2026-02-18-congress-installs-balcazar/"
    )
    begins = next(e for e in events if str(e["UID"]).endswith("-begins@example.org"))
    assert str(begins["SUMMARY"]) == (
        "Comienza: La presidencia de José Jerí (10 de octubre de 2025 – 17 de febrero de 2026)"
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


def parse_feed(text: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse(text.encode("utf-8"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_atom_parses_and_escapes(record):
    text = by_path(export_files(record))["feed.xml"]
    assert "<script>" not in text
    assert '<?xml-stylesheet type="text/css" href="feed.css"?>' in text
    feed = parse_feed(text)
    entries = feed.entries
    assert len(entries) == 5
    titles = [e.title for e in entries]
    # Without history: by event date, newest first, each entry dated by its event.
    assert titles[0] == "Transport workers strike in Cusco"
    assert HOSTILE_TITLE in titles
    assert feed.feed.updated == "2026-03-01T00:00:00Z"
    first = entries[0]
    assert first.id == "tag:peru-crisis-record,2026:events/2026-03-cusco-transport-strike"
    assert first.link == "events/2026-03-cusco-transport-strike/"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", e.updated) for e in entries)
    assert all("published" not in e for e in entries)
    # The summary again as XHTML, with a link to the page a browser can follow.
    (content,) = first.content
    assert content.type == "application/xhtml+xml"
    assert '<a href="events/2026-03-cusco-transport-strike/">Read the event' in content.value
    hostile = next(e for e in entries if e.title == HOSTILE_TITLE)
    assert "<script" not in hostile.content[0].value and "<b>" not in hostile.content[0].value


def test_atom_with_site_url_uses_absolute_ids(record):
    feed = parse_feed(by_path(export_files(record, "es", "https://example.org/"))["es/feed.xml"])
    assert feed.feed.language == "es"
    entry = feed.entries[0]
    assert entry.id == "https://example.org/es/events/2026-03-cusco-transport-strike/"
    assert entry.title == "Paro de transportistas en Cusco"


def test_feed_stylesheet_speaks_the_feed_language(record):
    english, spanish = by_path(export_files(record)), by_path(export_files(record, "es"))
    assert "copy this page's address into a feed reader" in english["feed.css"]
    assert "copie la dirección de esta página en un lector de canales" in spanish["es/feed.css"]
    assert "feed reader" not in spanish["es/feed.css"]
    assert "http" not in english["feed.css"]  # it loads nothing from anywhere


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
    feed = parse_feed(by_path(export_files(record))["feed.xml"])
    assert len(feed.entries) == FEED_SIZE
    ids = [e.id.rsplit("/", 1)[1] for e in feed.entries]
    assert ids[:3] == ["2026-01-28-event-054", "2026-01-27-event-052", "2026-01-27-event-053"]
    assert [e.id for e in latest_events(record.events)] == ids


# --- the feed from the repository's history ------------------------------------------------


@pytest.fixture
def repository(project):
    """The five events committed on three days: the month event last, then one edited."""
    git(project.root, "init", "-q", "-b", "main")
    names = list(FILES)
    for name in names[:3]:
        project.event(FILES[name], name)
    commit_all(project.root, "first three", "2026-04-01T10:00:00Z")
    for name in names[3:]:
        project.event(FILES[name], name)
    commit_all(project.root, "two more", "2026-04-02T10:00:00Z")
    period = "events/2025/2025-10-10-jeri-term.yml"
    (project.root / period).write_text(
        FILES[period].replace("held the presidency", "was president"), encoding="utf-8"
    )
    commit_all(project.root, "edit the period", "2026-04-03T10:00:00Z")
    return project


def test_feed_orders_by_the_history_of_each_file(repository, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    history = read_history(repository.root)
    assert history.complete, history.reason
    record = load_record(repository.root)
    files = by_path(export_files(record, "en", None, history))
    feed = parse_feed(files["feed.xml"])
    got = [(e.id.rsplit("/", 1)[1], e.updated, e.published) for e in feed.entries]
    assert got == [
        # Edited last: changed on the 3rd, added on the 1st.
        ("2025-10-10-jeri-term", "2026-04-03T10:00:00Z", "2026-04-01T10:00:00Z"),
        # Added on the 2nd: ties by event date, newest first.
        ("2026-01-hostile-title", "2026-04-02T10:00:00Z", "2026-04-02T10:00:00Z"),
        ("2025-year-only", "2026-04-02T10:00:00Z", "2026-04-02T10:00:00Z"),
        ("2026-03-cusco-transport-strike", "2026-04-01T10:00:00Z", "2026-04-01T10:00:00Z"),
        (VALID_NAME.rsplit("/", 1)[1][:-4], "2026-04-01T10:00:00Z", "2026-04-01T10:00:00Z"),
    ]
    assert feed.feed.updated == "2026-04-03T10:00:00Z"
    # The calendar is stamped with the last commit's time.
    stamps = {e["DTSTAMP"].dt for e in parse_ics(files["data/events.ics"])}
    assert stamps == {dt.datetime(2026, 4, 3, 10, tzinfo=dt.UTC)}
    # The same commit gives the same bytes; an uncommitted event counts as the last commit's.
    assert export_files(
        load_record(repository.root), "en", None, read_history(repository.root)
    ) == (export_files(record, "en", None, history))


def test_feed_falls_back_to_event_dates_in_a_shallow_clone(repository, tmp_path):
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository.root}", str(clone))
    history = read_history(clone)
    assert not history.complete and "shallow" in history.reason
    assert history.last_commit == dt.datetime(2026, 4, 3, 10, tzinfo=dt.UTC)
    record = load_record(clone)
    feed = parse_feed(by_path(export_files(record, "en", None, history))["feed.xml"])
    assert [e.id for e in feed.entries] == [
        e.id for e in parse_feed(by_path(export_files(record))["feed.xml"]).entries
    ]
    assert feed.entries[0].title == "Transport workers strike in Cusco"


def test_a_registry_source_s_time_is_its_entry_s_last_change(project):
    """Each entry of events/registries/sources.yml is dated by the last commit that changed it;
    a version that does not parse is skipped, and the one after it compared with the last read."""
    git(project.root, "init", "-q", "-b", "main")
    project.event(VALID_EVENT, VALID_NAME)
    commit_all(project.root, "the record", "2026-04-01T10:00:00Z")
    registry = project.root / "events" / "registries" / "sources.yml"
    first = registry.read_text(encoding="utf-8")
    added = "other-source:\n  publisher: Example Daily\n  title: Another\n  date: 2026-03\n"
    registry.write_text(first.replace("juró como", "juró ayer como") + added, encoding="utf-8")
    commit_all(project.root, "a correction and a new source", "2026-04-02T10:00:00Z")
    registry.write_text(registry.read_text(encoding="utf-8") + "broken: [\n", encoding="utf-8")
    commit_all(project.root, "a broken registry", "2026-04-03T10:00:00Z")
    fixed = (
        registry.read_text(encoding="utf-8")
        .replace("broken: [\n", "")
        .replace("date: 2026-03", "date: 2026-03-30")
    )
    registry.write_text(fixed, encoding="utf-8")
    commit_all(project.root, "fixed, and a date corrected", "2026-04-04T10:00:00Z")
    history = read_history(project.root)
    assert history.source_changed("rpp-2026-02-18-balcazar") == dt.datetime(
        2026, 4, 2, 10, tzinfo=dt.UTC
    )
    assert history.source_changed("other-source") == dt.datetime(2026, 4, 4, 10, tzinfo=dt.UTC)
    assert history.source_changed("no-such-source") is None
    # The event citing the corrected source is updated at the correction, published as before.
    feed = parse_feed(
        by_path(export_files(load_record(project.root), "en", None, history))["feed.xml"]
    )
    assert [(e.updated, e.published) for e in feed.entries] == [
        ("2026-04-02T10:00:00Z", "2026-04-01T10:00:00Z")
    ]


def test_history_outside_a_repository_is_empty_not_an_error(project):
    history = read_history(project.root)
    assert not history.complete and history.last_commit is None
    assert "not in a git repository" in history.reason


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
        calendar = parse_ics(files[f"{prefix}data/events.ics"])
        assert all((end - start).days <= MAX_CALENDAR_DAYS for start, end in map(days, calendar))
        places = sum(len(e.places) for e in record.events)
        assert len(json.loads(files[f"{prefix}data/events.geojson"])["features"]) == places
        feed = parse_feed(files[f"{prefix}feed.xml"])
        assert len(feed.entries) == min(FEED_SIZE, len(record.events))

"""The explorer's data files on their own: every event in exactly one shard, spans at their real
precision, facets that point at the right names, outlines rounded, the same bytes every time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from builder.record.load import load_record
from builder.views.pages import SiteSettings, site_files
from builder.views.pages import explorer_data as data
from builder.views.pages.explorer_data import SHARD_SIZE, outlines
from tests.support.project import REPO
from tests.support.site import site_project

EPOCH = dt.date(1970, 1, 1)


def loaded(content: str) -> tuple[str, object]:
    """The name and data of a pcrExplorerLoad(name, data); file."""
    prefix = "pcrExplorerLoad("
    assert content.startswith(prefix) and content.endswith(");\n")
    name, _, rest = content[len(prefix) : -3].partition(",")
    return json.loads(name), json.loads(rest)


@pytest.fixture
def record(project):
    site_project(project)
    return load_record(project.root)


def files_of(record, **options):
    settings = SiteSettings(site_name="Test record", **options)
    return {f.path: f.content for f in site_files(record, settings)}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_index_describes_every_event_at_its_precision(record, lang):
    files = files_of(record, lang=lang)
    name, index = loaded(files[data.index_path(lang)])
    assert name == "index" and index["count"] == len(record.events) and index["lang"] == lang
    columns = index["events"]
    for n, event in enumerate(record.events):
        first = event.date.first_day()
        last = (event.end or event.date).last_day()
        assert EPOCH + dt.timedelta(days=columns["start"][n]) == first
        assert EPOCH + dt.timedelta(days=columns["start"][n] + columns["length"][n]) == last
        assert [index["themes"][i][0] for i in columns["themes"][n]] == list(event.themes)
        assert [index["places"][i][0] for i in columns["places"][n]] == list(event.regions)
        named = {index["actors"][i][0] for i in columns["actors"][n]}
        assert named == {*event.actors, *event.claimed_by}
        assert columns["status"][n] == event.status[0]
        assert columns["differ"][n] == ("1" if event.note else "0")
    # A month is a month: the runoff count known only to June 2026 spans all of June.
    month = next(
        n for n, e in enumerate(record.events) if e.date.precision == "month" and not e.end
    )
    assert columns["length"][month] >= 27
    assert index["eventUrl"] == "../events/{id}/"


def test_shards_hold_every_event_once_newest_first(record):
    many = record.events * (SHARD_SIZE // len(record.events) + 2)  # more than one shard
    record.events = sorted(
        [e.__class__(**{**_fields(e), "id": f"{e.id}-{n}"}) for n, e in enumerate(many)],
        key=lambda e: e.sort_key(),
    )
    files = files_of(record)
    shards = data.shard_count(len(record.events))
    assert shards >= 2
    ids = []
    for k in range(shards):
        name, rows = loaded(files[f"timeline/data/list-{k}.js"])
        assert name == f"list-{k}" and len(rows) <= SHARD_SIZE
        _, texts = loaded(files[f"timeline/data/text-{k}.js"])
        assert len(texts) == len(rows)
        ids = [row[0] for row in rows] + ids  # shard 0 is the newest: prepend older shards
    assert ids == [e.id for e in record.events]
    _, newest = loaded(files["timeline/data/list-0.js"])
    assert len(newest) == SHARD_SIZE and newest[-1][0] == record.events[-1].id


def _fields(event) -> dict:
    return {name: getattr(event, name) for name in event.__slots__}


def test_the_data_is_the_same_bytes_every_time_and_links_work_offline(record):
    assert files_of(record) == files_of(record)
    _, index = loaded(files_of(record, directory_urls=False)[data.index_path("en")])
    assert index["eventUrl"] == "../events/{id}.html"
    assert index["themes"][0][2].endswith("/index.html")


def test_the_outlines_keep_every_region_rounded_to_about_100_m():
    source = REPO / "maps" / "boundaries" / "peru-regions.geojson"
    shapes = outlines(source)
    assert len(shapes["features"]) == 26
    assert {f["properties"]["iso"] for f in shapes["features"]} == {
        f["properties"]["iso"] for f in json.loads(source.read_text("utf-8"))["features"]
    }
    for feature in shapes["features"]:
        polygons = feature["geometry"]["coordinates"]
        if feature["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(round(v, 3) == v for point in ring for v in point)
    assert len(json.dumps(shapes)) < Path(source).stat().st_size


def test_the_timeline_page_has_no_map_without_outlines_and_one_with_them(record, project):
    without = files_of(record)["timeline/index.md"]
    assert 'id="pcr-map"' not in without
    boundaries = project.root / "maps" / "boundaries" / "peru-regions.geojson"
    files = files_of(record, boundaries_file=boundaries)
    assert 'id="pcr-map"' in files["timeline/index.md"]
    assert 'data-leaflet="../assets/leaflet/"' in files["timeline/index.md"]
    assert loaded(files["timeline/data/regions.js"])[0] == "regions"

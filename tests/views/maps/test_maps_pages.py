"""The files a map gives the site: its page, standalone map, data, print files, and the index."""

from __future__ import annotations

import csv
import io
import re

import pytest

from builder.views import paths
from builder.views.maps.geodata import regions_frame
from builder.views.maps.locator import locator_files, locator_label, locator_regions
from builder.views.maps.pages import map_files
from tests.support.maps import with_maps
from tests.support.project import new_project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small project and its map files in English, built once for this module (print maps are slow)."""
    project = new_project(tmp_path_factory.mktemp("maps") / "project")
    record, _, ids = with_maps(project)
    return project, record, ids, {f.path: f.content for f in map_files(record, project.root, "en")}


def files_of(built, lang="en"):
    project, record, ids, files = built
    if lang != "en":
        files = {f.path: f.content for f in map_files(record, project.root, lang)}
    return files, ids


@pytest.mark.slow
def test_each_map_has_its_page_map_data_and_print_files(built):
    files, _ = files_of(built)
    for name in ("strikes", "named"):
        for path in (
            f"maps/{name}.md",
            f"maps/{name}/map.html",
            f"maps/{name}/{name}.csv",
            f"maps/{name}/{name}-a4.pdf",
            f"maps/{name}/{name}-a3.pdf",
            f"maps/{name}/{name}.svg",
            f"maps/{name}/{name}.png",
        ):
            assert path in files, path
    assert "maps/named/named-points.csv" in files and "maps/strikes/strikes-points.csv" not in files
    assert {
        "maps/index.md",
        "assets/leaflet/leaflet.js",
        "assets/leaflet/leaflet.css",
        "assets/leaflet/images/layers.png",
        "assets/maps/region-outlines.js",
    } <= set(files)


@pytest.mark.slow
def test_spanish_files_sit_under_es(built):
    files, _ = files_of(built, "es")
    assert "es/maps/strikes.md" in files and "es/assets/leaflet/leaflet.js" in files
    assert "es/assets/maps/region-outlines.js" in files
    spanish_map = files["es/maps/strikes/map.html"]
    assert '<html lang="es">' in spanish_map
    # Its popups open the Spanish event pages, and it loads the Leaflet copied under es/.
    assert "../../events/" in spanish_map and "../../../events/" not in spanish_map
    assert '"../../assets/leaflet/leaflet.js"' in spanish_map
    # The test definition has no Spanish title: the English one is shown.
    assert "# Strikes by region" in files["es/maps/strikes.md"]


@pytest.mark.slow
def test_the_page_embeds_the_map_and_links_everything_relatively(built):
    files, ids = files_of(built)
    page = files["maps/strikes.md"]
    assert page.startswith('---\ntitle: "Strikes by region"\n')
    assert (
        '<iframe class="pcr-map" src="map.html" title="Interactive map: Strikes by region"' in page
    )
    links = re.findall(r"\]\(([^)]+)\)", page)
    assert links and not [link for link in links if "://" in link or link.startswith("/")]
    assert f"../events/{ids['lima']}.md" in links
    for download in (
        "strikes/strikes.csv",
        "strikes/strikes-a4.pdf",
        "strikes/strikes-a3.pdf",
        "strikes/strikes.svg",
        "strikes/strikes.png",
        "strikes/map.html",
    ):
        assert download in links
    # The nationwide strike is not on the map, and the page says so.
    assert "not on the map" in page and f"../events/{ids['national']}.md" in links


@pytest.mark.slow
def test_the_page_links_the_timeline_with_the_maps_filters(built):
    files, _ = files_of(built)
    # To the timeline's source file, so MkDocs checks it and writes it in the site's URL style.
    assert (
        "[See these events on the timeline]"
        "(../timeline/index.md?theme=strikes-and-protests&from=2026-01-01&to=2026-06-30)"
    ) in files["maps/strikes.md"]
    spanish = files_of(built, "es")[0]["es/maps/strikes.md"]
    assert (
        "[Ver estos hechos en la cronología]"
        "(../timeline/index.md?theme=strikes-and-protests&from=2026-01-01&to=2026-06-30)"
    ) in spanish
    # A map of chosen events: the timeline's filters could not show just those.
    assert "on the timeline" not in files["maps/named.md"]


@pytest.mark.slow
def test_the_table_and_the_csv_hold_the_same_values(built):
    files, ids = files_of(built)
    page = files["maps/strikes.md"]
    assert (
        f"| Cusco | PE-CUS | 1 | [2026-02 — Test event strike-cusco](../events/{ids['cusco']}.md) |"
        in page
    )
    assert "| Arequipa | PE-ARE | 0 |  |" in page
    data = files["maps/strikes/strikes.csv"]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 26
    by_iso = {row["iso"]: row for row in rows}
    assert by_iso["PE-CUS"]["events"] == "1" and by_iso["PE-CUS"]["event_ids"] == ids["cusco"]
    assert (
        by_iso["PE-LMA"]["region"] == "Metropolitan Lima" and by_iso["PE-LMA"]["ubigeo"] == "1501"
    )
    assert by_iso["PE-ARE"]["events"] == "0" and by_iso["PE-ARE"]["class"] == "0"


@pytest.mark.slow
def test_a_categories_page_lists_its_points_figures_and_sources(built):
    files, ids = files_of(built)
    page = files["maps/named.md"]
    assert "| Madre de Dios | PE-MDD | Only in the second list |" in page
    assert (
        f"Cost: **US$1.3 billion** — [2026-02 — Test event strike-cusco](../events/{ids['cusco']}.md)"
        in page
    )
    assert "## Sources" in page and "RPP" in page
    points = files["maps/named/named-points.csv"].decode("utf-8-sig").splitlines()
    assert (
        points[1]
        == f"Puerto Maldonado,-12.593,-69.189,PE-MDD,second-only,,Cost,US$1.3 billion,{ids['cusco']}"
    )


@pytest.mark.slow
def test_the_index_lists_every_map(built):
    files, _ = files_of(built)
    index = files["maps/index.md"]
    assert "## [Named places](named.md)" in index and "## [Strikes by region](strikes.md)" in index


@pytest.mark.slow
def test_two_builds_give_the_same_bytes(built):
    project, record, _, first = built
    second = {f.path: f.content for f in map_files(record, project.root, "en")}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_locators_are_shared_drawings_that_name_their_regions():
    files = {file.path: file.content for file in locator_files()}
    base = files.pop(paths.locator_image(None))
    assert len(base.encode()) < 15_000 and base.count("<path") == 26
    # One overlay per region, each a fraction of the map: a page stacks the ones it highlights.
    assert sorted(files) == sorted(paths.locator_image(code) for code in regions_frame()["iso"])
    assert all(overlay.count("<path") == 1 and len(overlay) < 3_000 for overlay in files.values())
    # Callao is a few pixels across: a ring shows where it is.
    assert "<circle" in files[paths.locator_image("PE-CAL")]
    assert "<circle" not in files[paths.locator_image("PE-CUS")]
    assert locator_regions(["PE-LMA", "national", "PE-CAL", "PE-LMA"]) == ["PE-CAL", "PE-LMA"]
    assert locator_label(["PE-CUS", "national"], "es") == "Ubicación de Cusco en el Perú"
    assert locator_label(["PE-LMA", "PE-CAL"], "en") == locator_label(["PE-CAL", "PE-LMA"], "en")
    assert locator_label([], "en") == "Map of Peru's regions"

"""builder.record.geo on the committed boundary file and on small files made here."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from shapely.geometry import box, mapping

from builder.record import geo


@pytest.mark.parametrize(
    ("place", "lat", "lon", "iso"),
    [
        ("Lima, Plaza de Armas", -12.0464, -77.0300, "PE-LMA"),
        ("Chancay port (coast, just off the simplified outline)", -11.59, -77.27, "PE-LIM"),
        ("Callao", -12.05, -77.14, "PE-CAL"),
        ("Iquitos", -3.75, -73.25, "PE-LOR"),
        ("Puerto Maldonado", -12.59, -69.19, "PE-MDD"),
        ("Cusco", -13.53, -71.97, "PE-CUS"),
        ("Pucusana (coast)", -12.48, -76.80, "PE-LMA"),
        ("Puno (on the bay, within ~1 km of the cut shore)", -15.84, -70.02, "PE-PUN"),
        ("Tacna", -18.01, -70.25, "PE-TAC"),
        ("Huacho", -11.11, -77.61, "PE-LIM"),
        ("La Paz, Bolivia", -16.5, -68.15, None),
        ("Lake Titicaca, open water", -15.8, -69.5, None),
        ("Pacific, 40 km off Lima", -12.05, -77.5, None),
        ("Guayaquil, Ecuador", -2.19, -79.89, None),
    ],
)
def test_region_at_known_places(place, lat, lon, iso):
    assert geo.region_at(lat, lon) == iso, place
    assert geo.inside_peru(lat, lon) is (iso is not None), place


def test_every_region_is_found_at_its_own_representative_point():
    regions = geo.load_boundaries()
    assert len(regions.isos) == 26
    for iso, geometry in zip(regions.isos, regions.geometries, strict=True):
        point = geometry.representative_point()
        assert geo.region_at(point.y, point.x) == iso


def test_load_boundaries_is_cached():
    assert geo.load_boundaries() is geo.load_boundaries(geo.DEFAULT_BOUNDARIES)


@pytest.mark.parametrize(("lat", "lon"), [(91, 0), (0, 181), (math.nan, 0), (0, math.inf)])
def test_region_at_rejects_impossible_coordinates(lat, lon):
    with pytest.raises(ValueError):
        geo.region_at(lat, lon)


# --- tolerance and ties, on a file made here ----------------------------------------


def write_boundaries(path: Path, regions: dict[str, object]) -> Path:
    features = [
        {"type": "Feature", "properties": {"iso": iso}, "geometry": mapping(g)}
        for iso, g in regions.items()
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


@pytest.fixture
def squares(tmp_path) -> geo.Boundaries:
    """PE-BBB west of PE-AAA at the equator; PE-CCC alone at 60°S."""
    path = write_boundaries(
        tmp_path / "squares.geojson",
        {
            "PE-BBB": box(-1, -0.5, 0, 0.5),
            "PE-AAA": box(0, -0.5, 1, 0.5),
            "PE-CCC": box(10, -60.5, 11, -59.5),
        },
    )
    return geo.load_boundaries(path)


def km_to_degrees(km: float, lat: float = 0.0) -> float:
    return km / (geo.KM_PER_DEGREE * math.cos(math.radians(lat)))


def test_tolerance_accepts_a_point_within_3_km(squares):
    assert geo.region_at(0, 1 + km_to_degrees(2.9), squares) == "PE-AAA"
    assert geo.region_at(0, 1 + km_to_degrees(3.1), squares) is None
    assert geo.region_at(0.5 + km_to_degrees(2.9), 0.5, squares) == "PE-AAA"


def test_tolerance_is_in_km_not_degrees(squares):
    # At 60°S a degree of longitude is half as long: 0.05° east is ~2.8 km.
    assert geo.region_at(-60, 11 + km_to_degrees(2.9, -60), squares) == "PE-CCC"
    assert geo.region_at(-60, 11 + km_to_degrees(3.1, -60), squares) is None


def test_tolerance_picks_the_nearest_region(squares):
    assert geo.region_at(0.51, -0.01, squares) == "PE-BBB"
    assert geo.region_at(0.51, 0.01, squares) == "PE-AAA"


def test_a_point_on_a_shared_border_gets_the_first_code(squares):
    assert geo.region_at(0, 0, squares) == "PE-AAA"


def test_tolerance_can_be_turned_off(squares):
    assert geo.region_at(0, 1.001, squares, tolerance_km=0) is None


def test_duplicate_codes_are_rejected(tmp_path):
    path = tmp_path / "dup.geojson"
    features = [
        {"type": "Feature", "properties": {"iso": "PE-AAA"}, "geometry": mapping(box(0, 0, 1, 1))}
    ] * 2
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(ValueError, match="duplicate"):
        geo.load_boundaries(path)

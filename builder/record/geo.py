"""Which Peruvian region a point is in, from the committed boundary file.

Reads maps/boundaries/peru-regions.geojson (written by tools.boundaries) with
json and shapely only. Loaded boundaries are cached per file, so repeated look-ups
cost an STRtree query and a point-in-polygon test each.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapely
from shapely import STRtree
from shapely.geometry import Point, box, shape
from shapely.geometry.base import BaseGeometry

DEFAULT_BOUNDARIES = Path(__file__).resolve().parents[2] / "maps/boundaries/peru-regions.geojson"

# The boundaries are simplified (~550 m tolerance) and Natural Earth's coastline is
# coarse, so a port or a point on a border can fall just outside every polygon.
TOLERANCE_KM = 3.0
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180
ORIGIN = Point(0, 0)


@dataclass(frozen=True)
class Boundaries:
    """The regions of one boundary file: ISO codes, shapes and a spatial index.

    `isos[i]` is the code of `geometries[i]`; both are sorted by code.
    """

    isos: tuple[str, ...]
    geometries: tuple[BaseGeometry, ...]
    tree: STRtree


def load_boundaries(path: str | Path = DEFAULT_BOUNDARIES) -> Boundaries:
    """The regions of a GeoJSON boundary file, keyed by each feature's ``iso``.

    Cached per resolved path: the file is read once per process.
    Raises ValueError if a feature has no ``iso`` or a code appears twice.
    """
    return _load_boundaries(Path(path).resolve())


@lru_cache(maxsize=8)
def _load_boundaries(path: Path) -> Boundaries:
    collection = json.loads(path.read_text(encoding="utf-8"))
    by_iso: dict[str, BaseGeometry] = {}
    for feature in collection["features"]:
        iso = feature.get("properties", {}).get("iso")
        if not iso:
            raise ValueError(f"{path}: a feature has no properties.iso")
        if iso in by_iso:
            raise ValueError(f"{path}: duplicate region {iso}")
        by_iso[iso] = shape(feature["geometry"])
    isos = tuple(sorted(by_iso))
    geometries = tuple(by_iso[iso] for iso in isos)
    shapely.prepare(list(geometries))
    return Boundaries(isos=isos, geometries=geometries, tree=STRtree(geometries))


def region_at(
    lat: float,
    lon: float,
    boundaries: Boundaries | None = None,
    tolerance_km: float = TOLERANCE_KM,
) -> str | None:
    """ISO 3166-2 code of the region at (`lat`, `lon`) in degrees, or None.

    A point inside a region's polygon (or on its edge) gets that region; a point on
    a shared border gets the first of its regions by code. A point in no polygon
    gets the nearest region within `tolerance_km` (3 km by default), because the
    simplified outlines can leave a coastal port or a border town just outside;
    beyond that, None (the sea, Lake Titicaca's open water, another country).
    `boundaries` defaults to the committed file. Raises ValueError for a
    coordinate that is not a finite latitude/longitude.
    """
    _check_coordinates(lat, lon)
    regions = boundaries or load_boundaries()
    point = Point(lon, lat)
    hits = regions.tree.query(point, predicate="intersects")
    if len(hits):
        return regions.isos[min(hits)]
    return _nearest_within(regions, point, tolerance_km)


def inside_peru(lat: float, lon: float, boundaries: Boundaries | None = None) -> bool:
    """True if (`lat`, `lon`) is in a Peruvian region, with region_at's tolerance.

    So a point up to ~3 km off the coast or across the border counts as inside,
    and a point on Lake Titicaca's open water does not.
    """
    return region_at(lat, lon, boundaries) is not None


def _check_coordinates(lat: float, lon: float) -> None:
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"not a latitude/longitude in degrees: ({lat}, {lon})")


def _nearest_within(regions: Boundaries, point: Point, tolerance_km: float) -> str | None:
    """Code of the region nearest to `point` if it is within `tolerance_km`."""
    # Distances are measured on a local equirectangular projection in km centred
    # on the point: exact enough over a few km, and a degree of longitude shrinks
    # with the cosine of the latitude.
    x_km_per_degree = KM_PER_DEGREE * max(math.cos(math.radians(point.y)), 0.01)
    dlon, dlat = tolerance_km / x_km_per_degree, tolerance_km / KM_PER_DEGREE
    search = box(point.x - dlon, point.y - dlat, point.x + dlon, point.y + dlat)
    origin = (point.x, point.y)
    scale = (x_km_per_degree, KM_PER_DEGREE)
    best: tuple[float, str] | None = None
    for index in regions.tree.query(search):
        local = shapely.transform(regions.geometries[index], lambda xy: (xy - origin) * scale)
        candidate = (local.distance(ORIGIN), regions.isos[index])
        if candidate[0] <= tolerance_km and (best is None or candidate < best):
            best = candidate
    return best[1] if best else None

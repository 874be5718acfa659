"""The region polygons as GeoDataFrames: in WGS 84 for the web, projected for print.

Loaded and projected once per process (cached per boundary file), then shared by every
map, the locators and the print renderer.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geopandas as gpd
from pyproj import Transformer

from builder.record.geo import DEFAULT_BOUNDARIES

# Albers equal-area conic for Peru: standard parallels at 1/6 and 5/6 of the country's
# span in latitude (0.0° to 18.4° S), centred on 75° W. Areas are true, so a large
# region does not look larger than it is, and scale errors stay under 1% over Peru.
PERU_ALBERS = (
    "+proj=aea +lat_0=-9.5 +lon_0=-75 +lat_1=-3 +lat_2=-15.5 "
    "+x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
)
WGS84 = "EPSG:4326"


def boundaries_path(root: Path | None) -> Path:
    """The boundary file of project `root` (the repository's own when None)."""
    if root is None:
        return DEFAULT_BOUNDARIES
    return Path(root) / "maps" / "boundaries" / "peru-regions.geojson"


def regions_frame(root: Path | None = None) -> gpd.GeoDataFrame:
    """Regions in WGS 84 (columns iso, ubigeo, name, name_en, geometry), sorted by iso. A copy."""
    return _load(boundaries_path(root).resolve()).copy()


def projected_frame(root: Path | None = None) -> gpd.GeoDataFrame:
    """Regions in PERU_ALBERS (metres), sorted by iso. A copy: callers may add columns."""
    return _project(boundaries_path(root).resolve()).copy()


@lru_cache(maxsize=4)
def _load(path: Path) -> gpd.GeoDataFrame:
    frame = gpd.read_file(path)
    if frame.crs is None:
        frame = frame.set_crs(WGS84)
    frame = frame[["iso", "ubigeo", "name", "name_en", "geometry"]]
    return frame.sort_values("iso").reset_index(drop=True)


@lru_cache(maxsize=4)
def _project(path: Path) -> gpd.GeoDataFrame:
    return _load(path).to_crs(PERU_ALBERS)


@lru_cache(maxsize=1)
def _to_albers() -> Transformer:
    return Transformer.from_crs(WGS84, PERU_ALBERS, always_xy=True)


def project_point(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) in metres in PERU_ALBERS for a point in degrees."""
    return _to_albers().transform(lon, lat)

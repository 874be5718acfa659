"""Small static locator maps: Peru's regions with some of them highlighted.

Drawn at build time from the boundary file, in the print maps' equal-area projection,
simplified to what a 10 rem drawing can show. A page does not carry the drawing inline (it was
5.7 KB in every event page): it stacks images the site publishes once, `assets/locator/peru.svg`
(every region, grey) and one transparent overlay per region (`assets/locator/PE-CUS.svg`, the
region highlighted), and names the highlighted regions in its own words (`locator_label`). They
are `<img>` files, so they print and load from disk in the offline copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from builder.text.map_texts import text
from builder.views import paths
from builder.views.maps.geodata import projected_frame
from builder.views.output import OutputFile

# One drawing unit is 5 km: Peru is about 280 × 410 units.
METRES_PER_UNIT = 5_000
# Douglas–Peucker tolerance in metres: finer detail than ~1 unit is invisible at this size.
SIMPLIFY_METRES = 3_500
PADDING = 4
# Regions smaller than this (in square units; 200 is 5,000 km²) also get a ring: Lima, Callao
# or Tumbes alone would be a dot at the size locators are shown.
RING_BELOW = 200
RING_RADIUS = 9
BASE_FILL, BASE_STROKE = "#dcdcdc", "#ffffff"
ON_FILL, ON_STROKE = "#1d4f7c", "#1d4f7c"


def locator_files() -> list[OutputFile]:
    """The drawings every locator is stacked from: the base map, then one overlay per region."""
    files = [OutputFile(paths.locator_image(None), _base())]
    files += [OutputFile(paths.locator_image(shape.iso), _overlay(shape)) for shape in _shapes()]
    return files


def locator_regions(iso_codes: Sequence[str]) -> list[str]:
    """The codes among `iso_codes` that a locator highlights (each has an overlay), sorted and
    once each; 'national', 'abroad' and unknown codes are left out."""
    known = {shape.iso for shape in _shapes()}
    return sorted(set(iso_codes) & known)


def locator_size() -> tuple[int, int]:
    """The drawings' width and height, in their own units (pages reserve the room)."""
    return _size()


def locator_label(iso_codes: Sequence[str], lang: str = "en") -> str:
    """The text alternative of a locator of `iso_codes` in `lang`: "Location of Cusco in Peru"."""
    lang = "es" if lang == "es" else "en"
    codes = locator_regions(iso_codes)
    names = [s.name_es if lang == "es" else s.name_en for s in _shapes() if s.iso in codes]
    return text("locator", lang, names=_join(names, lang)) if names else text("locator_none", lang)


def _svg(body: str) -> str:
    width, height = _size()
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">{body}</svg>\n'
    )


def _base() -> str:
    """Every region in grey, white borders: the map under the overlays."""
    paths_ = "".join(f'<path d="{shape.path}"/>' for shape in _shapes())
    return _svg(
        f'<g fill="{BASE_FILL}" stroke="{BASE_STROKE}" stroke-width="0.8" '
        f'stroke-linejoin="round">{paths_}</g>'
    )


def _overlay(shape: _Shape) -> str:
    """One region highlighted, the rest transparent; a ring around a region too small to see."""
    ring = ""
    if shape.area < RING_BELOW:
        x, y = shape.centre
        ring = (
            f'<circle cx="{x}" cy="{y}" r="{RING_RADIUS}" fill="none" stroke="{ON_STROKE}" '
            'stroke-width="2"/>'
        )
    return _svg(
        f'<path fill="{ON_FILL}" stroke="{ON_STROKE}" stroke-width="0.8" stroke-linejoin="round" '
        f'd="{shape.path}"/>{ring}'
    )


def _join(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    conjunction = " y " if lang == "es" else " and "
    return ", ".join(names[:-1]) + conjunction + names[-1]


class _Shape:
    __slots__ = ("area", "centre", "iso", "name_en", "name_es", "path")

    def __init__(
        self, iso: str, name_es: str, name_en: str, path: str, area: float, centre: tuple[int, int]
    ):
        self.iso, self.name_es, self.name_en = iso, name_es, name_en
        self.path, self.area, self.centre = path, area, centre


@lru_cache(maxsize=1)
def _frame_bounds() -> tuple[float, float, float, float]:
    return tuple(projected_frame().total_bounds)


def _size() -> tuple[int, int]:
    xmin, ymin, xmax, ymax = _frame_bounds()
    return (
        round((xmax - xmin) / METRES_PER_UNIT) + 2 * PADDING,
        round((ymax - ymin) / METRES_PER_UNIT) + 2 * PADDING,
    )


@lru_cache(maxsize=1)
def _shapes() -> tuple[_Shape, ...]:
    """Each region as an SVG path in drawing units (y down), simplified once."""
    frame = projected_frame()
    xmin, _, _, ymax = _frame_bounds()
    # Simplifying the whole set through one topology-free pass can open slivers between
    # neighbours; at this tolerance (under one unit) they are invisible.
    frame["geometry"] = frame.geometry.simplify(SIMPLIFY_METRES, preserve_topology=True)

    def to_units(x: float, y: float) -> tuple[int, int]:
        return round((x - xmin) / METRES_PER_UNIT) + PADDING, round(
            (ymax - y) / METRES_PER_UNIT
        ) + PADDING

    shapes = []
    for row in frame.itertuples():
        rings = []
        polygons = getattr(row.geometry, "geoms", [row.geometry])
        for polygon in polygons:
            for ring in (polygon.exterior, *polygon.interiors):
                rings.append(_ring_path([to_units(x, y) for x, y in ring.coords]))
        centre = row.geometry.representative_point()
        shapes.append(
            _Shape(
                iso=row.iso,
                name_es=row.name,
                name_en=row.name_en,
                path="".join(r for r in rings if r),
                area=row.geometry.area / METRES_PER_UNIT**2,
                centre=to_units(centre.x, centre.y),
            )
        )
    return tuple(shapes)


def _ring_path(points: list[tuple[int, int]]) -> str:
    """A closed ring as compact path data: an absolute move, then relative lines."""
    unique = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(unique) < 4:  # a ring that collapsed to a line or a point at this scale
        return ""
    x0, y0 = unique[0]
    steps = []
    for (xa, ya), (xb, yb) in zip(unique, unique[1:], strict=False):
        steps.append(f"{xb - xa} {yb - ya}")
    return f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z"

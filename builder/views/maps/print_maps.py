"""Print-ready maps with geopandas and matplotlib: vector PDF (A4, A3), SVG and a PNG.

Data first: the projected regions are joined with the map's classes into a GeoDataFrame;
drawing second. The layout is designed on A4 (portrait) in millimetres; A3 is the same
layout scaled by √2, so type and lines keep their proportions (the smallest type is 7 pt
on A4). Output files are byte-identical for the same record: no creation dates, fixed SVG
ids, and a PNG without software or time stamps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.record.problems import Problem
from builder.text.map_texts import text
from builder.text.markup import plain_line
from builder.views.maps.definitions import DefinitionError
from builder.views.maps.geodata import PERU_ALBERS, project_point, projected_frame
from builder.views.maps.measures import MapData
from builder.views.maps.styling import (
    HATCH_INK,
    HATCH_NO_DATA,
    OUTLINE,
    Classification,
    classify,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib is imported where a map is drawn: a build whose print maps all come from the
# cache never loads it.

MM = 1 / 25.4  # inches per millimetre
PT_MM = 25.4 / 72  # millimetres per typographic point
PAPERS = {"a4": (210.0, 297.0), "a3": (297.0, 420.0)}
# "preview" is a small PNG for the maps index: the whole A4 sheet about 460 pixels wide.
FORMATS = ("pdf", "svg", "png", "preview")
PNG_DPI = 150
PREVIEW_DPI = 56
MIN_MAP_HEIGHT = 80.0  # mm on A4: below this the map is too small to read (and cannot be drawn)
# Point sizes on A4; A3 multiplies them by √2.
TITLE_PT, SUBTITLE_PT, LEGEND_PT, LABEL_PT, SMALL_PT = 15.0, 9.5, 7.5, 7.0, 7.0
HATCHES = {HATCH_NO_DATA: "////", "uncertain": "\\\\\\\\"}
# The Lima–Callao inset, in degrees: Lima Metropolitana, Callao and their coast.
INSET_BOUNDS = (-77.40, -12.62, -76.52, -11.40)
INSET_WIDTH = 0.27  # of the main map's width
# Neighbours and the ocean, for orientation (lon, lat); all outside Peru's polygons.
CONTEXT_LABELS = {
    "en": [
        ("ECUADOR", -78.6, -2.3),
        ("COLOMBIA", -72.5, -1.0),
        ("BRAZIL", -70.0, -8.4),
        ("BOLIVIA", -68.95, -17.45),
        ("CHILE", -69.75, -18.75),
    ],
    "es": [
        ("ECUADOR", -78.6, -2.3),
        ("COLOMBIA", -72.5, -1.0),
        ("BRASIL", -70.0, -8.4),
        ("BOLIVIA", -68.95, -17.45),
        ("CHILE", -69.75, -18.75),
    ],
}
OCEAN = {"en": "Pacific Ocean", "es": "Océano Pacífico"}
# Regions drawn too small on the main map to carry a name there; the inset names them.
UNLABELLED = {"PE-LMA", "PE-CAL"}
# Where a region's name goes when its polygon's representative point is a poor place
# (Lima Region's falls on the inset's frame).
LABEL_AT = {"PE-LIM": (-76.85, -11.05)}
GRID = "#c8c8c8"
INK = "#1a1a1a"
MUTED = "#5a5a5a"


@dataclass(frozen=True, slots=True)
class PrintContext:
    """What a print map says besides its data: where it lives, when it was built, its sources."""

    url: str
    built: str
    subtitle: str
    sources: tuple[str, ...] = ()
    points: tuple[str, ...] = ()  # one line per point: number, name, note, figures and their events
    site: str = ""  # the site's name, said beside a relative `url`


# Where drawn maps may be kept between builds (the adapter's content-keyed FileCache): called
# with a key, a function that draws the files and their suffixes, it returns the files.
Store = Callable[[str, Callable[[], dict[str, bytes]], tuple[str, ...]], dict[str, bytes]]


def render(
    data: MapData,
    context: PrintContext,
    lang: str,
    paper: str,
    formats: tuple[str, ...],
    store: Store | None = None,
) -> dict[str, bytes]:
    """The map on `paper` in each of `formats` (FORMATS), as bytes by format.

    One figure is drawn and saved in every format asked for. With a `store`, a map drawn before
    from the same data, texts, language and paper is taken from it: the key is everything the
    drawing reads (the store adds the code's and libraries' versions). The drawing is given only
    that: the map's definition, the regions' values and the number of unmapped events, never
    the events themselves, so that an edit to an event's words redraws no print map.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    drawn, unmapped = _drawn(data)

    def draw() -> dict[str, bytes]:
        import matplotlib

        with matplotlib.rc_context(_RC):
            figure = _figure(drawn, unmapped, context, lang, paper)
            return {fmt: _save(figure, fmt) for fmt in formats}

    if store is None:
        return draw()
    inputs = (drawn, unmapped, context, lang, paper, formats)
    key = hashlib.sha256(repr(inputs).encode()).hexdigest()
    return store(key, draw, formats)


def _drawn(data: MapData) -> tuple[MapData, int]:
    """What a print map draws of `data`: the data without its events (each region keeps its
    value), and the number of events no region shows."""
    regions = {iso: dataclasses.replace(value, events=()) for iso, value in data.regions.items()}
    stripped = dataclasses.replace(
        data, regions=regions, events=(), unmapped=(), cited={}, undated=()
    )
    return stripped, len(data.unmapped)


_RC = {
    "font.family": "DejaVu Sans",
    "pdf.fonttype": 42,  # TrueType: text stays text, selectable and searchable
    "svg.fonttype": "path",  # the SVG looks the same without the font installed
    "svg.hashsalt": "peru-crisis-record",  # fixed ids in the SVG
    "hatch.linewidth": 0.5,
    "path.simplify": False,
    "axes.unicode_minus": True,
    "text.parse_math": False,  # "US$1.3 billion … US$3.6" is text, not mathematics
}


def _save(figure: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "pdf":
        figure.savefig(
            buffer,
            format="pdf",
            metadata={"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
        )
    elif fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    else:
        dpi = PREVIEW_DPI if fmt == "preview" else PNG_DPI
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


# --- layout -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Page:
    """The paper in millimetres and the factor that scales A4's type and lines."""

    width: float
    height: float
    scale: float

    def pt(self, size: float) -> float:
        return size * self.scale

    def box(self, left: float, bottom: float, width: float, height: float) -> list[float]:
        """A rectangle in A4 millimetres as figure fractions."""
        s = self.scale
        return [
            left * s / self.width,
            bottom * s / self.height,
            width * s / self.width,
            height * s / self.height,
        ]

    def at(self, x: float, y: float) -> tuple[float, float]:
        """A point in A4 millimetres as figure fractions."""
        return x * self.scale / self.width, y * self.scale / self.height


# The A4 layout, in millimetres from the bottom left corner.
MARGIN = 12.0
PAGE_WIDTH = 210.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
TITLE_TOP = 285.0
# Characters per line: 7 pt DejaVu Sans across the 186 mm between the margins; a 15 pt
# bold title fits about 56, a 13 pt one about 64.
FOOTER_CHARS = 138
TITLE_CHARS = {TITLE_PT: 56, 13.0: 64}
FOOTER_LINE_MM = SMALL_PT * 1.3 * PT_MM


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where the blocks go on A4: the heading's lines, the map's box, the footer's lines."""

    title: str
    title_pt: float
    subtitle_top: float
    map_box: tuple[float, float, float, float]
    footer: str
    footer_top: float
    credits: str


def _layout(data: MapData, unmapped: int, context: PrintContext, lang: str) -> _Layout:
    """Fit the texts first, then give the map all the height that is left."""
    title = data.definition.title.get(lang)
    title_pt = TITLE_PT if len(title) <= TITLE_CHARS[TITLE_PT] else 13.0
    title = textwrap.fill(title, TITLE_CHARS[title_pt])
    title_lines = title.count("\n") + 1
    subtitle_top = TITLE_TOP - title_lines * title_pt * 1.25 * PT_MM - 2.0
    map_top = subtitle_top - SUBTITLE_PT * 1.25 * PT_MM - 4.0

    credits = textwrap.fill(
        f"{text('boundaries', lang)} · {text('projection', lang)}", FOOTER_CHARS
    )
    credit_lines = credits.count("\n") + 1
    footer = _footer_text(data, unmapped, context, lang)
    footer_lines = footer.count("\n") + 1 if footer else 0
    # From the bottom: the URL and build date line, the credits, a gap, the footer, a gap.
    footer_top = MARGIN + (credit_lines + 1) * FOOTER_LINE_MM + 3.0 + footer_lines * FOOTER_LINE_MM
    map_bottom = footer_top + 4.0
    if map_top - map_bottom < MIN_MAP_HEIGHT:
        definition = data.definition
        raise DefinitionError(
            [
                Problem(
                    definition.path,
                    1,
                    1,
                    f"the print map's notes, points and sources take {footer_lines} lines, "
                    f"leaving {max(map_top - map_bottom, 0):.0f} mm of the A4 page for the map "
                    f"(at least {MIN_MAP_HEIGHT:.0f} mm are needed)",
                    "shorten the map's notes and the points' notes and figures, or split the "
                    "points over two maps",
                )
            ]
        )
    return _Layout(
        title,
        title_pt,
        subtitle_top,
        (MARGIN, map_bottom, CONTENT_WIDTH, map_top - map_bottom),
        footer,
        footer_top,
        credits,
    )


def _draw(data: MapData, context: PrintContext, lang: str, paper: str) -> Figure:
    """The figure `render` saves, drawn from what `_drawn` keeps of `data`."""
    drawn, unmapped = _drawn(data)
    return _figure(drawn, unmapped, context, lang, paper)


def _figure(data: MapData, unmapped: int, context: PrintContext, lang: str, paper: str) -> Figure:
    from matplotlib.figure import Figure

    width, height = PAPERS[paper]
    page = _Page(width, height, width / PAPERS["a4"][0])
    figure = Figure(figsize=(width * MM, height * MM))
    classification = classify(data)
    regions = _joined(data, classification)
    layout = _layout(data, unmapped, context, lang)

    _heading(figure, page, layout, context)
    ax = figure.add_axes(page.box(*layout.map_box))
    extent = _main_extent(layout.map_box)
    _graticule(ax, page, extent)
    _regions(ax, regions, page, linewidth=0.35)
    # After drawing: geopandas rescales the axes to the data it draws.
    _set_extent(ax, extent, page)
    _region_labels(ax, regions, page, lang)
    _context_labels(ax, page, lang, extent)
    numbers = _points(ax, data, classification, page, lang, extent, width_mm=layout.map_box[2])
    _scale_bar(ax, page, extent, width_mm=layout.map_box[2])
    _inset(ax, page, data, classification, regions, lang, layout.map_box)
    _legend(ax, page, data, classification, lang, has_points=bool(numbers))
    _footer(figure, page, layout, context, lang)
    return figure


def _joined(data: MapData, classification: Classification):
    """Projected regions with each one's legend entry: the data the drawing reads."""
    frame = projected_frame()
    entries = [classification.by_region[iso] for iso in frame["iso"]]
    frame["key"] = [e.key for e in entries]
    frame["fill"] = [e.fill for e in entries]
    frame["hatch"] = [HATCHES.get(e.hatch) if e.hatch else None for e in entries]
    return frame


def _main_extent(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The map frame in projected metres: Peru's full height, the spare width over the ocean."""
    xmin, ymin, xmax, ymax = projected_frame().total_bounds
    margin = 40_000
    metres_per_mm = (ymax - ymin + 2 * margin) / box[3]
    right = xmax + margin
    left = right - box[2] * metres_per_mm
    return left, ymin - margin, right, ymax + margin


def _set_extent(ax, extent, page: _Page) -> None:
    left, bottom, right, top = extent
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_linewidth(page.pt(0.6))
        spine.set_color(INK)


def _heading(figure: Figure, page: _Page, layout: _Layout, context: PrintContext) -> None:
    x, y = page.at(MARGIN, TITLE_TOP)
    figure.text(
        x,
        y,
        layout.title,
        fontsize=page.pt(layout.title_pt),
        fontweight="bold",
        color=INK,
        va="top",
        ha="left",
        linespacing=1.1,
    )
    x, y = page.at(MARGIN, layout.subtitle_top)
    figure.text(
        x, y, context.subtitle, fontsize=page.pt(SUBTITLE_PT), color=MUTED, va="top", ha="left"
    )


def _graticule(ax, page: _Page, extent) -> None:
    """Meridians and parallels every 5°, labelled where they leave the frame."""
    left, bottom, right, top = extent
    for lon in (-80, -75, -70):
        xs, ys = zip(*(project_point(lon, lat / 10) for lat in range(-200, 21)), strict=True)
        ax.plot(xs, ys, color=GRID, linewidth=page.pt(0.3), zorder=0)
        x_at_bottom = _cross(xs, ys, bottom, along_y=True)
        if x_at_bottom is not None and left < x_at_bottom < right:
            ax.annotate(
                f"{abs(lon)}° W" if lon < 0 else f"{lon}° E",
                (x_at_bottom, bottom),
                xytext=(0, page.pt(2)),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=page.pt(SMALL_PT),
                color=MUTED,
            )
    for lat in (0, -5, -10, -15):
        xs, ys = zip(*(project_point(lon / 10, lat) for lon in range(-950, -599)), strict=True)
        ax.plot(xs, ys, color=GRID, linewidth=page.pt(0.3), zorder=0)
        y_at_left = _cross(ys, xs, left, along_y=True)
        if y_at_left is not None and bottom < y_at_left < top:
            label = "0°" if lat == 0 else f"{abs(lat)}° S"
            ax.annotate(
                label,
                (left, y_at_left),
                xytext=(page.pt(2), 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=page.pt(SMALL_PT),
                color=MUTED,
            )


def _cross(values, along, level, along_y: bool) -> float | None:
    """Where a polyline (`values` against `along`) crosses `along == level`, by interpolation."""
    pairs = list(zip(values, along, strict=True))
    for (v0, a0), (v1, a1) in zip(pairs, pairs[1:], strict=False):
        if (a0 - level) * (a1 - level) <= 0 and a0 != a1:
            return v0 + (v1 - v0) * (level - a0) / (a1 - a0)
    return None


def _regions(ax, regions, page: _Page, linewidth: float) -> None:
    """Each class drawn as one layer: its fill, its hatch (if any), and the region outlines."""
    for (fill, hatch), group in regions.groupby(["fill", "hatch"], dropna=False, sort=True):
        hatch = hatch if isinstance(hatch, str) else None
        hatch_colour = HATCH_INK if hatch == HATCHES[HATCH_NO_DATA] else INK
        group.plot(
            ax=ax,
            facecolor=fill,
            edgecolor=OUTLINE,
            linewidth=page.pt(linewidth),
            hatch=hatch,
            hatchcolor=hatch_colour,
            zorder=2,
        )


def _halo(page: _Page, width: float = 1.6):
    from matplotlib.patheffects import withStroke

    return [withStroke(linewidth=page.pt(width), foreground="white")]


def _region_labels(ax, regions, page: _Page, lang: str) -> None:
    for row in regions.itertuples():
        if row.iso in UNLABELLED:
            continue
        if row.iso in LABEL_AT:
            x, y = project_point(*LABEL_AT[row.iso])
        else:
            point = row.geometry.representative_point()
            x, y = point.x, point.y
        name = row.name if lang == "es" else row.name_en
        ax.text(
            x,
            y,
            name,
            fontsize=page.pt(LABEL_PT),
            color=INK,
            ha="center",
            va="center",
            path_effects=_halo(page),
            zorder=5,
        )


def _context_labels(ax, page: _Page, lang: str, extent) -> None:
    left, bottom, right, top = extent
    for name, lon, lat in CONTEXT_LABELS[lang]:
        x, y = project_point(lon, lat)
        if left < x < right and bottom < y < top:
            ax.text(
                x,
                y,
                name,
                fontsize=page.pt(LABEL_PT),
                color=MUTED,
                ha="center",
                va="center",
                zorder=1,
            )
    x, y = project_point(-80.4, -8.6)
    # Upright, not the customary italic: one font fewer to embed in every PDF (a third of its time).
    ax.text(
        x,
        y,
        OCEAN[lang],
        fontsize=page.pt(LEGEND_PT),
        color="#6b7f99",
        ha="center",
        va="center",
        zorder=1,
    )


def _points(
    ax,
    data: MapData,
    classification: Classification,
    page: _Page,
    lang: str,
    extent,
    width_mm: float,
    inset: bool = False,
) -> list:
    """Draw the definition's points, numbered and named; return them in the order of their numbers.

    `width_mm` is the axes' width on A4, to convert type sizes into map units. On the main
    map, points inside the inset's area keep only their dot: the inset names them.
    """
    entries = {e.key: e for e in classification.entries}
    left, _, right, _ = extent
    metres_per_mm = (right - left) / width_mm
    labels = []
    for number, point in enumerate(data.definition.points, start=1):
        x, y = project_point(point.lon, point.lat)
        entry = entries.get(point.category) if point.category else None
        ax.plot(
            [x],
            [y],
            marker="o",
            markersize=page.pt(6.5 if inset else 5.5),
            markerfacecolor=entry.fill if entry else "white",
            markeredgecolor=INK,
            markeredgewidth=page.pt(1.0),
            zorder=6,
            linestyle="none",
        )
        if inset or not _in_inset(point.lon, point.lat):
            labels.append((x, y, f"{number} {point.name.get(lang)}"))
    for (x, y, label), (tx, ty, leftwards) in zip(
        labels, _place_labels(labels, extent, metres_per_mm), strict=True
    ):
        moved = abs(ty - y) > 2.5 * PT_MM * LABEL_PT * metres_per_mm
        ax.annotate(
            label,
            (x, y),
            xytext=(tx, ty),
            textcoords="data",
            ha="right" if leftwards else "left",
            va="center",
            fontsize=page.pt(LABEL_PT),
            fontweight="bold",
            color=INK,
            path_effects=_halo(page),
            zorder=7,
            arrowprops={
                "arrowstyle": "-",
                "color": INK,
                "linewidth": page.pt(0.5),
                "shrinkA": 0,
                "shrinkB": page.pt(3),
            }
            if moved
            else None,
        )
    return list(data.definition.points)


def _place_labels(labels, extent, metres_per_mm: float) -> list[tuple[float, float, bool]]:
    """Where each label goes (x, y, leftwards), so that no two overlap.

    Each label starts just right of its point (left of it near the frame's right edge);
    working from the top, a label that would overlap one already placed moves down below
    it, and gets a leader line to its point.
    """
    left, _, right, _ = extent
    gap = 2.2 * metres_per_mm
    height = LABEL_PT * 1.45 * PT_MM * metres_per_mm
    placed: list[tuple[float, float, float]] = []  # (x0, x1, y) of labels already placed
    result: dict[int, tuple[float, float, bool]] = {}
    order = sorted(range(len(labels)), key=lambda i: -labels[i][1])
    for i in order:
        x, y, label = labels[i]
        width = len(label) * LABEL_PT * 0.62 * PT_MM * metres_per_mm
        leftwards = x + gap + width > right
        x0, x1 = (x - gap - width, x - gap) if leftwards else (x + gap, x + gap + width)
        ty = y + 0.35 * height
        for ox0, ox1, oy in sorted(placed, key=lambda p: -p[2]):
            if x0 < ox1 and ox0 < x1 and abs(ty - oy) < height:
                ty = oy - height
        placed.append((x0, x1, ty))
        result[i] = (x - gap if leftwards else x + gap, ty, leftwards)
    return [result[i] for i in range(len(labels))]


def _in_inset(lon: float, lat: float) -> bool:
    west, south, east, north = INSET_BOUNDS
    return west <= lon <= east and south <= lat <= north


def _scale_bar(
    ax, page: _Page, extent, width_mm: float, length_km: float | None = None, where=(0.40, 0.03)
) -> None:
    """A scale bar in projected metres (true along the standard parallels, within 1% over Peru)."""
    from matplotlib.patches import Rectangle

    left, bottom, right, top = extent
    width = right - left
    if length_km is None:
        length_km = _nice_length(width * 0.22 / 1000)
    length = length_km * 1000
    x0 = left + where[0] * width
    y0 = bottom + where[1] * (top - bottom)
    bar_height = 1.2 * width / width_mm  # 1.2 mm
    half = length / 2
    for i, colour in enumerate((INK, "white")):
        ax.add_patch(
            Rectangle(
                (x0 + i * half, y0),
                half,
                bar_height,
                facecolor=colour,
                edgecolor=INK,
                linewidth=page.pt(0.5),
                zorder=8,
            )
        )
    # The middle label only where the bar is long enough (18 mm) to keep three labels apart.
    fractions = (0, 0.5, 1) if length / width * width_mm >= 18 else (0, 1)
    for fraction in fractions:
        value = length_km * fraction
        label = f"{value:g}" + (" km" if fraction == 1 else "")
        ax.text(
            x0 + length * fraction,
            y0 + bar_height * 1.8,
            label,
            fontsize=page.pt(SMALL_PT),
            ha="center",
            va="bottom",
            color=INK,
            path_effects=_halo(page),
            zorder=8,
        )


def _nice_length(km: float) -> float:
    """The largest of 1, 2, 2.5, 5 × 10ⁿ km not longer than `km`."""
    exponent = 10 ** math.floor(math.log10(km))
    return max(step * exponent for step in (1, 2, 2.5, 5) if step * exponent <= km)


def _inset(
    ax,
    page: _Page,
    data: MapData,
    classification: Classification,
    regions,
    lang: str,
    box: tuple[float, float, float, float],
) -> None:
    """Lima Metropolitana and Callao enlarged, in the ocean at the lower left of the main map."""
    from matplotlib.patches import Rectangle

    west, south, east, north = INSET_BOUNDS
    x0, y0 = project_point(west, south)
    x1, y1 = project_point(east, north)
    inset = ax.inset_axes(
        [0.025, 0.025, INSET_WIDTH, INSET_WIDTH * (y1 - y0) / (x1 - x0) * _aspect(ax)]
    )
    inset.set_facecolor("white")
    inset.set_zorder(9)
    _regions(inset, regions.cx[x0:x1, y0:y1], page, linewidth=0.6)
    _set_extent(inset, (x0, y0, x1, y1), page)
    names = {"PE-LMA": (-76.93, -11.80), "PE-CAL": (-77.2, -11.93), "PE-LIM": (-76.68, -11.62)}
    for row in regions.itertuples():
        if row.iso in names:
            x, y = project_point(*names[row.iso])
            name = row.name if lang == "es" else row.name_en
            inset.text(
                x,
                y,
                name,
                fontsize=page.pt(LABEL_PT),
                ha="center",
                va="center",
                color=INK,
                path_effects=_halo(page),
                zorder=5,
            )
    inset_mm = INSET_WIDTH * box[2]
    _points(
        inset, data, classification, page, lang, (x0, y0, x1, y1), width_mm=inset_mm, inset=True
    )
    _scale_bar(inset, page, (x0, y0, x1, y1), width_mm=inset_mm, length_km=20, where=(0.06, 0.04))
    inset.set_title(
        text("inset", lang), fontsize=page.pt(LEGEND_PT), color=INK, pad=page.pt(3), loc="left"
    )
    ax.add_patch(
        Rectangle(
            (x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=INK, linewidth=page.pt(0.6), zorder=8
        )
    )


def _aspect(ax) -> float:
    """Width over height of `ax` on the page, to size an inset that keeps its own aspect."""
    position = ax.get_position()
    figure_w, figure_h = ax.figure.get_size_inches()
    return (position.width * figure_w) / (position.height * figure_h)


def _legend(
    ax, page: _Page, data: MapData, classification: Classification, lang: str, has_points: bool
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    definition = data.definition
    handles = [
        Patch(
            facecolor=e.fill,
            edgecolor=OUTLINE,
            linewidth=page.pt(0.5),
            hatch=HATCHES.get(e.hatch) if e.hatch else None,
            label=e.label.get(lang),
        )
        for e in classification.entries
    ]
    if has_points:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markerfacecolor="white",
                markeredgecolor=INK,
                markeredgewidth=page.pt(1.0),
                markersize=page.pt(5.5),
                label=text("points", lang) + " (1, 2 …)",
            )
        )
    # A count map's legend says what is counted; a category map's entries speak for themselves.
    title = text("event_count", lang) if definition.measure == "count" else None
    legend = ax.legend(
        handles=handles,
        title=title,
        loc="upper left",
        bbox_to_anchor=(0.02, 0.98),
        fontsize=page.pt(LEGEND_PT),
        title_fontsize=page.pt(LEGEND_PT),
        frameon=True,
        fancybox=False,
        edgecolor=MUTED,
        framealpha=1,
        borderpad=0.6,
        handlelength=2.0,
        handleheight=1.1,
    )
    legend.get_frame().set_linewidth(page.pt(0.5))
    if title:
        legend.get_title().set_fontweight("bold")
    legend.set_zorder(10)
    # Long category labels wrap rather than widen the box over the map.
    for label in legend.get_texts():
        label.set_text(textwrap.fill(label.get_text(), 34))


def _footer_text(data: MapData, unmapped: int, context: PrintContext, lang: str) -> str:
    """Points with their figures, notes, unmapped events and sources, wrapped to the page."""
    definition = data.definition
    lines = list(context.points)
    if definition.notes:
        lines.append(f"{text('notes', lang)}: {plain_line(definition.notes.get(lang))}")
    if unmapped:
        lines.append(text("unmapped", lang, n=unmapped).rstrip(":") + ".")
    if context.sources:
        lines.append(f"{text('sources', lang)}: " + "; ".join(context.sources))
    return "\n".join(textwrap.fill(line, FOOTER_CHARS, subsequent_indent="   ") for line in lines)


def _footer(figure: Figure, page: _Page, layout: _Layout, context: PrintContext, lang: str) -> None:
    small = {"fontsize": page.pt(SMALL_PT), "linespacing": 1.3}
    if layout.footer:
        x, y = page.at(MARGIN, layout.footer_top)
        figure.text(x, y, layout.footer, color=INK, va="top", ha="left", **small)
    x, y = page.at(MARGIN, MARGIN + FOOTER_LINE_MM)
    figure.text(x, y, layout.credits, color=MUTED, va="bottom", ha="left", **small)
    x, y = page.at(MARGIN, MARGIN)
    if "://" in context.url or not context.site:
        online = text("map_page", lang, url=context.url)
    else:  # no site_url configured: the page's path on the named site
        online = text(
            "map_page_relative", lang, url="/" + context.url.lstrip("/"), site=context.site
        )
    figure.text(x, y, online, color=MUTED, va="bottom", ha="left", **small)
    x, y = page.at(PAGE_WIDTH - MARGIN, MARGIN)
    figure.text(
        x, y, text("built", lang, date=context.built), color=MUTED, va="bottom", ha="right", **small
    )


__all__ = ["FORMATS", "PAPERS", "PERU_ALBERS", "PrintContext", "render"]

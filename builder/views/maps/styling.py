"""Classes, colours and legend entries, shared by the interactive and the print maps.

Palettes are single-hue sequential ramps (or viridis), so the classes stay in order for
readers with a colour-vision deficiency and on a greyscale printout. "No data" is white
with a hatch, never a shade of the ramp, so it cannot be read as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from builder.record.model import Localized
from builder.text.map_texts import text
from builder.text.numbers import number
from builder.views.maps.measures import MapData

# matplotlib colormap per palette name; viridis is reversed so that darker means more.
_COLORMAPS = {
    "blues": "Blues",
    "greens": "Greens",
    "oranges": "Oranges",
    "purples": "Purples",
    "greys": "Greys",
    "viridis": "viridis_r",
}
# Where on the ramp the lightest and darkest classes sit: the ends of ColorBrewer-style
# ramps are too close to white (lost on paper) and to black (labels vanish).
_LIGHTEST, _DARKEST = 0.06, 0.92
NO_DATA_FILL = "#ffffff"
HATCH_NO_DATA = "no-data"
HATCH_UNCERTAIN = "uncertain"
HATCH_INK = "#555555"
OUTLINE = "#4d4d4d"


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One class: its key (a count range or a category id), label, fill and hatch (or None)."""

    key: str
    label: Localized
    fill: str
    hatch: str | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    """The legend of a map, in order, and the entry each region falls in."""

    entries: tuple[LegendEntry, ...]
    by_region: dict[str, LegendEntry]

    def dark(self, entry: LegendEntry) -> bool:
        """True if text on `entry`'s fill should be white."""
        return _luminance(entry.fill) < 0.4


@lru_cache(maxsize=64)
def ramp(palette: str, n: int) -> tuple[str, ...]:
    """`n` colours from light to dark on `palette`, as #rrggbb."""
    import matplotlib
    from matplotlib.colors import to_hex

    colormap = matplotlib.colormaps[_COLORMAPS[palette]]
    if n == 1:
        return (to_hex(colormap(0.6)),)
    step = (_DARKEST - _LIGHTEST) / (n - 1)
    return tuple(to_hex(colormap(_LIGHTEST + i * step)) for i in range(n))


def count_labels(breaks: tuple[int, ...]) -> list[tuple[str, int, int | None, Localized]]:
    """(key, low, high or None, label) for a zero class and one class per break."""
    classes = [("0", 0, 0, Localized("0", "0"))]
    for i, low in enumerate(breaks):
        high = breaks[i + 1] - 1 if i + 1 < len(breaks) else None
        if high is None:
            label = Localized(text("or_more", "en", n=low), text("or_more", "es", n=low))
        elif high == low:
            label = Localized(number(low, "en"), number(low, "es"))
        else:
            label = Localized(
                f"{number(low, 'en')}–{number(high, 'en')}",
                f"{number(low, 'es')}–{number(high, 'es')}",
            )
        classes.append((f"{low}-{high}" if high is not None else f"{low}-", low, high, label))
    return classes


def classify(data: MapData) -> Classification:
    """Assign each region of `data` to a legend entry."""
    definition = data.definition
    no_data = LegendEntry(
        "no-data",
        Localized(text("no_data", "en"), text("no_data", "es")),
        NO_DATA_FILL,
        HATCH_NO_DATA,
    )
    by_region: dict[str, LegendEntry] = {}
    if definition.measure == "count":
        classes = count_labels(definition.classes)
        colours = ramp(definition.palette, len(classes))
        entries = [
            LegendEntry(key, label, colour)
            for (key, _, _, label), colour in zip(classes, colours, strict=True)
        ]
        for iso, region in data.regions.items():
            if not region.known or region.value is None:
                by_region[iso] = no_data
                continue
            index = max(i for i, (_, low, _, _) in enumerate(classes) if region.value >= low)
            by_region[iso] = entries[index]
    else:
        # Categories are listed strongest first; the darkest shade goes to the first.
        colours = ramp(definition.palette, len(definition.categories) + 1)
        unassigned = LegendEntry("unassigned", definition.unassigned or Localized("—"), colours[0])
        entries = [
            LegendEntry(c.id, c.label, colour, HATCH_UNCERTAIN if c.hatch else None)
            for c, colour in zip(definition.categories, reversed(colours[1:]), strict=True)
        ]
        entries.append(unassigned)
        by_id = {e.key: e for e in entries}
        for iso, region in data.regions.items():
            if not region.known:
                by_region[iso] = no_data
            else:
                by_region[iso] = by_id[region.value] if region.value is not None else unassigned
    if any(e is no_data for e in by_region.values()):
        entries.append(no_data)
    return Classification(tuple(entries), by_region)


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue

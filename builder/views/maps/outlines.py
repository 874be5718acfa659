"""The regions' outlines as one script that every interactive map loads.

The outlines are most of an interactive map's bytes (about 100 KB of a 130 KB document) and the
same in every map: written once, beside Leaflet under each language's assets/, they are fetched
once and cached. A script rather than JSON, so that a map opened from disk (the offline copy)
reads it too: browsers refuse to fetch a file:// address from a page, not to run its script.

A map's regions layer carries each region's properties and, for geometry, an empty one;
Leaflet asks the layer's `filter` about each feature before drawing it, and that is where the
feature takes its outline from the script (OUTLINE_FILTER).
"""

from __future__ import annotations

import json

from builder.views.maps.geodata import regions_frame
from builder.views.output import OutputFile

OUTLINES_SCRIPT = "assets/maps/region-outlines.js"
# The global the script sets: each region's GeoJSON geometry by its ISO code.
OUTLINES_GLOBAL = "pcrRegionOutlines"
# What a feature of the map's document holds instead of its outline: valid (empty) GeoJSON,
# not null, since Leaflet passes over a feature whose geometry is null before asking the filter.
NO_GEOMETRY = {"type": "MultiPolygon", "coordinates": []}
OUTLINE_FILTER = (
    "function (feature) {\n"
    f"    feature.geometry = window.{OUTLINES_GLOBAL}[feature.id];\n"
    "    return true;\n"
    "}"
)


def outlines() -> dict[str, dict]:
    """Each region's geometry in WGS 84 as GeoJSON, by ISO code, in ISO order."""
    frame = regions_frame()
    return {
        row.iso: json.loads(json.dumps(row.geometry.__geo_interface__))
        for row in frame.itertuples()
    }


def outlines_file() -> OutputFile:
    """The outlines' script, the same bytes for every map and language."""
    data = json.dumps(outlines(), separators=(",", ":"), sort_keys=True)
    text = (
        "/* Peru's regions' outlines for the site's interactive maps (each map.html under maps/), by ISO "
        "3166-2 code. Boundaries: Natural Earth (public domain). */\n"
        f"window.{OUTLINES_GLOBAL} = {data};\n"
    )
    return OutputFile(OUTLINES_SCRIPT, text.encode("utf-8"))

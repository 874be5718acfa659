"""What the interactive maps load besides their own document, served by the site itself:
Leaflet's script, stylesheet and images from xstatic-leaflet, and the regions' outlines."""

from __future__ import annotations

from pathlib import Path

from builder.views.maps.interactive import LEAFLET_DIR
from builder.views.maps.outlines import outlines_file
from builder.views.output import OutputFile

# What a map without markers' icons needs; the source maps and the ES-module build are left out.
_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)


def leaflet_dir() -> Path:
    """Where xstatic-leaflet installed Leaflet's files."""
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def leaflet_files() -> list[OutputFile]:
    """Leaflet's files as site files under assets/leaflet/, byte for byte (licence header kept)."""
    base = leaflet_dir()
    return [
        OutputFile(f"{LEAFLET_DIR}/{name}", (base / name).read_bytes())
        for name in _FILES
        if (base / name).is_file()
    ]


def shared_files() -> list[OutputFile]:
    """The files every interactive map of a language loads: Leaflet's and the outlines."""
    return [*leaflet_files(), outlines_file()]

"""Leaflet, served by the site itself: its script, stylesheet and images from xstatic-leaflet."""

from __future__ import annotations

from pathlib import Path

from builder.views.maps.interactive import LEAFLET_DIR
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

"""The site's own stylesheet and script, published from the package as they are."""

from __future__ import annotations

from importlib import resources

from builder.output import OutputFile

ASSET_DIR = "assets/peru-timeline"
STYLESHEET = f"{ASSET_DIR}/timeline.css"
SCRIPT = f"{ASSET_DIR}/timeline.js"


def asset_files() -> list[OutputFile]:
    """The stylesheet (screen and print) and the timeline filter script."""
    package = resources.files("builder") / "assets"
    return [
        OutputFile(STYLESHEET, (package / "timeline.css").read_text(encoding="utf-8")),
        OutputFile(SCRIPT, (package / "timeline.js").read_text(encoding="utf-8")),
    ]

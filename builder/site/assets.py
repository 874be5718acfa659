"""The site's own stylesheet and script, published from the package as they are."""

from __future__ import annotations

from importlib import resources

from builder.output import OutputFile

ASSET_DIR = "assets/peru-timeline"
STYLESHEET = f"{ASSET_DIR}/timeline.css"
SCRIPT = f"{ASSET_DIR}/timeline.js"
# The offline copy's stand-in for the web worker the theme's search runs in (assets/offline.js).
OFFLINE_SCRIPT = f"{ASSET_DIR}/offline.js"


def asset_files(offline: bool = False) -> list[OutputFile]:
    """The stylesheet (screen and print) and the timeline filter script; the offline copy's
    search script too when `offline`."""
    package = resources.files("builder") / "assets"
    names = [(STYLESHEET, "timeline.css"), (SCRIPT, "timeline.js")]
    if offline:
        names.append((OFFLINE_SCRIPT, "offline.js"))
    return [OutputFile(path, (package / name).read_text(encoding="utf-8")) for path, name in names]

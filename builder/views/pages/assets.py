"""The site's own stylesheet and script, published from the package as they are."""

from __future__ import annotations

from importlib import resources

from builder.views.output import OutputFile

ASSET_DIR = "assets/peru-timeline"
STYLESHEET = f"{ASSET_DIR}/timeline.css"
SCRIPT = f"{ASSET_DIR}/timeline.js"
# The explorer, loaded by the timeline page alone (in this order: state, band, map, list, page).
EXPLORER_STYLESHEET = f"{ASSET_DIR}/explorer.css"
EXPLORER_SCRIPTS = tuple(
    f"{ASSET_DIR}/{name}"
    for name in ("explorer-data.js", "explorer-band.js", "explorer-map.js", "explorer-list.js",
                 "explorer.js")
)  # fmt: skip
# The offline copy's stand-in for the web worker the theme's search runs in (assets/offline.js).
OFFLINE_SCRIPT = f"{ASSET_DIR}/offline.js"


def asset_files(offline: bool = False) -> list[OutputFile]:
    """The stylesheet (screen and print), the language switch's script, the timeline explorer's
    stylesheet and script; the offline copy's search script too when `offline`."""
    package = resources.files("builder") / "assets"
    names = [
        (STYLESHEET, "timeline.css"),
        (SCRIPT, "timeline.js"),
        (EXPLORER_STYLESHEET, "explorer.css"),
        *((path, path.rsplit("/", 1)[1]) for path in EXPLORER_SCRIPTS),
    ]
    if offline:
        names.append((OFFLINE_SCRIPT, "offline.js"))
    return [OutputFile(path, (package / name).read_text(encoding="utf-8")) for path, name in names]

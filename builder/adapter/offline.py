"""The offline copy's side of the build (`peru-timeline dist`): links that name `.html` files,
search without a web worker, and the footer's link between the copy and the site.

The theme's own `offline` plugin does the same but loads its worker stand-in from unpkg.com: the
site requests nothing from another host, so ours is in the copy.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from builder.text.strings import strings
from builder.views.pages.assets import OFFLINE_SCRIPT

# Set to "1" in the generator's environment, the plugin builds the offline copy without another
# configuration file.
OFFLINE_ENV = "PERU_TIMELINE_OFFLINE"
# The offline copy's address on the published site, beside its home page.
OFFLINE_COPY = "site.zip"


def wants_offline(option: bool) -> bool:
    """Whether this build is the offline copy: the plugin's option or the environment says so."""
    return option or os.environ.get(OFFLINE_ENV) == "1"


def configure_offline(config: MkDocsConfig) -> None:
    """Links name `.html` files (a folder opened from disk lists its files, it does not open its
    index.html), and the theme's search runs without a web worker."""
    config.use_directory_urls = False
    polyfills = config.extra.get("polyfills") or []
    if OFFLINE_SCRIPT not in polyfills:
        config.extra["polyfills"] = [*polyfills, OFFLINE_SCRIPT]


def offline_copy_link(lang: str, offline: bool, site_url: str | None) -> dict | None:
    """The footer's link to the offline copy: on the site, site.zip beside the home page (the
    publishing workflow puts it there); in the copy itself, the latest one online."""
    words = strings(lang)
    if not offline:
        return {"href": OFFLINE_COPY, "relative": True, "label": words["offline_copy"]}
    if not site_url:
        return None
    href = site_url.rstrip("/") + "/" + OFFLINE_COPY
    return {"href": href, "relative": False, "label": words["offline_copy_latest"]}

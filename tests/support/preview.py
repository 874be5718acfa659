"""A preview's builds, as `peru-timeline serve` runs them, in a process of their own.

`python -m tests.support.preview ROOT SITE` builds the project at ROOT into SITE as the preview
does (MkDocs' serve command: the plugin started for `serve`, dirty builds), then reads lines on
its standard input: each rebuilds the site in place, as the preview does after a save, and
answers `built` once done. Run without input it is a preview's first build: a clean one. The
process holds one plugin across its builds, as the server does; MkDocs keeps the plugin in the
process (its plugin cache), so a clean build needs a process of its own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def main(root: str, site_dir: str) -> None:
    """Build, then build again for every line read, saying `built` each time."""
    os.environ.update({"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"})
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(root)

    def config():
        loaded = load_config(config_file="mkdocs.yml", site_dir=str(Path(site_dir).resolve()))
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, serve_url=SERVE_URL, dirty=True)
    print("built", flush=True)
    for _line in sys.stdin:
        build(config(), serve_url=SERVE_URL, dirty=True)
        print("built", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])

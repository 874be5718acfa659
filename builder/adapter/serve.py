"""`peru-timeline serve`: MkDocs' live-reloading preview, run in this process.

In this process, stopping the command (Ctrl-C, or `kill PID`) stops the server it started and
removes its temporary site folder. The log keeps what a contributor needs: build errors, the
preview's address, what changed; the theme's banner and the server's redirect notices go.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

# Material prints a banner about its successor on every build unless this is set.
QUIET_THEME = {"NO_MKDOCS_2_WARNING": "1"}


class _Noise(logging.Filter):
    """Drops the server's notice of every redirect (the preview's root redirects to the site's
    path) and MkDocs' warning on every dirty rebuild, which say nothing a contributor can act
    on: the preview renders only what an edit changed (rebuilds.py), which is what they want."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno != logging.WARNING:
            return True
        return '" code 30' not in message and "A 'dirty' build is being performed" not in message


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt  # MkDocs shuts the server down and removes its site folder


def serve(root: Path, dev_addr: str) -> int:
    """Serve the project at `root` on `dev_addr` until stopped; the exit code."""
    os.environ.update(QUIET_THEME)
    from mkdocs.__main__ import cli  # after the environment: the theme reads it on import

    signal.signal(signal.SIGTERM, _stop)
    logging.getLogger("mkdocs.livereload").addFilter(_Noise())
    logging.getLogger("mkdocs.commands.build").addFilter(_Noise())
    os.chdir(root)
    # --dirty: a rebuild renders only the files an edit changed (rebuilds.py).
    args = [
        "serve",
        "--livereload",
        "--dirty",
        "--dev-addr",
        dev_addr,
        "--config-file",
        "mkdocs.yml",
    ]
    try:
        cli.main(args, prog_name="peru-timeline serve", standalone_mode=False)
    except KeyboardInterrupt:
        return 0
    return 0

"""The one quiet HTTP server: a built site on 127.0.0.1, in a thread, logging nothing."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a page left before its image loaded
        pass


@contextlib.contextmanager
def serve_quietly(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) until the block ends; yields the base address,
    ending in a slash."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""`peru-timeline serve`: a broken event shows its problems on the preview's pages (the last good
site stays browsable) and fixing it brings the pages back; stopping the command stops its server."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.support.project import VALID_NAME
from tests.support.site import site_project

pytestmark = pytest.mark.slow

NOTICE = 'class="pcr-preview-problems"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def test_the_preview_shows_a_broken_event_and_stops_with_its_server(project) -> None:
    root = site_project(project, hostile=False).root
    port = free_port()
    home = f"http://127.0.0.1:{port}/"
    log = root / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "builder.cli",
                "serve",
                "--root",
                str(root),
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: "Test record" in fetch(home), "the first build")
        assert NOTICE not in fetch(home)
        event = root / VALID_NAME
        good = event.read_text(encoding="utf-8")
        event.write_text(good.replace("title: ", "title: [unclosed\n", 1), encoding="utf-8")
        wait_for(lambda: NOTICE in fetch(home), "the problems notice")
        page = fetch(home)
        assert f"{VALID_NAME}:" in page  # path:line:column, as the checker writes it
        assert "Test record" in page  # the last good site, still browsable
        event.write_text(good, encoding="utf-8")
        wait_for(lambda: NOTICE not in fetch(home), "the notice to go")
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert code == 0, text
    assert fetch(home) == "", "the server still answers after its command stopped"
    assert "NO_MKDOCS_2_WARNING" not in text  # the theme's banner is not printed
    assert "Showing the last good version" in text

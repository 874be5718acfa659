"""`peru-timeline serve`: a broken event shows its problems on the preview's pages (the last good
site stays browsable) and fixing it brings the pages back; stopping the command stops its server."""

from __future__ import annotations

import json
import re
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


def start_serve(root, port: int, log) -> subprocess.Popen:
    """`peru-timeline serve` on `root`, its output in the file `log`."""
    with log.open("w") as output:
        return subprocess.Popen(
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


def test_the_preview_shows_a_broken_event_and_stops_with_its_server(project) -> None:
    root = site_project(project, hostile=False).root
    port = free_port()
    home = f"http://127.0.0.1:{port}/"
    about = home + "about/"
    log = root / "serve.log"
    server = start_serve(root, port, log)
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
        assert NOTICE in fetch(about)  # a hand-written page too: every page is rendered again
        event.write_text(good, encoding="utf-8")
        wait_for(lambda: NOTICE not in fetch(home), "the notice to go")
        assert NOTICE not in fetch(about)
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert code == 0, text
    assert fetch(home) == "", "the server still answers after its command stopped"
    assert "NO_MKDOCS_2_WARNING" not in text  # the theme's banner is not printed
    assert "Showing the last good version" in text


def test_an_edit_renders_only_the_pages_it_changed(project) -> None:
    root = site_project(project, hostile=False).root
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    event_id = VALID_NAME.rsplit("/", 1)[1].removesuffix(".yml")
    page = f"{base}events/{event_id}/"
    log = root / "serve.log"
    server = start_serve(root, port, log)
    try:
        wait_for(lambda: "Test record" in fetch(base), "the first build")
        first = log.read_text(encoding="utf-8")
        everything = int(re.findall(r"(\d+) generated file\(s\) to render or copy", first)[-1])
        event = root / VALID_NAME
        event.write_text(
            event.read_text(encoding="utf-8").replace("title: ", "title: Retitled ", 2),
            encoding="utf-8",
        )
        wait_for(lambda: "Retitled" in fetch(page), "the edited page")
        wait_for(lambda: "Retitled" in fetch(base + "timeline/"), "the timeline's listing")
        counts = re.findall(
            r"(\d+) generated file\(s\) to render or copy", log.read_text(encoding="utf-8")
        )
        assert 0 < int(counts[-1]) < everything / 2, (counts, everything)
        assert "Test record" in fetch(base + "about/")  # untouched pages still served
        # The preview's search lists each page once (both languages), with its new words.
        indexes = {
            lang: json.loads(fetch(f"{base}{prefix}search/search_index.json"))["docs"]
            for lang, prefix in (("en", ""), ("es", "es/"))
        }
        for lang, docs in indexes.items():
            locations = [doc["location"] for doc in docs]
            assert len(locations) == len(set(locations)), lang
        assert any("Retitled" in doc["title"] for doc in indexes["en"])
        assert "about/" in {doc["location"] for doc in indexes["en"]}  # untouched pages stay
        assert "dirty" not in log.read_text(encoding="utf-8")  # MkDocs' warning is not shown
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

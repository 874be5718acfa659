"""`make bench`'s timeline figures (tools/timeline_bench.py): the transfer log of the gzip
server, the report lines, and the browser measurements on hand-made pages that follow (or not)
the explorer's contract. No site is built here; `make bench` measures the real ones.

Each browser check has its own Playwright in a thread of its own: other modules keep a browser
open for the session, and the sync API allows one a thread.
"""

from __future__ import annotations

import gzip
import http.client
import threading
from pathlib import Path

import pytest

from tools import timeline_bench as bench
from tools.audit import Transfer, serve

# A page that follows the explorer's contract: ready after a moment, and each ArrowRight on the
# window an update of at least 15 ms, reported with its time. It asks for its data after load.
EXPLORER = """<!doctype html>
<html lang="en"><head><title>Timeline</title><link rel="stylesheet" href="../style.css"></head>
<body>
<div id="pcr-explorer">
  <div id="pcr-band-window" role="slider" tabindex="0" aria-valuenow="0">window</div>
</div>
<script>
  var explorer = document.getElementById("pcr-explorer");
  var band = document.getElementById("pcr-band-window");
  setTimeout(function () {
    fetch("../data.json").then(function () { explorer.setAttribute("data-ready", ""); });
  }, 200);
  band.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowRight") return;
    var began = performance.now();
    setTimeout(function () {
      while (performance.now() < began + 15) {}
      band.setAttribute("aria-valuenow", Number(band.getAttribute("aria-valuenow")) + 1);
      var ms = performance.now() - began;
      document.dispatchEvent(new CustomEvent("pcr-explorer-rendered", { detail: { ms: ms } }));
    }, 0);
  });
</script>
</body></html>
"""
# The contract's elements, but the window never reports an update.
SILENT = EXPLORER.replace("document.dispatchEvent", "void")
# The explorer's element, never ready.
NEVER_READY = EXPLORER.replace('explorer.setAttribute("data-ready", "")', "0")
# A timeline page from before the explorer.
PLAIN = (
    '<!doctype html><html lang="en"><body><ol id="pcr-results"><li>An event</li></ol></body></html>'
)
STYLE = "body { color: #222; }\n" * 400


def _site(root: Path, page: str = EXPLORER) -> Path:
    """A site with a timeline page in both languages, a stylesheet and a data file."""
    for folder in ("timeline", "es/timeline"):
        (root / folder).mkdir(parents=True)
        (root / folder / "index.html").write_text(page, encoding="utf-8")
    (root / "style.css").write_text(STYLE, encoding="utf-8")
    (root / "es" / "style.css").write_text(STYLE, encoding="utf-8")
    (root / "data.json").write_text('{"events": []}', encoding="utf-8")
    (root / "es" / "data.json").write_text('{"events": []}', encoding="utf-8")
    return root


def _in_thread(task):
    """Run `task()` in a thread of its own (where it may start Playwright); return its value."""
    problem = bench.browser_problem()
    if problem:
        pytest.skip(problem)
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = task()
        except BaseException as error:  # handed to the test's thread, where pytest reports it
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _in_browser(check):
    """Run `check(browser)` with its own Chromium in a thread; return what it returns."""

    def task():
        with bench.chromium() as browser:
            return check(browser)

    return _in_thread(task)


# --- the server's transfer log ------------------------------------------------------------


def test_the_server_logs_each_response_with_the_gzipped_bytes_it_sent(tmp_path):
    _site(tmp_path)
    log: list[Transfer] = []
    with serve(tmp_path, transfers=log) as base:
        host, port = base.removeprefix("http://").rstrip("/").split(":")
        connection = http.client.HTTPConnection(host, int(port))
        connection.request("GET", "/style.css?v=1", headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        missing = http.client.HTTPConnection(host, int(port))
        missing.request("GET", "/nothing.js")
        missing.getresponse().read()
        missing.close()
    assert gzip.decompress(body).decode() == STYLE
    paths = [t.path for t in log]
    assert paths == ["/style.css", "/nothing.js"]  # without the query
    sent = log[0].size
    assert len(body) < sent < len(body) + 400  # the gzipped body and its headers
    assert sent < len(STYLE.encode()) // 10


def test_without_a_log_the_server_logs_nothing(tmp_path):
    _site(tmp_path)
    with serve(tmp_path) as base:
        host, port = base.removeprefix("http://").rstrip("/").split(":")
        connection = http.client.HTTPConnection(host, int(port))
        connection.request("GET", "/style.css")
        assert connection.getresponse().read().decode() == STYLE


# --- report lines -------------------------------------------------------------------------


def test_a_first_load_totals_its_transfers_and_lists_the_five_largest():
    sizes = {"/a.js": 4096, "/b.css": 1024, "/": 2048, "/c.png": 2048, "/d": 10, "/e": 20}
    load = bench.FirstLoad("timeline/", tuple(Transfer(p, n) for p, n in sizes.items()))
    assert load.total == sum(sizes.values())
    assert [t.path for t in load.largest()] == ["/a.js", "/", "/c.png", "/b.css", "/e"]
    lines = bench.load_lines(load, 200 * 1024)
    assert lines[0] == (
        "first load of /timeline/: 9.0 KB in 6 responses, gzipped — budget ≤ 200.0 KB: within"
    )
    assert lines[1:] == [
        "      4.0 KB  /a.js",
        "      2.0 KB  /",
        "      2.0 KB  /c.png",
        "      1.0 KB  /b.css",
        "      0.0 KB  /e",
    ]
    assert bench.load_lines(load, 8 * 1024)[0].endswith("budget ≤ 8.0 KB: OVER")


def test_a_request_to_another_host_is_reported():
    load = bench.FirstLoad("timeline/", (Transfer("/", 10),), ("https://tiles.example.org/1.png",))
    assert (
        bench.load_lines(load, 100)[-1] == "  ANOTHER HOST asked: https://tiles.example.org/1.png"
    )


def test_update_times_give_medians_maxima_ratios_to_the_reference_and_the_budget():
    updates = bench.Updates(reported=(10.0, 30.0, 20.0, 200.0), measured=(12.0, 40.0, 22.0, 210.0))
    reference = bench.Updates(reported=(5.0, 5.0), measured=(10.0, 10.0))
    assert bench.update_lines(updates, reference, 100) == [
        "explorer's own time: median 25.0 ms (×5.0 the real record's), max 200.0 ms over 4 moves"
        " — budget median ≤ 100 ms: within",
        "key press to event: median 31.0 ms (×3.1 the real record's), max 210.0 ms over 4 moves"
        " — budget median ≤ 100 ms: within",
    ]
    assert bench.update_lines(updates, None, None) == [
        "explorer's own time: median 25.0 ms, max 200.0 ms over 4 moves",
        "key press to event: median 31.0 ms, max 210.0 ms over 4 moves",
    ]
    assert bench.update_lines(updates, None, 20)[0].endswith("budget median ≤ 20 ms: OVER")


def test_a_ratio_needs_a_positive_reference():
    assert bench.ratio(30, 10) == "×3.0"
    assert bench.ratio(30, 0) == bench.ratio(30, None) == ""


def test_the_load_average_is_printed_with_the_cpu_count(monkeypatch):
    monkeypatch.setattr(bench.os, "getloadavg", lambda: (1.5, 0.25, 2.0))
    monkeypatch.setattr(bench.os, "cpu_count", lambda: 2)
    assert bench.load_average() == "load average 1.50 0.25 2.00 on 2 CPU(s)"


# --- in Chromium, on hand-made pages ------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_a_first_load_counts_everything_until_the_network_is_idle(tmp_path):
    site = _site(tmp_path)

    def check(browser):
        with bench.served(site) as (base, log):
            return bench.first_load(browser, base, log, "timeline/")

    load = _in_browser(check)
    paths = {t.path for t in load.transfers}
    assert {"/timeline/", "/style.css", "/data.json"} <= paths  # the data asked for after load
    assert load.foreign == ()
    style = next(t for t in load.transfers if t.path == "/style.css")
    assert style.size < len(STYLE) // 10  # gzipped


@pytest.mark.browser
@pytest.mark.slow
def test_the_window_moves_are_timed_both_ways(tmp_path):
    site = _site(tmp_path)

    def check(browser):
        with bench.served(site) as (base, _):
            return bench.window_moves(browser, base + "timeline/", moves=5)

    updates = _in_browser(check)
    assert len(updates.reported) == len(updates.measured) == 5
    assert all(ms >= 15 for ms in updates.reported)
    # Measured from before the key press, the time includes the explorer's own.
    assert all(m >= r - 1 for r, m in zip(updates.reported, updates.measured, strict=True))


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "message"),
    [
        (PLAIN, "timeline explorer not found: no #pcr-band-window"),
        (NEVER_READY, "timeline explorer not ready: #pcr-explorer has no data-ready after 1 s"),
        (SILENT, "no pcr-explorer-rendered within 1 s of ArrowRight 1"),
    ],
)
def test_a_page_off_the_contract_is_a_clear_line(tmp_path, page, message):
    site = _site(tmp_path, page)

    def check(browser):
        with bench.served(site) as (base, _):
            try:
                bench.window_moves(browser, base + "timeline/", ready_seconds=1, move_seconds=1)
            except bench.ExplorerMissing as missing:
                return str(missing)
        return None

    assert (_in_browser(check) or "").startswith(message)


@pytest.mark.browser
@pytest.mark.slow
def test_a_site_is_measured_and_printed_and_a_missing_explorer_does_not_stop_it(tmp_path, capsys):
    with_explorer = _site(tmp_path / "explorer")
    without = _site(tmp_path / "plain", PLAIN)
    reference = _in_thread(lambda: bench.measure_site(with_explorer, "small", 1024))
    assert reference is not None and len(reference.reported) == bench.MOVES
    printed = capsys.readouterr().out
    assert "small: the timeline page in Chromium (load average " in printed
    assert "first load of /timeline/: " in printed and "first load of /es/timeline/: " in printed
    assert "budget ≤ 1.0 KB: OVER" in printed
    assert "explorer's own time: median " in printed and "key press to event: median " in printed

    assert _in_thread(lambda: bench.measure_site(without, "before", 200 * 1024)) is None
    printed = capsys.readouterr().out
    assert "  update time: timeline explorer not found: no #pcr-band-window" in printed
    assert "first load of /es/timeline/: " in printed

"""`make bench`'s browser figures for the timeline page: bytes on first load and update time.

A built site is served on 127.0.0.1 by `tools.audit.serve`, which gzips text as GitHub Pages
does and logs every response with the bytes it sent, headers included. The bytes are counted
there rather than in the page (Resource Timing) because the page's own entries miss what its
workers, frames and the browser itself (the favicon) ask for. Debian's Chromium loads the page
in a fresh context (an empty cache) and waits until the network has been idle for 500 ms.

The update time follows the timeline explorer's contract (builder/assets/explorer.js): the time
band's window is `#pcr-band-window`, a focusable slider that ArrowRight moves one month later;
`#pcr-explorer` gets `data-ready` after the first render; after every update the page dispatches
`pcr-explorer-rendered` with `detail.ms`, the update's own time. Each move is timed twice: the
explorer's figure, and the time from just before the key is pressed to the event, both read
with the page's clock (`performance.now()`), so the second includes the input's delivery.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.audit import CHROMIUM, Transfer, serve

KB = 1024
LOAD_BUDGET_REAL = 200 * KB  # the real record (tens of events)
LOAD_BUDGET_LARGE = 400 * KB  # a record of 10,000 events
UPDATE_BUDGET_MS = 100.0  # median of the moves, at 10,000 events
MOVES = 20
READY_SECONDS = 120  # a page of 10,000 events on a busy machine
MOVE_SECONDS = 30
TIMELINES = ("timeline/", "es/timeline/")
NOT_FOUND = "timeline explorer not found: no #pcr-band-window"

# Resolves with the page's clock when the explorer reports its next update; armed just before
# each key press so that the press's own update is the one measured.
_ARM = """() => {
  window.__pcrBench = new Promise((resolve) => {
    document.addEventListener("pcr-explorer-rendered", (event) => {
      resolve({ at: performance.now(), ms: Number(event.detail && event.detail.ms) });
    }, { once: true });
  });
  return performance.now();
}"""


class ExplorerMissing(Exception):
    """The page does not follow the explorer's contract; the message says what is missing."""


@dataclass(frozen=True)
class FirstLoad:
    """Everything one page asked for on its first load, until the network was idle."""

    path: str
    transfers: tuple[Transfer, ...]
    foreign: tuple[str, ...] = ()  # addresses on another host: the site must ask for none

    @property
    def total(self) -> int:
        return sum(t.size for t in self.transfers)

    def largest(self, count: int = 5) -> list[Transfer]:
        """The `count` largest transfers, largest first (same size: by address)."""
        return sorted(self.transfers, key=lambda t: (-t.size, t.path))[:count]


@dataclass(frozen=True)
class Updates:
    """The times of the window's moves, in milliseconds: the explorer's own and measured
    from the key press to its event."""

    reported: tuple[float, ...]
    measured: tuple[float, ...]


# --- measuring ----------------------------------------------------------------------------


def browser_problem() -> str | None:
    """Why the browser figures cannot be taken on this machine, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (the project's test extras: make venv)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (make deps installs Debian's chromium)"
    return None


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def served(site: Path) -> Iterator[tuple[str, list[Transfer]]]:
    """`site` on 127.0.0.1 (gzip as GitHub Pages): its base address and the server's log."""
    transfers: list[Transfer] = []
    with serve(site, transfers=transfers) as base:
        yield base, transfers


def first_load(browser, base: str, log: list[Transfer], path: str) -> FirstLoad:
    """Load `base + path` with an empty cache and count what the server sent until the network
    was idle; `log` is the server's transfer log (`served`)."""
    return visit(browser, base, log, path, READY_SECONDS)


def visit(
    browser,
    base: str,
    log: list[Transfer],
    path: str,
    seconds: float,
    then: Callable[[Any], None] | None = None,
) -> FirstLoad:
    """Open `base + path` with an empty cache, wait until the network is idle, do `then(page)`
    if given: what the server sent meanwhile (`log`, `served`'s), and any other host asked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        log.clear()
        page.goto(base + path, wait_until="networkidle", timeout=seconds * 1000)
        if then is not None:
            then(page)
        transfers = tuple(log)
    finally:
        context.close()
    local = base.rstrip("/")
    foreign = tuple(url for url in asked if not url.startswith((local, "data:", "blob:")))
    return FirstLoad(path, transfers, foreign)


def window_moves(
    browser,
    url: str,
    moves: int = MOVES,
    ready_seconds: float = READY_SECONDS,
    move_seconds: float = MOVE_SECONDS,
) -> Updates:
    """Move the time band's window `moves` months later, one ArrowRight at a time, and time
    each update. Raises ExplorerMissing when the page does not follow the contract: no
    explorer or window, no `data-ready` within `ready_seconds`, no event within `move_seconds`
    of a key press."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="load", timeout=ready_seconds * 1000)
        if page.locator("#pcr-explorer").count() == 0:
            raise ExplorerMissing(NOT_FOUND)
        try:
            page.wait_for_selector(
                "#pcr-explorer[data-ready]", state="attached", timeout=ready_seconds * 1000
            )
        except PlaywrightTimeout:
            raise ExplorerMissing(
                f"timeline explorer not ready: #pcr-explorer has no data-ready after {ready_seconds:g} s"
            ) from None
        window = page.locator("#pcr-band-window")
        if window.count() == 0:
            raise ExplorerMissing(NOT_FOUND)
        window.focus()
        reported: list[float] = []
        measured: list[float] = []
        for move in range(1, moves + 1):
            start = page.evaluate(_ARM)
            page.keyboard.press("ArrowRight")
            try:
                done = page.evaluate(
                    "(limit) => Promise.race([window.__pcrBench, new Promise((_, no) =>"
                    " setTimeout(() => no(new Error('late')), limit))])",
                    move_seconds * 1000,
                )
            except PlaywrightError:  # the page's promise was rejected: no event in time
                raise ExplorerMissing(
                    f"no pcr-explorer-rendered within {move_seconds:g} s of ArrowRight {move} "
                    "(is the window already at the band's end?)"
                ) from None
            reported.append(done["ms"])
            measured.append(done["at"] - start)
        return Updates(tuple(reported), tuple(measured))
    finally:
        context.close()


# --- report -------------------------------------------------------------------------------


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, beside its CPU count."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPU(s)"


def kb(size: float) -> str:
    return f"{size / KB:,.1f} KB"


def verdict(within: bool) -> str:
    return "within" if within else "OVER"


def ratio(value: float, reference: float | None) -> str:
    """`value` as a multiple of `reference` ("×2.5"), or "" without a usable reference."""
    if not reference or reference <= 0:
        return ""
    return f"×{value / reference:,.1f}"


def load_lines(load: FirstLoad, budget: int) -> list[str]:
    """A first load's total against `budget`, then its five largest transfers."""
    return transfer_lines(f"first load of /{load.path}", load, budget)


def transfer_lines(what: str, load: FirstLoad, budget: int, word: str = "budget") -> list[str]:
    """What `load` transferred (`what` says what it was) against `budget`, then its five largest
    transfers and any other host it asked."""
    lines = [
        f"{what}: {kb(load.total)} in {len(load.transfers)} responses, "
        f"gzipped — {word} ≤ {kb(budget)}: {verdict(load.total <= budget)}"
    ]
    lines += [f"  {kb(t.size):>10}  {t.path}" for t in load.largest()]
    if load.foreign:
        lines.append(f"  ANOTHER HOST asked: {', '.join(load.foreign[:5])}")
    return lines


def update_lines(updates: Updates, reference: Updates | None, budget: float | None) -> list[str]:
    """Median and max of the moves, both ways of timing them, each median against `budget`
    and beside its ratio to the same median of `reference` (the real record's, measured in the
    same run)."""
    lines = []
    for label, times, ref in (
        ("explorer's own time", updates.reported, reference and reference.reported),
        ("key press to event", updates.measured, reference and reference.measured),
    ):
        median = statistics.median(times)
        beside = ratio(median, statistics.median(ref)) if ref else ""
        beside = f" ({beside} the real record's)" if beside else ""
        judged = f" — budget median ≤ {budget:g} ms: {verdict(median <= budget)}" if budget else ""
        lines.append(
            f"{label}: median {median:,.1f} ms{beside}, max {max(times):,.1f} ms "
            f"over {len(times)} moves{judged}"
        )
    return lines


def measure_site(
    site: Path,
    label: str,
    load_budget: int,
    update_budget: float | None = None,
    reference: Updates | None = None,
) -> Updates | None:
    """The timeline figures of one built site, printed as they come; returns its updates (the
    reference for a larger record) or None when they could not be measured."""
    print(f"\n{label}: the timeline page in Chromium ({load_average()})", flush=True)
    updates = None
    with served(site) as (base, log), chromium() as browser:
        for path in TIMELINES:
            for line in load_lines(first_load(browser, base, log, path), load_budget):
                print(f"  {line}", flush=True)
        try:
            updates = window_moves(browser, base + TIMELINES[0])
        except ExplorerMissing as missing:
            print(f"  update time: {missing}", flush=True)
        else:
            print(f"  update time of /{TIMELINES[0]} ({MOVES} × ArrowRight on the band's window)")
            for line in update_lines(updates, reference, update_budget):
                print(f"    {line}", flush=True)
    print(f"  ({load_average()})", flush=True)
    return updates

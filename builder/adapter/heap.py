"""A preview's garbage collection, kept out of the time from a save to the served page.

A preview keeps its record, its views' pages and the last files between rebuilds (about 360,000
objects the collector tracks at 10,000 events), and each build leaves its pages and files, which
point at each other, for the collector to free. Left to itself, Python's collector walked all of
them three or four times in every rebuild. `settle_heap` collects what the last build left and
moves every object still alive out of the collector's reach (`gc.freeze`); `PreviewCollector`
runs it once a rebuild's pages are served, not while an edit waits for them, and keeps the
collector off from a rebuild's start to that pass (the rebuild makes its objects, and leaves its
garbage, for the pass). A rebuild that starts before that pass ran (edits in quick succession) runs it
first, so at most one build's garbage waits at a time.
"""

from __future__ import annotations

import gc
import threading

# After a rebuild, how long the pass waits: the browser reloads the page and fetches it first.
SETTLE_DELAY = 0.5


def settle_heap() -> None:
    """Free what the last build left, then keep every object still alive out of the
    collector's passes until the next call."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class PreviewCollector:
    """When a preview's collector runs: one pass after each build, once its pages are served."""

    def __init__(self, delay: float = SETTLE_DELAY) -> None:
        self.delay = delay
        self._lock = threading.Lock()  # held by the pass
        self._timer: threading.Timer | None = None
        self._builds = 0  # builds begun, so that a late pass knows it is late
        self._pending = False  # the last build's garbage awaits its pass

    def build_begins(self) -> None:
        """At a build's start: the pass now, if the last build's has not run (or this is the
        first build, which has no garbage but the configuration's), then the collector off
        but for the first build (its objects are most of the preview's)."""
        self._cancel()
        with self._lock:
            first = self._builds == 0
            self._builds += 1
            if first or self._pending:
                settle_heap()
                self._pending = False
        if not first:
            gc.disable()

    def build_ends(self) -> None:
        """At a build's end, done or failed: the collector's pass in `delay` seconds, which turns
        it on again (on now, it would start with a full pass, the rebuild's objects all new)."""
        self._pending = True
        self._cancel()
        timer = threading.Timer(self.delay, self._settle, args=(self._builds,))
        timer.daemon = True
        self._timer = timer
        timer.start()

    def stop(self) -> None:
        """The preview stops: no pass is left waiting, and the collector is on."""
        self._cancel()
        gc.enable()

    def _settle(self, build: int) -> None:
        with self._lock:
            if build == self._builds and self._pending:  # no build began since
                settle_heap()
                self._pending = False
                gc.enable()

    def _cancel(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

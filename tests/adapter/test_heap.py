"""A preview keeps the objects alive out of the collector's passes and still frees what each build
left, in a pass after the build rather than during it (builder/adapter/heap.py)."""

from __future__ import annotations

import gc
import time
import weakref

from builder.adapter.heap import PreviewCollector, settle_heap


class _Page:
    """An object in a cycle, as a build's pages and files are: only the collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def test_settling_the_heap_freezes_what_lives_and_frees_what_the_last_build_left() -> None:
    try:
        page = _Page()
        alive = weakref.ref(page)
        settle_heap()
        assert gc.get_freeze_count() > 0
        frozen = gc.get_freeze_count()
        gc.collect()
        assert alive() is page and gc.get_freeze_count() == frozen
        del page  # the next rebuild starts: the last build's page is garbage, frozen
        settle_heap()
        assert alive() is None
    finally:
        gc.unfreeze()


def _a_build_leaves_garbage() -> weakref.ref:
    """A build's pages and files, which only the collector frees once the build is over."""
    return weakref.ref(_Page())


def _full_passes(during, *, generations=(2,)) -> int:
    """How many collector passes (full ones, unless told) run during `during()`."""
    passes = []

    def count(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] in generations:
            passes.append(info)

    gc.callbacks.append(count)
    try:
        during()
    finally:
        gc.callbacks.remove(count)
    return len(passes)


def test_a_preview_collects_a_rebuilds_garbage_after_the_rebuild_not_during_it() -> None:
    collector = PreviewCollector(delay=0.2)
    try:
        collector.build_begins()  # the first build: the collector stays on
        assert gc.isenabled()
        left = _a_build_leaves_garbage()
        collector.build_ends()
        collector.build_begins()  # a rebuild soon after: the last build's garbage goes first
        assert left() is None
        assert not gc.isenabled()  # and no pass runs while the rebuild works
        left = _a_build_leaves_garbage()
        made = [{} for _ in range(100_000)]  # the rebuild's pages
        assert _full_passes(lambda: time.sleep(0.4)) == 0
        # None as the rebuild ends either (the collector on again would pass over them all).
        assert _full_passes(collector.build_ends, generations=(0, 1, 2)) == 0
        del made
        assert left() is not None  # its pages are being served
        time.sleep(0.4)
        assert left() is None and gc.isenabled()  # then its pass ran
        assert gc.get_freeze_count() > 0  # and froze what lives
    finally:
        collector.stop()
        gc.unfreeze()
    assert gc.isenabled()


def test_a_pass_due_when_a_rebuild_begins_does_not_run_during_it() -> None:
    collector = PreviewCollector(delay=0.05)
    try:
        collector.build_begins()
        collector.build_ends()
        collector.build_begins()  # before the pass: it runs now instead
        assert _full_passes(lambda: time.sleep(0.3)) == 0
    finally:
        collector.stop()
        gc.unfreeze()

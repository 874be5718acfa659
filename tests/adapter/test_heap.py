"""A preview's rebuild keeps the objects alive at its start out of the collector's passes, and
still frees what the last build left (builder/adapter/heap.py)."""

from __future__ import annotations

import gc
import weakref

from builder.adapter.heap import settle_heap


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

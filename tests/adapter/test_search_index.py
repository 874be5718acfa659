"""The per-language search indexes keep each page's latest entries (builder/adapter/search.py)."""

from __future__ import annotations

from builder.adapter.search import latest_entries


def _doc(location: str, text: str = "") -> dict:
    return {"location": location, "title": location, "text": text}


def test_a_full_builds_entries_are_kept_as_they_are():
    docs = [_doc("a/"), _doc("a/#one"), _doc("b/"), _doc("c/"), _doc("c/#two")]
    assert latest_entries(docs) == docs


def test_a_dirty_rebuilds_old_entries_of_every_rebuilt_page_go():
    # The theme's merge after a rebuild of b/ and c/: it dropped the first rebuilt page's old
    # entries (b/) and appended both pages' new ones; c/'s old entries are still there.
    docs = [
        _doc("a/"),
        _doc("c/", "old"),
        _doc("c/#gone", "old"),
        _doc("d/"),
        _doc("b/", "new"),
        _doc("c/", "new"),
    ]
    assert [(d["location"], d["text"]) for d in latest_entries(docs)] == [
        ("a/", ""),
        ("d/", ""),
        ("b/", "new"),
        ("c/", "new"),
    ]

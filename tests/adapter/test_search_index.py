"""The per-language search indexes keep each page's latest entries, and a preview's rebuild
writes them as a clean build does (builder/adapter/search.py)."""

from __future__ import annotations

import json
from pathlib import Path

from builder.adapter.search import PreviewIndex, latest_entries, split_index


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


CONFIG = {"lang": ["en", "es"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"]}
LANGUAGES = ["en", "es"]


def _write_theme_index(site: Path, docs: list[dict]) -> None:
    """The theme's one index of every page, as its search plugin writes it."""
    path = site / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": CONFIG, "docs": docs}, separators=(",", ":")), "utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("search_index.*"))
    }


def _clean(tmp_path: Path, name: str, docs: list[dict], languages=LANGUAGES) -> dict[str, bytes]:
    """What a clean build writes for these entries."""
    site = tmp_path / name
    _write_theme_index(site, docs)
    split_index(site, languages, as_script=False)
    return _files(site)


def _pages(docs: list[dict]) -> list[str]:
    return list(dict.fromkeys(doc["location"].split("#")[0] for doc in docs))


def test_a_previews_indexes_after_each_rebuild_are_a_clean_builds(tmp_path):
    first = [
        _doc("", "home"),
        _doc("a/", "a"),
        _doc("a/#one", "a one"),
        _doc("b/", "b"),
        _doc("es/", "inicio"),
        _doc("es/a/", "a es"),
        _doc("es/b/", "b es"),
        _doc("es/b/#uno", "b uno"),
    ]
    site, preview = tmp_path / "served", PreviewIndex()
    _write_theme_index(site, first)
    preview.write(site, LANGUAGES, _pages(first), None, as_script=False)
    assert _files(site) == _clean(tmp_path, "clean-first", first)

    # An edit to b/ (in both languages): the theme keeps its earlier entries but the first
    # rebuilt page's, then appends the rebuilt pages' new ones (es/b/ loses a heading).
    now = [
        first[0],
        first[1],
        first[2],
        _doc("b/", "b new"),
        first[4],
        first[5],
        _doc("es/b/", "b nuevo"),
    ]
    theme = [doc for doc in first if not doc["location"].startswith("b/")] + [now[3], now[6]]
    _write_theme_index(site, theme)
    preview.write(site, LANGUAGES, _pages(now), {"b/", "es/b/"}, as_script=False)
    assert _files(site) == _clean(tmp_path, "clean-edit", now)

    # A page deleted (a/ in both languages) and nothing else rendered.
    gone = [doc for doc in now if not doc["location"].startswith(("a/", "es/a/"))]
    preview.write(site, LANGUAGES, _pages(gone), set(), as_script=False)
    assert _files(site) == _clean(tmp_path, "clean-deleted", gone)


def test_a_single_language_previews_index_is_the_theme_index_made_whole(tmp_path):
    first = [_doc("", "home"), _doc("a/", "a"), _doc("b/", "b"), _doc("b/#one", "b one")]
    site, preview = tmp_path / "served", PreviewIndex()
    _write_theme_index(site, first)
    preview.write(site, ["en"], _pages(first), None, as_script=True)
    assert _files(site) == _clean(tmp_path, "clean-first", first, ["en"]) | {
        "search/search_index.js": (site / "search" / "search_index.js").read_bytes()
    }
    now = [first[0], _doc("a/", "a new"), first[2], first[3]]
    _write_theme_index(site, [doc for doc in first if doc["location"] != "a/"] + [now[1]])
    preview.write(site, ["en"], _pages(now), {"a/"}, as_script=False)
    clean = _clean(tmp_path, "clean-edit", now, ["en"])
    assert _files(site)["search/search_index.json"] == clean["search/search_index.json"]
    assert (site / "search" / "search_index.js").read_text("utf-8") == (
        f"var __index = {clean['search/search_index.json'].decode()};\n"
    )

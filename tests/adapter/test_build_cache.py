"""The print maps' cache: a rebuild takes unchanged maps from `.cache/peru-timeline/` and its
site equals a clean build's byte for byte, after an edit too."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from builder.adapter.cache import FOLDER, FileCache
from tests.support.cli import run_cli
from tests.support.site import copy_repo_project

pytestmark = pytest.mark.slow

EPOCH = "1767225600"


def build(root: Path, site_dir: str) -> Path:
    result = run_cli(root, "build", "--site-dir", site_dir, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    return root / site_dir


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def cached_files(root: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in (root / FOLDER).rglob("*") if p.is_file()}


def test_rebuilds_from_the_cache_equal_clean_builds(tmp_path: Path) -> None:
    root = copy_repo_project(tmp_path / "project")
    clean = digests(build(root, "clean"))
    drawn = cached_files(root)
    maps = len([p for p in (root / "maps").glob("*.yml") if p.name != "regions.yml"])
    # Every print map: A4 (PDF, SVG, PNG) and A3 (PDF) of each map, in both languages.
    assert len([name for name in drawn if name.endswith(".pdf")]) == maps * 2 * 2
    assert len([name for name in drawn if name.endswith(".png")]) == maps * 2
    assert digests(build(root, "again")) == clean
    assert set(cached_files(root)) == set(drawn), "nothing was drawn again"

    # An event's words changed: no print map shows them, so none is drawn again.
    event = root / "events/2026/2026-06-07-presidential-runoff.yml"
    original = event.read_text(encoding="utf-8")
    event.write_text(original.replace("title: ", "title: Edited, ", 1), encoding="utf-8")
    retitled = digests(build(root, "retitled"))
    assert set(cached_files(root)) == set(drawn), "a map was drawn again for a new title"
    assert retitled != clean

    # An event moved to a region: the maps that count it are drawn again, the others come
    # from the cache.
    assert "regions: [national]" in original
    event.write_text(original.replace("regions: [national]", "regions: [PE-PUN]"), encoding="utf-8")
    edited = digests(build(root, "edited"))
    after_edit = cached_files(root)
    redrawn = set(after_edit) - set(drawn)
    assert redrawn, "the edited event's maps were not drawn again"
    assert len(redrawn) < len(drawn), "every map was drawn again"
    shutil.rmtree(root / FOLDER)
    assert edited == digests(build(root, "edited-clean"))
    assert edited != clean


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    cache = FileCache(tmp_path, limit=2)
    for n in range(4):
        assert cache(f"k{n}", lambda n=n: {"pdf": bytes([n])}, ("pdf",)) == {"pdf": bytes([n])}
    assert cache("k0", lambda: pytest.fail("k0 drawn twice"), ("pdf",)) == {"pdf": b"\x00"}
    assert (cache.hits, cache.misses) == (1, 4)
    cache.prune()
    assert sorted(p.name for p in cache.folder.iterdir()) == ["k0.pdf", "k3.pdf"]

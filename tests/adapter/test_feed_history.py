"""The feed of a real build follows the repository's history; without one, the build says so
once and falls back to the events' dates. Real `mkdocs build --strict` runs on small projects,
in real temporary git repositories."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from builder.record.load import load_record
from tests.support.git_history import commit_all, git
from tests.support.site import run_mkdocs_build, site_project

pytestmark = pytest.mark.slow

EDITED = "events/2025/2025-extortion-rises.yml"  # a 2025 event, far from the newest date
FALLBACK = "No usable git history"


def feed_ids(site: Path, path: str = "feed.xml") -> list[str]:
    feed = feedparser.parse((site / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in feed.entries]


def test_a_build_orders_the_feed_by_the_last_change(project, tmp_path):
    site_project(project, hostile=False)
    git(project.root, "init", "-q", "-b", "main")
    commit_all(project.root, "the record", "2026-05-01T12:00:00Z")
    edited = project.root / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit_all(project.root, "a correction", "2026-05-02T12:00:00Z")
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert FALLBACK not in result.stderr
    for path in ("feed.xml", "es/feed.xml"):
        ids = feed_ids(tmp_path / "site", path)
        assert ids[0] == Path(EDITED).stem, ids
    feed = feedparser.parse((tmp_path / "site" / "feed.xml").read_bytes())
    assert feed.entries[0].updated == "2026-05-02T12:00:00Z"
    assert feed.entries[0].published == "2026-05-01T12:00:00Z"


def test_a_build_without_git_says_so_once_and_orders_by_date(project, tmp_path):
    site_project(project, hostile=False)
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(FALLBACK) == 1, result.stderr
    ids = feed_ids(tmp_path / "site")
    assert ids[0] == "2026-06-16-party-alleges-rigged-rules"  # the latest date first
    assert Path(EDITED).stem not in ids[:3]


UNCITED_SOURCE = """\
example-uncited:
  publisher: Example Daily
  title: A source no event cites
  date: 2026-04-30
"""


@pytest.mark.parametrize(
    "correction",
    [
        ("title: José María Balcázar juró", "title: José María Balcázar juró el 18 de febrero"),
        ("  date: 2026-02-18\n", "  date: 2026-02-19\n"),
    ],
    ids=["title", "date"],
)
def test_a_corrected_registry_source_updates_the_events_that_cite_it(project, tmp_path, correction):
    """The events citing a registry source whose title or date is corrected come first in the
    feed, updated at the correction's commit and still published at their own; a source added
    to the registry that no event cites moves nothing."""
    site_project(project, hostile=False)
    git(project.root, "init", "-q", "-b", "main")
    commit_all(project.root, "the record", "2026-05-01T12:00:00Z")
    registry = project.root / "events" / "registries" / "sources.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + UNCITED_SOURCE, encoding="utf-8")
    commit_all(project.root, "a source for later", "2026-05-02T12:00:00Z")
    old, new = correction
    text = registry.read_text(encoding="utf-8")
    assert text.count(old) == 1
    registry.write_text(text.replace(old, new), encoding="utf-8")
    commit_all(project.root, "a corrected source", "2026-05-03T12:00:00Z")
    record = load_record(project.root)
    citing = {
        event.id
        for event in record.events
        if any(c.source.id == "rpp-2026-02-18-balcazar" for c in event.sources)
    }
    assert len(citing) >= 2
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for path in ("feed.xml", "es/feed.xml"):
        feed = feedparser.parse((tmp_path / "site" / path).read_bytes())
        entries = {e.link.rstrip("/").rsplit("/", 1)[1]: e for e in feed.entries}
        first = [e.link.rstrip("/").rsplit("/", 1)[1] for e in feed.entries][: len(citing)]
        assert set(first) == citing, (path, first)
        for event_id, entry in entries.items():
            expected = "2026-05-03T12:00:00Z" if event_id in citing else "2026-05-01T12:00:00Z"
            assert (entry.updated, entry.published) == (expected, "2026-05-01T12:00:00Z"), event_id
        assert feed.feed.updated == "2026-05-03T12:00:00Z"

"""`make bench`'s synthetic record (tools/synthetic.py): valid, reproducible, and written like the
real record without copying it."""

from __future__ import annotations

import re

import pytest
import yaml

from builder.record.events import TITLE_LIMIT
from builder.record.load import load_record
from tools.synthetic import REPO, real_corpus, synthetic_events, write_synthetic_project

WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def corpus():
    return real_corpus()


def _registries(root):
    registries = {
        name: yaml.safe_load((root / "events" / "registries" / f"{name}.yml").read_text("utf-8"))
        for name in ("themes", "actors", "sources")
    }
    registries["regions"] = ["PE-LIM", "PE-PUN", "PE-CAL"]
    return registries


def test_a_synthetic_record_passes_the_checker(tmp_path, corpus):
    root = write_synthetic_project(tmp_path / "record", 120, corpus)
    record = load_record(root)
    assert len(record.events) == 120
    assert sum(event.note is not None for event in record.events) > 0
    assert sum(event.has_spanish for event in record.events) > 60
    assert sum(bool(event.related) for event in record.events) > 0


def test_the_same_seed_writes_the_same_files(corpus):
    registries = _registries(REPO)
    first = list(synthetic_events(30, registries, corpus))
    assert first == list(synthetic_events(30, registries, corpus))
    assert first != list(synthetic_events(30, registries, corpus, seed=7))


def test_texts_are_as_long_as_the_records_and_copy_none_of_its_sentences(corpus):
    real = load_record(REPO)
    real_words = sum(len(WORD.findall(event.summary.en)) for event in real.events)
    events = list(synthetic_events(len(real.events), _registries(REPO), corpus))
    summaries = [yaml.safe_load(text)["summary"] for _, text in events]
    synthetic_words = sum(len(WORD.findall(summary)) for summary in summaries)
    assert 0.7 < synthetic_words / real_words < 1.3
    # No run of eight words of a real summary comes back whole.
    real_runs = set()
    for event in real.events:
        words = WORD.findall(event.summary.en.lower())
        real_runs |= {tuple(words[i : i + 8]) for i in range(len(words) - 7)}
    for summary in summaries:
        words = WORD.findall(summary.lower())
        assert not {tuple(words[i : i + 8]) for i in range(len(words) - 7)} & real_runs


def test_the_vocabulary_grows_with_the_record(corpus):
    registries = _registries(REPO)

    def vocabulary(n):
        words = set()
        for _, text in synthetic_events(n, registries, corpus):
            words |= set(WORD.findall(text.lower()))
        return len(words)

    assert vocabulary(400) > vocabulary(100) + 300


def test_titles_stay_within_the_checkers_limit_at_any_size(corpus):
    # Drawn words make some titles long: the bench's 10,000 events once had ten over the limit.
    for _, text in synthetic_events(3000, _registries(REPO), corpus):
        event = yaml.safe_load(text)
        assert len(event["title"]) <= TITLE_LIMIT
        assert len(event.get("es", {}).get("title", "")) <= TITLE_LIMIT

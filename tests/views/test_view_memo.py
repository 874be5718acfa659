"""The views' memo (builder/views/memo.py): a page is taken from the last run only while the
arguments its function reads compare equal, so the pages of a run with a memo are those of a run
without one, whatever changed in the record between runs."""

from __future__ import annotations

import dataclasses

import pytest

from builder.record.dates import PartialDate
from builder.record.load import load_record
from builder.record.model import Localized, Record
from builder.record.terms import SUCCESSION, is_term
from builder.views import presidents_chart
from builder.views.exports import export_files
from builder.views.memo import ViewMemo
from builder.views.pages import site_files
from builder.views.pages.explorer_data import index_path
from builder.views.presidents_chart import presidents_chart_html
from builder.views.settings import SiteSettings
from tests.support.project import REPO


@pytest.fixture(scope="module")
def record() -> Record:
    return load_record(REPO)


def pages(record: Record, lang: str, memo: ViewMemo | None = None) -> dict[str, str | bytes]:
    settings = SiteSettings(lang=lang, presidents_chart=presidents_chart_html)
    files = site_files(record, settings, memo)
    return {file.path: file.content for file in files}


def with_event(record: Record, n: int, **changes) -> Record:
    events = list(record.events)
    events[n] = dataclasses.replace(events[n], **changes)
    return dataclasses.replace(record, events=events)


def test_made_calls_again_only_when_its_arguments_differ() -> None:
    memo, calls = ViewMemo(), []

    def page(*args):
        calls.append(args)
        return f"page of {args}"

    assert memo.made("a", page, 1, (2,)) == "page of (1, (2,))"
    memo.settle()
    assert memo.made("a", page, 1, (2,)) == "page of (1, (2,))"
    assert memo.made_again == 0
    memo.settle()
    assert memo.made("a", page, 1, (3,)) == "page of (1, (3,))"
    assert len(calls) == 2
    # A name not used in a run is forgotten: its next call makes the page again.
    memo.settle()
    memo.settle()
    memo.made("a", page, 1, (3,))
    assert len(calls) == 3


def test_made_each_makes_again_only_the_items_that_are_not_the_last_runs() -> None:
    memo, calls = ViewMemo(), []

    def line(item, suffix):
        calls.append(item)
        return f"{item[0]}{suffix}"

    a, b, c = ["a"], ["b"], ["c"]
    assert memo.made_each("lines", line, [a, b], "!") == ["a!", "b!"]
    memo.settle()
    assert memo.made_each("lines", line, [b, ["a"], c], "!") == ["b!", "a!", "c!"]
    assert memo.made_again == 2  # an equal item that is another object is made again
    memo.settle()
    assert memo.made_each("lines", line, [b], "?") == ["b?"]  # other arguments
    assert len(calls) == 5


def test_made_over_compares_what_the_function_reads_of_the_items_that_changed() -> None:
    memo, calls = ViewMemo(), []

    def total(items, scale):
        calls.append(items)
        return sum(item[0] for item in items) * scale

    def reads(item):
        return item[0]

    first, second = (1, "one"), (2, "two")
    assert memo.made_over("total", total, reads, [first, second], 10) == 30
    memo.settle()
    assert memo.made_over("total", total, reads, [first, (2, "deux")], 10) == 30
    assert len(calls) == 1  # what it reads of the new item is the same
    memo.settle()
    assert memo.made_over("total", total, reads, [second, first], 10) == 30
    assert len(calls) == 2  # an item at another place
    memo.settle()
    assert memo.made_over("total", total, reads, [second, first], 1) == 3
    assert memo.made_over("other", total, reads, [(5, "")], 1) == 5
    assert len(calls) == 4


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_second_run_takes_every_event_period_and_browse_page_from_the_memo(
    record: Record, lang: str
) -> None:
    memo = ViewMemo()
    first = pages(record, lang, memo)
    memo.settle()
    assert pages(record, lang, memo) == first
    assert memo.made_again == 0


@pytest.mark.parametrize(
    "change",
    ["summary", "title", "date", "themes", "actors", "registry", "term", "source date"],
)
def test_after_an_edit_the_memo_gives_what_a_run_without_it_makes(
    record: Record, change: str
) -> None:
    memo = ViewMemo()
    pages(record, "en", memo)
    memo.settle()
    n = 10
    event = record.events[n]
    if change == "term":  # a presidential term: the chart's and the explorer's terms
        n = next(n for n, event in enumerate(record.events) if is_term(event))
        edited = with_event(record, n, title=Localized("A new title", "Un título nuevo"))
        edited = with_event(edited, n, actors=())  # the chart names the term by its title
    elif change == "source date":  # the chart's axis runs to the latest source's date
        citation = record.events[n].sources[0]
        later = dataclasses.replace(citation.source, date=PartialDate(2027, 3, 1))
        cited = (dataclasses.replace(citation, source=later), *record.events[n].sources[1:])
        edited = with_event(record, n, sources=cited)
    elif change == "summary":
        edited = with_event(record, n, summary=Localized("A new summary.", "Un resumen nuevo."))
    elif change == "title":
        edited = with_event(record, n, title=Localized("A new title", "Un título nuevo"))
    elif change == "date":
        # The first event's date: the edited one moves to the start of the record.
        date = record.events[0].date
        moved = with_event(record, n, date=date)
        edited = dataclasses.replace(moved, events=sorted(moved.events, key=lambda e: e.sort_key()))
    elif change == "themes":
        other = next(theme for theme in record.themes if theme not in event.themes)
        edited = with_event(record, n, themes=(other,))
    elif change == "actors":
        other = next(actor for actor in record.actors if actor not in event.actors)
        edited = with_event(record, n, actors=(*event.actors, other))
    else:
        actor_id = record.events[n].actors[0]
        actors = dict(record.actors)
        actors[actor_id] = dataclasses.replace(actors[actor_id], name="A renamed actor")
        edited = dataclasses.replace(record, actors=actors)
    remembered = pages(edited, "en", memo)
    assert remembered == pages(edited, "en")
    assert 0 < memo.made_again < len(remembered) / 2 or change == "registry"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_downloads_after_an_edit_are_what_a_run_without_the_memo_writes(
    record: Record, lang: str
) -> None:
    memo = ViewMemo()
    url = "https://example.org/record/"
    export_files(record, lang, url, memo=memo)
    memo.settle()
    edited = with_event(record, 3, title=Localized("A new title", "Un título nuevo"))
    actors = dict(edited.actors)
    actor_id = next(iter(actors))
    actors[actor_id] = dataclasses.replace(actors[actor_id], name="A renamed actor")
    themes = dict(edited.themes)
    theme_id = edited.events[5].themes[0]
    themes[theme_id] = dataclasses.replace(themes[theme_id], name=Localized("Renamed", "Otro"))
    edited = dataclasses.replace(edited, actors=actors, themes=themes)
    remembered = export_files(edited, lang, url, memo=memo)
    assert remembered == export_files(edited, lang, url)
    # Only the edited event's JSON line and CSV row were encoded again; every calendar entry
    # names its themes, and a theme's name changed.
    assert memo.made_again == 2 + len(edited.events)


def test_a_title_edit_keeps_the_explorer_index_and_the_chart(record: Record, monkeypatch) -> None:
    """The explorer's index and the presidents chart read of an event other than a term only its
    span, facets and sources' dates: a title edit takes both from the memo, unchanged."""
    memo = ViewMemo()
    first = pages(record, "en", memo)
    memo.settle()
    drawn: list[str] = []
    svg = presidents_chart.presidents_chart_svg
    monkeypatch.setattr(
        presidents_chart,
        "presidents_chart_svg",
        lambda *args: drawn.append("chart") or svg(*args),
    )
    n = next(n for n, e in enumerate(record.events) if SUCCESSION not in e.themes)
    edited = with_event(record, n, title=Localized("A new title", "Un título nuevo"))
    remembered = pages(edited, "en", memo)
    assert remembered[index_path("en")] is first[index_path("en")]
    assert drawn == []
    monkeypatch.undo()
    assert remembered == pages(edited, "en")

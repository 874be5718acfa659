"""The page that names the events the calendar download leaves out (data/not-in-calendar/).

events.ics holds only days the record knows; the data page says so and links this list, which
must name exactly the events the calendar leaves out, in both languages, from the record."""

from __future__ import annotations

import re

import pytest

from builder.views import paths
from builder.views.exports import calendar_entries
from builder.views.pages import SiteSettings, site_files
from tests.support.site import REPO_URL

LINK = re.compile(r'href="(?:\.\./)+events/([^/"]+)/"')


def pages(record, lang: str, data_page: str | None, page_size: int = 100) -> dict[str, str]:
    settings = SiteSettings(
        repo_url=REPO_URL,
        site_name="Test record",
        lang=lang,
        data_page=data_page,
        browse_page_size=page_size,
    )
    return {file.path: file.content for file in site_files(record, settings)}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_list_names_every_event_the_calendar_leaves_out_and_no_other(repo_record, lang):
    made = pages(repo_record, lang, paths.data_page(lang))
    page = made[paths.not_in_calendar(lang)]
    left_out = [e.id for e in repo_record.events if not calendar_entries(e, lang)]
    assert len(left_out) >= 10  # the record has many events known only to the month or year
    listed = LINK.findall(page)
    assert sorted(listed) == sorted(left_out)
    # By date, as the record sorts events.
    order = [e.id for e in sorted(repo_record.events, key=lambda e: e.sort_key()) if e.id in listed]
    assert listed == order
    count = {"en": f"{len(left_out)} events", "es": f"{len(left_out)} hechos"}
    assert f"<strong>{count[lang]}</strong>" in page
    # Each at its own precision: a month stays a month.
    month = next(e for e in repo_record.events if e.id in listed and e.date.precision == "month")
    assert f'<time datetime="{month.date.iso()}">' in page
    assert 'href="../events.ics"' in page  # the calendar itself, beside the page


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_long_list_is_cut_into_pages_as_a_browse_list_is(repo_record, lang):
    """At 10,000 events one page listing them all was 282 KB: the list has a browse list's
    pages, which link each other, and between them name every event once."""
    left_out = [e.id for e in repo_record.events if not calendar_entries(e, lang)]
    made = pages(repo_record, lang, paths.data_page(lang), page_size=4)
    numbers = range(1, -(-len(left_out) // 4) + 1)
    listed = []
    for number in numbers:
        page = made[paths.not_in_calendar(lang, number)]
        on_page = LINK.findall(page)
        assert 1 <= len(on_page) <= 4
        listed += on_page
        assert f"<strong>{len(left_out)} " in page  # every page counts the whole list
        if number < len(numbers):
            assert 'rel="next"' in page
    assert listed == [e.id for e in sorted(repo_record.events, key=lambda e: e.sort_key())
                      if e.id in left_out]  # fmt: skip
    assert paths.not_in_calendar(lang, len(numbers) + 1) not in made
    assert 'href="../events.ics"' in made[paths.not_in_calendar(lang)]  # the intro: page 1 only
    assert "events.ics" not in made[paths.not_in_calendar(lang, 2)]


def test_without_a_data_page_there_is_no_list_to_link_it_from(repo_record):
    assert paths.not_in_calendar("en") not in pages(repo_record, "en", None)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_data_page_links_the_list(repo_site, lang):
    data = (repo_site / paths.lang_prefix(lang) / "data" / "index.html").read_text()
    assert (
        data.count('href="not-in-calendar/"') == 2
    )  # the downloads' table and the calendar's section
    listed = repo_site / paths.lang_prefix(lang) / "data" / "not-in-calendar" / "index.html"
    assert 'href="../../events/' in listed.read_text()

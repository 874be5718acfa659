"""The views on their own: dates, safe text, pagination, pages and the timeline data.

No MkDocs here: views return `OutputFile`s, and these tests read them (rendering Markdown with
Python-Markdown where the HTML matters; event pages are written as HTML).
"""

from __future__ import annotations

import html
import posixpath
import random
import re
from urllib.parse import urlsplit

import markdown
import pytest

from builder.record.dates import PartialDate
from builder.record.load import load_record
from builder.text.dates import date_label, event_when, span_label
from builder.text.markup import escape, text_html, text_markdown
from builder.views import paths
from builder.views.maps.locator import locator_files, locator_label, locator_regions, locator_size
from builder.views.pages import SiteSettings, site_files
from builder.views.pages.listing import page_window, paginate
from builder.views.pages.rendering import relative_url
from builder.views.pages.timeline import periods
from builder.views.settings import RegionLocator
from tests.support.site import HOSTILE_NAME, REPO_URL, site_project

EXTENSIONS = ["attr_list", "def_list", "admonition", "md_in_html", "tables", "toc"]


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-02-18", None, "18 February 2026"),
        ("2026-06", None, "June 2026"),
        ("2026", None, "2026"),
        ("2025-09-09", "2025-09-23", "9–23 September 2025"),
        ("2025-09-28", "2025-10-03", "28 September – 3 October 2025"),
        ("2025-12-28", "2026-01-03", "28 December 2025 – 3 January 2026"),
        ("2026-04", "2026-06", "April–June 2026"),
        ("2025-12", "2026-02", "December 2025 – February 2026"),
        ("2016", "2018", "2016–2018"),
        ("2026-02-18", "2026-06", "18 February 2026 – June 2026"),
        ("2026-02-18", "2026-02-18", "18 February 2026"),
    ],
)
def test_dates_are_shown_at_their_precision(start, end, expected):
    assert span_label(d(start), d(end) if end else None, "en") == expected


def test_a_month_is_never_padded_to_a_day():
    assert date_label(d("2026-06"), "en") == "June 2026"
    assert "1 June" not in date_label(d("2026-06"), "en")


@pytest.fixture
def record(project):
    site_project(project)
    return load_record(project.root)


def test_approximate_dates_get_c(record):
    event = next(e for e in record.events if e.approximate)
    assert event_when(event, "en") == "c. 20 October 2025"


def render(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "- a list?",
        "1. a list?",
        "# a heading?",
        "> a quote?",
        ": a definition?",
        "!!! warning",
        "text {: onclick=alert(1) }",
        "`code` and _under_ and __bold__",
        "&amp; stays &amp;",
        "| a | b |",
    ],
)
def test_record_text_is_shown_literally(hostile):
    html_text = render(text_markdown(hostile))
    assert html_text.startswith("<p>") and html_text.endswith("</p>")
    assert html_text.count("<") == 2, html_text  # only the paragraph's own tags
    assert markdown.markdown(escape("x")) == "<p>x</p>"
    # The HTML form, written without Markdown, shows the same text the same way.
    written = text_html(hostile)
    assert written.count("<") == 2, written
    assert html.unescape(written) == html.unescape(html_text)


@pytest.mark.parametrize(
    "text",
    [
        "*yes* [ok](https://example.org/a?b=1&c=2) [no](javascript:alert(1)) *a* & b",
        "First paragraph with [Lima](https://en.wikipedia.org/wiki/Lima_(city)).\n\nSecond *one*.",
        "A [label *with* stars](https://example.org/x) and **double**",
        "Quotes \"here\" and 'there' < > &amp;",
    ],
)
def test_html_text_is_what_markdown_made_of_the_markdown_text(text):
    assert text_html(text) == render(text_markdown(text))


def test_double_stars_give_at_most_emphasis():
    html = render(text_markdown("**bold**"))
    assert "<strong>" not in html and html.count("<em>") <= 1


def test_summaries_keep_emphasis_and_web_links_only():
    html = render(text_markdown("*yes* [ok](https://example.org/a) [no](javascript:alert(1))"))
    assert "<em>yes</em>" in html
    assert '<a href="https://example.org/a">ok</a>' in html
    assert "javascript" not in html.split("[no]")[0] and 'href="javascript' not in html


def test_pagination_bounds_every_page():
    events = list(range(23))
    pages = paginate(events, 10, lambda n: f"p{n}.md")
    assert [len(p.events) for p in pages] == [10, 10, 3]
    assert [p.path for p in pages] == ["p1.md", "p2.md", "p3.md"]
    assert paginate([], 10, lambda n: f"p{n}.md")[0].events == ()


def test_page_window_stays_small_whatever_the_page_count():
    assert page_window(50, 100) == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert page_window(1, 3) == [1, 2, 3]


def test_timeline_periods_hold_every_event_once_and_split_crowded_months(record):
    many = [e for e in record.events] * 1  # 7 events: with pages of 2, years and months split
    pages = periods(many, "en", 2)
    seen = [e.id for p in pages for e in p.events]
    assert sorted(seen) == sorted(e.id for e in record.events)
    assert all(len(p.events) <= 2 for p in pages)
    assert len({p.path for p in pages}) == len(pages)
    # 2026 has 4 events: over the page size, so it is split by month.
    assert "timeline/2026/06/index.md" in {p.path for p in pages}


@pytest.fixture
def files(record):
    settings = SiteSettings(repo_url=REPO_URL, site_name="Test record")
    return {f.path: f for f in site_files(record, settings)}


def test_event_page_shows_status_sources_note_and_correction_link(files):
    page = files[paths.event_page("2026-06-16-party-alleges-rigged-rules", "en")].content
    assert "Alleged" in page and "Free Peru" not in page  # labels from the registry
    assert 'Claimed by: <a href="../../actors/peru-libre/">Perú Libre</a>.' in page
    assert (
        '<div class="admonition warning">\n<p class="admonition-title">Sources differ</p>' in page
    )
    assert '<h2 id="sources">Sources</h2>' in page
    assert "<li>Perú Libre, Statement on the count, " in page
    assert '<span class="pcr-stance">party statement</span>' in page
    edit = f"{REPO_URL}/edit/main/events/2026/2026-06-16-party-alleges-rigged-rules.yml"
    assert f'<a class="md-button" href="{edit}">Edit the file on GitHub</a>' in page
    form = (
        f"{REPO_URL}/issues/new?template=correct-an-event.yml&amp;title=Correction%3A+"
        "2026-06-16-party-alleges-rigged-rules&amp;event=%2Fevents%2F"
        "2026-06-16-party-alleges-rigged-rules%2F"
    )
    assert f'<a class="md-button md-button--primary" href="{form}">Report it in a form</a>' in page
    # Related works both ways: the older event lists the newer one that names it.
    older = files[paths.event_page("2026-02-18-congress-installs-balcazar", "en")].content
    related = older.split('id="related-events">')[1].split("</ul>")[0]
    assert '<a href="../2026-06-16-party-alleges-rigged-rules/">' in related


def test_source_links_only_known_urls_and_shows_date_notes(files):
    page = files[paths.event_page("2026-06-runoff-count-drags-on", "en")].content
    assert "undated; written after the 7 June 2026 runoff" in page
    assert '<h2 id="sources">' in page
    assert 'href="http' not in page.split('<h2 id="sources">')[1].split("<h2")[0]


def test_event_pages_stay_out_of_each_other_and_cite_themselves(files):
    page = files[paths.event_page("2025-09-09-health-strike", "en")].content
    assert "9–23 September 2025" in page
    assert "/events/2025-09-09-health-strike/" in page  # the cite-this snippet
    assert "at para. 4" in page


def test_hostile_event_title_is_escaped_in_the_page_head(files):
    page = files[paths.event_page(HOSTILE_NAME.rsplit("/", 1)[1][:-4], "en")].content
    head, body = page.split("---", 2)[1:]
    assert "<script>" not in head and "&lt;script&gt;" in head
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_every_region_has_a_page(record, files):
    for code in [*record.regions, *record.scopes]:
        assert paths.region_page(code, "en") in files
    assert len(record.regions) == 26


def test_output_is_deterministic(record):
    settings = SiteSettings(repo_url=REPO_URL)
    first = site_files(record, settings)
    second = site_files(record, settings)
    assert first == second
    assert len({f.path for f in first}) == len(first)


def test_links_are_relative_to_the_page(files):
    assert paths.relative_link("events/x.md", "themes/a/index.md") == "../themes/a/index.md"
    assert paths.page_url("events/x.md") == "events/x/"
    assert paths.page_url("timeline/2026/index.md") == "timeline/2026/"
    assert paths.page_url("events/x.md", directory_urls=False) == "events/x.html"


def test_event_text_can_be_kept_out_of_the_search_index(record):
    settings = SiteSettings(search_event_text=False)
    files = {f.path: f for f in site_files(record, settings)}
    page = files[paths.event_page("2025-09-09-health-strike", "en")].content
    assert '<div class="pcr-summary" data-search-exclude>' in page
    assert "Health workers struck for two weeks." in page


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_in_a_page_written_as_html_leads_to_a_generated_page(record, directory_urls):
    """Event, timeline period and browse pages are HTML, which MkDocs does not check: their
    links must be right here (tests/adapter/test_plugin.py follows them in a real build)."""
    published = set()
    pages = {}
    for lang in ("en", "es"):
        settings = SiteSettings(
            lang=lang, repo_url=REPO_URL, directory_urls=directory_urls, browse_page_size=2
        )
        for file in site_files(record, settings):
            published.add(paths.page_url(file.path, directory_urls))
            if file.html:
                pages[file.path] = file.content
    kinds = {path.removeprefix("es/").split("/")[0] for path in pages}
    assert kinds == {"events", "timeline", "themes", "regions", "actors"}
    assert len([path for path in pages if "/events/" in f"/{path}"]) == 2 * len(record.events)
    for path, page in pages.items():
        here = paths.page_url(path, directory_urls)
        base = here if here.endswith("/") else posixpath.dirname(here)
        checked = 0
        for href in re.findall(r'href="([^"]*)"', page):
            if re.match(r"https?://", href):
                continue
            # The timeline link carries a query (`?event=<id>`): the page is what must exist.
            address = urlsplit(html.unescape(href)).path
            target = posixpath.normpath(posixpath.join(base, address))
            target += "/" if address.endswith("/") else ""
            assert target in published, f"{path}: {href}"
            checked += 1
        if "/events/" in f"/{path}":
            assert checked >= 4, path  # themes, regions, actors, previous and next events
        elif "pcr-entry" in page or "pcr-count" in page:  # a list: its events, the timeline
            assert checked >= 2, path


def test_event_and_region_pages_stack_the_shared_locator_drawings(record):
    """A locator is images the site publishes once (builder.views.maps.locator), not an SVG
    inline in every page; the base map carries the text alternative in the page's language."""
    drawn = {file.path for file in locator_files()}
    locator = RegionLocator(locator_regions, locator_label, locator_size())
    for lang in ("en", "es"):
        settings = SiteSettings(lang=lang, region_locator=locator)
        files = {f.path: f.content for f in site_files(record, settings)}
        pages = [
            (paths.event_page(event.id, lang), locator_regions(event.regions))
            for event in record.events
        ]
        pages += [(paths.region_page(code, lang), [code]) for code in record.regions]
        assert any(codes for _, codes in pages)
        for path, codes in pages:
            images = re.findall(r'<img src="([^"]*)" alt="([^"]*)"', files[path])
            if not codes:  # national or abroad alone: no map
                assert images == [] and "pcr-locator" not in files[path], path
                continue
            here = paths.page_url(path)  # a folder: `events/<id>/`
            targets = [posixpath.normpath(posixpath.join(here, src)) for src, _ in images]
            assert targets == [paths.locator_image(None)] + [
                paths.locator_image(code) for code in codes
            ], path
            assert set(targets) <= drawn
            alt = html.unescape(images[0][1])
            assert alt == locator_label(codes, lang) and alt.startswith(
                "Ubicación de" if lang == "es" else "Location of"
            )
            assert [alt for _, alt in images[1:]] == [""] * len(codes)
            assert "<svg" not in files[path].split('class="pcr-locator__map"', 1)[1][:2000]


def test_relative_urls_are_what_posixpath_relpath_makes_of_them():
    # relative_url takes relpath's steps itself (relpath was a sixth of the views' time).
    def by_relpath(from_url: str, to_url: str) -> str:
        base = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
        relative = posixpath.relpath("/" + to_url, "/" + base)
        return relative + "/" if to_url.endswith("/") else relative

    parts = ["events", "a", "es", "themes", "index.html", "feed.xml", "", ".", "..", "2025"]
    rng = random.Random(7)
    for _ in range(20000):
        addresses = [
            "/".join(rng.choice(parts) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"])
            for _ in range(2)
        ]
        assert relative_url(*addresses) == by_relpath(*addresses), addresses
    assert relative_url("events/a/", "themes/b/") == "../../themes/b/"
    assert relative_url("events/a/", "events/a/") == "./"

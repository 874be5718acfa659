"""The MkDocs plugin, through real `mkdocs build --strict` runs of a small project."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from builder.adapter.watcher import ChangesObserver
from tests.support.pagefind import fragments
from tests.support.project import new_project
from tests.support.site import REPO_URL, run_mkdocs_build, site_project

ALTERNATE = re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"')


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The fixture project, built once for the tests that only read the result."""
    root = tmp_path_factory.mktemp("plugin") / "project"
    site_project(new_project(root))
    result = run_mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.slow
def test_event_pages_are_published_at_their_permanent_address(built):
    page = read(built, "events/2026-06-16-party-alleges-rigged-rules/index.html")
    assert "Statement on the count" in page
    assert "Sources differ" in page
    assert 'class="pcr-status pcr-status--alleged"' in page
    edit = f"{REPO_URL}/edit/main/events/2026/2026-06-16-party-alleges-rigged-rules.yml"
    assert f'href="{edit}"' in page


@pytest.mark.slow
def test_every_link_in_a_page_written_as_html_leads_to_a_built_file(built):
    # Event, timeline period and browse pages are written as HTML, which `mkdocs build
    # --strict` does not check.
    pages = []
    for lang in ("", "es/"):
        pages += sorted(built.glob(f"{lang}events/*/index.html"))
        pages += sorted(built.glob(f"{lang}timeline/*/index.html"))
        for kind in ("themes", "regions", "actors"):
            pages += sorted(built.glob(f"{lang}{kind}/*/index.html"))
    assert len(pages) >= 14 + 4 + 2 * 26
    for page in pages:
        # (A page kept out of search has Pagefind's mark on its <article>.)
        text = read(built, str(page.relative_to(built)))
        article = re.split(r'<article\b[^>]*class="md-content', text, maxsplit=1)[1]
        hrefs = re.findall(r'href="([^"]*)"', article.split("</article>")[0])
        local = [href for href in hrefs if not re.match(r"https?://", href)]
        if "/events/" in str(page):
            assert len(local) >= 4, page
        for href in local:
            address = urlsplit(html.unescape(href)).path  # the timeline link's ?event=<id>
            target = page.parent / address
            target = target / "index.html" if address.endswith("/") else target
            assert target.resolve().is_file(), f"{page}: {href}"


@pytest.mark.slow
def test_timeline_home_browse_pages_and_downloads_are_generated(built):
    for path in [
        "index.html",
        "timeline/index.html",
        "timeline/2025/index.html",
        "timeline/data/index.js",
        "timeline/data/list-0.js",
        "themes/elections-2026/index.html",
        "regions/pe-lma/index.html",
        "regions/pe-ama/index.html",  # a region without events still has its page
        "actors/peru-libre/index.html",
        "presidents/index.html",
        "data/events.json",
        "feed.xml",
    ]:
        assert (built / path).is_file(), path


@pytest.mark.slow
def test_event_pages_stay_out_of_the_navigation(built):
    # The theme renders the navigation into every page: its links are the nav's entries.
    page = read(built, "about/index.html")
    hrefs = set(re.findall(r'<a href="([^"]*)" class="md-nav__link', page))
    assert "../timeline/" in hrefs
    assert not [href for href in hrefs if "events/" in href]


@pytest.mark.slow
def test_every_page_announces_the_feed(built):
    for path in ["index.html", "events/2025-09-09-health-strike/index.html", "about/index.html"]:
        match = ALTERNATE.search(read(built, path))
        assert match, path
    assert ALTERNATE.search(read(built, "index.html")).group(1) == "feed.xml"


@pytest.mark.slow
def test_search_indexes_event_pages_but_not_listing_pages(built):
    # The published site's search is Pagefind's; the theme's index keeps its settings only.
    pages = fragments(built, "en")
    assert "/events/2025-09-09-health-strike/" in pages
    assert "/timeline/2025/" not in pages
    assert "/es/events/2025-09-09-health-strike/" in fragments(built, "es")
    assert json.loads(read(built, "search/search_index.json"))["docs"] == []
    assert json.loads(read(built, "es/search/search_index.json"))["config"]["lang"] == ["es"]


@pytest.mark.slow
def test_search_keeps_each_words_once_where_a_reader_looks_for_them(built):
    # Browse pages' month lists repeat event titles their own pages carry; the status's
    # explanation is the same words on every event page. Names, places and summaries stay.
    pages = fragments(built, "en")
    strike = "Health workers"  # the title of the event on the strike's theme page
    for url, page in pages.items():
        assert "confirmed by an independent source" not in page["content"], url
        if url.startswith(("/actors/", "/themes/", "/regions/")) and url.count("/") > 2:
            assert strike not in page["content"], url  # no month list of a browse page
    event = pages["/events/2025-09-09-health-strike/"]
    assert "Verified" in event["content"]
    assert strike in event["meta"]["title"]
    actor_pages = [url for url in pages if url.startswith("/actors/") and url.count("/") > 2]
    assert actor_pages  # an actor's page is found by the actor's name


@pytest.mark.slow
def test_pages_load_nothing_from_another_host(built):
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag, url in re.findall(
            r"<(script|link|img|iframe)\b[^>]*?(?:src|href)=\"([^\"]+)\"", html
        ):
            assert not re.match(r"(https?:)?//", url), f"{page}: <{tag}> loads {url}"


# Each language's maps are made by its own process on a build (forked.py): a broken map
# definition is still the build's error, with the definition's line.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "text", "messages"),
    [
        (
            "content/about.md",
            "# About\n\nSee [a page](no-such-page.md).\n",
            ["contains a link 'no-such-page.md'"],
        ),
        (
            "maps/strikes.yml",
            "title: Strikes\nmeasure: count\npalete: blues\n",
            ["maps/strikes.yml:3:1: unknown field 'palete'", "map definitions under"],
        ),
    ],
    ids=["internal-link", "map-definition"],
)
def test_a_broken_input_fails_the_build_saying_where(project, tmp_path, path, text, messages):
    site_project(project, hostile=False)
    project.write(path, text)
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode != 0
    for message in messages:
        assert message in result.stderr


@pytest.mark.slow
def test_a_bad_event_fails_the_build_with_the_checker_message(project, tmp_path):
    site_project(project, hostile=False)
    project.event(
        "date: 2026-01-05\ntitle: A bad event\nsummary: x\nthemes: [no-such-theme]\n"
        "regions: [national]\nstatus: verified\nsources:\n  - id: rpp-2026-02-18-balcazar\n",
        "events/2026/2026-01-05-bad-event.yml",
    )
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "events/2026/2026-01-05-bad-event.yml:4:10: unknown theme 'no-such-theme'" in result.stderr
    )


@pytest.mark.slow
def test_a_hand_written_page_cannot_hide_a_generated_one(project, tmp_path):
    site_project(project, hostile=False)
    project.write("content/timeline/index.md", "# My timeline\n")
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode != 0
    assert "'timeline/index.md' is generated by peru-timeline but already exists" in result.stderr


def test_serve_watches_the_events_and_maps_folders(project):
    site_project(project, hostile=False)
    config = load_config(str(project.root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    # MkDocs' own server, not started, watching what `mkdocs serve` watches before the plugins.
    server = LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(project.root)
    )
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    config.plugins["peru-timeline"].on_serve(server, config=config, builder=None)
    # The system's file events where it has them, for every path (builder/adapter/watcher.py).
    observer = ChangesObserver if sys.platform.startswith("linux") else PollingObserver
    assert type(server.observer) is observer
    watched = {Path(emitter.watch.path) for emitter in server.observer.emitters}
    assert {project.root / "events", project.root / "maps", Path(config.docs_dir)} <= watched


@pytest.mark.slow
def test_a_hidden_table_of_contents_is_not_written_but_skip_to_content_stays(built):
    # Timeline and browse pages hide their table of contents; the theme would still write it,
    # hidden, with an entry per event of the page.
    for path in ("timeline/2026/index.html", "es/themes/elections-2026/index.html"):
        page = read(built, path)
        sidebar = page.split('data-md-type="toc"', 1)[1].split("</nav>", 1)[0]
        assert 'class="md-nav__link"' not in sidebar, path
        [h1] = re.findall(r'<h1 id="([^"]+)"', page)
        assert f'<a href="#{h1}" class="md-skip">' in page, path
    event = read(built, "events/2026-06-16-party-alleges-rigged-rules/index.html")
    sidebar = event.split('data-md-type="toc"', 1)[1].split("</nav>", 1)[0]
    assert sidebar.count('class="md-nav__link"') >= 2  # an event page's is shown: kept whole

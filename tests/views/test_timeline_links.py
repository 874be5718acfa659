"""Links into the timeline from theme, region, actor and event pages.

The views first (no MkDocs: the pages as the views write them), then real `mkdocs build
--strict` runs of the fixture project, once with directory URLs (the published site) and once as
the offline copy (`.html` addresses), in both languages. Browse and event pages are HTML holding
final addresses (MkDocs neither checks nor rewrites them), resolved here as a browser would.
"""

from __future__ import annotations

import dataclasses
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from builder.adapter.offline import OFFLINE_ENV
from builder.record.load import load_record
from builder.record.model import Localized
from builder.text.strings import strings
from builder.views import paths
from builder.views.pages import SiteSettings
from builder.views.pages.browse import browse_files
from builder.views.pages.event_pages import event_files
from builder.views.pages.facets import facets_of
from tests.support.project import new_project
from tests.support.site import run_mkdocs_build, site_project

EVENT = "2026-06-16-party-alleges-rigged-rules"


@pytest.fixture
def record(project):
    site_project(project)
    return load_record(project.root)


def body(file) -> str:
    """The HTML of a page the views write as HTML, without its front matter."""
    assert file.html
    return file.content.split("\n---\n", 1)[1]


def resolve(path: str, href: str, directory_urls: bool) -> tuple[str, dict[str, list[str]]]:
    """The site address a link of the page at docs path `path` leads to, as a browser resolves
    it, and its query."""
    here = paths.page_url(path, directory_urls)
    base = here if here.endswith("/") else posixpath.dirname(here)
    address = urlsplit(href)
    assert not address.scheme and not address.netloc and not href.startswith("/"), href
    target = posixpath.normpath(posixpath.join(base, address.path))
    return target + ("/" if address.path.endswith("/") else ""), parse_qs(address.query)


class _Anchors(HTMLParser):
    """Every `<a>` of an HTML text: its attributes and its text."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[dict[str, str], str]] = []
        self._open: list[tuple[dict[str, str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append((dict(attrs), []))

    def handle_data(self, data):
        for _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            attrs, text = self._open.pop()
            self.found.append((attrs, "".join(text)))


def timeline_anchors(page_html: str, lang: str) -> list[dict[str, str]]:
    """The attributes of the links of `page_html` that read "See on the timeline"."""
    parser = _Anchors()
    parser.feed(page_html)
    return [attrs for attrs, text in parser.found if text == strings(lang)["see_on_timeline"]]


def test_timeline_query_encodes_every_key_and_value():
    assert paths.timeline_query({}) == ""
    assert paths.timeline_query({"region": "PE-PUN"}) == "?region=PE-PUN"
    assert paths.timeline_query({"event": "2026-06-07-runoff"}) == "?event=2026-06-07-runoff"
    assert (
        paths.timeline_query({"text": "a b&c=d/é?#+", "from": "2026-01-01"})
        == "?text=a%20b%26c%3Dd%2F%C3%A9%3F%23%2B&from=2026-01-01"
    )


BROWSE_PAGES = [
    # (what the page lists, its id, the page number): with pages of one event, the theme has
    # two pages and the national scope three.
    ("theme", "elections-2026", 1),
    ("theme", "elections-2026", 2),
    ("region", "national", 1),
    ("region", "national", 3),
    ("region", "abroad", 1),
    ("region", "PE-LMA", 1),
    ("actor", "peru-libre", 1),
    ("actor", "congress", 1),
]
PAGE_OF = {"theme": paths.theme_page, "region": paths.region_page, "actor": paths.actor_page}


def _name(record, kind: str, key: str, lang: str) -> str:
    if kind == "theme":
        return record.themes[key].name.get(lang)
    if kind == "actor":
        return record.actors[key].label(lang)
    scope = record.scopes.get(key)
    return scope.name.get(lang) if scope else record.regions[key].label(lang)


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("kind", "key", "number"), BROWSE_PAGES)
def test_browse_pages_link_the_timeline_filtered_by_what_they_list(
    record, lang, directory_urls, kind, key, number
):
    settings = SiteSettings(lang=lang, browse_page_size=1, directory_urls=directory_urls)
    files = {f.path: f for f in browse_files(record, facets_of(record), settings)}
    path = PAGE_OF[kind](key, lang, number)
    page = body(files[path])
    [link] = timeline_anchors(page, lang)
    # The page is HTML: its link is the timeline's final address in this URL style.
    target, query = resolve(path, link["href"], directory_urls)
    assert target == paths.page_url(paths.timeline_index(lang), directory_urls)
    assert query == {kind: [key]}
    name = _name(record, kind, key, lang)
    assert link["aria-label"] == strings(lang)[f"see_on_timeline_{kind}"].format(name=name)
    assert "md-button" in link["class"].split()
    # Near the top: after the heading (and intro), before the count and the list; its words
    # kept out of the search index.
    assert page.index("</h1>") < page.index("pcr-timeline-link") < page.index("pcr-count")
    assert "<p data-search-exclude><a " in page


def test_an_empty_browse_page_links_no_timeline(record):
    facets = facets_of(record)
    empty = next(theme for theme in record.themes if not facets.by_theme.get(theme))
    files = {f.path: f for f in browse_files(record, facets, SiteSettings())}
    assert "pcr-timeline-link" not in files[paths.theme_page(empty, "en")].content
    assert "pcr-timeline-link" in files[paths.theme_page("elections-2026", "en")].content


def test_the_timeline_link_names_any_text_exactly(record):
    """A name with markup in it (a hostile registry) reaches the accessible name unchanged."""
    hostile = 'A "quoted" *star* _under_ {: .x } } & &amp; <b>x</b> \\ `c` [l](http://x) \n O\'Neil'
    theme = record.themes["elections-2026"]
    themes = {**record.themes, theme.id: dataclasses.replace(theme, name=Localized(hostile))}
    record = dataclasses.replace(record, themes=themes)
    files = {f.path: f for f in browse_files(record, facets_of(record), SiteSettings())}
    page = body(files[paths.theme_page(theme.id, "en")])
    [link] = timeline_anchors(page, "en")
    name = " ".join(hostile.split())
    assert link["aria-label"] == strings("en")["see_on_timeline_theme"].format(name=name)
    assert "<b>" not in page  # the heading shows the same characters, not markup


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_event_pages_link_the_timeline_at_their_event(record, lang, directory_urls):
    settings = SiteSettings(lang=lang, directory_urls=directory_urls)
    pages = {f.path: f.content for f in event_files(record, facets_of(record), settings)}
    timeline = paths.page_url(paths.timeline_index(lang), directory_urls)
    for event in record.events:
        path = paths.event_page(event.id, lang)
        [link] = timeline_anchors(pages[path], lang)
        # HTML pages hold final addresses: resolve it as a browser would.
        here = paths.page_url(path, directory_urls)
        base = here if here.endswith("/") else posixpath.dirname(here)
        address = urlsplit(link["href"])
        target = posixpath.normpath(posixpath.join(base, address.path))
        assert target + ("/" if address.path.endswith("/") else "") == timeline
        assert parse_qs(address.query) == {"event": [event.id]}
        assert link["aria-label"] == strings(lang)["see_on_timeline_event"]
        # Beside the date, in the facts' first row; kept out of the search index.
        date_row = pages[path].split("<dd>", 1)[1].split("</dd>", 1)[0]
        assert "<time " in date_row and link["href"] in date_row
        assert '<span class="pcr-timeline-link" data-search-exclude>' in date_row


# --- the real builds --------------------------------------------------------------------------

# A theme, the national scope, a region and an actor, first pages and later ones.
BUILT_PAGES = [page for page in BROWSE_PAGES if page[1] != "abroad" and page[1] != "congress"]


@pytest.fixture(scope="module", params=["directory-urls", "offline"])
def site(request, tmp_path_factory) -> tuple[Path, bool]:
    """The fixture project built in one URL style: (site folder, directory_urls)."""
    root = tmp_path_factory.mktemp(request.param) / "project"
    project = site_project(new_project(root))
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write(
        "mkdocs.yml",
        mkdocs_yml.replace(
            "  - peru-timeline\n", "  - peru-timeline:\n      browse_page_size: 1\n"
        ),
    )
    offline = request.param == "offline"
    with pytest.MonkeyPatch.context() as patch:
        if offline:
            patch.setenv(OFFLINE_ENV, "1")
        else:
            patch.delenv(OFFLINE_ENV, raising=False)
        result = run_mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    # `--strict` passes, and no message at a lower level names the links either.
    assert "timeline/index.md" not in result.stderr, result.stderr
    return root / "site", not offline


def built_file(site: Path, docs_path: str, directory_urls: bool) -> Path:
    """The file a docs path is published as in this URL style."""
    url = paths.page_url(docs_path, directory_urls)
    return site / (url + "index.html" if url.endswith("/") or not url else url)


def follow(page: Path, href: str) -> tuple[Path, dict[str, list[str]]]:
    """The file a relative link of `page` opens, as a browser (or a file share) resolves it, and
    its query."""
    address = urlsplit(href)
    assert not address.scheme and not address.netloc and not href.startswith("/"), href
    target = page.parent / unquote(address.path)
    if address.path.endswith("/"):
        target /= "index.html"
    return target.resolve(), parse_qs(address.query)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("kind", "key", "number"), BUILT_PAGES)
def test_built_browse_pages_link_the_filtered_timeline(site, lang, kind, key, number):
    folder, directory_urls = site
    page = built_file(folder, PAGE_OF[kind](key, lang, number), directory_urls)
    [link] = timeline_anchors(page.read_text(encoding="utf-8"), lang)
    target, query = follow(page, link["href"])
    assert target == built_file(folder, paths.timeline_index(lang), directory_urls).resolve()
    assert target.is_file()
    assert query == {kind: [key]}
    # MkDocs wrote the final address: never the source file's name.
    assert ".md" not in link["href"]
    assert link["href"].endswith(
        ("/" if directory_urls else ".html") + paths.timeline_query({kind: key})
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_built_event_pages_link_the_timeline_at_their_event(site, lang):
    folder, directory_urls = site
    page = built_file(folder, paths.event_page(EVENT, lang), directory_urls)
    [link] = timeline_anchors(page.read_text(encoding="utf-8"), lang)
    target, query = follow(page, link["href"])
    assert target == built_file(folder, paths.timeline_index(lang), directory_urls).resolve()
    assert target.is_file()
    assert query == {"event": [EVENT]}

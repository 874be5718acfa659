"""A page written as HTML (builder/adapter/prerendered.py) is set up as MkDocs sets up a page,
without MkDocs' per-page `urljoin`: every attribute equal to what `Page.__init__` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from builder.adapter.prerendered import PrerenderedPage, canonical_urls
from builder.views import paths

# Every kind of page the views write as HTML, in both languages, and the homes, whose address
# is '' (a page written as HTML could be one).
PAGES = [
    path
    for lang in ("en", "es")
    for path in (
        paths.event_page("2026-06-16-party-alleges-rigged-rules", lang),
        paths.timeline_page(lang, 2026),
        paths.timeline_page(lang, 2026, 6),
        paths.timeline_page(lang, 2026, 6, part=2),
        paths.timeline_index(lang),
        paths.theme_page("elections", lang),
        paths.theme_page("elections", lang, number=3),
        paths.region_page("PE-LIM", lang),
        paths.actor_page("jne", lang, number=2),
        paths.home(lang),
    )
]
# The published site's address, the preview's, one without its closing slash, none, and
# addresses joining does more than append to: a query, dot segments, doubled slashes.
SITE_URLS = [
    "https://peru-crisis-record.github.io/peru-crisis-record/",
    "http://127.0.0.1:8000/peru-crisis-record/",
    "https://example.org/record",
    "https://example.org",
    None,
    "",
    "https://example.org/a/?lang=es",
    "https://example.org/a/./b/../c/",
    "https://example.org//a//",
]


def _config(site_url: str | None, edit_uri: str | None = "edit/main/content/") -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "Test",
            "docs_dir": str(Path(__file__).parent),  # any folder there is
            "site_url": site_url,
            "repo_url": "https://github.com/peru-crisis-record/peru-crisis-record",
            "edit_uri": edit_uri,
        }
    )
    errors, _ = config.validate()
    assert not errors
    return config


def _file(path: str, directory_urls: bool, generated: bool) -> File:
    file = File(
        path,
        src_dir=None if generated else "content",
        dest_dir="site",
        use_directory_urls=directory_urls,
    )
    if generated:
        file.generated_by = "peru-timeline"
    return file


def _attributes(page: Page) -> dict:
    return {key: value for key, value in vars(page).items() if key != "file"} | {
        "url": page.url,
        "title": page.title,
    }


@pytest.mark.parametrize("site_url", SITE_URLS)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_page_written_as_html_gets_the_attributes_mkdocs_gives_a_page(site_url, directory_urls):
    config = _config(site_url)
    for path in PAGES:
        for generated in (True, False):
            for title in (None, "Inicio"):
                ours = PrerenderedPage(title, _file(path, directory_urls, generated), config)
                theirs = Page(title, _file(path, directory_urls, generated), config)
                assert _attributes(ours) == _attributes(theirs), (path, generated, title)


def test_a_page_written_as_html_has_no_edit_address_where_the_site_has_none():
    config = _config("https://example.org/", edit_uri="")
    path = paths.event_page("2026-06-16-party-alleges-rigged-rules", "en")
    ours = PrerenderedPage(None, _file(path, True, False), config)
    assert ours.edit_url is None
    assert _attributes(ours) == _attributes(Page(None, _file(path, True, False), config))


@pytest.mark.parametrize(
    "url",
    ["", "events/x/", "events/x.html", "es/", "a%20b/", "./", "a/../b/", "a//b/", "a/./", ".."],
)
def test_a_canonical_address_is_what_joining_gives(url):
    from urllib.parse import urljoin, urlsplit

    for site_url in [s for s in SITE_URLS if s]:
        base = site_url if site_url.endswith("/") else f"{site_url}/"
        joined = urljoin(base, url)
        assert canonical_urls(site_url, url) == (joined, urlsplit(joined).path), site_url

"""The news feed opened in Chromium: a page in the feed's language, styled by feed.css, not raw XML.

The session's build of the repository's site (tests/conftest.py: repo_site) is served on
127.0.0.1 and browsed in Debian's Chromium at 1280 and 390 pixels.
"""

from __future__ import annotations

import pytest

from builder.adapter.project import configured_site_url
from tests.support.project import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SITE_URL = configured_site_url(REPO)

BANNER = {
    "en": "This is the record's news feed.",
    "es": "Este es el canal de noticias del registro.",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width", [1280, 390])
def test_feed_reads_as_a_page(chromium, repo_url, screenshot_dir, lang, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        path = "feed.xml" if lang == "en" else "es/feed.xml"
        page.goto(repo_url + path)
        looks = page.evaluate(
            """() => {
              const feed = document.documentElement;
              const title = feed.querySelector(':scope > title');
              const entry = feed.querySelector('entry');
              const hidden = feed.querySelector(':scope > id');
              return {
                banner: getComputedStyle(feed, '::before').content,
                titleSize: parseFloat(getComputedStyle(title).fontSize),
                entryDisplay: getComputedStyle(entry).display,
                hiddenDisplay: getComputedStyle(hidden).display,
                entries: feed.querySelectorAll('entry').length,
                width: feed.getBoundingClientRect().width,
                scroll: document.scrollingElement.scrollWidth,
                link: entry.querySelector('a') instanceof HTMLAnchorElement
                  ? entry.querySelector('a').href : null,
                summary: getComputedStyle(entry.querySelector('summary')).display,
              };
            }"""
        )
        assert BANNER[lang] in looks["banner"]
        assert looks["titleSize"] >= 24  # the feed's title is a heading, not inline text
        assert looks["entryDisplay"] == "block" and looks["hiddenDisplay"] == "none"
        assert looks["entries"] > 0
        assert looks["scroll"] <= width  # nothing runs off a phone's screen
        # Each entry links its page on the published site (the XHTML content), in the feed's
        # language; the same page of the served copy exists and is in that language.
        published = SITE_URL if lang == "en" else SITE_URL + "es/"
        assert looks["link"].startswith(published + "events/") and looks["summary"] == "none"
        answer = page.request.get(repo_url + looks["link"].removeprefix(SITE_URL))
        assert answer.ok and f'<html lang="{lang}"' in answer.text()
        assert [url for url in requests if not url.startswith(repo_url)] == []
        page.screenshot(path=screenshot_dir / f"feed-{lang}-{width}.png")
    finally:
        context.close()

"""What the views need to know about the site besides the record: names, addresses, options."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from builder.record.model import Record
from builder.views.memo import ViewMemo

DEFAULT_PAGE_SIZE = 50
# Browse pages list one line per event (the timeline shows full entries): twice as many fit.
DEFAULT_BROWSE_PAGE_SIZE = 100


@dataclass(frozen=True)
class RegionLocator:
    """What pages need of the small maps that locate an event's or a region's regions, drawn
    elsewhere (`builder.views.maps.locator`) and published once as images: which of some codes
    a locator highlights, its text alternative in a language, and its drawings' size."""

    regions: Callable[[Sequence[str]], list[str]]
    label: Callable[[Sequence[str], str], str]
    size: tuple[int, int]


@dataclass(frozen=True)
class SiteSettings:
    """Options for one language of the site.

    `repo_url` is the repository's web address: event pages link to the GitHub editor of their
    YAML file on `branch`. Optional collaborators are passed in, never imported here: when
    `region_locator` is None an event page names its regions without drawing a map.
    `data_page` and `maps_page` are docs paths of pages made elsewhere, linked only when given;
    `content_pages` the hand-written pages that exist, so links to them are never broken.
    `search_event_text` False keeps event summaries out of the theme's search index (which
    every page loads), leaving titles, facts and sources: for very large records.
    `offline` makes the copy read from disk (`peru-timeline dist`): its pages link `.html`
    files (`directory_urls` False) and it carries the files a file:// page can load; citations
    still name the published pages, whose URL style is `published_directory_urls`.
    `boundaries_file` is the project's region outlines (GeoJSON) that the timeline's map draws;
    without it the timeline has no map.
    """

    lang: str = "en"
    site_name: str = "Peru crisis record"
    site_url: str | None = None
    repo_url: str | None = None
    branch: str = "main"
    directory_urls: bool = True
    page_size: int = DEFAULT_PAGE_SIZE
    browse_page_size: int = DEFAULT_BROWSE_PAGE_SIZE
    latest_count: int = 6
    search_event_text: bool = True
    region_locator: RegionLocator | None = None
    # The chart (record, language, a preview's memo or None) as HTML.
    presidents_chart: Callable[[Record, str, ViewMemo | None], str] | None = None
    data_page: str | None = None
    maps_page: str | None = None
    feed_path: str | None = None
    content_pages: frozenset[str] = frozenset()
    offline: bool = False
    published_directory_urls: bool = True
    boundaries_file: Path | None = None

    def edit_url(self, path: str) -> str | None:
        """The GitHub editor of the repository file `path`, or None without a repository."""
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{path}"

    def issue_form_url(self, template: str, fields: dict[str, str]) -> str | None:
        """GitHub's new-issue page with the issue form `template` (a file of
        .github/ISSUE_TEMPLATE/), `fields` prefilled: GitHub fills a form's field from the query
        parameter named as the field's id. None without a repository."""
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/issues/new?" + urlencode(
            {"template": template, **fields}
        )

    def content_page(self, name: str) -> str | None:
        """The docs path of the hand-written page `name` (`about.md`) if it exists."""
        path = f"{'' if self.lang == 'en' else self.lang + '/'}{name}"
        return path if path in self.content_pages else None

    def absolute_url(self, site_path: str) -> str | None:
        """`site_path` on the published site, or None when the site's address is not known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + site_path.lstrip("/")

"""Where every generated page lives, and links between them.

Paths are source paths relative to the docs folder, as the site generator sees them
(`events/<id>.md` is published at `/events/<id>/`). Links are written relative to the page that
holds them, so the generator can check them and the site works under any base URL.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from builder.record.model import ABROAD, NATIONAL


def lang_prefix(lang: str) -> str:
    """English pages sit at the root; other languages under `<lang>/`."""
    return "" if lang == "en" else f"{lang}/"


def home(lang: str) -> str:
    return f"{lang_prefix(lang)}index.md"


def event_page(event_id: str, lang: str) -> str:
    """An event's permanent page: its id is its file name, so the address never changes."""
    return f"{lang_prefix(lang)}events/{event_id}.md"


def events_index(lang: str) -> str:
    return f"{lang_prefix(lang)}events/index.md"


def timeline_index(lang: str) -> str:
    return f"{lang_prefix(lang)}timeline/index.md"


def timeline_query(state: Mapping[str, str]) -> str:
    """The query string that opens the timeline (`timeline_index`) in `state`: `{"theme": id}`
    gives `?theme=id`; every key and value URL-encoded, in the order given; none gives "".

    The timeline keeps its whole state in its address: `text`, `theme`, `region` (a code or a
    scope), `actor`, `from`/`to` (YYYY-MM-DD), `order` and `event` (the event to scroll to).
    """
    if not state:
        return ""
    # quote, not urlencode's default quote_plus: `%20` reads the same to every URL parser.
    return "?" + urlencode(state, quote_via=quote, safe="")


def timeline_page(lang: str, year: int, month: int | None = None, part: int = 1) -> str:
    """A period of the timeline: a year or a month, or the n-th page of a crowded one."""
    path = f"{lang_prefix(lang)}timeline/{year}/"
    if month is not None:
        path += f"{month:02d}/"
    if part > 1:
        path += f"page-{part}/"
    return path + "index.md"


def _numbered(base: str, number: int) -> str:
    return f"{base}index.md" if number == 1 else f"{base}{number}/index.md"


def themes_index(lang: str) -> str:
    return f"{lang_prefix(lang)}themes/index.md"


def theme_page(theme_id: str, lang: str, number: int = 1) -> str:
    return _numbered(f"{lang_prefix(lang)}themes/{theme_id}/", number)


def regions_index(lang: str) -> str:
    return f"{lang_prefix(lang)}regions/index.md"


def region_page(code: str, lang: str, number: int = 1) -> str:
    """ISO codes are lower-cased in addresses (`/regions/pe-lma/`); 'national' and 'abroad' too."""
    return _numbered(f"{lang_prefix(lang)}regions/{code.lower()}/", number)


def actors_index(lang: str) -> str:
    return f"{lang_prefix(lang)}actors/index.md"


def actor_page(actor_id: str, lang: str, number: int = 1) -> str:
    return _numbered(f"{lang_prefix(lang)}actors/{actor_id}/", number)


def presidents_page(lang: str) -> str:
    # The presidents chart links its bars as `../events/<id>/`: it must sit one folder deep.
    return f"{lang_prefix(lang)}presidents/index.md"


def data_page(lang: str) -> str:
    return f"{lang_prefix(lang)}data.md"


def not_in_calendar(lang: str, number: int = 1) -> str:
    """The list of the events the calendar download leaves out, beside the data page (its first
    page; the others under it, as a browse list's)."""
    if number == 1:
        return f"{lang_prefix(lang)}data/not-in-calendar.md"
    return f"{lang_prefix(lang)}data/not-in-calendar/{number}/index.md"


def content_page(name: str, lang: str) -> str:
    """A hand-written page in the docs folder (`about.md`)."""
    return f"{lang_prefix(lang)}{name}"


def locator_image(code: str | None) -> str:
    """A drawing of the region locators: Peru's regions (`code` None), or one region's overlay."""
    return f"assets/locator/{code or 'peru'}.svg"


def is_scope(code: str) -> bool:
    return code in (NATIONAL, ABROAD)


def relative_link(from_page: str, to_path: str) -> str:
    """The link from the page at `from_page` to the file `to_path`, both docs-relative."""
    return _relative(posixpath.dirname(from_page) or ".", to_path)


@functools.lru_cache(maxsize=65536)  # thousands of pages share a folder (events/, timeline/…)
def _relative(start: str, to_path: str) -> str:
    return posixpath.relpath(to_path, start)


def page_url(path: str, directory_urls: bool = True) -> str:
    """The site-relative address of a page, as the generator publishes it (no leading slash)."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"

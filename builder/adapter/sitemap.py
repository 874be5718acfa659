"""The sitemap's page lists: every page with its versions in each language, gzipped, as many
lists as the sitemap protocol's limits need, named by the sitemap index.

Search engines read a page's other versions (hreflang) here: four absolute addresses a page,
12 MB at 10,000 events. The protocol allows a list at most 50,000 addresses and 50 MB
(52,428,800 bytes) before compression, and allows it gzipped. Past about 25,000 events (two
pages an event) one list is not enough, so the pages are cut, in the site's order, into as few
lists as the limits allow: `sitemap-pages.xml.gz` when one is enough, else
`sitemap-pages-1.xml.gz`, `sitemap-pages-2.xml.gz`, …, each named in the sitemap index
(`sitemap.xml`, templates/overrides/), which stays plain and a few lines long, since the theme's
script reads it on every page. An archive carries no name and no time, so the same list gives
the same bytes (reproducible builds).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from markupsafe import escape
from mkdocs.structure.files import File

MAX_URLS = 50_000  # the protocol's limits for one list
MAX_BYTES = 52_428_800
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
TAIL = "</urlset>"
NAME = "sitemap-pages"


def page_entry(address: str, site_url: str, versions: Mapping[str, str]) -> str:
    """One page's `<url>` at its absolute `address`, with its versions (language code → address
    under `site_url`) as hreflang alternates, English also the default; none when the page has
    no other version."""
    links = ""
    if len(versions) > 1:
        alternates = [*versions.items()]
        if "en" in versions:
            alternates.append(("x-default", versions["en"]))
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(site_url + path)}"/>'
            for code, path in alternates
        )
    return f"<url><loc>{escape(address)}</loc>{links}</url>"


def site_entries(
    documentation: Iterable[File], site_url: str, versions_of: Callable[[str], dict]
) -> list[str]:
    """Every published page's `<url>`, given the pages as MkDocs lists them
    (`Files.documentation_pages()`); none without a `site_url` (a page then has no absolute
    address)."""
    entries = []
    for file in documentation:
        page = file.page
        if page is None or getattr(page, "is_link", False) or not page.canonical_url:
            continue
        versions = versions_of(file.src_uri)["versions"]
        entries.append(page_entry(page.canonical_url, site_url, versions))
    return entries


def page_lists(
    entries: Iterable[str], max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES
) -> list[str]:
    """The entries, in order, cut into as few page lists as the limits allow (at most `max_urls`
    entries and `max_bytes` bytes of UTF-8 each); one empty list when there is no entry."""
    room = max_bytes - len((HEAD + TAIL).encode())
    lists: list[list[str]] = [[]]
    size = 0
    for entry in entries:
        line = entry + "\n"
        length = len(line.encode())
        if lists[-1] and (len(lists[-1]) == max_urls or size + length > room):
            lists.append([])
            size = 0
        lists[-1].append(line)
        size += length
    return [HEAD + "".join(lines) + TAIL for lines in lists]


def list_names(count: int) -> list[str]:
    """The published names of `count` page lists (gzipped), in order."""
    if count == 1:
        return [f"{NAME}.xml.gz"]
    return [f"{NAME}-{number}.xml.gz" for number in range(1, count + 1)]


def write_page_lists(site_dir: Path, lists: Sequence[str]) -> list[Path]:
    """Write the page lists gzipped into `site_dir` under `list_names`, removing any other page
    list an earlier build left there; the files written."""
    written = [site_dir / name for name in list_names(len(lists))]
    for stale in {*site_dir.glob(f"{NAME}*.xml*")} - set(written):
        stale.unlink()
    for path, text in zip(written, lists, strict=True):
        with path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as archive:
            archive.write(text.encode())
    return written

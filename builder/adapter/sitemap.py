"""The page list of the sitemap published gzipped, as the sitemap protocol allows.

`sitemap-pages.xml` (templates/overrides/) names every page with its versions in each language,
four absolute addresses a page: 12 MB at 10,000 events, read only by search engines, which read
a gzipped sitemap as well as a plain one. After the build it is replaced by
`sitemap-pages.xml.gz`, which the sitemap index (`sitemap.xml`) names; the index itself stays
plain, since the theme's script reads it. The archive carries no name and no time, so the same
list gives the same bytes (reproducible builds).
"""

from __future__ import annotations

import gzip
from pathlib import Path

PAGE_LIST = "sitemap-pages.xml"
COMPRESSED_PAGE_LIST = f"{PAGE_LIST}.gz"


def compress_page_list(site_dir: Path) -> Path | None:
    """Replace `site_dir`'s page list by its gzipped copy; None when the build wrote none."""
    plain = site_dir / PAGE_LIST
    if not plain.is_file():
        return None
    compressed = site_dir / COMPRESSED_PAGE_LIST
    with compressed.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as archive:
        archive.write(plain.read_bytes())
    plain.unlink()
    return compressed

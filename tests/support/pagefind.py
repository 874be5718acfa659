"""Pagefind's index read back: each page's fragment, the text and title Pagefind found in it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

# Pagefind writes each fragment gzipped, its JSON after this signature.
SIGNATURE = b"pagefind_dcd"


def fragments(site: Path, lang: str) -> dict[str, dict]:
    """The pages Pagefind indexed in `lang`, by address: their `content`, `meta` and `anchors`."""
    pages = {}
    for path in sorted((site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE) :])
        pages[fragment["url"]] = fragment
    return pages

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


def contents(site: Path) -> dict[str, dict]:
    """What Pagefind's index at `site/pagefind/` holds in each language, whatever order it
    numbered the pages in: its pages (each fragment whole, and its word count) and every word
    with the pages it is on (by address) and its positions there, accented spellings apart.
    Pages are known by their address, not their fragment's file name: when two fragments'
    short names collide, Pagefind lengthens the name of the one it reads second."""
    folder = site / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
    languages = {}
    for lang, about in entry["languages"].items():
        version, pages, chunks, filters, sorts, fields = _read(
            folder / f"pagefind.{about['hash']}.pf_meta"
        )
        fragments = {page[0]: _fragment(folder, page[0]) for page in pages}
        hashes = [fragments[page[0]]["url"] for page in pages]
        words = {}
        for chunk in chunks:
            for word, places, spellings in _read(folder / "index" / f"{chunk[2]}.pf_index")[0]:
                words[word] = (
                    _on_pages(places, hashes),
                    sorted((spelling, _on_pages(more, hashes)) for spelling, more in spellings),
                )
        languages[lang] = {
            "version": version,
            "pages": sorted(
                (json.dumps(fragments[name], sort_keys=True), count) for name, count in pages
            ),
            "words": words,
            "filters": filters,
            "sorts": sorts,
            "fields": fields,
        }
    return languages


def _fragment(folder: Path, name: str) -> dict:
    data = gzip.decompress((folder / "fragment" / f"{name}.pf_fragment").read_bytes())
    assert data.startswith(SIGNATURE), name
    return json.loads(data[len(SIGNATURE) :])


def _on_pages(places: list, hashes: list[str]) -> list[tuple[str, str]]:
    """A word's places by page address: Pagefind writes each page's number as the difference
    from the one before."""
    number, found = 0, []
    for place in places:
        number += place[0]
        found.append((hashes[number], json.dumps(place[1:])))
    return sorted(found)


def _read(path: Path):
    """A Pagefind index file: gzipped CBOR after the signature."""
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    value, end = _cbor(data, len(SIGNATURE))
    assert end == len(data), path
    return value


def _cbor(data: bytes, at: int):
    """The CBOR value at `at` in `data` (the kinds Pagefind writes) and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        count = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        count, at = int.from_bytes(data[at : at + size], "big"), at + size
    elif info == 31 and major in (4, 5):
        count = None  # an array or map of indefinite length, up to a break (0xff)
    else:
        raise ValueError(f"CBOR item {data[at - 1]:#x} at {at - 1}: not one Pagefind writes")
    if major == 0:
        return count, at
    if major == 1:
        return -1 - count, at
    if major in (2, 3):
        raw = data[at : at + count]
        return (raw.decode("utf-8") if major == 3 else raw), at + count
    if major in (4, 5):
        items = []
        while (count is None and data[at] != 0xFF) or (
            count is not None and len(items) < count * (major - 3)
        ):
            item, at = _cbor(data, at)
            items.append(item)
        at += count is None
        return (items if major == 4 else dict(zip(items[0::2], items[1::2], strict=True))), at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    raise ValueError(f"CBOR item of major type {major} at {at - 1}: not one Pagefind writes")

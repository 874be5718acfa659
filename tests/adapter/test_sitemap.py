"""The sitemap's page lists (builder/adapter/sitemap.py): a site of more pages than one list may
hold is cut into lists within the protocol's limits, each gzipped and named by the index.

The site here is generated, not built: 25,001 pages in each language as MkDocs' own `File` and
`Page` objects, their versions as the plugin finds them (languages.py), so the lists are those a
build of that many pages would publish, without the minutes such a build takes."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

import jinja2
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from builder.adapter import languages, sitemap
from builder.adapter.plugin import OVERRIDES

SITE_URL = "https://example.org/peru-crisis-record/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
PER_LANGUAGE = 25_001  # two languages: 50,002 addresses, two more than one list may hold


def generated_site(tmp_path: Path, count: int) -> tuple[Files, MkDocsConfig]:
    """`count` event pages in English and as many in Spanish, as MkDocs holds them in a build."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "Record", "site_url": SITE_URL, "docs_dir": str(tmp_path)})
    errors, _ = config.validate()
    assert errors == []
    files = Files([])
    for prefix in ("", "es/"):
        for number in range(count):
            uri = f"{prefix}events/2026-01-01-event-number-{number:05d}.md"
            file = File(uri, str(tmp_path), config.site_dir, use_directory_urls=True)
            Page(None, file, config)
            files.append(file)
    return files, config


def index_of(names: list[str]) -> ElementTree.Element:
    """The sitemap index the theme override writes for these page lists."""
    loader = jinja2.FileSystemLoader(str(OVERRIDES))
    template = jinja2.Environment(loader=loader, autoescape=True).get_template("sitemap.xml")
    text = template.render(config={"site_url": SITE_URL}, pcr_page_lists=names)
    return ElementTree.fromstring(text.strip().encode())


@pytest.mark.slow  # 50,002 MkDocs pages: a few seconds
def test_a_site_past_50000_addresses_gets_lists_within_the_limits_named_by_the_index(tmp_path):
    files, config = generated_site(tmp_path, PER_LANGUAGE)
    pages = {file.src_uri for file in files}

    def versions_of(src_uri: str) -> dict:
        return languages.versions_of(src_uri, ["en", "es"], pages, True)

    lists = sitemap.page_lists(
        sitemap.site_entries(files.documentation_pages(), SITE_URL, versions_of)
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap-pages-3.xml.gz").write_bytes(b"left by an earlier build")
    written = sitemap.write_page_lists(site, lists)

    names = ["sitemap-pages-1.xml.gz", "sitemap-pages-2.xml.gz"]
    assert [path.name for path in written] == names
    assert sorted(path.name for path in site.iterdir()) == names  # the stale third one is gone
    addresses = []
    for path in written:
        text = gzip.decompress(path.read_bytes())
        assert len(text) <= 52_428_800
        urlset = ElementTree.fromstring(text)
        assert urlset.tag == f"{SITEMAP}urlset"
        assert 0 < len(urlset) <= 50_000
        addresses += [url.findtext(f"{SITEMAP}loc") for url in urlset]
    # Every page once, in MkDocs' order, each with its other version and the default.
    assert addresses == [file.page.canonical_url for file in files]
    assert addresses[PER_LANGUAGE] == f"{SITE_URL}es/events/2026-01-01-event-number-00000/"
    last = ElementTree.fromstring(gzip.decompress(written[-1].read_bytes()))[-1]
    versions = {link.get("hreflang"): link.get("href") for link in last.iter(f"{XHTML}link")}
    assert versions == {
        "en": f"{SITE_URL}events/2026-01-01-event-number-25000/",
        "es": f"{SITE_URL}es/events/2026-01-01-event-number-25000/",
        "x-default": f"{SITE_URL}events/2026-01-01-event-number-25000/",
    }

    index = index_of(sitemap.list_names(len(lists)))
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [entry.findtext(f"{SITEMAP}loc") for entry in index] == [
        SITE_URL + name for name in names
    ]


def test_a_list_is_cut_at_the_byte_limit_too():
    entries = [f"<url><loc>{SITE_URL}{'x' * 90}/{number}/</loc></url>" for number in range(10)]
    room = len((sitemap.HEAD + sitemap.TAIL).encode())
    line = len((entries[0] + "\n").encode())
    lists = sitemap.page_lists(entries, max_urls=50_000, max_bytes=room + 4 * line)
    assert [text.count("<url>") for text in lists] == [4, 4, 2]
    assert all(len(text.encode()) <= room + 4 * line for text in lists)
    assert "".join(lists).count("<url>") == 10


@pytest.mark.parametrize("count", [0, 3])
def test_a_small_site_keeps_its_one_list_under_its_usual_name(tmp_path, count):
    lists = sitemap.page_lists(f"<url><loc>{SITE_URL}{n}/</loc></url>" for n in range(count))
    assert len(lists) == 1
    site = tmp_path / "site"
    site.mkdir()
    for stale in ("sitemap-pages.xml", "sitemap-pages-1.xml.gz", "sitemap-pages-2.xml.gz"):
        (site / stale).write_text("left by an earlier build")
    (site / "sitemap.xml").write_text("the index, not a page list")
    written = sitemap.write_page_lists(site, lists)
    assert [path.name for path in written] == ["sitemap-pages.xml.gz"]
    assert sorted(path.name for path in site.iterdir()) == ["sitemap-pages.xml.gz", "sitemap.xml"]
    assert len(ElementTree.fromstring(gzip.decompress(written[0].read_bytes()))) == count
    # Reproducible: the archive carries no name and no time.
    assert written[0].read_bytes() == sitemap.write_page_lists(site, lists)[0].read_bytes()
    index = index_of(sitemap.list_names(1))
    assert [entry.findtext(f"{SITEMAP}loc") for entry in index] == [
        f"{SITE_URL}sitemap-pages.xml.gz"
    ]

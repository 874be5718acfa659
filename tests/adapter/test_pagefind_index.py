"""Pagefind's index of the published site (builder/adapter/pagefind_index.py), on real HTML
files indexed by the real Pagefind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from builder.adapter.pagefind_index import (
    ENTRY,
    EXCLUDED,
    FOLDER,
    GENERIC_WASM,
    ROOT_SELECTOR,
    PagefindIndexer,
    uses_pagefind,
    write_index,
)
from builder.adapter.pagefind_marks import marked
from builder.views import paths
from builder.views.pages import SiteSettings, site_files
from tests.support.pagefind import contents, fragments

ARTICLE = '<article class="md-content__inner md-typeset">{}</article>'


def page(lang: str, body: str) -> str:
    return f'<!doctype html><html lang="{lang}"><body>{ARTICLE.format(body)}</body></html>'


def write_site(root: Path) -> Path:
    pages = {
        "index.html": page("en", "<h1>Home</h1><p>Balcázar was installed.</p>"),
        "actors/balcazar/index.html": marked(
            page(
                "en",
                "<h1>José María Balcázar</h1><p>Interim president.</p>"
                '<h2 data-search-exclude id="february-2026">February 2026</h2>'
                "<ul><li><a href='x'>Congress censures Jerí</a></li></ul>"
                "<h2 id='kept'>Kept</h2><p>Chancay port.</p>",
            ),
            searchable=True,
        ),
        "timeline/2026/index.html": marked(
            page("en", "<h1>2026</h1><p>Listing of every event.</p>"), searchable=False
        ),
        "es/index.html": page("es", "<h1>Inicio</h1><p>Las tropas de Estados Unidos.</p>"),
    }
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def files(site: Path) -> dict[str, bytes]:
    folder = site / FOLDER
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_only_a_published_build_uses_pagefind():
    assert uses_pagefind(True, offline=False, serving=False)
    assert not uses_pagefind(True, offline=True, serving=False)
    assert not uses_pagefind(True, offline=False, serving=True)
    assert not uses_pagefind(False, offline=False, serving=False)


def test_a_page_kept_out_of_search_is_ignored_whole():
    output = marked(page("en", "<h1>2026</h1>"), searchable=False)
    assert '<article data-pagefind-ignore="all" class="md-content__inner' in output


def test_an_excluded_heading_keeps_its_section_out_up_to_the_next_heading():
    output = marked(
        page(
            "en",
            "<h2 data-search-exclude>Month</h2><ul><li>a</li></ul>\n<br><p class=x>c</p>"
            "<h2>Next</h2><p>b</p>",
        ),
        searchable=True,
    )
    # Each element of the section is marked, none is added: styles that select siblings (the
    # print style hides what follows the citation) still find them.
    assert (
        "<h2 data-search-exclude>Month</h2><ul data-pagefind-ignore><li>a</li></ul>\n"
        "<br data-pagefind-ignore><p data-pagefind-ignore class=x>c</p><h2>Next</h2><p>b</p>"
    ) in output


def test_a_section_with_bare_text_is_left_as_it_is():
    body = "<h2 data-search-exclude>Month</h2>loose words<p>a</p>"
    assert marked(page("en", body), searchable=True) == page("en", body)


def test_a_section_that_would_close_its_container_is_left_as_it_is():
    body = "<div><h2 data-search-exclude>Month</h2><p>a</p></div><p>b</p>"
    assert marked(page("en", body), searchable=True) == page("en", body)


def test_the_index_holds_each_language_and_leaves_out_what_search_leaves_out(tmp_path):
    site = write_site(tmp_path / "site")
    write_index(site)
    english, spanish = fragments(site, "en"), fragments(site, "es")
    assert set(english) == {"/", "/actors/balcazar/"}  # not the timeline period
    assert set(spanish) == {"/es/"}
    actor = english["/actors/balcazar/"]["content"]
    assert "Interim president" in actor and "Chancay port" in actor
    assert "Jerí" not in actor and "February 2026" not in actor
    entry = json.loads((site / FOLDER / ENTRY).read_text("utf-8"))
    assert list(entry["languages"]) == ["en", "es"]
    assert (site / FOLDER / "pagefind.js").is_file()
    assert not list((site / FOLDER).glob("*-ui.*"))  # Pagefind's own interfaces, unused
    # Each language loads its own WebAssembly: Pagefind's generic one would never be fetched.
    assert [about["wasm"] for about in entry["languages"].values()] == ["en", "es"]
    assert (site / FOLDER / "wasm.en.pagefind").is_file()
    assert not (site / FOLDER / GENERIC_WASM).exists()


def test_a_page_in_no_language_keeps_the_generic_webassembly_its_search_loads(tmp_path):
    site = write_site(tmp_path / "site")
    (site / "other.html").write_text(
        f"<!doctype html><html><body>{ARTICLE.format('<h1>Elsewhere</h1>')}</body></html>"
    )
    write_index(site)
    entry = json.loads((site / FOLDER / ENTRY).read_text("utf-8"))
    assert entry["languages"]["unknown"].get("wasm") is None
    assert (site / FOLDER / GENERIC_WASM).is_file()
    assert set(fragments(site, "unknown")) == {"/other.html"}


def test_the_same_site_gives_the_same_index_byte_for_byte(tmp_path):
    first, second = write_site(tmp_path / "a"), write_site(tmp_path / "b")
    write_index(first)
    write_index(second)

    assert files(first) == files(second)


# The order MkDocs writes the pages in: not their paths' order.
BUILD_ORDER = [
    "timeline/2026/index.html",
    "index.html",
    "es/index.html",
    "actors/balcazar/index.html",
]


def languages_of(pages: list[str]) -> dict[str, str]:
    """The pages in build order, each with its language as the build knows it (by path)."""
    return {path: "es" if path.startswith("es/") else "en" for path in pages}


def handed_over(site: Path, order: list[str]) -> None:
    """Index `site` as a build does: each page handed over as it is written, in `order`."""
    indexer = PagefindIndexer(site, ["en", "es"])
    indexer.expect(languages_of(BUILD_ORDER))
    for path in order:  # a page search leaves out whole is not handed over
        html = (site / path).read_text("utf-8")
        indexer.add(path, None if 'data-pagefind-ignore="all"' in html else html)
    indexer.finish()


def test_pages_handed_over_give_the_index_pagefind_makes_of_the_written_site(tmp_path):
    site, written = write_site(tmp_path / "site"), write_site(tmp_path / "written")
    (site / "404.html").write_text(page("en", "<h1>Not found</h1>"), "utf-8")  # not a page
    shutil.copy(site / "404.html", written / "404.html")
    handed_over(site, BUILD_ORDER)
    command = [sys.executable, "-m", "pagefind", "--site", str(written), "--silent"]
    command += ["--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDED]
    subprocess.run(command, check=True, capture_output=True)
    # The same pages, words and excerpts; the bytes differ as Pagefind numbers the pages in
    # the order it reads them (its command: the filesystem's).
    assert contents(site) == contents(written)
    assert fragments(site, "en") == fragments(written, "en")
    assert set(fragments(site, "en")) == {"/", "/actors/balcazar/", "/404.html"}


def test_pages_handed_over_out_of_order_give_the_same_bytes(tmp_path):
    in_order, out_of_order = write_site(tmp_path / "a"), write_site(tmp_path / "b")
    handed_over(in_order, BUILD_ORDER)
    handed_over(out_of_order, BUILD_ORDER[1:2] + BUILD_ORDER[:1])  # a dirty build's few pages
    assert files(in_order) == files(out_of_order)


def test_an_indexer_that_cannot_run_fails_the_build(tmp_path, monkeypatch):
    site = write_site(tmp_path / "site")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))  # exits at once
    with pytest.raises(PluginError, match="Pagefind"):
        write_index(site)
    assert not (site / FOLDER).exists()


def pagefind_children() -> set[int]:
    """This process's child processes running Pagefind, zombies included (not yet waited for)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :]
        if int(rest.split()[1]) == os.getpid() and "pagefind" in name:
            found.add(int(entry.name))
    return found


def indexing_begun(tmp_path):
    """A site, its indexer with the first page handed over, and the Pagefind processes that ran
    before it: the indexer has started one process per language."""
    site = write_site(tmp_path / "site")
    before = pagefind_children()
    indexer = PagefindIndexer(site, ["en", "es"])
    indexer.expect(languages_of(BUILD_ORDER))
    indexer.add(BUILD_ORDER[0], (site / BUILD_ORDER[0]).read_text("utf-8"))
    assert len(pagefind_children() - before) == 2  # one indexer per language
    return site, indexer, before


def test_an_indexer_that_dies_mid_build_fails_it_and_leaves_no_process(tmp_path):
    site, indexer, before = indexing_begun(tmp_path)
    started = pagefind_children() - before
    os.kill(max(started), signal.SIGKILL)
    for path in BUILD_ORDER[1:]:
        indexer.add(path, (site / path).read_text("utf-8"))
    with pytest.raises(PluginError, match=r"Pagefind could not index .*: Pagefind stopped: exit"):
        indexer.finish()
    assert pagefind_children() == before
    assert not (site / FOLDER / ENTRY).exists()


def test_a_failed_build_stops_every_indexer(tmp_path):
    site, indexer, before = indexing_begun(tmp_path)
    indexer.stop()  # on_build_error
    assert pagefind_children() == before


def test_a_page_in_a_language_already_indexed_gives_the_index_of_the_written_site(tmp_path):
    """English's index is asked for once its last page is handed over; a page after it whose
    `<html lang>` is English all the same cannot join it, and the site is indexed again from
    its files, in the same order: the index is the one made when the build knows the page's
    language."""
    order = ["timeline/2026/index.html", "index.html", "actors/balcazar/index.html"]
    order.append("es/index.html")
    indexes = {}
    for name, languages in [("told", {path: "en" for path in order}), ("not", languages_of(order))]:
        site = write_site(tmp_path / name)
        (site / "es/index.html").write_text(page("en", "<h1>Home, in English</h1>"), "utf-8")
        indexer = PagefindIndexer(site, ["en", "es"])
        indexer.expect(languages)
        for path in order:
            indexer.add(path, (site / path).read_text("utf-8"))
        indexer.finish()
        indexes[name] = files(site)
        assert set(fragments(site, "en")) == {"/", "/actors/balcazar/", "/es/"}
    assert indexes["told"] == indexes["not"]


def test_an_html_file_written_after_its_languages_index_was_asked_for_is_indexed(tmp_path):
    """The site's other HTML files are written before its pages; one written later (by
    another plugin, after the pages) is in the index all the same."""
    moved = page("en", "<h1>Moved</h1><p>Redirected.</p>")
    site, written = write_site(tmp_path / "a"), write_site(tmp_path / "b")
    (written / "moved.html").write_text(moved, "utf-8")  # there from the start
    handed_over(written, BUILD_ORDER)
    indexer = PagefindIndexer(site, ["en", "es"])
    indexer.expect(languages_of(BUILD_ORDER))
    for path in BUILD_ORDER:
        indexer.add(path, (site / path).read_text("utf-8"))
    (site / "moved.html").write_text(moved, "utf-8")
    indexer.finish()
    assert files(site) == files(written)
    assert "/moved.html" in fragments(site, "en")


def unmarked(html: str) -> str:
    """`html` without the section marks a template wrote (a page ignored whole keeps its own)."""
    return html.replace(" data-pagefind-ignore>", ">").replace(" data-pagefind-ignore ", " ")


def test_the_pages_templates_write_carry_the_marks_the_walk_would_give_them(repo_record):
    """Event and browse pages (thousands) are not walked for their excluded sections: their
    templates mark them. The marks must be the walk's, on every kind of page (browse lists of
    several pages, events with and without related events)."""
    checked = 0
    for lang in ("en", "es"):
        settings = SiteSettings(lang=lang, repo_url="https://example.org/r", browse_page_size=2)
        for file in site_files(repo_record, settings):
            if not file.html:
                continue
            body = file.content.split("\n---\n", 1)[1]
            if '"exclude": true' in file.content.split("\n---\n", 1)[0]:  # ignored whole
                assert "data-pagefind-ignore" not in body, file.path
                continue
            html = f'<html lang="{lang}"><body>{ARTICLE.format(body)}</body></html>'
            assert marked(unmarked(html), True) == html, file.path
            checked += "data-pagefind-ignore" in body
    assert checked > 100


@pytest.mark.slow
def test_the_published_pages_templates_write_carry_the_walks_marks(repo_site):
    """The same in the built site, where the theme wraps the page (what the theme writes
    between a page's last section and the article's end would be marked by the walk)."""
    checked = 0
    for lang in ("en", "es"):
        for kind in ("events", "themes", "regions", "actors"):
            folder = repo_site / paths.lang_prefix(lang) / kind
            for path in sorted(folder.glob("*/index.html")):
                html = path.read_text("utf-8")
                if 'data-pagefind-ignore="all"' not in html:
                    assert marked(unmarked(html), True) == html, path
                    checked += 1
    assert checked > 200
    event = (repo_site / "events/2026-02-18-congress-installs-balcazar/index.html").read_text()
    assert '<p data-pagefind-ignore class="pcr-cite-intro">' in event

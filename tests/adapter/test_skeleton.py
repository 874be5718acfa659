"""Event pages written from skeletons (builder/adapter/skeleton.py) are the theme's own pages,
byte for byte: real `mkdocs build --strict` runs with skeletons and with a whole theme render per
page, on the real record, on a synthetic one with edge cases (online and offline), and on a
site whose theme writes a page's own value in a way no skeleton can put back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from builder.adapter.skeleton import Skeleton, Skeletons
from builder.record.events import TITLE_LIMIT
from builder.record.load import load_record
from tests.support.project import new_project
from tests.support.site import copy_repo_project, site_project
from tools.synthetic import write_synthetic_project

# An event page, online (events/<id>/index.html) or offline (events/<id>.html), in English or
# Spanish; a moved event's old address is a redirect file, not a page (its id is no event's).
EVENT_PAGE = re.compile(r"^(?:es/)?events/([^/]+?)(?:/index)?\.html$")

LONGEST_TITLE = ("Congress and the executive dispute the count of the runoff vote " * 3)[
    :TITLE_LIMIT
]
# Events that give a skeleton's slots their hardest values.
EDGE_EVENTS = {
    "escaped": {
        "title": 'Perú Libre & Fuerza Popular call the count "rigged" <again>',
        "regions": ["national"],
        "es": {"title": 'Perú Libre & Fuerza Popular llaman «amañado» al conteo "otra vez" <x>'},
    },
    "longest": {"title": LONGEST_TITLE, "regions": ["abroad"]},
    # Its anchor is "sources": the Sources heading's becomes "sources_1" (another skeleton).
    "sources": {"title": "Sources", "regions": ["PE-LIM", "PE-CUS"]},
    "english-only": {"title": "An event told in English only", "regions": ["PE-PUN"]},
}


def _edge_event(fields: dict) -> str:
    event = {
        "date": "2026-03-02",
        "title": fields["title"],
        "summary": 'A summary with & and < and " to escape, and *emphasis*.',
        "themes": ["elections-2026"],
        "regions": fields["regions"],
        "status": "reported",
        "sources": [{"publisher": "Example Daily", "title": "A report", "date": "2026-03-02"}],
    }
    if "es" in fields:
        event["es"] = {"title": fields["es"]["title"], "summary": "Un resumen."}
    return yaml.safe_dump(event, allow_unicode=True, sort_keys=False).replace(
        "'2026-03-02'", "2026-03-02"
    )


def build_site(root: Path, site: Path, skeletons: bool) -> tuple[dict[str, bytes], Skeletons]:
    """Build the project at `root` into `site`, event pages from skeletons or not: every file's
    bytes by its path, and the build's skeletons (a copy: MkDocs may keep the plugin for the
    next build)."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["peru-timeline"]
    plugin.skeletons.enabled = skeletons
    mkdocs_build(config)
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    made = Skeletons()
    made.skeletons, made.filled = dict(plugin.skeletons.skeletons), plugin.skeletons.filled
    made.stripped = set(plugin.skeletons.stripped)
    return files, made


def assert_skeletons_change_nothing(root: Path, work: Path, usable: bool = True) -> list[str]:
    """Build `root` with and without skeletons: the same files, byte for byte; the event pages."""
    with_skeletons, made = build_site(root, work / "skeletons", True)
    whole, unused = build_site(root, work / "whole", False)
    ids = {event.id for event in load_record(root).events}
    event_pages = sorted(
        path
        for path in with_skeletons
        if (match := EVENT_PAGE.match(path)) and match.group(1) in ids
    )
    assert len(event_pages) == 2 * len(ids)
    assert any(path.startswith("es/") for path in event_pages)
    assert any(not path.startswith("es/") for path in event_pages)
    assert not unused.skeletons and unused.filled == 0
    if usable:
        assert made.filled >= len(event_pages)  # and any other page written as HTML
        assert 0 < len(made.skeletons) < len(event_pages) / 2
        # Filled without the theme's indentation: no page's own pass over it (indentation.py).
        assert len(made.stripped) == made.filled
    else:
        assert made.filled == 0 and set(made.skeletons.values()) == {None}
    differing = [path for path in event_pages if with_skeletons[path] != whole.get(path)]
    assert differing == []
    assert with_skeletons.keys() == whole.keys()
    assert [path for path in whole if with_skeletons[path] != whole[path]] == []
    return event_pages


@pytest.fixture
def reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("PERU_TIMELINE_OFFLINE", raising=False)


@pytest.mark.slow
def test_the_real_record_s_event_pages_are_the_theme_s_own(tmp_path, reproducible):
    root = copy_repo_project(tmp_path / "record")
    assert len(assert_skeletons_change_nothing(root, tmp_path)) > 100


@pytest.mark.slow
@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_edge_cases_of_a_synthetic_record_are_the_theme_s_own(
    tmp_path, reproducible, monkeypatch, offline
):
    root = write_synthetic_project(tmp_path / "record", 40)
    for name, fields in EDGE_EVENTS.items():
        (root / "events" / "2026" / f"2026-03-02-{name}.yml").write_text(
            _edge_event(fields), encoding="utf-8"
        )
    if offline:
        # The offline copy (links end in .html), of a site without a repository or an address:
        # no edit button, no canonical link.
        monkeypatch.setenv("PERU_TIMELINE_OFFLINE", "1")
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"(?m)^(site_url|repo_url|repo_name|edit_uri):.*\n", "", config)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert len(LONGEST_TITLE) == TITLE_LIMIT
    pages = assert_skeletons_change_nothing(root, tmp_path)
    site = tmp_path / "skeletons"
    escaped = site / next(p for p in pages if "escaped" in p and not p.startswith("es/"))
    page = escaped.read_text(encoding="utf-8")
    assert "Perú Libre &amp; Fuerza Popular call the count &quot;rigged&quot; &lt;again&gt;" in page
    assert "<again>" not in page
    switch = re.search(r'class="pcr-lang__switch" href="([^"]+)"', page).group(1)
    if offline:
        assert switch == "../es/events/2026-03-02-escaped.html"
        assert 'rel="edit"' not in page and 'rel="canonical"' not in page
    else:
        assert switch == "../../es/events/2026-03-02-escaped/"
        assert 'rel="edit"' in page and 'rel="canonical"' in page
    longest = site / next(p for p in pages if "longest" in p and p.startswith("es/"))
    assert LONGEST_TITLE in longest.read_text(encoding="utf-8")
    sources = site / next(p for p in pages if "sources" in p and not p.startswith("es/"))
    assert 'id="sources_1"' in sources.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    "written",
    # The title escaped once more: no skeleton can put that back from the title. The page's
    # absolute address: a value of the page no slot holds.
    ["{{ page.meta.title | e }}", "{{ page.abs_url }}"],
    ids=["escaped-title", "address"],
)
def test_a_theme_that_writes_more_of_a_page_renders_event_pages_whole(
    tmp_path, reproducible, written
):
    # Written where the theme's content ends; the event pages are rendered by the theme, as
    # before, and stay right.
    project = site_project(new_project(tmp_path / "project"))
    project.write("overrides/partials/source-file.html", f'<p class="test-title">{written}</p>\n')
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    project.write("mkdocs.yml", config)
    pages = assert_skeletons_change_nothing(project.root, tmp_path, usable=False)
    page = (tmp_path / "skeletons" / pages[0]).read_text(encoding="utf-8")
    # (Pagefind's mark on it: it follows the page's last section, kept out of search.)
    assert re.search(r'<p( data-pagefind-ignore)? class="test-title">', page)


def test_a_marker_that_came_out_changed_leaves_no_skeleton():
    marker = '\x00pcr-slot:edit"\x00'
    skeleton = Skeleton.cut(f"<a href={marker}>{marker}</a>")
    assert (skeleton.parts, skeleton.slots) == (("<a href=", ">", "</a>"), ("edit", "edit"))
    assert skeleton.fill({"edit": "x"}) == "<a href=x>x</a>"
    assert skeleton.fill_without_indentation({"edit": "x \n  y"}) == "<a href=x\ny>x\ny</a>"
    escaped = marker.replace('"', "&#34;")
    assert Skeleton.cut(f"<a>{escaped}</a>") is None
    assert Skeleton.cut('<a>\x00pcr-slot:unknown"\x00</a>') is None

"""Names in each language: the site's (the plugin's `site_names` option on the Spanish pages'
header, <title>, feed link and citations and on the Spanish print maps; mkdocs.yml's `site_name` in
English) and the navigation's (mkdocs.yml's nav titles, translated on the Spanish pages)."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pytest
from matplotlib.text import Text

from builder.adapter.project import configured_site_name
from builder.views.maps import print_maps
from builder.views.maps.measures import measure
from builder.views.maps.pages import print_context
from tests.support.maps import with_maps
from tests.support.project import new_project
from tests.support.site import run_mkdocs_build, site_project

SPANISH_NAME = "Registro de prueba"
SPANISH_DESCRIPTION = "Descripción de prueba"
OPTION = (
    f"  - peru-timeline:\n      site_names:\n        es: {SPANISH_NAME}\n"
    f"      site_descriptions:\n        es: {SPANISH_DESCRIPTION}\n"
)
EVENT = "events/2025-09-09-health-strike/index.html"


def with_spanish_name(root: Path, option: str = OPTION) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - peru-timeline\n" in text
    config.write_text(text.replace("  - peru-timeline\n", option), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("names") / "project"
    site_project(new_project(root))
    with_spanish_name(root)
    result = run_mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def header_name(page: str) -> str:
    """The name in the theme's header bar."""
    match = re.search(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', page)
    assert match, "no header title"
    return match.group(1)


@pytest.mark.parametrize(
    ("path", "name", "other"),
    [
        (f"es/{EVENT}", SPANISH_NAME, "Test record"),
        ("es/index.html", SPANISH_NAME, "Test record"),
        (EVENT, "Test record", SPANISH_NAME),
        ("about/index.html", "Test record", SPANISH_NAME),
    ],
)
@pytest.mark.slow
def test_each_page_carries_its_languages_site_name(built, path, name, other):
    page = (built / path).read_text(encoding="utf-8")
    assert header_name(page) == name
    title = re.search(r"<title>([^<]*)</title>", page).group(1)
    assert title == name or title.endswith(f" - {name}")
    feed = re.search(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)"', page)
    assert feed.group(1) == name
    assert other not in page


@pytest.mark.slow
def test_an_unknown_language_in_site_names_fails_the_build(project, tmp_path):
    site_project(project)
    with_spanish_name(project.root, "  - peru-timeline:\n      site_names:\n        fr: Registre\n")
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode != 0
    assert "site_names has the unknown language 'fr'" in result.stderr


def test_print_maps_name_the_site_in_their_language(project):
    record, definitions, _ = with_maps(project)
    project.write(
        "mkdocs.yml",
        "site_name: Test record\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n" + OPTION + "extra:\n  token: !ENV [TOKEN, none]\n",
    )
    assert configured_site_name(project.root, "en") == "Test record"
    assert configured_site_name(project.root, "es") == SPANISH_NAME
    data = measure(definitions["named"], record)
    for lang, expected in (
        ("es", f"En línea: /es/maps/named/ en el sitio {SPANISH_NAME}"),
        ("en", "Online: /maps/named/ on the site Test record"),
    ):
        url = "es/maps/named/" if lang == "es" else "maps/named/"
        context = print_context(data, record, lang, url, configured_site_name(project.root, lang))
        with matplotlib.rc_context(print_maps._RC):
            figure = print_maps._draw(data, context, lang, "a4")
        words = " ".join(t.get_text() for t in figure.findobj(Text) if t.get_visible())
        assert expected in words


def test_without_the_option_every_language_uses_site_name(project):
    project.write("mkdocs.yml", "site_name: Test record\nplugins:\n  - peru-timeline\n")
    assert configured_site_name(project.root, "es") == "Test record"


NAV = """\
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Data: data.md
  - About:
      - About the record: about.md
"""


@pytest.mark.slow
def test_the_spanish_navigation_uses_its_translated_titles(project, tmp_path):
    # Titles that differ from the pages' own headings ("Home", "Data"): the nav's must win.
    site_project(project)
    project.write("mkdocs.yml", (project.root / "mkdocs.yml").read_text() + NAV)
    project.write("content/data.md", "# Data downloads\n")
    project.write("content/es/data.md", "# Descargas de datos\n")
    project.write("content/es/about.md", "# Acerca\n\nVéase la [cronología](timeline/index.md).\n")
    result = run_mkdocs_build(project.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for path, titles in (
        (
            "es/about/index.html",
            ["Inicio", "Cronología", "Datos", "Acerca de", "Acerca del registro"],
        ),
        ("about/index.html", ["Home", "Timeline", "Data", "About", "About the record"]),
    ):
        page = (tmp_path / "site" / path).read_text(encoding="utf-8")
        primary = page.split('data-md-level="0"')[1]
        links = re.findall(
            r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span class="md-ellipsis">)?\s*([^<]+?)\s*<',
            primary,
        )
        assert [title for title in links if title in titles] == titles, path
    spanish = (tmp_path / "site" / "es/data/index.html").read_text(encoding="utf-8")
    assert "<title>Datos - Test record</title>" in spanish


@pytest.mark.slow
def test_spanish_pages_describe_the_site_in_spanish_and_their_logo_leads_home(built):
    """A page without a description of its own gets the site's, in its language; the header's
    logo opens the home page of the page's language."""
    for path, description, home in (
        ("es/index.html", SPANISH_DESCRIPTION, "."),  # es/ is the Spanish home
        ("es/timeline/index.html", SPANISH_DESCRIPTION, ".."),  # not ../.., the English home
        ("timeline/index.html", None, ".."),
    ):
        page = (built / path).read_text(encoding="utf-8")
        meta = re.search(r'<meta name="description" content="([^"]*)"', page)
        if description:
            assert meta and meta.group(1) == description, path
        else:
            assert meta is None or SPANISH_DESCRIPTION not in page, path
        logo = re.search(r'<a href="([^"]*)"[^>]*class="md-header__button md-logo"', page)
        assert logo, path
        assert logo.group(1).rstrip("/") == home, (path, logo.group(1))


@pytest.mark.slow
def test_every_page_declares_its_own_language(built):
    """The theme writes <html lang> from the page's language: es under es/, en elsewhere."""
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        relative = page.relative_to(built).as_posix()
        if relative.endswith("map.html") or relative == "404.html":
            continue  # folium's own documents and the theme's error page
        lang = "es" if relative.startswith("es/") else "en"
        head = page.read_text(encoding="utf-8")[:300]
        assert f'<html lang="{lang}"' in head, relative

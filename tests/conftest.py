"""Shared fixtures: a small, real project folder with registries, boundaries and one valid event;
and the repository's own site, built once per session, served on 127.0.0.1 and opened in
Debian's Chromium (Playwright drives it; no browser is downloaded)."""

from __future__ import annotations

import functools
import http.server
import shutil
import textwrap
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

ACTORS = """\
congress:
  name: Congreso de la República
  name_en: Congress of the Republic
  kind: institution
  role: Peru's single-chamber legislature
  es:
    role: Poder legislativo unicameral del Perú
jose-maria-balcazar:
  name: José María Balcázar
  kind: person
  role: Interim President of Peru from 18 February 2026
  party: peru-libre
peru-libre:
  name: Perú Libre
  kind: party
  role: Party that elected Pedro Castillo in 2021
wsws:
  name: World Socialist Web Site
  acronym: WSWS
  kind: outlet
  role: Trotskyist website of the ICFI
"""

SOURCES = """\
rpp-2026-02-18-balcazar:
  publisher: RPP
  title: José María Balcázar juró como presidente de la República tras censura de José Jerí
  date: 2026-02-18
  language: es
  url: https://rpp.pe/politica/gobierno/jose-maria-balcazar-juro-como-presidente-de-la-republica-tras-censura-de-jose-jeri-noticia-1676492
"""

VALID_EVENT = """\
date: 2026-02-18
title: Congress elects José María Balcázar and installs him as interim president
summary: >-
  Congress elected José María Balcázar as its president, and he was sworn in as
  President of the Republic the same evening.
es:
  title: El Congreso elige a José María Balcázar y lo instala como presidente interino
  summary: >-
    El Congreso eligió a José María Balcázar como su presidente y juró como
    presidente de la República esa misma noche.
themes: [presidential-succession]
regions: [PE-LMA]
places:
  - {name: Congreso de la República, lat: -12.0453, lon: -77.0297, region: PE-LMA}
actors: [jose-maria-balcazar, congress]
status: verified
sources:
  - id: rpp-2026-02-18-balcazar
"""

VALID_NAME = "events/2026/2026-02-18-congress-installs-balcazar.yml"


class Project:
    """A project folder on disk that tests can write files into."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def event(self, text: str, name: str = VALID_NAME) -> Path:
        return self.write(name, text)


def new_project(root: Path) -> Project:
    """A project at `root`: the real region list, themes and boundaries, a small actor and source registry."""
    (root / "maps").mkdir(parents=True)
    shutil.copy(REPO / "maps" / "regions.yml", root / "maps" / "regions.yml")
    shutil.copytree(REPO / "maps" / "boundaries", root / "maps" / "boundaries")
    registries = root / "events" / "registries"
    registries.mkdir(parents=True)
    shutil.copy(REPO / "events" / "registries" / "themes.yml", registries / "themes.yml")
    (registries / "actors.yml").write_text(ACTORS, encoding="utf-8")
    (registries / "sources.yml").write_text(SOURCES, encoding="utf-8")
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh project folder with no events (see `new_project`)."""
    return new_project(tmp_path / "project")


# --- the repository's site in a browser ------------------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    """The repository's site, built once with `mkdocs build --strict`."""
    from site_fixtures import build

    site_dir = tmp_path_factory.mktemp("browser") / "site"
    result = build(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def repo_url(repo_site) -> str:
    """The address of `repo_site`, served on 127.0.0.1 for the session."""
    handler = functools.partial(_QuietHandler, directory=str(repo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, launched once per session."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make deps)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()


class Visit:
    """A browser page that records every request it makes and every script error."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith("http://127.0.0.1:")]


@pytest.fixture
def visit(chromium, repo_url):
    """A fresh 1280-pixel-wide page on the repository's site."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield Visit(context.new_page(), repo_url)
    context.close()

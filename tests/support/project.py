"""Real project folders for tests: the repository's region list, themes and boundaries, a small
actor and source registry, and one valid event (`VALID_EVENT`) to copy and break."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

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

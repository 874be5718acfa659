"""Sites to build: `site_project` makes a small real project (tests.support.project) a site, with
mkdocs.yml, a content page and events that exercise every way the site shows an event
(precisions, periods, statuses, notes, hostile text); `copy_repo_project` copies the repository's
own project; `run_mkdocs_build` runs the real `mkdocs build --strict` on either."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.project import REPO, VALID_EVENT, VALID_NAME, Project

REPO_URL = "https://github.com/example-org/example-record"
# What a copy of the repository's project needs to build.
PROJECT_PARTS = ("mkdocs.yml", "content", "events", "maps")

MKDOCS_YML = f"""\
site_name: Test record
repo_url: {REPO_URL}
edit_uri: edit/main/content/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - peru-timeline
validation:
  nav:
    omitted_files: info
    not_found: warn
    absolute_links: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn
"""  # no `nav`: MkDocs lists every page it is allowed to, so the tests see what the plugin hides

ABOUT = """\
# About

See the [timeline](timeline/index.md) and the [themes](themes/index.md).
"""

# Hostile text: markup that must come out as the same characters, never as HTML or Markdown.
HOSTILE_TITLE = "A <script>alert(1)</script> *star* [x](javascript:alert(1)) {: onclick=x} title"
HOSTILE_SUMMARY = (
    "- not a list <img src=x onerror=alert(1)> and *real emphasis* and "
    "[a real link](https://example.org/a) and [a bad one](javascript:alert(1)).\n\n"
    "# not a heading {: .evil }\n\n"
    "!!! warning\n\n"
    "<script>alert(2)</script>"
)

EVENTS = {
    VALID_NAME: VALID_EVENT,
    "events/2026/2026-06-runoff-count-drags-on.yml": """\
        date: 2026-06
        title: The runoff count drags on for weeks
        summary: >-
          ONPE's count of the runoff went on through June, the sources report.
        themes: [elections-2026]
        regions: [national]
        status: reported
        sources:
          - publisher: Example Weekly
            title: "[untitled piece on the count]"
            untitled: true
            date_note: undated; written after the 7 June 2026 runoff
        """,
    "events/2025/2025-extortion-rises.yml": """\
        date: "2025"
        title: Extortion of transport workers rises through the year
        summary: >-
          Transport unions in Lima and Callao reported more extortion.
        themes: [crime-and-security]
        regions: [PE-LMA, PE-CAL]
        status: reported
        sources:
          - publisher: Example Daily
            title: Extortion rises
            author: A. Writer
            date: 2025-12
            url: https://example.org/extortion
            language: es
        """,
    "events/2025/2025-09-09-health-strike.yml": """\
        date: 2025-09-09
        end: 2025-09-23
        title: Health workers hold a national strike
        summary: >-
          Health workers struck for two weeks.
        themes: [strikes-and-protests]
        regions: [national]
        actors: [congress]
        status: verified
        sources:
          - id: rpp-2026-02-18-balcazar
            pinpoint: para. 4
        """,
    "events/2025/2025-10-20-court-ruling.yml": """\
        date: 2025-10-20
        approximate: true
        title: A court annuls an investigation
        summary: >-
          Around 20 October a court annulled an investigation.
        note: >-
          One source gives 19 October, another 21 October; the record uses 20 October.
        themes: [corruption-and-justice]
        regions: [PE-LMA]
        status: verified
        sources:
          - id: rpp-2026-02-18-balcazar
        """,
    "events/2026/2026-06-16-party-alleges-rigged-rules.yml": """\
        date: 2026-06-16
        title: A party alleges the election was played under rigged rules
        summary: >-
          Perú Libre alleged that the runoff was played under "rigged rules".
        note: >-
          The party's statement and a later article disagree on whether a winner was declared.
        themes: [elections-2026]
        regions: [national]
        actors: [peru-libre]
        status: alleged
        claimed_by: [peru-libre]
        related: [2026-02-18-congress-installs-balcazar]
        sources:
          - publisher: Perú Libre
            title: Statement on the count
            date: 2026-06-16
            stance: party statement
        """,
}

HOSTILE_NAME = "events/2026/2026-03-hostile-text.yml"
HOSTILE_EVENT = f"""\
date: 2026-03
title: {HOSTILE_TITLE!r}
summary: {HOSTILE_SUMMARY!r}
themes: [economy]
regions: [abroad]
status: reported
sources:
  - publisher: "<b>Evil</b> Press"
    title: "*Headline* <i>x</i>"
    date: 2026-03
    url: "https://example.org/a(b)<c>"
"""


def site_project(project: Project, hostile: bool = True) -> Project:
    """Make `project` a buildable site: mkdocs.yml, one content page and the events above."""
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("content/about.md", ABOUT)
    for name, text in EVENTS.items():
        project.event(text, name)
    if hostile:
        # JSON strings are valid YAML and carry the newlines of the hostile summary.
        text = HOSTILE_EVENT.replace(repr(HOSTILE_TITLE), json.dumps(HOSTILE_TITLE)).replace(
            repr(HOSTILE_SUMMARY), json.dumps(HOSTILE_SUMMARY)
        )
        project.write(HOSTILE_NAME, text)
    return project


def copy_repo_project(target: Path) -> Path:
    """A copy of the repository's project (mkdocs.yml, content, events, maps) at `target`, for
    tests that change it before building."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy(source, target / part)
    return target


def run_mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on the project at `root`; the result holds its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

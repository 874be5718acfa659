"""The fixtures every test folder may ask for. The helpers behind them are in tests/support/.

The repository's own site is built once per session (into a temporary folder) and shared by
every test that only reads it; tests that build a changed project build their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import Visit, launch_chromium, require_chromium
from tests.support.project import REPO, Project, new_project
from tests.support.server import serve_quietly
from tests.support.site import run_mkdocs_build


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots",
        metavar="FOLDER",
        default=None,
        help="write the browser tests' screenshots to FOLDER (make screenshots: the README's "
        "pictures in content/assets/screenshots); by default they go to a temporary folder",
    )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh project folder with no events (tests.support.project.new_project)."""
    return new_project(tmp_path / "project")


@pytest.fixture(scope="session")
def repo_record():
    """The repository's record, loaded once; tests only read it."""
    from builder.record.load import load_record

    return load_record(REPO)


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    """The repository's site, built once with `mkdocs build --strict`; tests only read it."""
    site_dir = tmp_path_factory.mktemp("repo-site") / "site"
    result = run_mkdocs_build(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def repo_url(repo_site) -> str:
    """The address of `repo_site`, served on 127.0.0.1 for the session."""
    with serve_quietly(repo_site) as base:
        yield base


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, launched once per session in the tests' thread."""
    playwright_api = require_chromium()
    with playwright_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def visit(chromium, repo_url):
    """A fresh 1280-pixel-wide page on the repository's site."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield Visit(context.new_page(), repo_url)
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir(request, tmp_path_factory) -> Path:
    """Where the browser tests write their screenshots: `--screenshots FOLDER`, or a temporary
    folder, so a test run leaves the working tree as it was."""
    chosen = request.config.getoption("--screenshots")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder

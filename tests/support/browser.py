"""Debian's Chromium under Playwright (no browser is downloaded), launched one way everywhere."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking"]


def require_chromium():
    """Playwright's sync API; skips the test when Playwright or Debian's Chromium is missing."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make deps)")
    return playwright_api


def launch_chromium(playwright):
    """Debian's Chromium, headless, from a running Playwright."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def in_own_thread(check: Callable) -> None:
    """Run `check(browser)` with a Playwright and Chromium of its own, in a thread of its own.

    Playwright's sync API allows one instance per thread, and the session's `chromium` fixture
    holds the test thread's; an error in `check` is raised again in the test's thread.
    """
    playwright_api = require_chromium()
    outcome: dict = {}

    def run() -> None:
        try:
            with playwright_api.sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                try:
                    check(browser)
                finally:
                    browser.close()
        except BaseException as error:  # handed to the test's thread, where pytest reports it
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]


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

"""An event's earlier addresses (`formerly`) left as pages that lead to the event
(builder/views/pages/moved.py)."""

from __future__ import annotations

from builder.record.load import load_record
from builder.views.pages import site_files
from builder.views.settings import SiteSettings
from tests.support.project import VALID_EVENT, Project

OLD = "2026-02-congress-installs-balcazar"
NEW_ID = "2026-02-18-congress-installs-balcazar"


def test_an_earlier_name_leaves_a_page_at_the_old_address(project: Project) -> None:
    project.event(VALID_EVENT + f"formerly: [{OLD}]\n")
    record = load_record(project.root)
    assert record.events[0].formerly == (OLD,)
    for lang, prefix in (("en", ""), ("es", "es/")):
        settings = SiteSettings(lang=lang, site_url="https://example.org/record/")
        files = {f.path: f.content for f in site_files(record, settings)}
        page = files[f"{prefix}events/{OLD}/index.html"]
        assert f'content="0; url=../{NEW_ID}/"' in page
        assert f'<a href="../{NEW_ID}/">' in page
        assert f'href="https://example.org/record/{prefix}events/{NEW_ID}/"' in page  # canonical
        assert f'<html lang="{lang}">' in page
    offline = SiteSettings(directory_urls=False)
    files = {f.path: f.content for f in site_files(record, offline)}
    assert f'url={NEW_ID}.html"' in files[f"events/{OLD}.html"]

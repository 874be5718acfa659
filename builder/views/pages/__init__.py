"""The site's views: the record turned into pages and files, independent of the site generator.

`site_files(record, settings)` returns every generated file as an `OutputFile`; the MkDocs
plugin (`builder.adapter.plugin`) only hands them over. Nothing in this package imports MkDocs.
"""

from __future__ import annotations

from builder.record.model import Record
from builder.views.memo import ViewMemo
from builder.views.output import OutputFile
from builder.views.pages.assets import asset_files
from builder.views.pages.browse import browse_files
from builder.views.pages.event_pages import event_files
from builder.views.pages.facets import facets_of
from builder.views.pages.home import home_file
from builder.views.pages.moved import moved_files
from builder.views.pages.not_in_calendar import not_in_calendar_files
from builder.views.pages.timeline import timeline_files
from builder.views.settings import SiteSettings

__all__ = ["SiteSettings", "site_files"]


def site_files(
    record: Record, settings: SiteSettings, memo: ViewMemo | None = None
) -> list[OutputFile]:
    """Every page and file of one language of the site, in a stable order. With a `memo` (kept
    between a preview's rebuilds), the event, period and browse pages whose inputs did not
    change since the memo's last run are taken from it (builder/views/memo.py)."""
    facets = memo.shared(facets_of, record) if memo is not None else facets_of(record)
    files = [home_file(record, facets, settings)]
    files += timeline_files(record, facets, settings, memo)
    files += event_files(record, facets, settings, memo)
    files += browse_files(record, facets, settings, memo)
    files += moved_files(record, settings)
    if settings.data_page:  # the data page links the list of events its calendar leaves out
        files += not_in_calendar_files(record, facets, settings)
    if settings.lang == "en":
        files += asset_files(settings.offline)  # one copy serves every language
    return files

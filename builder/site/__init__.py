"""The site's views: the record turned into pages and files, independent of the site generator.

`site_files(record, settings)` returns every generated file as an `OutputFile`; the MkDocs
plugin (`builder.plugin`) only hands them over. Nothing in this package imports MkDocs.
"""

from __future__ import annotations

from builder.model import Record
from builder.output import OutputFile
from builder.site.assets import asset_files
from builder.site.browse import browse_files
from builder.site.event_pages import event_files
from builder.site.facets import facets_of
from builder.site.home import home_file
from builder.site.settings import SiteSettings
from builder.site.timeline import timeline_files

__all__ = ["SiteSettings", "site_files"]


def site_files(record: Record, settings: SiteSettings) -> list[OutputFile]:
    """Every page and file of one language of the site, in a stable order."""
    facets = facets_of(record)
    files = [home_file(record, facets, settings)]
    files += timeline_files(record, facets, settings)
    files += event_files(record, facets, settings)
    files += browse_files(record, facets, settings)
    if settings.lang == "en":
        files += asset_files(settings.offline)  # one copy serves every language
    return files

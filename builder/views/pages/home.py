"""The home page: in one screen, what the record is, its latest events, and where to go next."""

from __future__ import annotations

from builder.record.model import Event, Record
from builder.views import paths
from builder.views.output import OutputFile, front_matter
from builder.views.pages.facets import Facets
from builder.views.pages.rendering import PageContext, render
from builder.views.settings import SiteSettings


def home_file(record: Record, facets: Facets, settings: SiteSettings) -> OutputFile:
    """The home page; the latest events are the last ones by date (then id), newest first."""
    here = paths.home(settings.lang)
    context = PageContext(record, facets, settings, here)
    latest = sorted(record.events, key=Event.sort_key, reverse=True)[: settings.latest_count]
    sources = {citation.source.id for event in record.events for citation in event.sources}
    body = render(
        "home.md.j2",
        context,
        latest=latest,
        first=record.events[0] if record.events else None,
        last=record.events[-1] if record.events else None,
        source_count=len(sources),
    )
    return OutputFile(here, front_matter(hide=["navigation", "toc"]) + body)

"""The page beside the data page that names the events the calendar download leaves out."""

from __future__ import annotations

from builder.record.model import Event, Record
from builder.views import paths
from builder.views.calendar_days import has_a_known_day
from builder.views.output import OutputFile, front_matter
from builder.views.pages.facets import Facets
from builder.views.pages.rendering import PageContext, render
from builder.views.settings import SiteSettings


def not_in_calendar_file(record: Record, facets: Facets, settings: SiteSettings) -> OutputFile:
    """`data/not-in-calendar.md`: the events known only to the month or year, by date."""
    here = paths.not_in_calendar(settings.lang)
    context = PageContext(record, facets, settings, here)
    left_out = [
        event for event in sorted(record.events, key=Event.sort_key) if not has_a_known_day(event)
    ]
    title = context.t["not_in_calendar"]
    body = render("not_in_calendar.md.j2", context, events=left_out, calendar=_calendar(settings))
    return OutputFile(here, front_matter(title=title) + body)


def _calendar(settings: SiteSettings) -> str:
    """The calendar file's docs path, beside the data page's other downloads."""
    return f"{paths.lang_prefix(settings.lang)}data/events.ics"

"""The list beside the data page that names the events the calendar download leaves out."""

from __future__ import annotations

from markupsafe import Markup

from builder.record.model import Event, Record
from builder.views import paths
from builder.views.calendar_days import has_a_known_day
from builder.views.output import OutputFile
from builder.views.pages.browse import listing_page
from builder.views.pages.facets import Facets
from builder.views.pages.listing import ListPage, paginate
from builder.views.pages.rendering import PageContext
from builder.views.settings import SiteSettings


def not_in_calendar_files(
    record: Record, facets: Facets, settings: SiteSettings
) -> list[OutputFile]:
    """`data/not-in-calendar/`: the events known only to the month or year, by date, written as
    a browse list is (pages of `browse_page_size` events: at 10,000 events they are
    thousands)."""
    lang = settings.lang
    left_out = [
        event for event in sorted(record.events, key=Event.sort_key) if not has_a_known_day(event)
    ]
    first = paths.not_in_calendar(lang)
    context = PageContext(record, facets, settings, first)
    t = context.t
    intro = context.html_sentence(
        t["not_in_calendar_intro"],
        calendar=("events.ics", f"{paths.lang_prefix(lang)}data/events.ics"),
        timeline=(t["timeline"].lower(), paths.timeline_index(lang)),
    )
    pages = paginate(left_out, settings.browse_page_size, lambda n: paths.not_in_calendar(lang, n))
    outline = tuple(ListPage(page.number, page.path, ()) for page in pages)
    return [
        listing_page(
            record, settings, t["not_in_calendar"], Markup(f"<p>{intro}</p>"), None, None,
            outline, page, len(left_out), empty=t["not_in_calendar_none"],
        )
        for page in pages
    ]  # fmt: skip

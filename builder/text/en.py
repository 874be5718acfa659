"""The site's interface words in English: one table, read through `builder.text.strings`."""

from __future__ import annotations

from babel.dates import get_month_names

WORDS = {
    "site_title": "Peru's crisis of rule, 2025–2026",
    "site_tagline": "The reference record: every event dated, sourced and attributed.",
    # Babel's (CLDR's) month names for "en" are the house style.
    "months": tuple(get_month_names("wide", locale="en").values()),
    # Date patterns: {d} day, {m} month name, {y} year; ranges join two dates.
    "date_day": "{d} {m} {y}",
    "date_month": "{m} {y}",
    # The presidents chart's short dates take the month's first three letters: "28 Jul 2016".
    "date_day_short": "{d} {m} {y}",
    # The preposition a date takes, by what it says of the date: (with a day, without one).
    "date_prepositions": {
        "from": ("from", "from"),
        "to": ("to", "to"),
        "of": ("of", "of"),
        "on": ("on", "in"),
    },
    "range_days_same_month": "{d1}–{d2} {m} {y}",
    "range_days_same_year": "{d1} {m1} – {d2} {m2} {y}",
    "range_months_same_year": "{m1}–{m2} {y}",
    "range": "{start} – {end}",
    "approximately": "c.",
    "month_unknown": "{y}, month not known",
    "statuses": {
        "verified": "Verified",
        "reported": "Reported",
        "alleged": "Alleged",
    },
    "status_explained": {
        "verified": "confirmed by an independent source and stated in the record's own voice.",
        "reported": "reported by the sources cited below and not independently confirmed.",
        "alleged": "a claim by a party to a dispute, not established.",
    },
    "claimed_by": "Claimed by",
    "sources_differ": "Sources differ",
    "n_sources": {"one": "1 source", "other": "{n} sources"},
    "n_events": {"one": "1 event", "other": "{n} events"},
    # Event page
    "when": "Date",
    "status": "Status",
    "themes": "Themes",
    "regions": "Regions",
    "places": "Places",
    "actors": "Actors",
    "sources": "Sources",
    "related": "Related events",
    "previous_event": "Previous event",
    "next_event": "Next event",
    "cite": "Cite this event",
    "cite_intro": "Copy this reference; the address is permanent.",
    "correct": "Suggest a correction",
    "correct_intro": (
        "Found a mistake or a better source? Propose a change to this event's file on GitHub; "
        "every change is reviewed before it is published."
    ),
    # The correction links of an event page: the issue form, prefilled, and the file's editor.
    "correct_choice": (
        "Describe it in a form, with your source (a GitHub account is all it takes), or edit "
        "the event's file yourself in GitHub's editor."
    ),
    "correct_form": "Report it in a form",
    "correct_edit": "Edit the file on GitHub",
    "map_of_regions": "Regions of this event",
    "by": "by {author}",
    "undated": "undated",
    "in_spanish": "in Spanish",
    "in_english": "in English",
    "pinpoint": "at {pinpoint}",
    "untranslated": "This text has not been translated yet; it is shown in English.",
    "event_id": "Event id",
    # Listing pages
    "timeline": "Timeline",
    "timeline_intro": (
        "Every event in the record, from {first} to {last}: {count}, the newest first. "
        "Each date is shown at the precision the sources give: a day, a month or a year."
    ),
    "browse_by_period": "Browse by period",
    "page_n_of": "Page {n} of {total}",
    "pages": "Pages",
    "previous_page": "Previous",
    "next_page": "Next",
    "part_n": "{label}, page {n}",
    "year_overview": "Events of {y} by month",
    "back_to_timeline": "All periods",
    # Filters
    "filters": "Filter the events",
    "filter_text": "Words",
    "filter_text_hint": "Searches titles and summaries; accents optional.",
    "filter_theme": "Theme",
    "filter_region": "Region",
    "filter_actor": "Actor",
    "filter_from": "From",
    "filter_to": "To",
    "filter_all_themes": "All themes",
    "filter_all_regions": "All regions",
    "filter_all_actors": "All actors",
    "filter_clear": "Clear filters",
    "filter_results": {
        "none": "No event matches.",
        "one": "1 event matches.",
        "other": "{n} events match.",
    },
    "filter_show_more": "Show more",
    "filter_loading": "Loading the events…",
    "filter_failed": "The events could not be loaded. Browse by period below instead.",
    # The explorer (the timeline page with JavaScript)
    "explorer_latest": "Latest: {label}",
    "explorer_latest_all": "All events of {label}",
    "explorer_no_js": (
        "This is the newest period. Every event is listed by period below, and by theme, "
        "region and actor on their own pages; the time band, the map and the filters need "
        "JavaScript."
    ),
    "band_title": "Events over time",
    "band_help": (
        "Drag across the band to choose a period, or drag the window or its edges. Keyboard: "
        "arrows move the window, Shift+arrows resize it, Escape clears it."
    ),
    "band_window": "Time window",
    "band_all_dates": "All dates",
    "band_dated": "Events dated to a day or a month",
    "band_spans": "Periods, and events known only to their year",
    "band_presidents": "Presidents",
    "band_in_office": "in office",
    "band_compressed": "Before {y}: one bar a year",
    "band_detail": "From {y}: one bar a month",
    "window_clear": "Clear the time window",
    "order": "Order",
    "order_newest": "Newest first",
    "order_oldest": "Oldest first",
    "active_filters": "Active filters",
    "chip_remove": "Remove the filter {label}",
    "chip_words": "Words: {value}",
    "chip_window": "{from} – {to}",
    "option_count": "{label} ({n})",
    "range_reversed": "The start date is after the end date: choose a start on or before the end.",
    "map_title": "Where the events happened",
    "map_skip": "Skip the map",
    "map_help": (
        "Each region is coloured by how many events name it, with every filter but the region "
        "applied. Click a region to list its events; click it again to clear."
    ),
    "map_legend": "Events per region",
    "map_no_events": "none",
    "map_reset": "Show all of Peru",
    "map_lima": "Zoom to Lima and Callao",
    "map_move": "Move the map",
    "map_moving": "Moving the map: tap the button again to scroll the page",
    "map_boundaries": "Boundaries: Natural Earth",
    "list_title": "Events",
    "selected_event": "The event you came from",
    "data_page": "Data",
    # Browse pages
    "theme": "Theme",
    "region": "Region",
    "actor": "Actor",
    "themes_intro": (
        "Every theme of the record and its events. An event can belong to several themes."
    ),
    "regions_intro": (
        "Peru's 26 first-level units (ISO 3166-2:PE): 24 departments, the Constitutional Province "
        "of Callao and Metropolitan Lima, with the events that took place in each; events that "
        "concern the whole country or happened abroad are listed separately."
    ),
    "actors_intro": (
        "The people, parties, institutions and outlets named in the record, with their events."
    ),
    "scopes": "Beyond one region",
    "column_events": "Events",
    "column_theme": "Theme",
    "column_region": "Region",
    "column_kind": "Kind",
    "column_capital": "Capital",
    "column_code": "Code",
    "column_actor": "Actor",
    "column_role": "Role",
    "region_facts": "{kind} · capital {capital} · ISO 3166-2 {iso} · INEI ubigeo {ubigeo}",
    "region_kinds": {
        "departamento": "Department",
        "provincia constitucional": "Constitutional province",
        "municipalidad metropolitana": "Metropolitan municipality",
    },
    "actor_kinds": {
        "person": "People",
        "party": "Parties",
        "institution": "Institutions",
        "organisation": "Organisations",
        "outlet": "Outlets",
        "government": "Governments",
    },
    "actor_party": "Party: {party}",
    "actor_country": "Country: {country}",
    "events_involving": "Events involving {name}",
    "claims_by": "Claims made by {name}",
    "no_events": "No event in the record yet.",
    "events_in": "Events",
    "presidents": "Presidents since 2016",
    "presidents_intro": (
        "The record counts Peru's presidents from Pedro Pablo Kuczynski's inauguration on 28 July 2016: "
        "Kuczynski is the 1st. Each bar is one term, drawn to scale and linked to its event; gaps "
        "without a president are marked. The events behind each change are under the theme {theme}."
    ),
    "presidents_missing": "The chart is not available in this build.",
    "not_in_calendar": "Events not in the calendar",
    "not_in_calendar_intro": (
        "The calendar download ({calendar}) has only the days the record knows: an event known "
        "only to the month or the year has no day to show it on, so it is left out. These are "
        "those events, by date. Each is in every other download and on the {timeline}, under "
        "its month or year."
    ),
    "not_in_calendar_none": "Every event of the record is in the calendar.",
    "events_index": "Events",
    "events_index_intro": (
        "Each event has a permanent page at events/<id>/. They are listed in the {timeline}, "
        "and by {themes}, {regions} and {actors}."
    ),
    # Home
    "home_intro": (
        "Between July 2016 and 2026 Peru had eight presidents. This is a reference record of the "
        "crisis of rule that culminated in 2025–2026: the removal of Dina Boluarte, the censure of "
        "José Jerí, the interim presidency of José María Balcázar and the disputed 2026 elections, "
        "with the strikes, protests, states of emergency and foreign pressures around them."
    ),
    "home_method": (
        "Every event is dated at the precision its sources allow, cites its sources, and says "
        "plainly whether it is verified, reported or alleged. Where sources disagree, the page "
        "says so."
    ),
    "home_numbers": "{events} from {first} to {last}, citing {sources}.",
    "n_sources_total": {"one": "1 source", "other": "{n} sources"},
    "latest": "Latest events",
    "see_timeline": "See the whole timeline",
    "open_timeline": "Timeline",
    # Links into the timeline from a theme, region, actor or event page. The visible words are
    # the same everywhere; the accessible names say what the timeline will show.
    "see_on_timeline": "See on the timeline",
    "see_on_timeline_theme": "See on the timeline, filtered by theme: {name}",
    "see_on_timeline_region": "See on the timeline, filtered by region: {name}",
    "see_on_timeline_actor": "See on the timeline, filtered by actor: {name}",
    "see_on_timeline_event": "See on the timeline, at this event's date",
    "open_maps": "Maps",
    "open_regions": "Regions",
    "open_presidents": "Presidents",
    "open_data": "Data",
    "how_to_read": "How to read the record",
    "how_to_read_text": "{about}, {methodology}, {sourcing} and a {glossary} of Peruvian terms.",
    "about": "About the project",
    "methodology": "how events are chosen and dated",
    "sourcing": "the sourcing policy",
    "glossary": "glossary",
    "feed": "Latest events (Atom feed)",
    "only_in_english": "Text available only in English",
    "nav": {},
    # The footer's credit to the theme: "Made with Material for MkDocs".
    "made_with": "Made with",
    # The page a wrong address gets (templates/overrides/404.html), in both languages at once.
    "not_found": {
        "title": "Page not found",
        "text": "There is no page at this address: it may be mistyped. The record's events keep "
        "their addresses, even when renamed.",
        "home_label": "Go to the home page",
    },
    "language_name": "English",
    "switch_language_label_to": "Read this page in English",
    # Offered under a search that found nothing, on the other language's pages, in this language.
    "search_in_language": "Search the English pages for “{query}”",
    # The page left at an event's earlier address (builder/views/pages/moved.py).
    "moved_page": "This event's page has moved:",
    "offline_copy": "Download the whole site for offline reading (site.zip)",
    "offline_copy_latest": "This is an offline copy: download the latest one (site.zip)",
    # The maps (builder/views/maps/), read through builder.text.map_texts.
    "maps": {
        "no_data": "No data",
        "or_more": "{n} or more",
        "events": "Events",
        "event_count": "Number of events",
        "region": "Region",
        "value": "Value",
        "category": "Category",
        "note": "Note",
        "points": "Points",
        "figures": "Figures",
        "points_legend": "Places: click one for its details",
        "legend": "Legend",
        "sources": "Sources",
        "notes": "Notes",
        "table": "The values as a table",
        "downloads": "Downloads",
        "csv": "Data (CSV)",
        "pdf_a4": "Print map, A4 (PDF)",
        "pdf_a3": "Print map, A3 (PDF)",
        "svg": "Vector image (SVG)",
        "png": "Image for sharing (PNG)",
        "map_frame": "Interactive map: {title}",
        "open_map": "Open the map on its own page",
        "unmapped": {
            "one": (
                "1 selected event concerns the whole country or took place abroad, so it is not "
                "on the map:"
            ),
            "other": (
                "{n} selected events concern the whole country or took place abroad, so they are "
                "not on the map:"
            ),
        },
        "more_in_region": "… and {n} more: all events of the region",
        "more_unmapped": "… and {n} more, on the pages:",
        "event_ref": "event {id}",
        # {date}, {start} and {end} come with their preposition (see dates.date_phrase): "of 7 June
        # 2026", "del 7 de junio de 2026", "de junio de 2026".
        "event_of": "event {date}",
        "no_events": "No events",
        "events_from_to": "Events {start} {end}",
        "events_of": "Events {date}",
        "events_all": "All events in the record",
        "themes": "Themes: {themes}",
        "all_themes": "All themes",
        "boundaries": "Boundaries: Natural Earth (public domain)",
        "projection": (
            "Albers equal-area conic projection (parallels 3° S and 15.5° S, meridian 75° W)"
        ),
        "built": "Built {date}",
        "inset": "Lima and Callao",
        "maps_index_title": "Maps",
        "maps_index_intro": (
            "Each map is drawn from the record's events. Every map has its values as a table, a "
            "CSV file and print-ready PDF (A4 and A3), SVG and PNG files."
        ),
        "locator": "Location of {names} in Peru",
        "locator_none": "Map of Peru's regions",
        "sources_differ": "sources differ",
        "status_reported": "reported",
        "status_alleged": "alleged",
        "status_verified": "verified",
        "map_page": "Map on the web: {url}",
        "map_page_relative": "Online: {url} on the site {site}",
        "events_in_region": {"one": "1 event", "other": "{n} events"},
        # The interactive map's controls (builder/views/maps/controls.py).
        "window": "Period shown",
        "window_from": "From",
        "window_to": "To",
        "window_month_format": "YYYY-MM",
        "window_reset": "Reset the period",
        "window_reversed": (
            "“From” is after “To”: choose a start month no later than the end month."
        ),
        "window_outside": "Choose months from {first} to {last}, written as {format}.",
        # {period} is a dates.period_phrase: "from January 2025 to June 2026".
        "window_status": {"one": "1 event {period}", "other": "{n} events {period}"},
        "window_unmapped": {
            "one": "(1 of them national or abroad, not on the map)",
            "other": "({n} of them national or abroad, not on the map)",
        },
        "events_in_period": "Events {period}",
        "timeline_link": "See these events on the timeline",
        "skip_map": "Skip the map",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "reset_view": "Show all of Peru",
        "one_finger": "Move the map with one finger",
        "close_popup": "Close",
        "noscript": (
            "This map needs JavaScript. The same values are in the table on the map's page."
        ),
    },
    # The downloads and feeds (builder/views/exports.py).
    "downloads": {
        "record": "Peru's crisis of rule, 2025–2026: the record",
        "feed_subtitle": "The events the record added or changed last, newest change first.",
        "license_notice": (
            "The events, summaries and structure are the record's own work under CC BY 4.0. The "
            "source articles are copyrighted by their publishers: cited, never reproduced."
        ),
        "calendar": "Peru's crisis of rule, 2025–2026",
        "author": "The Peru crisis record contributors",
        "calendar_description": (
            "Events of the record known to the day. Events dated only to a month or a year are "
            "not in this calendar; a period longer than 31 days appears on its first and last "
            "day."
        ),
        # A period's first and last day in the calendar: {dates} is the whole period in words.
        "period_begins": "Begins: {title} ({dates})",
        "period_ends": "Ends: {title} ({dates})",
        "feed_about": (
            "This is the record's news feed. To follow new and changed events, copy this page's "
            "address into a feed reader."
        ),
        "feed_read_more": "Read the event's page",
        "feed_changed": "Added or changed:",
        "feed_css_comment": "How a browser shows the news feed; feed readers do not load it.",
        "approx": "c.",
        "note": "Sources differ",
        "status": "Status",
        "sources": "Sources",
        "undated": "n.d.",
        "statuses": {"verified": "verified", "reported": "reported", "alleged": "alleged"},
    },
    # The presidents chart (builder/views/presidents_chart.py).
    "chart": {
        "title": "Presidents of Peru since {start}",
        "subtitle": "Counted from {name}'s inauguration on {start}. One bar per term, to scale.",
        "no_president": "No president",
        "in_office": "since {start} (in office)",
        "desc_intro": (
            "Timeline of {count} presidential terms of Peru from {start}, drawn to scale on a "
            "time axis from {axis_start} to {axis_end}."
        ),
        "desc_term": "{ordinal}: {name}, {start} to {end}.",
        "desc_current": (
            "{ordinal}: {name}, from {start}; in office at the latest source ({known})."
        ),
        "desc_gap": "No president from {start} to {end}.",
    },
}

"""The words of the site's interface, per language; the record's own texts live in the record.

Spanish pages come later: `strings("es")` falls back to English for any word not yet translated,
so a page never shows a missing key.
"""

from __future__ import annotations

import functools
from types import MappingProxyType

_EN = {
    "site_title": "Peru's crisis of rule, 2025–2026",
    "site_tagline": "The reference record: every event dated, sourced and attributed.",
    "months": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    # Date patterns: {d} day, {m} month name, {y} year; ranges join two dates.
    "date_day": "{d} {m} {y}",
    "date_month": "{m} {y}",
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
        "Every event in the record, in date order, from {first} to {last}: {count}. "
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
    "filter_timeline": "Filter the timeline",
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
    "filter_apply": "Apply filters",
    "filter_clear": "Clear filters",
    "filter_results": {
        "none": "No event matches.",
        "one": "1 event matches.",
        "other": "{n} events match.",
    },
    "filter_show_more": "Show more",
    "filter_loading": "Loading the events…",
    "filter_failed": "The events could not be loaded. Browse by period below instead.",
    "filter_needs_js": (
        "Filtering needs JavaScript. Without it, every event is still listed by period below, "
        "and by theme, region and actor on their own pages."
    ),
    "filter_data": "The filter reads {link} ({count}, gzip-compressed JSON); full downloads are on the {data} page.",
    "filter_data_link": "the timeline data file",
    "data_page": "Data",
    # Browse pages
    "theme": "Theme",
    "region": "Region",
    "actor": "Actor",
    "themes_intro": "Every theme of the record and its events. An event can belong to several themes.",
    "regions_intro": (
        "Peru's 26 first-level units (ISO 3166-2:PE): 24 departments, the Constitutional Province "
        "of Callao and Metropolitan Lima, with the events that took place in each; events that "
        "concern the whole country or happened abroad are listed separately."
    ),
    "actors_intro": "The people, parties, institutions and outlets named in the record, with their events.",
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
}

_STRINGS = {"en": MappingProxyType(_EN), "es": MappingProxyType({})}


@functools.cache
def strings(lang: str) -> MappingProxyType:
    """The interface words for `lang` (read-only); any word missing in `lang` is the English one."""
    if lang not in _STRINGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(_STRINGS)}")
    return MappingProxyType({**_STRINGS["en"], **_STRINGS[lang]})


def plural(forms: dict, n: int) -> str:
    """Pick 'none', 'one' or 'other' from `forms` for the count `n`, with {n} filled in."""
    key = "none" if n == 0 and "none" in forms else "one" if n == 1 else "other"
    return forms[key].format(n=f"{n:,}")

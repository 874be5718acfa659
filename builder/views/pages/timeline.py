"""The timeline: the explorer page, and every event in date order on pages of bounded size.

Without JavaScript the whole record reads through the period pages (a year, or a month of a
crowded year, or pages of a crowded month), and the explorer page lists the newest period.
With it, the explorer page is a time band, a map and a list that filter one another
(assets/explorer*.js), reading the files of `explorer_data`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import groupby

from builder.record.model import Event, Record
from builder.text.markup import escape
from builder.views import paths
from builder.views.memo import ViewMemo
from builder.views.output import LISTING_MATTER, OutputFile, front_matter
from builder.views.pages.anchors import with_heading_ids
from builder.views.pages.assets import EXPLORER_SCRIPTS, EXPLORER_STYLESHEET
from builder.views.pages.explorer_data import DETAIL_FROM, data_folder, explorer_files
from builder.views.pages.facets import NO_FACETS, Facets
from builder.views.pages.rendering import PageContext, render, render_html
from builder.views.settings import SiteSettings


@dataclass(frozen=True, slots=True)
class Period:
    """One page of the timeline.

    `month` is None for a year's page. A year with more events than a page holds keeps only
    its events dated to the year alone, and lists its months (`months`), each its own page.
    `part` counts the pages of one crowded year or month, from 1 to `parts`.
    """

    path: str
    year: int
    month: int | None
    part: int
    parts: int
    events: tuple[Event, ...]
    months: tuple[tuple[int, int, str], ...] = ()  # (month, event count, path of its first page)


def periods(events: list[Event], lang: str, page_size: int) -> list[Period]:
    """The timeline's pages in reading order; every event is on exactly one of them."""
    out: list[Period] = []
    for year, in_year in groupby(events, key=lambda e: e.date.year):
        in_year = list(in_year)
        if len(in_year) <= page_size:
            out.append(Period(paths.timeline_page(lang, year), year, None, 1, 1, tuple(in_year)))
            continue
        by_month = {
            month: list(group) for month, group in groupby(in_year, key=lambda e: e.date.month)
        }
        year_only = by_month.pop(None, [])
        months = tuple(
            (month, len(members), paths.timeline_page(lang, year, month))
            for month, members in by_month.items()
        )
        out.extend(_pages(year_only, page_size, lambda part, y=year: paths.timeline_page(lang, y, None, part),
                          year, None, months))  # fmt: skip
        for month, members in by_month.items():
            out.extend(_pages(members, page_size,
                              lambda part, y=year, m=month: paths.timeline_page(lang, y, m, part),
                              year, month, ()))  # fmt: skip
    return out


def _pages(events, page_size, path_for, year, month, months) -> list[Period]:
    chunks = [tuple(events[i : i + page_size]) for i in range(0, len(events), page_size)] or [()]
    return [
        Period(path_for(n), year, month, n, len(chunks), chunk, months if n == 1 else ())
        for n, chunk in enumerate(chunks, start=1)
    ]


def timeline_files(
    record: Record, facets: Facets, settings: SiteSettings, memo: ViewMemo | None = None
) -> list[OutputFile]:
    """The explorer page, every period page, and the explorer's data files; with a `memo`, a
    period page whose inputs are those of the memo's last run is not made again."""
    memo = memo or ViewMemo()
    names = memo.names(record)
    settings = memo.same(f"settings {settings.lang}", settings)
    pages = periods(record.events, settings.lang, settings.page_size)
    files = [_index_file(record, facets, settings, pages)]
    context = PageContext(names, NO_FACETS, settings, "")
    links = [(period.path, period_label(period, context)) for period in pages]
    for n, period in enumerate(pages):
        previous = links[n - 1] if n > 0 else None
        following = links[n + 1] if n + 1 < len(pages) else None
        args = (names, settings, period, previous, following)
        files.append(memo.made(period.path, period_page, *args))
    files += explorer_files(record, facets, settings, memo)
    return files


def period_label(period: Period, context: PageContext) -> str:
    """'2025', 'September 2025', or 'September 2025, page 2'."""
    label = context.group(period.year, period.month) if period.month else str(period.year)
    if period.parts > 1 and period.part > 1:
        label = context.t["part_n"].format(label=label, n=period.part)
    return label


def period_page(
    names: Record,
    settings: SiteSettings,
    period: Period,
    previous: tuple[str, str] | None,
    following: tuple[str, str] | None,
) -> OutputFile:
    """One period's page, linking the periods before and after it (their path and label). It
    reads only its arguments (`names`: the record's registries, without events), so a memo
    may key it on them."""
    context = PageContext(names, NO_FACETS, settings, period.path)
    label = period_label(period, context)
    body = render_html(
        "timeline_period.html.j2",
        context,
        period=period,
        label=label,
        previous={"path": previous[0], "label": previous[1]} if previous else None,
        following={"path": following[0], "label": following[1]} if following else None,
    )
    matter = front_matter(title=label, **LISTING_MATTER)
    return OutputFile(period.path, matter + with_heading_ids(body), html=True)


def _index_file(record, facets, settings, pages: list[Period]) -> OutputFile:
    here = paths.timeline_index(settings.lang)
    context = PageContext(record, facets, settings, here)
    years = []
    for year, in_year in groupby(pages, key=lambda p: p.year):
        in_year = list(in_year)
        count = sum(len(p.events) for p in in_year)
        months = " · ".join(
            f"[{escape(context.t['months'][m - 1])}]({context.link(path)}) ({n})"
            for m, n, path in in_year[0].months
        )
        years.append((year, count, in_year[0].path, months))
    first, last = (
        record.events[0] if record.events else None,
        record.events[-1] if record.events else None,
    )
    latest = next((p for p in reversed(pages) if p.events), None)
    body = render(
        "timeline_index.md.j2",
        context,
        years=years,
        first=first,
        last=last,
        latest=latest,
        latest_label=period_label(latest, context) if latest else "",
        form=filter_form(record, facets, context),
        explorer=_explorer_links(context),
    )
    return OutputFile(here, front_matter(hide=["toc", "navigation"]) + body)


def _explorer_links(context: PageContext) -> dict:
    """The explorer's scripts, styles and data, as addresses relative to the timeline page."""
    settings = context.settings
    leaflet = context.href(f"{paths.lang_prefix(settings.lang)}assets/leaflet/leaflet.js")
    return {
        "folder": data_folder(settings.lang, settings.directory_urls),
        "map": settings.boundaries_file is not None,
        "leaflet": leaflet[: -len("leaflet.js")],
        "stylesheet": context.href(EXPLORER_STYLESHEET),
        "scripts": [context.href(script) for script in EXPLORER_SCRIPTS],
        "strings": json.dumps(_script_strings(context), ensure_ascii=False, sort_keys=True),
        "scale": _band_scale(context),
    }


def _band_scale(context: PageContext) -> str:
    """How the band's bars are drawn, when it compresses the years before DETAIL_FROM."""
    events = context.record.events
    if not events or events[0].date.year >= DETAIL_FROM:
        return ""
    t = context.t
    detail = t["band_detail"].format(y=DETAIL_FROM)
    return t["band_compressed"].format(y=DETAIL_FROM) + "; " + detail[0].lower() + detail[1:]


def _script_strings(context: PageContext) -> dict:
    """The words explorer.js writes, in the page's language."""
    t = context.t
    keys = (
        "filter_results", "n_sources", "n_events", "statuses", "sources_differ",
        "filter_show_more", "filter_loading", "filter_failed", "band_window", "band_all_dates",
        "band_dated", "band_spans", "band_presidents", "band_in_office", "band_compressed",
        "band_detail", "window_clear", "active_filters", "chip_remove", "chip_words",
        "chip_window", "option_count", "range_reversed", "map_legend", "map_no_events",
        "map_reset", "map_lima", "map_move", "map_moving", "map_boundaries", "selected_event", "months",
        "filter_theme", "filter_region", "filter_actor", "filter_from", "filter_to",
        "order_oldest", "only_in_english", "date_day", "date_month", "month_unknown", "map_title",
    )  # fmt: skip
    words = {key: t[key] for key in keys}
    words["lang"] = context.lang
    return words


def filter_form(record: Record, facets: Facets, context: PageContext) -> dict:
    """The choices of the filter form: (value, label) pairs, actors grouped by kind."""
    themes = [(tid, context.theme_name(tid)) for tid in record.themes]
    scopes = [(code, context.region_name(code)) for code in record.scopes]
    regions = [(code, context.region_name(code)) for code in record.regions]
    actors_by_kind: dict[str, list[tuple[str, str]]] = {}
    for actor_id, actor in record.actors.items():
        if actor_id in facets.by_actor or actor_id in facets.claims_by:
            actors_by_kind.setdefault(actor.kind, []).append(
                (actor_id, context.actor_name(actor_id))
            )
    kinds = context.t["actor_kinds"]
    actors = [
        (kinds.get(kind, kind), sorted(members, key=lambda m: m[1].casefold()))
        for kind, members in sorted(
            actors_by_kind.items(), key=lambda k: list(kinds).index(k[0]) if k[0] in kinds else 99
        )
    ]
    return {
        "themes": themes,
        "regions": scopes + regions,
        "actors": actors,
    }

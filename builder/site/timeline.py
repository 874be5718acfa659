"""The timeline: every event in date order, on pages of bounded size, with a filterable index.

Without JavaScript the whole record reads through the period pages (a year, or a month of a
crowded year, or pages of a crowded month). The index page's filter form loads one
gzip-compressed JSON file only when a reader starts filtering, so its first load stays small.
"""

from __future__ import annotations

import gzip
import json
import posixpath
from dataclasses import dataclass
from itertools import groupby

from builder.model import Event, Record
from builder.output import OutputFile
from builder.site import paths
from builder.site.facets import Facets
from builder.site.markdown_text import escape, plain_text, shorten
from builder.site.rendering import PageContext, front_matter, render
from builder.site.settings import SiteSettings
from builder.site.strings import plural

LISTING_MATTER = {"hide": ["toc"], "search": {"exclude": True}}


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


def timeline_files(record: Record, facets: Facets, settings: SiteSettings) -> list[OutputFile]:
    """The index page with the filter form, every period page, and the filter's data file."""
    pages = periods(record.events, settings.lang, settings.page_size)
    files = [_index_file(record, facets, settings, pages)]
    for n, period in enumerate(pages):
        previous = pages[n - 1] if n > 0 else None
        following = pages[n + 1] if n + 1 < len(pages) else None
        files.append(_period_file(record, facets, settings, period, previous, following))
    text = _timeline_json(record, settings)
    files.append(OutputFile(paths.timeline_data(settings.lang), _gzipped(text)))
    if settings.offline:
        script = _as_script(text)
        files.append(OutputFile(paths.timeline_script_data(settings.lang), script))
    return files


def period_label(period: Period, context: PageContext) -> str:
    """'2025', 'September 2025', or 'September 2025, page 2'."""
    label = context.group(period.year, period.month) if period.month else str(period.year)
    if period.parts > 1 and period.part > 1:
        label = context.t["part_n"].format(label=label, n=period.part)
    return label


def _period_file(record, facets, settings, period, previous, following) -> OutputFile:
    context = PageContext(record, facets, settings, period.path)
    parts = [
        f"[{escape(context.t['back_to_timeline'])}]({context.link(paths.timeline_index(settings.lang))})"
    ]
    if previous:
        parts.insert(
            0,
            f"[← {escape(period_label(previous, context))}]({context.link(previous.path)}){{ rel=prev }}",
        )
    if following:
        parts.append(
            f"[{escape(period_label(following, context))} →]({context.link(following.path)}){{ rel=next }}"
        )
    body = render(
        "timeline_period.md.j2",
        context,
        period=period,
        label=period_label(period, context),
        nav_line=" · ".join(parts),
    )
    return OutputFile(period.path, front_matter(**LISTING_MATTER) + body)


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
    body = render(
        "timeline_index.md.j2",
        context,
        years=years,
        first=first,
        last=last,
        form=filter_form(record, facets, context),
        data_path=paths.timeline_data(settings.lang),
    )
    return OutputFile(here, front_matter(hide=["toc"]) + body)


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
    t = context.t
    script_strings = {
        "results": t["filter_results"],
        "sources": t["n_sources"],
        "statuses": t["statuses"],
        "differ": t["sources_differ"],
        "more": t["filter_show_more"],
        "loading": t["filter_loading"],
        "failed": t["filter_failed"],
    }
    return {
        "themes": themes,
        "regions": scopes + regions,
        "actors": actors,
        "strings": json.dumps(script_strings, ensure_ascii=False, sort_keys=True),
    }


def _gzipped(text: str) -> bytes:
    """The filter's data as the file the timeline fetches: the gzip header carries no name and
    no time, so the same record always gives the same bytes."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _as_script(text: str) -> str:
    """The filter's data as a script beside the gzip file, for the offline copy: a page opened
    from disk cannot fetch a file, but it can load a script (timeline.js looks for it there)."""
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return "window.pcrTimelineData = " + text + ";\n"


def _timeline_json(record: Record, settings: SiteSettings) -> str:
    """The filter's data: every event's date, labels and plain text, as JSON; addresses are
    relative to the data file itself."""
    lang = settings.lang
    data_path = paths.timeline_data(lang)
    here = posixpath.dirname(data_path)

    def url(page: str) -> str:
        return posixpath.relpath(paths.page_url(page, settings.directory_urls), here) + (
            "/" if settings.directory_urls else ""
        )

    context = PageContext(record, facets=None, settings=settings, here=data_path)  # type: ignore[arg-type]
    used_regions = sorted({code for e in record.events for code in e.regions})
    data = {
        "version": 1,
        "lang": lang,
        "themes": {
            tid: [context.theme_name(tid), url(paths.theme_page(tid, lang))]
            for tid in record.themes
        },
        "regions": {
            code: [context.region_name(code), url(paths.region_page(code, lang))]
            for code in [*record.scopes, *record.regions]
            if code in used_regions
        },
        "events": [_event_row(event, context, url) for event in record.events],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _event_row(event: Event, context: PageContext, url) -> dict:
    text = plain_text(event.summary.get(context.lang))
    last = (event.end or event.date).last_day()
    return {
        "id": event.id,
        "url": url(paths.event_page(event.id, context.lang)),
        "when": context.when(event),
        "date": event.date.iso(),
        "start": event.date.first_day().isoformat(),
        "end": last.isoformat(),
        "group": context.group(event.date.year, event.date.month),
        "title": context.title(event),
        "short": shorten(text),
        "text": text,
        "themes": list(event.themes),
        "regions": list(event.regions),
        "actors": sorted({*event.actors, *event.claimed_by}),
        "sources": len(event.sources),
        "sources_label": plural(context.t["n_sources"], len(event.sources), context.lang),
        "status": event.status,
        "differ": event.note is not None,
    }

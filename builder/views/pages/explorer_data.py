"""The explorer's data: what the timeline page's script needs, in files sized for a phone.

The page loads an *index* at once: every event's span and facets as small numbers, with the
names of themes, places and actors and the presidential terms. What the list shows of each
event (title, date as words, a short text) is in *list shards* of `SHARD_SIZE` events, numbered
from the newest, loaded as the list reaches them; the full texts that the word filter searches
are in *text shards*, loaded only when a reader types words. The region outlines are one more
file, rounded to about 100 m, which is finer than a pixel at the map's zoom.

Every file is a script calling `pcrExplorerLoad(name, data)`: a page opened from disk (the
offline copy) may load scripts but not fetch files, so one way of loading serves both.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from pathlib import Path

from builder.record.model import Event, Record
from builder.record.terms import is_term, presidential_terms
from builder.text.markup import plain_text
from builder.views import paths
from builder.views.memo import ViewMemo, with_events
from builder.views.output import OutputFile
from builder.views.pages.facets import NO_FACETS, Facets, facets_of
from builder.views.pages.rendering import PageContext, relative_url
from builder.views.settings import SiteSettings

SHARD_SIZE = 250
EPOCH = dt.date(1970, 1, 1)
# Years before this are drawn compressed on the time band: the record's focus is 2016 on.
DETAIL_FROM = 2016
# Decimal places kept of the outlines' degrees: 3 is about 110 m.
OUTLINE_DECIMALS = 3
STATUS_CODES = {"verified": "v", "reported": "r", "alleged": "a"}


def explorer_dir(lang: str) -> str:
    """The folder of one language's explorer data files."""
    return f"{paths.lang_prefix(lang)}timeline/data"


def index_path(lang: str) -> str:
    return f"{explorer_dir(lang)}/index.js"


def regions_path(lang: str) -> str:
    return f"{explorer_dir(lang)}/regions.js"


def shard_count(events: int) -> int:
    return max(1, -(-events // SHARD_SIZE))


def explorer_files(
    record: Record, facets: Facets, settings: SiteSettings, memo: ViewMemo | None = None
) -> list[OutputFile]:
    """The index, the list and text shards, and the region outlines of one language; with a
    `memo`, a shard whose events did not change, the index while what it reads of the events
    (`index_reads`) is the same, and the outlines while the boundary file's bytes are the same,
    are not written again."""
    lang = settings.lang
    if memo is None:
        memo = ViewMemo()
        index = _index_script(record, facets, settings)
    else:
        names, settings = memo.names(record), memo.same(f"settings {lang}", settings)
        index = memo.made_over(
            index_path(lang), _index_of, index_reads, record.events, names, settings
        )
    files = [OutputFile(index_path(lang), index)]
    events = record.events
    for k in range(shard_count(len(events))):
        members = tuple(_shard(events, k))
        list_path = f"{explorer_dir(lang)}/list-{k}.js"
        text_path = f"{explorer_dir(lang)}/text-{k}.js"
        files.append(memo.made(list_path, list_shard, list_path, k, members, lang))
        files.append(memo.made(text_path, text_shard, text_path, k, members, lang))
    if settings.boundaries_file is not None:
        data = settings.boundaries_file.read_bytes()
        files.append(memo.made(regions_path(lang), _regions_file, lang, data))
    return files


def list_shard(path: str, k: int, members: tuple[Event, ...], lang: str) -> OutputFile:
    """Shard `k` of the explorer's list: a row per event of `members`."""
    # A row reads the event and the language alone: its context knows nothing else.
    nothing = Record([], {}, {}, {}, {}, {})
    context = PageContext(nothing, NO_FACETS, SiteSettings(lang=lang), "")
    return OutputFile(path, _script(f"list-{k}", [_list_row(e, context) for e in members]))


def text_shard(path: str, k: int, members: tuple[Event, ...], lang: str) -> OutputFile:
    """Shard `k` of the explorer's texts: each event's summary as plain text."""
    return OutputFile(
        path, _script(f"text-{k}", [plain_text(e.summary.get(lang)) for e in members])
    )


def _regions_file(lang: str, boundaries: bytes) -> OutputFile:
    return OutputFile(regions_path(lang), _script("regions", outlines_of(boundaries)))


def _shard(events: list[Event], k: int) -> list[Event]:
    """Shard `k` in date order: shard 0 holds the newest `SHARD_SIZE` events."""
    end = len(events) - k * SHARD_SIZE
    return events[max(0, end - SHARD_SIZE) : end]


def _script(name: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Line and paragraph separators end a line in older JavaScript strings.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"pcrExplorerLoad({json.dumps(name)},{text});\n"


def index_reads(event: Event) -> tuple:
    """What the index reads of an event: its span, facets, status and whether sources differ;
    the whole of a presidential term's (the terms)."""
    return (
        event.date,
        event.end,
        event.themes,
        event.regions,
        event.actors,
        event.claimed_by,
        event.status,
        event.note is not None,
        event if is_term(event) else None,
    )


def _index_of(events: tuple[Event, ...], names: Record, settings: SiteSettings) -> str:
    record = with_events(names, events)
    return _index_script(record, facets_of(record), settings)


def _index_script(record: Record, facets: Facets, settings: SiteSettings) -> str:
    context = PageContext(record, facets, settings, paths.timeline_index(settings.lang))
    return _script("index", _index(record, facets, context))


def _day(date: dt.date) -> int:
    return (date - EPOCH).days


def _index(record: Record, facets: Facets, context: PageContext) -> dict:
    settings = context.settings
    page_url = paths.page_url(context.here, settings.directory_urls)

    def href(path: str) -> str:
        return relative_url(page_url, paths.page_url(path, settings.directory_urls))

    lang = context.lang
    themes = list(record.themes)
    used_places = {code for e in record.events for code in e.regions}
    places = [c for c in record.scopes if c in used_places] + list(record.regions)
    actors = _actors(record, facets, context)
    theme_at = {tid: n for n, tid in enumerate(themes)}
    place_at = {code: n for n, code in enumerate(places)}
    actor_at = {aid: n for n, (aid, _, _) in enumerate(actors)}
    events = record.events
    example = href(paths.event_page("ID", lang))
    return {
        "lang": lang,
        "count": len(events),
        "shardSize": SHARD_SIZE,
        "detailFrom": DETAIL_FROM,
        "eventUrl": example.replace("ID", "{id}", 1),
        "themes": [
            [tid, context.theme_name(tid), href(paths.theme_page(tid, lang))] for tid in themes
        ],
        "places": [
            [
                code,
                context.region_name(code),
                href(paths.region_page(code, lang)),
                1 if code in record.scopes else 0,
            ]
            for code in places
        ],  # fmt: skip
        "actors": [[aid, name, kind] for aid, name, kind in actors],
        "terms": _terms(record, lang, href),
        "events": {
            "start": [_day(e.date.first_day()) for e in events],
            "length": [
                _day((e.end or e.date).last_day()) - _day(e.date.first_day()) for e in events
            ],
            "themes": [[theme_at[t] for t in e.themes] for e in events],
            "places": [[place_at[r] for r in e.regions] for e in events],
            "actors": [
                sorted({actor_at[a] for a in (*e.actors, *e.claimed_by) if a in actor_at})
                for e in events
            ],
            "status": "".join(STATUS_CODES[e.status] for e in events),
            "differ": "".join("1" if e.note is not None else "0" for e in events),
        },
    }


def _actors(record: Record, facets: Facets, context: PageContext) -> list[tuple[str, str, str]]:
    """(id, name, kind's label) of every actor an event names, by kind then name."""
    kinds = context.t["actor_kinds"]
    order = list(kinds)
    named = [aid for aid in record.actors if aid in facets.by_actor or aid in facets.claims_by]

    def key(aid: str):
        kind = record.actors[aid].kind
        return (
            order.index(kind) if kind in order else len(order),
            context.actor_name(aid).casefold(),
        )

    return [
        (aid, context.actor_name(aid), kinds.get(record.actors[aid].kind, record.actors[aid].kind))
        for aid in sorted(named, key=key)
    ]


def _terms(record: Record, lang: str, href) -> list:
    """[first day, last day or None while in office, president, address of the term's event]."""
    return [
        [_day(term.start), _day(term.end) if term.end else None, term.name,
         href(paths.event_page(term.event.id, lang))]
        for term in presidential_terms(record, lang)
    ]  # fmt: skip


def _list_row(event: Event, context: PageContext) -> list:
    """[id, date in words, ISO date, title, short text, sources, title is English fallback]."""
    return [
        event.id,
        context.when(event),
        event.date.iso(),
        context.title(event),
        context.short(event),
        len(event.sources),
        1 if event.title.is_fallback(context.lang) else 0,
    ]


def outlines(boundaries: Path) -> dict:
    """The regions' outlines as GeoJSON, coordinates rounded; each feature keeps its `iso`."""
    return outlines_of(Path(boundaries).read_bytes())


def outlines_of(boundaries: bytes) -> dict:
    """`outlines` of a boundary file's bytes."""
    data = json.loads(boundaries.decode("utf-8"))
    features = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        features.append(
            {
                "type": "Feature",
                "properties": {"iso": feature["properties"]["iso"]},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _rounded(geometry["coordinates"]),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _rounded(coordinates):
    """Nested rings with every position rounded, repeated positions dropped (rings stay closed)."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], OUTLINE_DECIMALS), round(coordinates[1], OUTLINE_DECIMALS)]
    if coordinates and isinstance(coordinates[0][0], (int, float)):  # a ring
        ring = []
        for position in coordinates:
            point = _rounded(position)
            if not ring or ring[-1] != point:
                ring.append(point)
        if len(ring) > 1 and ring[0] != ring[-1]:
            ring.append(ring[0])
        return ring
    return [_rounded(part) for part in coordinates]


def data_folder(lang: str, directory_urls: bool) -> str:
    """The data files' folder, relative to the timeline page (for the page's markup)."""
    page_url = paths.page_url(paths.timeline_index(lang), directory_urls)
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    return posixpath.relpath("/" + explorer_dir(lang), "/" + base) + "/"

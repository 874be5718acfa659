"""Browse pages: one per theme, per region (all 26 units and the two scopes) and per actor, their
indexes, the presidents chart page and the events index. Each theme, region and actor page
links the timeline filtered by what it lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup

from builder.record.model import Event, Record
from builder.text.markup import escape_html, html_block, text_html
from builder.text.strings import plural, strings
from builder.views import paths
from builder.views.memo import ViewMemo
from builder.views.output import LISTING_MATTER, OutputFile, front_matter
from builder.views.pages.anchors import with_heading_ids
from builder.views.pages.facets import NO_FACETS, Facets
from builder.views.pages.listing import ListPage, paginate
from builder.views.pages.locator_figure import locator_images
from builder.views.pages.rendering import PageContext, render, render_html
from builder.views.settings import SiteSettings


def browse_files(
    record: Record, facets: Facets, settings: SiteSettings, memo: ViewMemo | None = None
) -> list[OutputFile]:
    """Every theme, region and actor page with its index, the presidents page, the events index;
    with a `memo`, a list's page whose inputs are those of the memo's last run is not made
    again."""
    memo = memo or ViewMemo()
    files: list[OutputFile] = []
    files += _theme_files(record, facets, settings, memo)
    files += _region_files(record, facets, settings, memo)
    files += _actor_files(record, facets, settings, memo)
    files.append(_presidents_file(record, facets, settings, memo))
    files.append(_events_index_file(record, facets, settings))
    return files


def _listing(
    record: Record,
    facets: Facets,
    settings: SiteSettings,
    events: Sequence[Event],
    path_for: Callable[[int], str],
    title: str,
    intro: str,
    timeline: tuple[Mapping[str, str], str],
    figure: str | None,
    memo: ViewMemo,
) -> list[OutputFile]:
    """The pages of one browse list, written as HTML; only the first carries the intro and the
    figure (both HTML) and is searchable.

    Every page links the timeline in the state `timeline` gives (its query, and the link's
    accessible name), unless the list is empty: the timeline would show nothing.
    """
    pages = paginate(events, settings.browse_page_size, path_for)
    # What the pager reads of the list's other pages: their numbers and paths, not their events
    # (so an edit to one event makes again only the pages that list it).
    outline = tuple(ListPage(page.number, page.path, ()) for page in pages)
    names = memo.names(record)
    settings = memo.same(f"settings {settings.lang}", settings)
    made = memo.made
    return [
        made(page.path, listing_page, names, settings, title, intro, timeline, figure,
             outline, page, len(events))
        for page in pages
    ]  # fmt: skip


def listing_page(
    names: Record,
    settings: SiteSettings,
    title: str,
    intro: str,
    timeline: tuple[Mapping[str, str], str] | None,
    figure: str | None,
    pages: tuple[ListPage, ...],
    page: ListPage,
    count: int,
    empty: str | None = None,
) -> OutputFile:
    """One page of a browse list (`pages`: the list's pages, without their events; `count`:
    the list's events; `timeline`: None for a list the timeline cannot filter to; `empty`: what
    an empty list says, if not that the record has no event). It reads only its arguments
    (`names`: the record's registries, without events), so a memo may key it on them."""
    context = PageContext(names, NO_FACETS, settings, page.path)
    searchable = page.number == 1  # the later pages of a list are kept out of search
    body = render_html(
        "browse_list.html.j2",
        context,
        title=title,
        searchable=searchable,
        intro=Markup(intro) if page.number == 1 else "",
        timeline=timeline_link(context, *timeline) if count and timeline else None,
        figure=Markup(figure) if figure and page.number == 1 else None,
        pages=pages,
        page=page,
        count=count,
        empty=empty,
    )
    matter = {"hide": ["toc"]} if searchable else LISTING_MATTER
    return OutputFile(
        page.path, front_matter(title=title, **matter) + with_heading_ids(body), html=True
    )


def _theme_files(record, facets, settings, memo) -> list[OutputFile]:
    lang = settings.lang
    t = strings(lang)
    files = []
    rows = []
    for theme_id, theme in record.themes.items():
        events = facets.by_theme.get(theme_id, [])
        rows.append(
            (
                theme.name.get(lang),
                paths.theme_page(theme_id, lang),
                theme.description.get(lang),
                len(events),
            )
        )
        files += _listing(
            record, facets, settings, events,
            lambda n, tid=theme_id: paths.theme_page(tid, lang, n),
            theme.name.get(lang), text_html(theme.description.get(lang)),
            _filtered("theme", theme_id, theme.name.get(lang), t), None, memo,
        )  # fmt: skip
    files.append(
        _index_file(
            record, facets, settings, paths.themes_index(lang), "themes_index.md.j2", rows=rows
        )
    )
    return files


def _region_files(record, facets, settings, memo) -> list[OutputFile]:
    lang = settings.lang
    t = PageContext(record, facets, settings, "").t
    files = []
    scope_rows, region_rows = [], []
    for code, scope in record.scopes.items():
        events = facets.by_region.get(code, [])
        scope_rows.append(
            (
                scope.name.get(lang),
                paths.region_page(code, lang),
                scope.description.get(lang),
                len(events),
            )
        )
        files += _listing(
            record, facets, settings, events,
            lambda n, c=code: paths.region_page(c, lang, n),
            scope.name.get(lang), text_html(scope.description.get(lang)),
            _filtered("region", code, scope.name.get(lang), t), None, memo,
        )  # fmt: skip
    for code, region in record.regions.items():
        events = facets.by_region.get(code, [])
        kind = t["region_kinds"].get(region.kind, region.kind)
        region_rows.append(
            (
                region.label(lang),
                paths.region_page(code, lang),
                kind,
                region.capital,
                code,
                len(events),
            )
        )
        facts = t["region_facts"].format(
            kind=kind, capital=region.capital, iso=code, ubigeo=region.ubigeo
        )
        intro = escape_html(facts)
        if region.name != region.label(lang):
            intro = f"<em>{escape_html(region.name)}</em>. {intro}"
        intro = f"<p>{intro}</p>"
        # On the list's first page, the only one that shows it.
        page_one = PageContext(record, facets, settings, paths.region_page(code, lang))
        figure = locator_images(page_one, [code])
        files += _listing(
            record, facets, settings, events,
            lambda n, c=code: paths.region_page(c, lang, n),
            region.label(lang), intro, _filtered("region", code, region.label(lang), t),
            figure, memo,
        )  # fmt: skip
    files.append(
        _index_file(
            record,
            facets,
            settings,
            paths.regions_index(lang),
            "regions_index.md.j2",
            scopes=scope_rows,
            regions=region_rows,
        )  # fmt: skip
    )
    return files


def _actor_files(record, facets, settings, memo) -> list[OutputFile]:
    lang = settings.lang
    t = PageContext(record, facets, settings, "").t
    files = []
    groups: dict[str, list] = {}
    for actor_id, actor in record.actors.items():
        involved = facets.by_actor.get(actor_id, [])
        claims = facets.claims_by.get(actor_id, [])
        events = sorted({e.id: e for e in [*involved, *claims]}.values(), key=Event.sort_key)
        name = actor.label(lang)
        groups.setdefault(actor.kind, []).append(
            (name, paths.actor_page(actor_id, lang), actor.role.get(lang), len(events))
        )
        lines = [escape_html(actor.role.get(lang))]
        if actor.name != name and actor.name not in name:
            lines.insert(0, f"<em>{escape_html(actor.name)}</em>")
        if actor.party and actor.party in record.actors:
            context = PageContext(record, facets, settings, paths.actor_page(actor_id, lang))
            party = context.html_links("actors", [actor.party])
            before, after = t["actor_party"].split("{party}")
            lines.append(f"{escape_html(before)}{party}{escape_html(after)}")
        if actor.country != "PE":
            lines.append(escape_html(t["actor_country"].format(country=actor.country)))
        if claims:
            lines.append(
                escape_html(t["claims_by"].format(name=name))
                + ": "
                + escape_html(plural(t["n_events"], len(claims), lang))
            )
        files += _listing(
            record, facets, settings, events,
            lambda n, aid=actor_id: paths.actor_page(aid, lang, n),
            name, f"<p>{'. '.join(lines)}.</p>", _filtered("actor", actor_id, name, t), None, memo,
        )  # fmt: skip
    kinds = list(t["actor_kinds"])
    ordered = sorted(
        groups.items(), key=lambda g: kinds.index(g[0]) if g[0] in kinds else len(kinds)
    )
    grouped = [
        (t["actor_kinds"].get(kind, kind), sorted(rows, key=lambda r: r[0].casefold()))
        for kind, rows in ordered
    ]
    files.append(
        _index_file(
            record, facets, settings, paths.actors_index(lang), "actors_index.md.j2", groups=grouped
        )
    )
    return files


def _filtered(key: str, value: str, name: str, t: Mapping) -> tuple[dict[str, str], str]:
    """The timeline's state showing the events of one theme, region or actor (`key`), and the
    accessible name of a link to it, which says what it filters by: the visible words alone are
    the same on every page."""
    label = t[f"see_on_timeline_{key}"].format(name=name)
    return {key: value}, label


def timeline_link(context: PageContext, state: Mapping[str, str], label: str) -> dict[str, str]:
    """The timeline in `state` as a button ("See on the timeline"): its final address (the page
    is HTML, whose links MkDocs neither checks nor rewrites; tests check they resolve) and its
    accessible name, `label`."""
    address = context.href(paths.timeline_index(context.lang)) + paths.timeline_query(state)
    return {"href": address, "label": " ".join(label.split())}


def _index_file(record, facets, settings, path: str, template: str, **values) -> OutputFile:
    context = PageContext(record, facets, settings, path)
    return OutputFile(path, front_matter(hide=["toc"]) + render(template, context, **values))


def _presidents_file(record, facets, settings, memo: ViewMemo) -> OutputFile:
    path = paths.presidents_page(settings.lang)
    chart = None
    if settings.presidents_chart is not None:
        chart = html_block(settings.presidents_chart(record, settings.lang, memo))
    return _index_file(record, facets, settings, path, "presidents.md.j2", chart=chart)


def _events_index_file(record, facets, settings) -> OutputFile:
    return _index_file(
        record, facets, settings, paths.events_index(settings.lang), "events_index.md.j2"
    )

"""Every map's files for the site: its page, its standalone map, its data and its print files.

`map_files(record, root, lang)` is what the site plugin calls. For each definition in
`maps/*.yml` it returns (under `<lang prefix>maps/`):

- `<name>.md`, the page (published at `maps/<name>/`): title, description, the interactive
  map in an iframe, a link to the timeline filtered as the map is, notes, the values as a
  table, sources and downloads;
- `<name>/map.html`, the interactive map on its own;
- `<name>/<name>.csv` (and `<name>-points.csv` when it has points);
- `<name>/<name>-a4.pdf`, `<name>-a3.pdf`, `<name>.svg` and `<name>.png`, the print maps, and
  `<name>-preview.png`, the A4 sheet small, shown on the maps index;

plus `maps/index.md` listing the maps and Leaflet under `assets/leaflet/`. Links in the
Markdown are written to source files, so MkDocs checks them and adapts them to its URL
style; the standalone map (which MkDocs does not read) links to published URLs.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from builder.record.model import Event, Record
from builder.text.map_texts import text
from builder.text.markup import escape, text_markdown
from builder.views import paths
from builder.views.maps.assets import shared_files
from builder.views.maps.definitions import MapDefinition, load_definitions
from builder.views.maps.describe import build_date, point_line, source_lines, subtitle
from builder.views.maps.interactive import map_html
from builder.views.maps.measures import MapData, measure
from builder.views.maps.print_maps import PrintContext, Store, render
from builder.views.maps.styling import classify
from builder.views.maps.tables import points_csv, regions_csv, rows
from builder.views.maps.window import timeline_matches, timeline_query
from builder.views.output import OutputFile, front_matter

# The preview's size in pixels (A4 at PREVIEW_DPI), so the index keeps its layout while it loads.
PREVIEW_WIDTH, PREVIEW_HEIGHT = 462, 654
# The events listed per region in the page's table; the CSV lists them all.
TABLE_EVENTS = 10
# National and abroad events listed below the map; the rest are on their scope pages.
UNMAPPED_EVENTS = 20


def map_files(
    record: Record,
    root: Path,
    lang: str = "en",
    *,
    site_url: str | None = None,
    site_name: str = "",
    directory_urls: bool = True,
    store: Store | None = None,
) -> list[OutputFile]:
    """The pages, maps, data and print files of every map definition of `root`, and what the
    interactive maps load (Leaflet, the regions' outlines).

    Raises DefinitionError (with `path:line:column` problems) if a definition is wrong.
    `site_url` and `site_name` (the name in `lang`; the adapter reads both from mkdocs.yml) are
    printed on the print maps; `store` keeps drawn print maps between builds.
    """
    root = Path(root)
    definitions = load_definitions(root, record)
    files: list[OutputFile] = []
    for definition in definitions:
        data = measure(definition, record)
        files.extend(
            files_for_map(
                data,
                record,
                lang,
                site_url=site_url,
                site_name=site_name,
                directory_urls=directory_urls,
                store=store,
            )
        )
    files.append(index_page(definitions, lang))
    prefix = paths.lang_prefix(lang)
    files.extend(OutputFile(prefix + f.path, f.content) for f in shared_files())
    return files


def files_for_map(
    data: MapData,
    record: Record,
    lang: str,
    *,
    site_url: str = "",
    site_name: str = "",
    directory_urls: bool = True,
    store: Store | None = None,
) -> list[OutputFile]:
    """The page, standalone map, CSV and print files of one map."""
    name = data.definition.name
    page = page_path(name, lang)
    folder = f"{paths.lang_prefix(lang)}maps/{name}/"
    classification = classify(data)
    url = (site_url.rstrip("/") + "/" if site_url else "") + paths.page_url(page, directory_urls)
    context = print_context(data, record, lang, url, site_name)
    files = [
        OutputFile(page, page_markdown(data, record, lang, directory_urls)),
        OutputFile(
            folder + "map.html",
            map_html(
                data,
                lang,
                # From the language's own root: a Spanish map links Spanish event pages and
                # loads the Leaflet copied under es/assets/.
                site_root=_site_root(f"maps/{name}/map.html"),
                directory_urls=directory_urls,
            ),
        ),
        OutputFile(folder + f"{name}.csv", regions_csv(data, classification, record, lang)),
    ]
    if data.definition.points:
        files.append(OutputFile(folder + f"{name}-points.csv", points_csv(data, record, lang)))
    a4 = render(data, context, lang, "a4", ("pdf", "svg", "png", "preview"), store)
    a3 = render(data, context, lang, "a3", ("pdf",), store)
    files += [
        OutputFile(folder + f"{name}-a4.pdf", a4["pdf"]),
        OutputFile(folder + f"{name}-a3.pdf", a3["pdf"]),
        OutputFile(folder + f"{name}.svg", a4["svg"]),
        OutputFile(folder + f"{name}.png", a4["png"]),
        OutputFile(folder + preview_file(name), a4["preview"]),
    ]
    return files


def preview_file(name: str) -> str:
    """The print map's small picture, in the map's folder."""
    return f"{name}-preview.png"


def print_context(
    data: MapData, record: Record, lang: str, url: str, site_name: str = ""
) -> PrintContext:
    """The texts a print map carries besides its data."""
    return PrintContext(
        url=url,
        built=build_date(record, lang),
        subtitle=subtitle(data, record, lang),
        sources=source_lines(data, record, lang, date_note=False),
        points=tuple(
            point_line(n, p, record, lang) for n, p in enumerate(data.definition.points, start=1)
        ),
        site=site_name,
    )


def page_path(name: str, lang: str) -> str:
    """The source path of a map's page: `maps/<name>.md`, published at `maps/<name>/`."""
    return f"{paths.lang_prefix(lang)}maps/{name}.md"


def _site_root(file_path: str) -> str:
    """The relative path from a published file to the site's root: '../../' for maps/x/map.html."""
    depth = file_path.count("/")
    return "../" * depth


def _link(from_page: str, to_path: str) -> str:
    return paths.relative_link(from_page, to_path)


def page_markdown(data: MapData, record: Record, lang: str, directory_urls: bool = True) -> str:
    """The Markdown page of a map."""
    definition = data.definition
    name = definition.name
    here = page_path(name, lang)
    folder = f"{paths.lang_prefix(lang)}maps/{name}/"
    title = definition.title.get(lang)
    # The iframe is raw HTML, which MkDocs does not rewrite: its address is computed from the
    # page's published URL to the standalone map's.
    page_dir = posixpath.dirname(paths.page_url(here, directory_urls))
    frame_src = posixpath.relpath(folder + "map.html", page_dir or ".")
    parts = [
        front_matter(title=title, description=" ".join(definition.description.get(lang).split())),
        f"# {escape(title)}\n",
        f"*{escape(subtitle(data, record, lang))}*\n",
        text_markdown(definition.description.get(lang)) + "\n",
        f'<iframe class="pcr-map" src="{frame_src}" title="{_attr(text("map_frame", lang, title=title))}" '
        'loading="lazy" style="width:100%;height:36rem;border:1px solid #bbb"></iframe>\n',
        # Printed in the interactive map's place (the site's CSS); lazy, so a screen that never
        # shows it never loads it.
        f"![{escape(title)}]({_link(here, folder + name + '.png')})"
        '{ .pcr-map-print loading="lazy" }\n',
        f"[{escape(text('open_map', lang))}]({_link(here, folder + 'map.html')})\n"
        "{: .pcr-screen-only }\n",
    ]
    if timeline_matches(data):
        # To the source file, with the map's filters: MkDocs checks the link and writes it in
        # the site's URL style (`../../timeline/?…`, or `../timeline/index.html?…` offline).
        query = timeline_query(data)
        timeline = _link(here, paths.timeline_index(lang)) + (f"?{query}" if query else "")
        parts.append(
            f"[{escape(text('timeline_link', lang))}]({timeline})\n{{: .pcr-screen-only }}\n"
        )
    if definition.notes:
        parts += [f"## {text('notes', lang)}\n", text_markdown(definition.notes.get(lang)) + "\n"]
    parts += [f"## {text('table', lang)}\n", _table(data, record, lang, here)]
    if data.unmapped:
        parts.append(escape(text("unmapped", lang, n=len(data.unmapped))) + "\n")
        parts.append(_unmapped_list(data, record, lang, here))
    if definition.points:
        parts += [f"## {text('points', lang)}\n", _points_list(data, record, lang, here)]
    sources = source_lines(data, record, lang)
    if sources:
        parts += [
            f"## {text('sources', lang)}\n",
            "\n".join(f"- {escape(s)}" for s in sources) + "\n",
        ]
    downloads = [
        (text("csv", lang), f"{name}.csv"),
        *(
            [(text("csv", lang) + f" — {text('points', lang).lower()}", f"{name}-points.csv")]
            if definition.points
            else []
        ),
        (text("pdf_a4", lang), f"{name}-a4.pdf"),
        (text("pdf_a3", lang), f"{name}-a3.pdf"),
        (text("svg", lang), f"{name}.svg"),
        (text("png", lang), f"{name}.png"),
    ]
    # The downloads are links to files: on paper, nothing to follow.
    parts += [
        '<div class="pcr-screen-only" markdown>\n',
        f"## {text('downloads', lang)}\n",
        "\n".join(f"- [{escape(label)}]({_link(here, folder + file)})" for label, file in downloads)
        + "\n",
        "</div>\n",
        escape(text("boundaries", lang)) + "\n",
    ]
    return "\n".join(parts)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _cell(markdown: str) -> str:
    """Markdown fit for a table cell: a pipe would end the cell."""
    return markdown.replace("|", "\\|")


def _event_link(event: Event, lang: str, here: str) -> str:
    label = f"{event.date.iso()} — {event.title.get(lang)}"
    return f"[{escape(label)}]({_link(here, paths.event_page(event.id, lang))})"


def _table(data: MapData, record: Record, lang: str, here: str) -> str:
    count_map = data.definition.measure == "count"
    value_header = text("event_count" if count_map else "category", lang)
    has_notes = bool(data.definition.region_notes)
    header = [text("region", lang), "ISO", value_header]
    if has_notes:
        header.append(text("note", lang))
    header.append(text("events", lang))
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    for row in rows(data, classify(data), record, lang):
        latest = sorted(row.events, key=Event.sort_key, reverse=True)
        links = [_event_link(e, lang, here) for e in latest[:TABLE_EVENTS]]
        if len(latest) > TABLE_EVENTS:
            more = escape(text("more_in_region", lang, n=len(latest) - TABLE_EVENTS))
            links.append(f"[{more}]({_link(here, paths.region_page(row.iso, lang))})")
        cells = [escape(row.name), row.iso, row.value if count_map else escape(row.label)]
        if has_notes:
            cells.append(escape(row.note))
        cells.append("<br>".join(links))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _unmapped_list(data: MapData, record: Record, lang: str, here: str) -> str:
    """The latest national and abroad events; past UNMAPPED_EVENTS, links to their scope pages."""
    latest = sorted(data.unmapped, key=Event.sort_key, reverse=True)
    items = [f"- {_event_link(e, lang, here)}" for e in latest[:UNMAPPED_EVENTS]]
    if len(latest) > UNMAPPED_EVENTS:
        scopes = sorted(
            {code for e in latest[UNMAPPED_EVENTS:] for code in e.regions if code in record.scopes}
        )
        links = ", ".join(
            f"[{escape(record.scopes[code].name.get(lang))}]({_link(here, paths.region_page(code, lang))})"
            for code in scopes
        )
        items.append(
            f"- {escape(text('more_unmapped', lang, n=len(latest) - UNMAPPED_EVENTS))} {links}"
        )
    return "\n".join(items) + "\n"


def _points_list(data: MapData, record: Record, lang: str, here: str) -> str:
    """The points as a numbered list, each figure linked to the event it comes from."""
    events = record.by_id()
    items = []
    for number, point in enumerate(data.definition.points, start=1):
        region = record.regions[point.region].label(lang)
        line = f"{number}. **{escape(point.name.get(lang))}** ({escape(region)})"
        if point.note:
            line += f": {escape(point.note.get(lang))}"
        for figure in point.figures:
            event = events[figure.event]
            status = (
                "" if event.status == "verified" else f" ({text(f'status_{event.status}', lang)})"
            )
            line += (
                f"\n    - {escape(figure.label.get(lang))}: **{escape(figure.value.get(lang))}**{status} — "
                f"{_event_link(event, lang, here)}"
            )
        items.append(line)
    return "\n".join(items) + "\n"


def index_page(definitions: list[MapDefinition], lang: str) -> OutputFile:
    """`maps/index.md`: every map with its print map's picture and its description.

    The picture links the map's page as its title does; being the same link twice, it is kept
    out of the tab order and from screen readers (its title's link is the one they meet).
    """
    here = f"{paths.lang_prefix(lang)}maps/index.md"
    title = text("maps_index_title", lang)
    parts = [
        front_matter(title=title),
        f"# {title}\n",
        escape(text("maps_index_intro", lang)) + "\n",
    ]
    for definition in definitions:
        name = definition.name
        link = _link(here, page_path(name, lang))
        picture = _link(here, f"{paths.lang_prefix(lang)}maps/{name}/{preview_file(name)}")
        parts.append('<div class="pcr-map-card" markdown>\n')
        parts.append(
            f'[![]({picture}){{ width="{PREVIEW_WIDTH}" height="{PREVIEW_HEIGHT}" loading="lazy" }}]'
            f'({link}){{ .pcr-map-card__picture aria-hidden="true" tabindex="-1" }}\n'
        )
        parts.append(f"## [{escape(definition.title.get(lang))}]({link})\n")
        parts.append(text_markdown(definition.description.get(lang)) + "\n")
        parts.append("</div>\n")
    return OutputFile(here, "\n".join(parts))

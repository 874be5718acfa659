"""`peru-timeline maps`: list the maps, check their definitions, or print one for a chosen window.

Mounted on the main command group as `maps` (builder.cli adds `maps_command`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.cli.report import report
from builder.record.dates import DateError, PartialDate
from builder.record.problems import RecordError, did_you_mean

FORMATS = ("pdf", "svg", "png")


def _date(value: str | None, option: str) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except DateError as exc:
        raise click.BadParameter(
            f"{exc}; write YYYY, YYYY-MM or YYYY-MM-DD", param_hint=option
        ) from None


@click.command("maps")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (holding events/ and maps/).",
)
@click.option(
    "--map",
    "name",
    help="The map to print: a file name in maps/ without .yml. Without it, list the maps.",
)
@click.option(
    "--paper", type=click.Choice(["a4", "a3"]), default="a4", show_default=True, help="Paper size."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="pdf",
    show_default=True,
    help="File format.",
)
@click.option(
    "--from",
    "start",
    metavar="DATE",
    help="First day, month or year of the events (YYYY[-MM[-DD]]).",
)
@click.option(
    "--to", "end", metavar="DATE", help="Last day, month or year of the events (YYYY[-MM[-DD]])."
)
@click.option(
    "--theme", "themes", multiple=True, help="Count only events of this theme (repeatable)."
)
@click.option(
    "--lang",
    type=click.Choice(["en", "es"]),
    default="en",
    show_default=True,
    help="Language of the map.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Where to write the map. Default: <map>[-<from>][-<to>]-<paper>.<format> in the current folder.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Only check every map definition against the record; exit 1 on a problem.",
)
def maps_command(
    root: Path,
    name: str | None,
    paper: str,
    fmt: str,
    start: str | None,
    end: str | None,
    themes: tuple[str, ...],
    lang: str,
    out: Path | None,
    check: bool,
) -> None:
    """Print a map for a chosen window, without building the site.

    \b
    Examples:
      peru-timeline maps                      # list the maps
      peru-timeline maps --check              # check maps/*.yml
      peru-timeline maps --map strikes-and-protests --paper a3 --format pdf \\
          --from 2026-01 --to 2026-06 --theme strikes-and-protests

    --from, --to and --theme replace the definition's own window and themes. A problem in a
    definition is reported as `maps/<name>.yml:line:column: what is wrong — how to fix it`.
    """
    from builder.record.load import load_record
    from builder.views.maps import definitions

    start_date, end_date = _date(start, "--from"), _date(end, "--to")
    if start_date and end_date and end_date.last_day() < start_date.first_day():
        raise click.BadParameter(f"{end} is before --from {start}", param_hint="--to")
    try:
        record = load_record(root)
        if check or name is None:
            loaded = definitions.load_definitions(root, record)
        else:
            loaded = [definitions.load_definition(root, name, record)]
    except RecordError as exc:
        report(exc.problems, "text", "peru-timeline maps")
        click.echo(f"{sum(1 for p in exc.problems if p.severity == 'error')} error(s)", err=True)
        sys.exit(1)
    if check:
        click.echo(f"ok: {len(loaded)} map definition(s)", err=True)
        return
    if name is None:
        for definition in loaded:
            click.echo(f"{definition.name}\t{definition.title.get(lang)}")
        return
    for theme in themes:
        if theme not in record.themes:
            raise click.BadParameter(
                f"unknown theme '{theme}'{did_you_mean(theme, record.themes)}", param_hint="--theme"
            )
    data_bytes = _print(loaded[0], record, root, paper, fmt, lang, start_date, end_date, themes)
    target = out or Path(_default_name(loaded[0].name, start, end, paper, fmt))
    target.write_bytes(data_bytes)
    click.echo(str(target))


def _print(definition, record, root, paper, fmt, lang, start, end, themes) -> bytes:
    from builder.adapter.project import configured_site_name, configured_site_url
    from builder.views import paths
    from builder.views.maps.measures import measure, override
    from builder.views.maps.pages import (
        page_path,
        print_context,
    )
    from builder.views.maps.print_maps import render

    selection = override(definition.selection, start=start, end=end, themes=tuple(themes) or None)
    data = measure(definition, record, selection)
    site_url = configured_site_url(root)
    url = (site_url.rstrip("/") + "/" if site_url else "") + paths.page_url(
        page_path(definition.name, lang)
    )
    return render(
        data,
        print_context(data, record, lang, url, configured_site_name(root, lang)),
        lang,
        paper,
        (fmt,),
    )[fmt]


def _default_name(name: str, start: str | None, end: str | None, paper: str, fmt: str) -> str:
    parts = [name, *(p for p in (start, end) if p), paper]
    return "-".join(parts) + f".{fmt}"

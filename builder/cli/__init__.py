"""The `peru-timeline` command: check the record, scaffold events, build, zip and serve the site."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

import click

from builder.cli.new_help import NewCommand
from builder.cli.report import count, report
from builder.record.dates import DateError, PartialDate
from builder.record.problems import ERROR, WARNING, Problem, RecordError, did_you_mean, sort_key

ROOT_OPTION = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (holding events/ and maps/).",
)


@click.group()
def main() -> None:
    """Peru's 2025–2026 crisis record: validate events and build the site."""


@main.command()
@ROOT_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="'github' prints GitHub Actions annotations, shown on the offending lines of a pull request.",
)
@click.option("--strict-languages", is_flag=True, help="Treat a missing Spanish text as an error.")
def check(root: Path, output_format: str, strict_languages: bool) -> None:
    """Validate every event file, the registries and the map definitions; exit 1 on any error.

    Each problem reads `path:line:column: what is wrong — how to fix it`. Of two files for one
    event, the newer one is reported: the one git's HEAD (on a pull request, the base branch)
    does not hold yet, else the one added later.
    """
    from builder.record.added import git_age
    from builder.record.load import read_record

    record, problems = read_record(root, strict_languages=strict_languages, age=git_age(root))
    maps, map_problems = _check_maps(root, record, problems)
    problems = sorted([*problems, *map_problems], key=sort_key)
    report(problems, output_format, "peru-timeline check")
    errors, warnings = count(problems, ERROR), count(problems, WARNING)
    if errors:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
        sys.exit(1)
    click.echo(
        f"ok: {len(record.events)} events, {len(record.actors)} actors, {len(record.sources)} sources, "
        f"{len(record.themes)} themes, {len(record.regions)} regions, {maps} map(s); "
        f"{warnings} warning(s)",
        err=True,
    )


def _check_maps(root: Path, record, problems: list[Problem]) -> tuple[int, list[Problem]]:
    """The map definitions checked against what of the record loaded.

    A map's problem that names an event with errors of its own is left out: it is the
    event's problem, reported on the event, and goes once the event is fixed.
    """
    from builder.views.maps.definitions import load_definitions

    broken = {
        PurePosixPath(p.path).stem
        for p in problems
        if p.severity == ERROR and p.path.startswith("events/")
    }
    try:
        return len(load_definitions(root, record)), []
    except RecordError as exc:
        return 0, [
            p for p in exc.problems if not any(f"'{event}'" in p.message for event in broken)
        ]


@main.command(cls=NewCommand)
@ROOT_OPTION
@click.option(
    "--date",
    "date_text",
    required=True,
    help="YYYY, YYYY-MM or YYYY-MM-DD, at the precision known.",
)
@click.option("--title", required=True, help="One line in English.")
@click.option(
    "--theme", "themes", multiple=True, required=True, help="A theme id (repeat for several)."
)
@click.option(
    "--region",
    "regions",
    multiple=True,
    required=True,
    help="An ISO 3166-2:PE code, national or abroad (repeatable).",
)
def new(
    root: Path, date_text: str, title: str, themes: tuple[str, ...], regions: tuple[str, ...]
) -> None:
    """Write a correctly named event file, ready to fill in.

    The title is checked as `peru-timeline check` checks it (one line, at most 160
    characters, no final full stop, no tab).
    """
    from builder.record import scaffold
    from builder.record.registries import load_regions, load_themes

    try:
        date = PartialDate.parse(date_text)
    except DateError as exc:
        raise click.BadParameter(
            f"{exc}; write YYYY, YYYY-MM or YYYY-MM-DD", param_hint="--date"
        ) from None
    problems: list = []
    known_themes = load_themes(root / "events/registries/themes.yml", "themes.yml", problems)
    known_regions, scopes = load_regions(root / "maps/regions.yml", "regions.yml", problems)
    for theme in themes:
        if theme not in known_themes:
            raise click.BadParameter(
                f"unknown theme '{theme}'{did_you_mean(theme, known_themes)}", param_hint="--theme"
            )
    for region in regions:
        if region not in known_regions and region not in scopes:
            options = [*known_regions, *scopes]
            raise click.BadParameter(
                f"unknown region '{region}'{did_you_mean(region, options)}", param_hint="--region"
            )
    try:
        path = scaffold.write_event(root / "events", date, title, list(themes), list(regions))
    except FileExistsError as exc:
        raise click.ClickException(f"{exc} already exists; edit it instead") from None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--title") from None
    click.echo(path.relative_to(root).as_posix() if path.is_relative_to(root) else path)
    click.echo("Fill in the summary, status and sources, then run: peru-timeline check", err=True)


@main.command()
@ROOT_OPTION
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Where the built site goes (relative to --root).",
)
@click.option(
    "--clean",
    is_flag=True,
    help="Render every page, even if the last build of this site folder could be reused.",
)
def build(root: Path, site_dir: Path, clean: bool) -> None:
    """Build the site with `mkdocs build --strict`; the previous site stays if the build fails.

    A second build with nothing changed leaves the site as it is; one after an edit to events/ or
    maps/ renders only the pages the edit changed and takes the rest from the last build. Either
    way the site equals a clean build's byte for byte. What the last build read is kept in
    .cache/peru-timeline-builds/.
    """
    from builder.adapter.build import REUSED, UP_TO_DATE, BuildFailed, build_site

    try:
        built = build_site(root, site_dir, reuse=not clean)
    except BuildFailed as exc:
        click.echo(exc.output.rstrip(), err=True)
        raise click.ClickException(
            "the build failed; the previous site was left untouched"
        ) from None
    _echo_warnings(built.output)
    target = site_dir if site_dir.is_absolute() else root / site_dir
    if built.how == UP_TO_DATE:
        click.echo(f"{target} is up to date: nothing it is built from changed", err=True)
    elif built.how == REUSED:
        click.echo(f"built {target}, rendering only what the record's changes changed", err=True)
    else:
        click.echo(f"built {target}", err=True)


@main.command()
@ROOT_OPTION
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("site.zip"),
    show_default=True,
    help="Where the zip goes (relative to --root).",
)
def dist(root: Path, output: Path) -> None:
    """Build the offline copy and zip it: a site read from disk, no server, no network.

    Unzip it and open index.html: links name .html files, and search, the timeline's filters
    and the maps work from file://. One commit always gives the same bytes.
    """
    from builder.adapter.build import BuildFailed
    from builder.adapter.dist import build_offline_copy

    try:
        result = build_offline_copy(root, output)
    except BuildFailed as exc:
        click.echo(exc.output.rstrip(), err=True)
        raise click.ClickException("the offline build failed; no zip was written") from None
    _echo_warnings(result.output)
    size = result.path.stat().st_size
    click.echo(f"wrote {result.path}: {result.files} files, {size / 1e6:.1f} MB", err=True)


@main.command()
@ROOT_OPTION
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
def serve(root: Path, dev_addr: str) -> None:
    """Preview the site with live reload: edit an event and the page updates."""
    from builder.adapter.serve import serve as serve_site

    raise SystemExit(serve_site(root, dev_addr))


def _mount_maps() -> None:
    # The maps package pulls in geopandas and matplotlib; it defines its own command.
    from builder.cli.maps import maps_command

    main.add_command(maps_command, name="maps")


def _echo_warnings(output: str) -> None:
    """The site generator's warnings, from its output, on standard error."""
    for line in output.splitlines():
        if line.startswith("WARNING"):
            click.echo(line, err=True)


def _mount_schema() -> None:
    from builder.cli.schema import schema_command

    main.add_command(schema_command, name="schema")


def _mount_review() -> None:
    from builder.cli.review import review_command

    main.add_command(review_command, name="review")


_mount_maps()
_mount_schema()
_mount_review()

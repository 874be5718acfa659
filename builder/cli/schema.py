"""`peru-timeline schema`: write events/event.schema.json from the checker's definitions.

Mounted on the main command group as `schema` (builder.cli adds `schema_command`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.cli.report import report
from builder.record.schema import SCHEMA_PATH, schema_text


@click.command("schema")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (holding events/ and maps/).",
)
@click.option(
    "--check",
    is_flag=True,
    help=f"Write nothing; exit 1 when {SCHEMA_PATH} differs from the generated schema.",
)
def schema_command(root: Path, check: bool) -> None:
    """Write the editors' JSON Schema of an event file (events/event.schema.json).

    It is generated from the checker's field lists and the registries' theme and region ids:
    run it after adding a theme or a region, and commit the file.
    """
    text, problems = schema_text(root)
    if problems:
        report(problems, "text", "peru-timeline schema")
        sys.exit(1)
    target = root / SCHEMA_PATH
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current != text:
            click.echo(f"{SCHEMA_PATH} is out of date: run peru-timeline schema", err=True)
            sys.exit(1)
        click.echo(f"ok: {SCHEMA_PATH} is up to date", err=True)
        return
    if current != text:
        target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {SCHEMA_PATH}", err=True)
    else:
        click.echo(f"{SCHEMA_PATH} was already up to date", err=True)

"""`peru-timeline review`: the editorial heuristics an editor runs before a release.

Mounted on the main command group as `review` (builder.cli adds `review_command`). It lists
findings for a person to judge and exits 0 whatever it finds; only a record that cannot be
loaded at all (what `peru-timeline check` refuses) makes it exit 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.record.load import load_record
from builder.record.problems import RecordError
from builder.record.review import field_lines, review_record


@click.command("review")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (holding events/ and maps/).",
)
def review_command(root: Path) -> None:
    """List what an editor should check before a release; never fails on a finding.

    Titles of reported or alleged events that name no source or claimant, labels outside
    quotation marks, verified events resting only on partisan or aggregator sources, actors
    no text or source names, notes that contradict a verified status, approximate dates
    without a note, and Spanish texts whose figures or length differ from the English.
    Each finding reads `path:line: what looks wrong — what an editor should check`.
    """
    try:
        record = load_record(root)
    except RecordError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo("the record does not load; run peru-timeline check and fix it first", err=True)
        sys.exit(1)
    lines = {
        event.path: field_lines((root / event.path).read_text(encoding="utf-8"))
        for event in record.events
    }
    findings = review_record(record, lines)
    for finding in findings:
        click.echo(str(finding))
    events = len({finding.path for finding in findings})
    click.echo(
        f"{len(findings)} finding(s) in {events} of {len(record.events)} events; "
        "heuristics for an editor to judge, not errors",
        err=True,
    )

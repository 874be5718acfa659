"""`peru-timeline review`, run in process: findings on stdout, a count on stderr, exit 0 always."""

from __future__ import annotations

from tests.support.cli import run_cli
from tests.support.project import VALID_EVENT, Project


def test_review_lists_findings_and_still_exits_zero(project: Project) -> None:
    project.event(VALID_EVENT)
    clean = run_cli(project.root, "review")
    assert clean.exit_code == 0, clean.stdout + clean.stderr
    assert clean.stdout == ""
    assert "0 finding(s) in 0 of 1 events" in clean.stderr

    project.event(
        VALID_EVENT.replace("date: 2026-02-18\n", "date: 2026-02-18\napproximate: true\n")
    )
    found = run_cli(project.root, "review")
    assert found.exit_code == 0
    assert found.stdout == (
        "events/2026/2026-02-18-congress-installs-balcazar.yml:2: the date is approximate but no "
        "note says why — add a note saying what the sources give and why the date is not exact\n"
    )
    assert "1 finding(s) in 1 of 1 events" in found.stderr


def test_review_of_a_record_that_does_not_load_says_to_run_check(project: Project) -> None:
    project.event(VALID_EVENT + "titel: x\n")
    result = run_cli(project.root, "review")
    assert result.exit_code == 1
    assert "unknown field 'titel'" in result.stderr
    assert "run peru-timeline check" in result.stderr

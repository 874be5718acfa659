"""`peru-timeline check` and `peru-timeline new`, run in process: exit codes, stdout and stderr."""

from __future__ import annotations

from tests.support.cli import run_cli
from tests.support.project import VALID_EVENT, Project


def test_cli_exits_non_zero_on_error_and_zero_when_clean(project: Project) -> None:
    project.event(VALID_EVENT)
    ok = run_cli(project.root, "check")
    assert ok.exit_code == 0, ok.stdout + ok.stderr
    assert "ok: 1 events" in ok.stderr
    project.event(VALID_EVENT + "titel: x\n")
    bad = run_cli(project.root, "check")
    assert bad.exit_code == 1
    assert bad.stdout.startswith(
        "events/2026/2026-02-18-congress-installs-balcazar.yml:19:1: unknown field 'titel'"
    )


def test_cli_github_format_annotates_the_line(project: Project) -> None:
    project.event(VALID_EVENT.replace("[PE-LMA]", "[PE-LMN]"))
    result = run_cli(project.root, "check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "::error file=events/2026/2026-02-18-congress-installs-balcazar.yml,line=12,col=11,"
        "title=peru-timeline check::unknown region 'PE-LMN' (did you mean \"PE-LMA\"?)"
    )


def test_cli_new_writes_a_file_the_checker_then_explains(project: Project) -> None:
    result = run_cli(
        project.root,
        "new",
        "--date",
        "2026-06",
        "--title",
        "Ángeles: 7 de junio, protesta en Puno",
        "--theme",
        "strikes-and-protests",
        "--region",
        "PE-PUN",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "events/2026/2026-06-angeles-7-de-junio-protesta-en-puno.yml"
    check = run_cli(project.root, "check")
    assert check.exit_code == 1
    assert ":6:10: 'summary' is empty in an event — write the summary" in check.stdout
    assert ":17:1: 'status' is empty in an event — add 'status:' with a value" in check.stdout


def test_cli_new_suggests_a_theme(project: Project) -> None:
    result = run_cli(
        project.root,
        "new",
        "--date",
        "2026",
        "--title",
        "x",
        "--theme",
        "strikes",
        "--region",
        "national",
    )
    assert result.exit_code == 2
    assert "unknown theme 'strikes' (did you mean \"strikes-and-protests\"?)" in result.stderr

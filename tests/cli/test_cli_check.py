"""`peru-timeline check` and `peru-timeline new`, run in process: exit codes, stdout and stderr."""

from __future__ import annotations

from tests.support.cli import run_cli
from tests.support.maps import STRIKES_MAP
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
    assert ":7:10: 'summary' is empty in an event — write the summary" in check.stdout
    assert ":20:1: 'status' is empty in an event — add 'status:' with a value" in check.stdout
    # The Spanish block left as `new` wrote it is a warning, not an error.
    assert "'summary' is empty in the Spanish texts" not in check.stdout
    assert ":11:1: warning: no Spanish text for title, summary" in check.stdout


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


def _new(project: Project, title: str):
    return run_cli(
        project.root,
        "new",
        "--date",
        "2026-06",
        "--title",
        title,
        "--theme",
        "strikes-and-protests",
        "--region",
        "PE-PUN",
    )


def test_cli_new_refuses_a_title_the_checker_refuses(project: Project) -> None:
    full_stop = _new(project, "Transport strike in Puno.")
    assert full_stop.exit_code == 2
    assert "the title ends with a full stop — remove the final '.'" in full_stop.stderr
    tab = _new(project, "Transport strike\tin Puno")
    assert tab.exit_code == 2
    assert "'title' contains a tab character — replace the tab with a space" in tab.stderr
    long = _new(project, "Strike " * 30)
    assert long.exit_code == 2
    assert "over the limit of 160" in long.stderr
    assert not (project.root / "events" / "2026").exists()


def test_cli_new_help_lists_the_theme_and_region_ids(project: Project) -> None:
    project.write(
        "events/registries/themes.yml",
        "strikes-and-protests:\n  name: Strikes and protests\n  description: Strikes.\n",
    )
    result = run_cli(project.root, "new", "--help")
    assert result.exit_code == 0
    themes = result.stdout.split("Theme ids")[1].split("Region ids")[0]
    assert "strikes-and-protests  Strikes and protests" in themes
    assert "economy" not in themes  # read from this project's registry, not the repository's
    regions = result.stdout.split("Region ids")[1]
    for line in ("PE-PUN    Puno", "national  National", "abroad    Abroad"):
        assert line in regions


def test_cli_check_also_checks_the_map_definitions(project: Project) -> None:
    project.event(VALID_EVENT)
    project.write("maps/strikes.yml", STRIKES_MAP.replace("palette: oranges", "palete: oranges"))
    result = run_cli(project.root, "check")
    assert result.exit_code == 1
    assert result.stdout == (
        "maps/strikes.yml:9:1: unknown field 'palete' in a map definition (did you mean "
        '"palette"?) — use one of: title, subtitle, description, notes, es, events, measure, '
        "classes, categories, unassigned, region_notes, palette, points, sources, basemap\n"
    )
    project.write("maps/strikes.yml", STRIKES_MAP)
    assert run_cli(project.root, "check").exit_code == 0

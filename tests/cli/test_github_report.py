"""`peru-timeline check --format github` on a pull request with more problems than GitHub
shows: every one annotated, a notice past ten, and the job summary listing them all."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import run_cli
from tests.support.maps import STRIKES_MAP
from tests.support.project import VALID_EVENT, VALID_NAME, Project


def broken_pull_request(project: Project) -> None:
    """Errors in an event (8), the actor registry (2) and a map definition (2), and a warning."""
    project.event(
        VALID_EVENT.replace("2026-02-18\n", "2026-02-31\n", 1)
        .replace("[presidential-succession]", "[presidential-sucession]")
        .replace("[PE-LMA]", "[PE-LMN]")
        .replace("status: verified", "status: sure")
        .replace("congress]", "congres]")
        .replace("rpp-2026-02-18-balcazar", "rpp-balcazar")
        .replace("  title: El Congreso elige", "  titulo: El Congreso elige")
        + "titel: x\n"
    )
    actors = (project.root / "events/registries/actors.yml").read_text(encoding="utf-8")
    project.write(
        "events/registries/actors.yml",
        actors.replace("kind: institution", "kind: body").replace("kind: party", "kind: parti"),
    )
    project.write(
        "maps/strikes.yml",
        STRIKES_MAP.replace("palette: oranges", "palette: orange").replace(
            "measure: count", "measure: counts"
        ),
    )


def test_every_problem_is_annotated_and_the_summary_lists_them_all(
    project: Project, tmp_path: Path
) -> None:
    broken_pull_request(project)
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "peru-crisis-record/peru-crisis-record",
        "GITHUB_SHA": "0123abc",
    }
    result = run_cli(project.root, "check", "--format", "github", env=env)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    files = {line.split("file=")[1].split(",")[0] for line in errors}
    assert files == {VALID_NAME, "events/registries/actors.yml", "maps/strikes.yml"}
    assert len(errors) > 10
    notices = [line for line in lines if line.startswith("::notice ")]
    hidden = len(errors) - 10
    assert notices == [
        f"::notice title=peru-timeline check::{hidden} more problem(s) than GitHub shows as "
        f"annotations (ten errors and ten warnings per step): all {len(errors) + 1} are listed "
        "in the job summary"
    ]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(f"### peru-timeline check: {len(errors)} error(s), 1 warning(s)\n")
    rows = [row for row in text.splitlines() if row.startswith("| [`")]
    assert len(rows) == len(errors) + 1
    assert (
        "| [`maps/strikes.yml:9:10`](https://github.com/peru-crisis-record/peru-crisis-record/"
        "blob/0123abc/maps/strikes.yml#L9) | 'palette' is \"orange\"" in text
    )


def test_ten_problems_or_fewer_need_no_notice(project: Project, tmp_path: Path) -> None:
    project.event(VALID_EVENT.replace("[PE-LMA]", "[PE-LMN]"))
    summary = tmp_path / "summary.md"
    result = run_cli(
        project.root, "check", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 1
    assert "::notice" not in result.stdout
    assert summary.read_text(encoding="utf-8").count("\n| `events/") == 1

"""`peru-timeline maps`: list, check, and print a custom window without building the site."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from builder.cli.maps import maps_command
from tests.support.maps import with_maps


def run(project, *args):
    return CliRunner().invoke(maps_command, ["--root", str(project.root), *args])


def test_listing_and_checking_the_maps(project):
    with_maps(project)
    listed = run(project)
    assert listed.exit_code == 0
    assert listed.output.splitlines() == ["named\tNamed places", "strikes\tStrikes by region"]
    checked = run(project, "--check")
    assert checked.exit_code == 0 and "ok: 2 map definition(s)" in checked.output


@pytest.mark.slow
def test_a_custom_window_prints_an_a3_pdf(project, tmp_path):
    with_maps(project)
    target = tmp_path / "custom.pdf"
    result = run(
        project,
        "--map",
        "strikes",
        "--paper",
        "a3",
        "--format",
        "pdf",
        "--from",
        "2026-01",
        "--to",
        "2026-06",
        "--theme",
        "strikes-and-protests",
        "--out",
        str(target),
    )
    assert result.exit_code == 0, result.output
    pdf = target.read_bytes()
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (842, 1191)


def test_a_bad_definition_or_option_is_reported_for_people(project):
    with_maps(project)
    project.write(
        "maps/broken.yml",
        "title: Broken\ndescription: x\nevents:\n  themes: all\nmeasure: counts\n",
    )
    result = run(project, "--check")
    assert result.exit_code == 1
    assert (
        'maps/broken.yml:5:10: \'measure\' is "counts" (did you mean "count"?) — use one of: count, categories'
        in result.output
    )
    wrong = run(project, "--map", "strikes", "--theme", "strike")
    assert wrong.exit_code == 2 and "unknown theme 'strike'" in wrong.output
    backwards = run(project, "--map", "strikes", "--from", "2026-06", "--to", "2026-01")
    assert backwards.exit_code == 2 and "is before --from" in backwards.output

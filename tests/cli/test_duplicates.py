"""A duplicate is reported on the file that came later: the one a pull request adds."""

from __future__ import annotations

from tests.support.cli import run_cli
from tests.support.git import git, init_repo
from tests.support.project import VALID_EVENT, VALID_NAME, Project

# Sorts before VALID_NAME, so ordering by path alone would blame the file already there.
COPY = "events/2026/2026-02-18-a-congress-installs-balcazar.yml"
SAME = "same date and title as"


def blamed(project: Project, base_ref: str = "") -> list[str]:
    result = run_cli(project.root, "check", env={"GITHUB_BASE_REF": base_ref})
    assert result.exit_code == 1
    return [line.split(":")[0] for line in result.stdout.splitlines() if SAME in line]


def test_without_git_the_later_path_is_blamed(project: Project) -> None:
    project.event(VALID_EVENT)
    project.event(VALID_EVENT, name=COPY)
    assert blamed(project) == [VALID_NAME]


def test_the_file_not_yet_committed_is_blamed(project: Project) -> None:
    project.event(VALID_EVENT)
    init_repo(project.root)
    project.event(VALID_EVENT, name=COPY)
    assert blamed(project) == [COPY]


def test_the_file_the_pull_request_adds_is_blamed(project: Project) -> None:
    project.event(VALID_EVENT)
    init_repo(project.root)
    git(project.root, "update-ref", "refs/remotes/origin/main", "main")
    git(project.root, "checkout", "-q", "-b", "pull-request")
    project.event(VALID_EVENT, name=COPY)
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "the copy")
    assert blamed(project, base_ref="main") == [COPY]


def test_of_two_committed_files_the_one_added_later_is_blamed(project: Project) -> None:
    project.event(VALID_EVENT, name=COPY)
    init_repo(project.root)
    project.event(VALID_EVENT)
    git(project.root, "add", "-A")
    later = {
        "GIT_COMMITTER_DATE": "2030-01-01T00:00:00Z",
        "GIT_AUTHOR_DATE": "2030-01-01T00:00:00Z",
    }
    git(project.root, "commit", "-q", "-m", "the second", env=later)
    assert blamed(project) == [VALID_NAME]
    # The other way round: the file sorting first came later.
    git(project.root, "rm", "-q", COPY)
    git(project.root, "commit", "-q", "-m", "gone", env=later)
    project.event(VALID_EVENT, name=COPY)
    git(project.root, "add", "-A")
    latest = {
        "GIT_COMMITTER_DATE": "2031-01-01T00:00:00Z",
        "GIT_AUTHOR_DATE": "2031-01-01T00:00:00Z",
    }
    git(project.root, "commit", "-q", "-m", "back", env=latest)
    assert blamed(project) == [COPY]

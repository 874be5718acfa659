"""The pre-commit hook (.githooks/pre-commit) checks what is staged, in a real repository."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.support.git import git, init_repo
from tests.support.project import REPO, VALID_EVENT, VALID_NAME, Project

CHECKER = str(Path(sys.executable).parent / "peru-timeline")
BROKEN = VALID_EVENT.replace("status: verified", "status: sure")


@pytest.fixture
def repo(project: Project) -> Project:
    """The project as a git repository with the hook installed as `make hooks` installs it."""
    hooks = project.root / ".githooks"
    hooks.mkdir()
    shutil.copy(REPO / ".githooks" / "pre-commit", hooks / "pre-commit")
    project.event(VALID_EVENT)
    init_repo(project.root)
    git(project.root, "config", "core.hooksPath", ".githooks")
    return project


def commit(project: Project, message: str):
    return git(project.root, "commit", "-m", message, env={"PERU_TIMELINE": CHECKER}, check=False)


def test_a_mistake_staged_and_fixed_only_in_the_working_copy_is_refused(repo: Project) -> None:
    repo.event(BROKEN)
    git(repo.root, "add", VALID_NAME)
    repo.event(VALID_EVENT)  # fixed in the editor, not staged
    result = commit(repo, "a broken status")
    assert result.returncode != 0
    assert f"{VALID_NAME}:16:9: 'status' is \"sure\"" in result.stderr
    assert "fail the check; fix them and 'git add' them again" in result.stderr
    assert git(repo.root, "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_a_good_staged_file_is_committed_though_the_working_copy_is_broken(
    repo: Project,
) -> None:
    repo.event(VALID_EVENT.replace("the same evening", "that evening"))
    git(repo.root, "add", VALID_NAME)
    repo.event(BROKEN)  # broken in the editor after staging
    result = commit(repo, "a better word")
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(repo.root, "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_a_broken_map_definition_is_refused(repo: Project) -> None:
    repo.write("maps/strikes.yml", "title: Strikes\nmeasure: count\npalete: blues\n")
    git(repo.root, "add", "maps/strikes.yml")
    result = commit(repo, "a map")
    assert result.returncode != 0
    assert "maps/strikes.yml:3:1: unknown field 'palete'" in result.stderr


def test_a_commit_outside_events_and_maps_is_not_checked(repo: Project) -> None:
    repo.event(BROKEN)  # not staged
    repo.write("notes.txt", "x\n")
    git(repo.root, "add", "notes.txt")
    assert commit(repo, "notes").returncode == 0

"""`peru-timeline build` on a copy of the real project: atomic, explained when it fails, reproducible."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.site import copy_repo_project

pytestmark = pytest.mark.slow

EPOCH = "1767225600"


def build(root: Path, site_dir: str = "site"):
    """`peru-timeline build`, in process."""
    return run_cli(root, "build", "--site-dir", site_dir, env={"SOURCE_DATE_EPOCH": EPOCH})


def build_in_a_process_of_its_own(root: Path, site_dir: str) -> subprocess.CompletedProcess:
    """`peru-timeline build` in a new Python process: its own hash seed, so an order that came
    from a set or a dict of strings would differ from the in-process build's."""
    return subprocess.run(
        [sys.executable, "-m", "builder.cli", "build", "--root", str(root), "--site-dir", site_dir],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        check=False,
    )


def digest_tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    root = copy_repo_project(tmp_path_factory.mktemp("atomic") / "project")
    result = build(root)
    assert result.exit_code == 0, result.stderr
    return root


def test_a_failing_build_leaves_the_previous_site_untouched(built_project: Path) -> None:
    before = digest_tree(built_project / "site")
    assert "index.html" in before and "timeline/index.html" in before
    bad = built_project / "events" / "2026" / "2026-02-18-congress-installs-balcazar.yml"
    original = bad.read_text(encoding="utf-8")
    bad.write_text(original.replace("themes: [", "themes: [no-such-theme, "), encoding="utf-8")
    try:
        result = build(built_project)
    finally:
        bad.write_text(original, encoding="utf-8")
    assert result.exit_code == 1
    assert "events/2026/2026-02-18-congress-installs-balcazar.yml:" in result.stderr
    assert "unknown theme 'no-such-theme'" in result.stderr
    assert "the previous site was left untouched" in result.stderr
    assert digest_tree(built_project / "site") == before
    leftovers = [p.name for p in built_project.iterdir() if p.name.startswith(".site-build-")]
    assert leftovers == []


def test_two_builds_of_one_commit_are_byte_identical(built_project: Path) -> None:
    first = digest_tree(built_project / "site")
    result = build_in_a_process_of_its_own(built_project, "site-again")
    assert result.returncode == 0, result.stderr
    second = digest_tree(built_project / "site-again")
    assert "sitemap.xml.gz" in first and "sitemap-pages.xml.gz" in first
    differing = sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )
    assert differing == []


def test_source_date_epoch_comes_from_the_last_commit(tmp_path: Path) -> None:
    from builder.adapter.build import source_date_epoch

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "f").write_text("x")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "@1767225600 +0000",
        "GIT_COMMITTER_DATE": "@1767225600 +0000",
    }
    subprocess.run(["git", "-C", str(tmp_path), "add", "f"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(tmp_path),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            "x",
        ],
        check=True,
        env=env,
    )
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        assert source_date_epoch(tmp_path) == "1767225600"
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved

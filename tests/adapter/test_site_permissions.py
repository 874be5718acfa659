"""The built site's permissions are a plain `mkdocs build`'s under the user's umask: a web
server or a colleague running as another user can read it. `peru-timeline build` writes into a
staging folder that tempfile makes private (0700), so build.py gives it the umask's mode; a
reused build links the previous site's files, so a build under another umask is not reused; the
offline copy's zip is a file like any other the user writes."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.project import new_project
from tests.support.site import EVENTS, run_mkdocs_build, site_project

pytestmark = pytest.mark.slow

EPOCH = "1767225600"
EVENT = next(iter(EVENTS))


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """The test process's umask (inherited by the builds it starts) set to `mask` meanwhile."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def modes(folder: Path) -> dict[str, str]:
    """The permissions of `folder` ('.') and of every folder and file in it, by path."""
    found = {".": stat.filemode(folder.stat().st_mode)}
    for path in sorted(folder.rglob("*")):
        found[path.relative_to(folder).as_posix()] = stat.filemode(path.stat().st_mode)
    return found


def build(root: Path, *args: str) -> str:
    result = run_cli(root, "build", *args, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return site_project(new_project(tmp_path_factory.mktemp("modes") / "project")).root


def test_a_build_a_reused_build_and_the_offline_copy_take_the_users_umask(project: Path) -> None:
    with umask(0o027):
        build(project)
        plain = project / "plain"
        result = run_mkdocs_build(project, plain)
        assert result.returncode == 0, result.stderr
        expected = modes(plain)
        assert expected["."] == "drwxr-x---" and expected["index.html"] == "-rw-r-----"
        assert modes(project / "site") == expected

        # An edit to an event: the build links the unchanged files from the previous site.
        event = project / EVENT
        event.write_text(event.read_text("utf-8").replace("title: ", "title: Retitled, ", 1))
        assert "rendering only" in build(project)
        assert set(modes(project / "site").values()) == {"drwxr-x---", "-rw-r-----"}

        result = run_cli(project, "dist", "--output", "site.zip", env={"SOURCE_DATE_EPOCH": EPOCH})
        assert result.exit_code == 0, result.output
        assert stat.filemode((project / "site.zip").stat().st_mode) == "-rw-r-----"
        with zipfile.ZipFile(project / "site.zip") as archive:
            assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}

    # Nothing changed but the umask: the site is built again, not left with the old modes.
    with umask(0o022):
        assert "up to date" not in build(project)
    assert set(modes(project / "site").values()) == {"drwxr-xr-x", "-rw-r--r--"}

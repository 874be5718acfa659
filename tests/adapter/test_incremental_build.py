"""A second `peru-timeline build` is fast and still a clean build's: with nothing changed it
leaves the site as it is; after an edit to the record it renders only what the edit changed and
takes the rest from the last site. Either way every file of site/ equals, byte for byte, what a
clean build of the same project writes (builder/adapter/build.py, inputs.py, reuse.py)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from builder.adapter.build import STATE_FOLDER
from tests.support.cli import run_cli
from tests.support.pagefind import fragments
from tests.support.site import copy_repo_project

pytestmark = pytest.mark.slow

EPOCH = "1767225600"
EVENT = "events/2026/2026-06-07-presidential-runoff.yml"


def build(root: Path, *args: str) -> str:
    """`peru-timeline build ARGS`; what it said on standard error."""
    result = run_cli(root, "build", *args, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    return result.stderr


def digests(folder: Path) -> dict[str, str]:
    """Every file of `folder` by its path, as a digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file of `folder` by its path, as its inode and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_as_clean(root: Path) -> None:
    """site/ equals a clean build of the project as it is now, file for file."""
    build(root, "--clean", "--site-dir", "clean")
    site, clean = digests(root / "site"), digests(root / "clean")
    assert site.keys() == clean.keys()
    differ = sorted(path for path in site if site[path] != clean[path])
    assert not differ, f"files that differ from a clean build's: {differ}"


def edit(root: Path, old: str, new: str, path: str = EVENT) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_repo_project(tmp_path_factory.mktemp("incremental") / "project")
    said = build(root)
    assert "rendering only" not in said and "up to date" not in said
    return root


def test_a_build_with_nothing_changed_leaves_the_site_as_it_is(project: Path) -> None:
    before = stamps(project / "site")
    assert "up to date" in build(project)
    assert stamps(project / "site") == before, "a file of the site was written again"
    assert_as_clean(project)


def test_a_build_after_an_edit_renders_what_changed_and_equals_a_clean_build(
    project: Path,
) -> None:
    before = stamps(project / "site")
    edit(project, "title: ", "title: Retitled, ")
    assert "rendering only" in build(project)
    after = stamps(project / "site")
    event_page = "events/2026-06-07-presidential-runoff/index.html"
    assert after[event_page] != before[event_page]
    # Pages the edit did not touch are the last build's files, linked (the same inode).
    unchanged = [path for path in after if after[path][0] == before.get(path, (None,))[0]]
    assert "about/index.html" in unchanged and "es/" + event_page in unchanged
    assert len(unchanged) > len(after) / 2
    assert "Retitled, Runoff" in (project / "site" / event_page).read_text(encoding="utf-8")
    # The published site's search (Pagefind's index of the built pages) has the new title.
    fragment = fragments(project / "site", "en")["/" + event_page.removesuffix("index.html")]
    assert fragment["meta"]["title"].startswith("Retitled, Runoff")
    assert_as_clean(project)

    # The event moves from the national page to a region's, and the region map counts it.
    edit(project, "regions: [national]", "regions: [PE-PUN]")
    assert "rendering only" in build(project)
    assert_as_clean(project)


def test_a_new_event_or_a_hand_written_page_renders_everything(project: Path) -> None:
    source = (project / EVENT).read_text(encoding="utf-8")
    (project / "events/2026/2026-06-08-runoff-copy.yml").write_text(
        source.replace("title: ", "title: Copied, ").replace(
            "date: 2026-06-07", "date: 2026-06-08"
        ),
        encoding="utf-8",
    )
    said = build(project)
    assert "rendering only" not in said and "up to date" not in said
    assert_as_clean(project)
    edit(project, "# ", "# Changed: ", path="content/about.md")
    said = build(project)
    assert "rendering only" not in said and "up to date" not in said
    assert_as_clean(project)


def test_a_failed_build_after_an_edit_leaves_the_site_and_the_next_build_recovers(
    project: Path,
) -> None:
    before = digests(project / "site")
    edit(project, "status: verified", "status: confirmed")
    result = run_cli(project, "build", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code != 0
    assert digests(project / "site") == before
    edit(project, "status: confirmed", "status: verified")
    assert "up to date" in build(project)
    assert digests(project / "site") == before


def test_a_site_touched_since_its_build_is_built_again(project: Path) -> None:
    page = project / "site/about/index.html"
    page.write_text("edited by hand", encoding="utf-8")
    said = build(project)
    assert "up to date" not in said and "rendering only" not in said
    assert page.read_text(encoding="utf-8") != "edited by hand"
    assert_as_clean(project)


def test_the_state_of_each_site_folder_is_kept_in_the_cache(project: Path) -> None:
    states = list((project / STATE_FOLDER).glob("*.json"))
    # site/ and clean/, each with its own.
    assert len(states) == 2
    assert all(os.path.getsize(state) > 0 for state in states)

"""A second `peru-timeline build` is fast and still a clean build's: with nothing changed it
leaves the site as it is; after an edit to the record it renders only what the edit changed and
takes the rest from the last site. Either way every file of site/ equals, byte for byte, what a
clean build of the same project writes (builder/adapter/build.py, inputs.py, reuse.py)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builder.adapter.build import STATE_FOLDER
from tests.support.cli import run_cli
from tests.support.pagefind import fragments
from tests.support.project import REPO
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


def test_a_build_after_an_edit_checks_links_into_the_pages_it_takes_from_the_last(
    tmp_path: Path,
) -> None:
    # A hand-written page links to an event page's title (its heading's anchor). Retitling the
    # event changes that anchor and renders the event page alone: the page holding the link is
    # the last build's. A clean build fails on the link, so the reused one must
    # (builder/adapter/kept_anchors.py).
    root = copy_repo_project(tmp_path / "project")
    page = "events/2026-06-07-presidential-runoff.md"
    anchor = "runoff-between-keiko-fujimori-and-roberto-sanchez-ends-in-a-statistical-tie"
    link = f"[The runoff]({page}#{anchor}-in-the-quick-count)"
    edit(root, "## What it covers\n", f"## What it covers\n\n{link}\n", path="content/about.md")
    build(root)
    edit(root, "title: Runoff", "title: Retitled, Runoff")
    before = digests(root / "site")
    result = run_cli(root, "build", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code != 0, result.output
    assert (
        f"Doc file 'about.md' contains a link '{page}#{anchor}-in-the-quick-count', "
        f"but the doc '{page}' does not contain an anchor '#{anchor}-in-the-quick-count'"
    ) in result.output
    assert digests(root / "site") == before
    # The title back: the link is good again; a reused build after another edit still passes
    # and equals a clean one.
    edit(root, "title: Retitled, Runoff", "title: Runoff")
    assert "up to date" in build(root)
    edit(root, "  On Sunday 7 June 2026", "  On Sunday, 7 June 2026")
    assert "rendering only" in build(root)
    assert_as_clean(root)


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


# --- a preview's rebuilds (`peru-timeline serve`) -------------------------------------------
# The preview keeps the views' pages between rebuilds (builder/views/memo.py) and renders only
# the files whose contents changed (rebuilds.py): after each kind of edit its site must equal,
# file for file, the first build of a new preview of the project as it is now.


class Preview:
    """A preview's builds, run as the server runs them (tests/support/preview.py)."""

    def __init__(self, root: Path, site: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.preview", str(root), str(site)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.wait()

    def wait(self) -> None:
        line = self.process.stdout.readline()
        assert line == "built\n", "the preview's build failed"

    def rebuild(self) -> None:
        self.process.stdin.write("rebuild\n")
        self.process.stdin.flush()
        self.wait()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def preview_clean(root: Path, site: Path) -> None:
    """The first build of a new preview of the project at `root`, into `site`."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.preview", str(root), str(site)],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert done.stdout == "built\n", done.stderr


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    folder = tmp_path_factory.mktemp("preview")
    root = copy_repo_project(folder / "project")
    running = Preview(root, folder / "served")
    yield root, folder, running
    running.close()


def assert_preview_as_clean(root: Path, folder: Path, step: str) -> None:
    preview_clean(root, folder / step)
    served, clean = digests(folder / "served"), digests(folder / step)
    assert served.keys() == clean.keys(), (
        sorted(served.keys() - clean.keys()),
        sorted(clean.keys() - served.keys()),
    )
    differ = sorted(path for path in served if served[path] != clean[path])
    assert not differ, f"files that differ from a new preview's: {differ}"


def test_a_preview_writes_no_sitemap_page_list(preview) -> None:
    # Search engines never read a preview's sitemap; at 10,000 events its page list was half a
    # second of every rebuild. The index the theme's script fetches is still written.
    _root, folder, _running = preview
    served = folder / "served"
    assert (served / "sitemap.xml").is_file() and (served / "es/sitemap.xml").is_file()
    assert not list(served.glob("sitemap-pages.xml*"))


PREVIEW_EDITS = {
    # (a) the summary: the event's own pages and its line in listings and downloads
    "summary": (EVENT, "  On Sunday 7 June 2026", "  On Sunday, 7 June 2026"),
    # (c) a theme and an actor: the facets' pages it leaves and joins
    "facets": (
        EVENT,
        "themes: [elections-2026, presidential-succession]\n",
        "themes: [elections-2026]\n",
    ),
    "actors": (EVENT, "actors: [keiko-fujimori, ", "actors: [alberto-fujimori, "),
    # (d) a registry: an actor's name, which every page naming the actor shows
    "registry": (
        "events/registries/actors.yml",
        "  name: Oficina Nacional de Procesos Electorales",
        "  name: Oficina Nacional de Procesos Electorales (renamed)",
    ),
}


@pytest.mark.parametrize("step", list(PREVIEW_EDITS))
def test_a_preview_rebuild_after_an_edit_equals_a_new_preview(preview, step: str) -> None:
    root, folder, running = preview
    path, old, new = PREVIEW_EDITS[step]
    edit(root, old, new, path=path)
    running.rebuild()
    assert_preview_as_clean(root, folder, step)


def unnamed_event(root: Path, year: str) -> Path:
    """An event file of `year` dated to the day whose id no other event names (in `related`):
    it may move or go alone."""
    texts = "".join(file.read_text(encoding="utf-8") for file in root.glob("events/20*/*.yml"))
    files = sorted((root / "events" / year).glob(f"{year}-[01]?-[0-3]?-*.yml"))
    return next(file for file in files if texts.count(file.stem) == 0)


def test_a_preview_rebuild_after_an_event_moves_to_another_year_equals_a_new_preview(
    preview,
) -> None:
    # (b) the date (with the file's name, which carries it): the event leaves its year's
    # period page for another's, between other neighbours
    root, folder, running = preview
    moved = unnamed_event(root, "2025")
    new_date = "2026-02" + moved.name[len("2025-10") : len("2025-10-01")]
    text = moved.read_text(encoding="utf-8")
    text = re.sub(r"^date: .*$", f"date: {new_date}", text, count=1, flags=re.MULTILINE)
    (root / "events/2026" / (new_date + moved.name[len(new_date) :])).write_text(
        text, encoding="utf-8"
    )
    moved.unlink()
    running.rebuild()
    assert_preview_as_clean(root, folder, "moved")


def test_a_preview_rebuild_after_an_event_is_added_and_one_deleted_equals_a_new_preview(
    preview,
) -> None:
    root, folder, running = preview
    source = (root / EVENT).read_text(encoding="utf-8")
    copy = re.sub(r"^date: .*$", "date: 2026-06-08", source, count=1, flags=re.MULTILINE)
    (root / "events/2026/2026-06-08-runoff-copy.yml").write_text(
        copy.replace("title: ", "title: Copied, "), encoding="utf-8"
    )
    deleted = unnamed_event(root, "2025")
    deleted.unlink()
    running.rebuild()
    assert_preview_as_clean(root, folder, "added-and-deleted")
    assert not (folder / "served/events" / deleted.stem / "index.html").exists()

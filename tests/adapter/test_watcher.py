"""The preview hears of a saved file from the system (inotify) where the files are local, and
polls for it elsewhere (builder/adapter/watcher.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from builder.adapter import watcher
from builder.adapter.watcher import file_system, use_system_events

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def _server(tmp_path: Path) -> tuple[LiveReloadServer, list[str]]:
    """MkDocs' live-reload server, not started, watching a docs folder and mkdocs.yml as
    `mkdocs serve` does before the plugins' `on_serve`; and the project's own folders."""
    project = tmp_path / "project"
    for folder in ("content", "events/2026", "maps"):
        (project / folder).mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    (project / "events" / "2026" / "a.yml").write_text("id: a\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    mkdocs_watches = [str(project / "content"), str(project / "mkdocs.yml")]
    for path in mkdocs_watches:
        server.watch(path)
    return server, [*mkdocs_watches, str(project / "events"), str(project / "maps")]


def _watched(server: LiveReloadServer) -> set[str]:
    return {emitter.watch.path for emitter in server.observer.emitters}


def _seconds_to_hear(server: LiveReloadServer, event: Path) -> float:
    """From a save of `event` to the server wanting a rebuild."""
    server.observer.start()
    try:
        time.sleep(0.2)  # the observer settles; polling takes its first look
        start = time.monotonic()
        event.write_text("id: a\ntitle: edited\n", encoding="utf-8")
        while not server._want_rebuild:  # MkDocs' own flag: what its build loop waits for
            assert time.monotonic() - start < 5, "the edit was never heard"
            time.sleep(0.002)
        return time.monotonic() - start
    finally:
        server.observer.stop()
        server.observer.join()


@linux
def test_a_preview_on_a_local_file_system_hears_an_edit_from_the_system(tmp_path):
    server, paths = _server(tmp_path)
    watched = _watched(server)
    assert use_system_events(server, paths[:2], paths[2:])
    assert type(server.observer) is not PollingObserver
    assert _watched(server) == watched  # what MkDocs watched, watched again
    for folder in paths[2:]:
        server.watch(folder)
    heard = _seconds_to_hear(server, tmp_path / "project" / "events" / "2026" / "a.yml")
    assert heard < 0.25  # polling's interval is 0.5 s


@linux
def test_a_preview_does_not_hear_its_own_build_reading_the_files(tmp_path):
    """The build reads the files it watches: inotify reports each open and unwritten close, and
    each would start another rebuild once the one reading them ends."""
    server, paths = _server(tmp_path)
    assert use_system_events(server, paths[:2], paths[2:])
    for folder in paths[2:]:
        server.watch(folder)
    event = tmp_path / "project" / "events" / "2026" / "a.yml"
    server.observer.start()
    try:
        time.sleep(0.2)
        for _ in range(3):
            event.read_bytes()
            (tmp_path / "project" / "mkdocs.yml").read_text(encoding="utf-8")
        time.sleep(0.3)
        assert not server._want_rebuild
        event.write_text("id: a\ntitle: edited\n", encoding="utf-8")
        time.sleep(0.25)
        assert server._want_rebuild  # a save is still heard
    finally:
        server.observer.stop()
        server.observer.join()


@linux
def test_a_preview_on_a_shared_or_network_file_system_keeps_polling(tmp_path, monkeypatch):
    server, paths = _server(tmp_path)
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\nhost:/ {tmp_path} nfs4 rw 0 0\n", "utf-8")
    monkeypatch.setattr(watcher, "MOUNTS", mounts)
    watched = _watched(server)
    assert not use_system_events(server, paths[:2], paths[2:])
    assert type(server.observer) is PollingObserver
    assert _watched(server) == watched
    for folder in paths[2:]:
        server.watch(folder)
    assert _seconds_to_hear(server, tmp_path / "project" / "events" / "2026" / "a.yml") < 2


def test_a_paths_file_system_is_its_innermost_mount(tmp_path):
    mounts = [("/", "ext4"), ("/srv", "ext4"), ("/srv/share", "nfs"), ("/srv", "cifs")]
    assert file_system("/srv/share/events/a.yml", mounts) == "nfs"
    assert file_system("/srv/other", mounts) == "cifs"  # the later mount on /srv hides the first
    assert file_system("/srvx/a", mounts) == "ext4"
    link = tmp_path / "link"
    link.symlink_to("/srv/share")
    assert file_system(str(link / "a.yml"), mounts) == "nfs"  # where the link leads

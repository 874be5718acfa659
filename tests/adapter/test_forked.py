"""A language's files made in a forked child (builder/adapter/forked.py), on real processes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from builder.adapter.forked import Forked, both, can_fork
from builder.record import load
from builder.views.output import OutputFile
from tools.synthetic import write_synthetic_project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")


def made_elsewhere() -> tuple[int, list[OutputFile]]:
    return os.getpid(), [OutputFile("es/events/a.md", "---\ntitle: A\n---\n<h1>A</h1>", html=True)]


def test_a_child_makes_the_value_in_another_process_and_hands_it_back():
    pid, files = Forked(made_elsewhere).result()
    assert pid != os.getpid()
    assert files == made_elsewhere()[1]


def test_a_child_that_fails_hands_back_nothing_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))

    def broken() -> None:
        raise ValueError("a map definition is wrong")

    assert Forked(broken).result() is None
    assert Forked(lambda: os._exit(3)).result() is None
    assert list(Path(tmp_path).iterdir()) == []


def test_a_stopped_child_ends_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    child = Forked(lambda: time.sleep(60))
    started = time.monotonic()
    child.stop()
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):  # reaped
        os.waitpid(child._pid, os.WNOHANG)
    assert list(Path(tmp_path).iterdir()) == []


def test_no_child_is_forked_while_another_thread_runs():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        other.join()


def test_a_record_read_half_in_a_child_is_the_record_read_in_one_process(tmp_path, monkeypatch):
    root = write_synthetic_project(tmp_path / "record", 60)
    files = sorted((root / "events").rglob("*.yml"))
    files = [path for path in files if "registries" not in path.parts]
    # Problems in both halves, and across them: each file's own, in the files' order.
    files[3].write_text("date: 2026-01-01\n\ttitle: a tab\n", encoding="utf-8")
    files[-4].write_text("date: 2026-01-01\ndate: 2026-01-02\n", encoding="utf-8")
    text = files[-2].read_text(encoding="utf-8")
    files[-2].write_text(text.replace("status:", "themes: [no-such-theme]\nstatus:", 1))
    (files[-1].parent / "notes.txt").write_text("not an event\n", encoding="utf-8")
    (root / "events" / "elsewhere").mkdir()
    (root / "events" / "elsewhere" / files[1].name).write_text(files[1].read_text("utf-8"))
    monkeypatch.setattr(load, "SPLIT_FROM", 10)
    children: list[int] = []

    def spied(first, second):
        made, (other, pid) = both(first, lambda: (second(), os.getpid()))
        children.append(pid)
        return made, other

    split = load.read_record(root, both=spied)
    assert children and children[0] != os.getpid()
    whole = load.read_record(root)
    assert split == whole
    where = [problem.path for problem in split[1]]
    assert len(where) >= 5 and len(split[0].events) > 50
    for path in (files[3], files[-4], files[-2], files[1]):  # both halves, and across them
        assert any(shown.endswith(path.name) for shown in where)


def test_a_child_that_fails_to_read_leaves_its_half_to_the_build(tmp_path, monkeypatch):
    root = write_synthetic_project(tmp_path / "record", 30)
    monkeypatch.setattr(load, "SPLIT_FROM", 10)
    parent, read_here = os.getpid(), []

    def reading_here_only(paths, *args):
        if os.getpid() != parent:
            os._exit(3)  # the child dies
        read_here.append(len(paths))
        return read_events(paths, *args)

    read_events = load._read_events
    monkeypatch.setattr(load, "_read_events", reading_here_only)
    assert load.read_record(root, both=both) == load.read_record(root)
    assert len(read_here) == 3 and read_here[0] + read_here[1] == read_here[2]  # halves, whole

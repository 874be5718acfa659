"""A language's files made in a forked child (builder/adapter/forked.py), on real processes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from builder.adapter.forked import Forked, can_fork
from builder.views.output import OutputFile

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

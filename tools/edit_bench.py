"""`make bench`'s edit-loop figures: how long a contributor waits after saving.

On a project folder: a second `peru-timeline build` with nothing changed and one with one event
changed (the print maps' cache at work), and, with `peru-timeline serve` running, the seconds from
saving an edited event to the served page showing it. Each figure is printed beside its goal.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

# The goals of issue 12, per record size: (rebuilds, edit to page) in seconds.
GOALS_REAL = (3.0, 2.0)
GOALS_LARGE = (None, 5.0)
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class EditLoop:
    unchanged: float  # a second build, nothing changed
    one_changed: float  # a build after one event changed
    to_page: list[float]  # saving an edit to the served page showing it, per edit


def _command() -> list[str]:
    return [str(Path(sys.executable).parent / "peru-timeline")]


def _timed_build(root: Path, site_dir: Path) -> float:
    start = time.monotonic()
    subprocess.run(
        [*_command(), "build", "--root", str(root), "--site-dir", str(site_dir)],
        env={**os.environ, **EPOCH},
        capture_output=True,
        check=True,
    )
    return time.monotonic() - start


def _edit(event: Path, original: str, marker: str) -> None:
    """The event with `marker` before its title (written as a JSON string, valid YAML whatever
    the title holds)."""
    title = yaml.safe_load(original)["title"]
    lines, in_title = [], False
    for line in original.splitlines():
        if line.startswith("title:"):
            lines.append(f"title: {json.dumps(f'{marker} {title}', ensure_ascii=False)}")
            in_title = True
        elif in_title and line.startswith((" ", "\t")):
            continue  # the rest of a title written over several lines
        else:
            lines.append(line)
            in_title = False
    event.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(url: str, text: str, timeout: float) -> float:
    start = time.monotonic()
    while text not in _fetch(url):
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")
        time.sleep(0.05)
    return time.monotonic() - start


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(root: Path, event: Path, page_path: str, edits: int = 3) -> EditLoop:
    """The edit loop on the project at `root`, editing `event` (restored afterwards), whose page
    is at `page_path` under the preview's address."""
    original = event.read_text(encoding="utf-8")
    site = root / "site-edit-bench"
    try:
        _timed_build(root, site)  # fills the cache
        unchanged = _timed_build(root, site)
        _edit(event, original, "Rebuilt")
        one_changed = _timed_build(root, site)
        event.write_text(original, encoding="utf-8")
        to_page = _serve_edits(root, event, original, page_path, edits)
    finally:
        event.write_text(original, encoding="utf-8")
    return EditLoop(unchanged, one_changed, to_page)


def _serve_edits(root: Path, event: Path, original: str, page_path: str, edits: int) -> list[float]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{page_path}"
    server = subprocess.Popen(
        [*_command(), "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
        env={**os.environ, **EPOCH},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times = []
    try:
        _wait(url, "<h1", timeout=900)
        for n in range(edits):
            time.sleep(1.5)  # the watcher settles between saves, as between a person's
            marker = f"Edited{n}x"
            _edit(event, original, marker)
            times.append(_wait(url, marker, timeout=600))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    return times


def lines(label: str, loop: EditLoop, goals: tuple[float | None, float]) -> list[str]:
    """The figures beside their goals."""
    rebuild_goal, page_goal = goals

    def against(seconds: float, goal: float | None) -> str:
        if goal is None:
            return f"{seconds:,.1f} s"
        verdict = "within" if seconds <= goal else "OVER"
        return f"{seconds:,.1f} s (goal ≤ {goal:g} s: {verdict})"

    worst = max(loop.to_page)
    each = ", ".join(f"{t:.1f}" for t in loop.to_page)
    return [
        f"\n{label}: the edit loop",
        f"  rebuild, nothing changed      {against(loop.unchanged, rebuild_goal)}",
        f"  rebuild, one event changed    {against(loop.one_changed, rebuild_goal)}",
        f"  save to served page (serve)   {against(worst, page_goal)} [each: {each} s]",
    ]

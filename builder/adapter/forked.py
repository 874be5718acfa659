"""A language's files made in a child process while the build makes another language's.

The views make every page and download of the site in Python, one language after the other, on
one core: at 10,000 events, a large part of a build before MkDocs renders anything. The machine
the bench and CI run on has two cores. A child forked once the record is loaded inherits it
(nothing is copied until written), makes its language's files and hands them back, pickled, in
a temporary file. Whatever goes wrong in the child (a problem in a map definition, a crash) makes
the build make that language itself, so an error is reported as it always was, by the build.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
U = TypeVar("U")


def can_fork() -> bool:
    """Whether a child can make files beside this process: POSIX's fork, a second core, and no
    other thread (a lock another thread held when forking stays held in the child forever)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class Forked(Generic[T]):
    """`make()` run in a child process from now on; `result()` waits for its value, None if the
    child failed."""

    def __init__(self, make: Callable[[], T]) -> None:
        handle, name = tempfile.mkstemp(prefix="peru-timeline-", suffix=".pickle")
        self._path = Path(name)
        sys.stdout.flush()
        sys.stderr.flush()
        self._pid = os.fork()
        if self._pid == 0:  # the child: make, hand back, and leave without the parent's cleanup
            status = 1
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump(make(), out, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        os.close(handle)

    def stop(self) -> None:
        """End the child without its value (the build failed before it was needed)."""
        try:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
        except (ChildProcessError, ProcessLookupError):  # already waited for
            pass
        finally:
            self._path.unlink(missing_ok=True)

    def result(self) -> T | None:
        """The child's value once it has exited; None if it did not make one."""
        try:
            _, status = os.waitpid(self._pid, 0)
            if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return None
            with self._path.open("rb") as made:
                return pickle.load(made)
        finally:
            self._path.unlink(missing_ok=True)


def both(first: Callable[[], T], second: Callable[[], U]) -> tuple[T, U]:
    """`first()` made here while `second()` is made in a child forked now (where `can_fork`),
    and the two values; a child that fails leaves `second()` to this process, which raises
    whatever it raises. Used for the record's event files, read half in each process."""
    child = Forked(second) if can_fork() else None
    try:
        made = first()
    except BaseException:
        if child is not None:
            child.stop()
        raise
    other = child.result() if child is not None else None
    return made, other if other is not None else second()

"""Pagefind's indexer as a process of its own, fed pages over a pipe (`pagefind --service`).

The service reads requests on its standard input and answers on its standard output, each a
JSON object in base64 followed by a comma: the protocol of Pagefind's own Python and Node
wrappers. The project speaks it itself because the Python wrapper reads one answer per tenth
of a second (half an hour for 20,000 pages) and asks for asyncio. Requests go through a thread
of their own, so the build never waits on the pipe, and answers are read by another; the
indexer parses each page on its own threads, on another core, while MkDocs renders the next.
"""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import subprocess
import tempfile
import threading

from pagefind.service import get_executable


class ServiceError(Exception):
    """The indexer answered a request with an error, or stopped."""


class PagefindService:
    """One running `pagefind --service`. `send` queues a request and returns its number at
    once; `answer` waits for a request's answer; `failures` lists every error answered so far.
    `close` stops the process (whatever it was doing)."""

    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise ServiceError("Pagefind's program is not installed (the pagefind-bin package)")
        # What the indexer says on standard error, for an error message; closed by `close`.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self._requests: queue.Queue[bytes | None] = queue.Queue()
        self._answers: dict[int, dict] = {}
        self._answered = threading.Condition()
        self._stopped: str | None = None  # why the process can no longer answer
        self.failures: list[str] = []
        self._last = 0
        self._threads = [
            threading.Thread(target=self._write, name="pagefind-requests", daemon=True),
            threading.Thread(target=self._read, name="pagefind-answers", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def send(self, payload: dict) -> int:
        """Queue a request; its number, which `answer` takes."""
        self._last += 1
        message = {"message_id": self._last, "payload": payload}
        self._requests.put(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        return self._last

    def answer(self, number: int) -> dict:
        """The answer to request `number`, once the indexer has given it."""
        with self._answered:
            self._answered.wait_for(lambda: number in self._answers or self._stopped)
            if number not in self._answers:
                raise ServiceError(f"Pagefind stopped: {self._stopped}")
            payload = self._answers.pop(number)
        if payload.get("type") == "Error":
            raise ServiceError(payload.get("message", "an error without a message"))
        return payload

    def close(self) -> None:
        """Stop the process (whatever it was doing) and its threads."""
        self._requests.put(None)
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for thread in self._threads:
            thread.join()
        self._stderr.close()

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        while (request := self._requests.get()) is not None:
            try:
                stdin.write(request)
                if self._requests.empty():
                    stdin.flush()
            except (BrokenPipeError, ValueError):  # the process stopped: _read says why
                break
        with contextlib.suppress(BrokenPipeError):
            stdin.close()

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending: list[bytes] = []  # a message's start (the index's files: tens of megabytes)
        while chunk := stdout.read1(1 << 16):
            *messages, rest = chunk.split(b",")
            if messages:
                messages[0] = b"".join([*pending, messages[0]])
                pending = []
            pending.append(rest)
            for message in messages:
                self._receive(json.loads(base64.b64decode(message)))
        self._process.wait()
        self._stderr.seek(0)
        said = self._stderr.read().decode("utf-8", "replace").strip()
        with self._answered:
            self._stopped = f"exit {self._process.returncode}" + (f": {said}" if said else "")
            self._answered.notify_all()

    def _receive(self, message: dict) -> None:
        payload = message.get("payload") or {}
        if payload.get("type") == "Error":
            self.failures.append(payload.get("message", "an error without a message"))
        number = message.get("message_id")
        if number is None:  # a request the service could not read: it names it
            original = json.loads(payload.get("original_message") or "{}")
            number = original.get("message_id")
        with self._answered:
            self._answers[number] = payload
            self._answered.notify_all()

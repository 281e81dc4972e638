"""Goodwill served as it is in production: real processes on real ports, asked over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import SECRET_KEY

GOODWILL = Path(sys.executable).parent / "goodwill"


@contextmanager
def served(tmp_path: Path, *args: str, store: str = "",
           **env: str) -> Iterator[tuple[subprocess.Popen, int]]:
    """``goodwill serve`` on a free port of this machine, on the store named (else a SQLite
    store of its own), with only the ``GOODWILL_`` settings given and the tests' secret key;
    stopped after, and checked it stopped."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GOODWILL_")},
           "GOODWILL_SECRET_KEY": SECRET_KEY, **env}
    server = subprocess.Popen([str(GOODWILL), "serve", *args, "--port", str(port),
                               "--database-url", store or f"sqlite:///{tmp_path}/goodwill.db"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        deadline, ready = time.monotonic() + 60, False
        while not ready and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz") as answer:
                    ready = answer.status == 200
            except OSError:
                time.sleep(0.2)
        assert ready, server.stderr.read().decode() if server.poll() is not None else ""
        yield server, port
    finally:
        server.terminate()
        assert server.wait(30) in (0, -signal.SIGTERM), "uvicorn alone raises it again, done"


def wrong_codes_answered(port: int, tries: int, start: int = 0) -> list[int]:
    """Each a wrong join code from this machine, claiming another forwarded address: join
    codes name no account, so they are what is limited per address."""
    answered = []
    for n in range(start, start + tries):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/j/GUESS{n:03d}",
                                         headers={"X-Forwarded-For": f"203.0.113.{n}"})
        try:
            urllib.request.urlopen(request).close()
        except urllib.error.HTTPError as refused:
            answered.append(refused.code)
    return answered

"""Goodwill served as it is in production: real processes on real ports, asked over HTTP."""

from __future__ import annotations

import json
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
    server = subprocess.Popen([str(GOODWILL), "serve", *args, "--port", str(port),
                               "--database-url", store or f"sqlite:///{tmp_path}/goodwill.db"],
                              cwd=tmp_path, env=environment(**env), stdout=subprocess.DEVNULL,
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


@contextmanager
def projecting(tmp_path: Path, store: str, **env: str) -> Iterator[subprocess.Popen]:
    """``goodwill project`` on the store named, once it says it follows the log; stopped as
    an operator stops it (SIGTERM) unless the test killed it first."""
    process = subprocess.Popen([str(GOODWILL), "project", "--database-url", store],
                               cwd=tmp_path, env=environment(**env),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        started = process.stderr.readline()
        assert started.startswith("projecting"), started + process.stderr.read()
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            assert process.wait(30) == 0


def environment(**settings: str) -> dict[str, str]:
    """This environment without its ``GOODWILL_`` settings, with the tests' secret key and
    the settings given."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("GOODWILL_")},
            "GOODWILL_SECRET_KEY": SECRET_KEY, **settings}


def read_model_lags(port: int) -> dict[str, int]:
    """How far each read model trails the log, as the server's readiness says."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz") as answer:
            body = answer.read()
    except urllib.error.HTTPError as not_ready:
        body = not_ready.read()
    return {p["name"]: p["lag"] for p in json.loads(body)["projections"]}


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

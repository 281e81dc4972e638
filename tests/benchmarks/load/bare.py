"""The web stack alone: the door burst's requests answered by an empty check-in on the same
stack (uvicorn with its access log, ``--workers`` as the server; Litestar decoding the body
into the API's own schema, a synchronous handler in a thread), with no database, no sign-in
and no middleware. What it reaches is the most this machine's cores give any Python server
of this shape; the door burst is reported as a share of it."""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from litestar import Litestar, post

from goodwill.http.schemas.tickets import Admission
from tests.benchmarks.load.door import Device, Plan

CODES_PER_DEVICE = 5_000
"""More than an empty handler answers a device in the burst: the codes never run out."""


@post("/api/v1/tickets/check-in", status_code=200, sync_to_thread=True)
def check_in(data: Admission) -> dict[str, Any]:
    return {"result": {"outcome": "checked_in", "list_key": data.list_key}, "position": 0}


app = Litestar([check_in])


def ceiling(options: argparse.Namespace, folder: Path, port: int,
            generate: Callable[[Plan], dict[str, Any]]) -> dict[str, Any]:
    """The generator's figures against the empty stack, started as the server is."""
    plan = Plan(f"http://127.0.0.1:{port}", str(uuid.uuid4()), [
        Device("none", f"127.0.0.{2 + n}", [f"code-{n}-{i}" for i in range(CODES_PER_DEVICE)])
        for n in range(options.devices)])
    command = [sys.executable, "-m", "uvicorn", "tests.benchmarks.load.bare:app",
               "--workers", str(options.workers), "--host", "127.0.0.1", "--port", str(port)]
    with (folder / "bare.log").open("wb") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        try:
            listening(port, server)
            return generate(plan)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(60)


def listening(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            time.sleep(1)  # the other workers start beside the first
            return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError("the empty stack did not start")

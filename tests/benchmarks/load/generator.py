"""The load generator, a process of its own: each door device on its own keep-alive
connection from its own loopback address, posting one check-in after another (a scanner
waits for its answer before the next ticket) until the time is up or its tickets run out.

Run: python -m tests.benchmarks.load.generator PLAN.json RESULT.json --seconds 30
Plain HTTP/1.1 over asyncio streams, so the generator's own cost stays small; it reports
that cost (its CPU seconds) beside what it measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from tests.benchmarks.load.door import Device, Plan

PATH = "/api/v1/tickets/check-in"


class Connection:
    """One device's connection, opened again when the server closes it."""

    def __init__(self, host: str, port: int, address: str) -> None:
        self.host, self.port, self.address = host, port, address
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, head: bytes, body: bytes) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port,
                                                         local_addr=(self.address, 0))
        reader, writer = self.streams
        writer.write(head + body)
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        length, closing = 0, False
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                closing = True
        payload = await reader.readexactly(length)
        if closing:
            self.close()
        return int(status_line.split()[1]), payload

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def door(plan: Plan, device: Device, deadline: float, answers: list) -> None:
    """Answers as (seconds waited, status, outcome); a refused connection is status 0."""
    parts = urlsplit(plan.url)
    connection = Connection(parts.hostname, parts.port, device.address)
    head = (f"POST {PATH} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Authorization: Bearer {device.token}\r\nContent-Type: application/json\r\n")
    try:
        for code in device.codes:
            if time.perf_counter() >= deadline:
                break
            body = json.dumps({"command_id": str(uuid.uuid4()),
                               "conference_id": plan.conference_id, "list_key": "main",
                               "ticket_code": code, "device": device.address}).encode()
            started = time.perf_counter()
            try:
                status, payload = await connection.post(
                    f"{head}Content-Length: {len(body)}\r\n\r\n".encode(), body)
                outcome = json.loads(payload)["result"]["outcome"] if status == 200 else ""
            except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
                connection.close()
                status, outcome = 0, ""
            answers.append((time.perf_counter() - started, status, outcome))
    finally:
        connection.close()


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def burst(plan: Plan, seconds: float) -> dict:
    answers: list[tuple[float, int, str]] = []
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    await asyncio.gather(*(door(plan, device, started + seconds, answers)
                           for device in plan.devices))
    elapsed = time.perf_counter() - started
    used = resource.getrusage(resource.RUSAGE_SELF)
    waits = sorted(wait for wait, status, _ in answers if 200 <= status < 300)
    statuses = Counter(str(status) for _, status, _ in answers)
    return {"seconds": elapsed, "requests": len(answers), "statuses": dict(statuses),
            "outcomes": dict(Counter(outcome for _, _, outcome in answers if outcome)),
            "answered_2xx": len(waits), "errors": len(answers) - len(waits),
            "per_second": len(waits) / elapsed,
            "latency_ms": {name: 1000 * percentile(waits, share) for name, share in
                           (("p50", 0.50), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))},
            "tickets_ran_out": len(answers) == sum(len(d.codes) for d in plan.devices),
            "generator_cpu_seconds": (used.ru_utime - cpu.ru_utime)
            + (used.ru_stime - cpu.ru_stime)}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("plan", type=Path)
    args.add_argument("result", type=Path)
    args.add_argument("--seconds", type=float, default=30.0)
    options = args.parse_args()
    plan = Plan.from_dict(json.loads(options.plan.read_text()))
    options.result.write_text(json.dumps(asyncio.run(burst(plan, options.seconds)), indent=2))


if __name__ == "__main__":
    main()

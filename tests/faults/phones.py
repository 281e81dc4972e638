"""Clients and checks the fault tests share: phones that count every answer and resend a
write that got a 503 until it is acknowledged, and what the store holds afterwards."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx

from goodwill.bootstrap import System
from goodwill.http.core.identity import CSRF_COOKIE, CSRF_HEADER

RESENDS = 100
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "faults"


class Phone:
    """One attendee's client: reads, and writes notes it resends on a 503 until they are
    acknowledged, counting every answer."""

    def __init__(self, base_url: str, attendee, about, tally: Counter, lock: threading.Lock):
        self.client = httpx.Client(base_url=base_url, timeout=60)
        signed_in = self.client.post("/s", data={"token": attendee.token},
                                     follow_redirects=False)
        assert signed_in.status_code == 303, signed_in.text
        self.client.headers[CSRF_HEADER] = self.client.cookies[CSRF_COOKIE]
        self.attendee, self.about, self.tally, self.lock = attendee, about, tally, lock
        self.acknowledged: list[str] = []
        self.failures: list[str] = []

    def count(self, answer: httpx.Response) -> None:
        with self.lock:
            self.tally["requests"] += 1
            self.tally[str(answer.status_code)] += 1
        if answer.status_code >= 500 and answer.status_code != 503:
            self.failures.append(f"{answer.request.url.path}: {answer.status_code}")
        if answer.status_code == 503:
            assert answer.headers["Retry-After"] == "1"

    def write(self, conference_id, n: int) -> None:
        text = f"{self.attendee.name} note {n}"
        body = {"command_id": str(uuid.uuid4()), "conference_id": str(conference_id),
                "about": str(self.about.guest.person_id), "kind": "need", "text": text}
        for attempt in range(RESENDS):
            answer = self.client.post("/api/v1/notes", json=body)
            self.count(answer)
            if answer.status_code != 503:
                assert answer.status_code == 201, answer.text
                self.acknowledged.append(text)
                return
            with self.lock:
                self.tally["resends"] += 1
            time.sleep(0.1)

    def read(self) -> None:
        for path in ("/api/v1/me/timeline", "/api/v1/me/follow-ups"):
            answer = self.client.get(path)
            self.count(answer)
            if answer.status_code != 503:
                assert answer.status_code == 200, answer.text

    def run(self, conference_id, until: float) -> None:
        n = 0
        try:
            while time.monotonic() < until:
                self.write(conference_id, n)
                self.read()
                n += 1
        except Exception as error:  # a thread's failure is the test's
            self.failures.append(repr(error))
        finally:
            self.client.close()



def read_models(system: System) -> dict[str, list[str]]:
    """Every row of every read model, in a stable order."""
    tables = sorted({t for p in system.runner.projections for t in p.tables})
    with system.runner.writer.transaction() as tx:
        return {t: sorted(map(repr, tx.fetchall(f"SELECT * FROM {t}"))) for t in tables}


def noted(system: System) -> Counter:
    """How many notes the read model holds of each text."""
    with system.runner.writer.transaction() as tx:
        rows = tx.fetchall("SELECT detail FROM timeline_entries WHERE kind = 'noted'")
    return Counter(json.loads(detail)["text"] for (detail,) in rows)


def report(name: str, figures: dict) -> None:
    """The run's figures, for the closing note and for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(figures, indent=2))

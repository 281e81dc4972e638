"""A live server on PostgreSQL keeps its promises while the database drops every one of its
connections, three times, under a stream of reads and writes from a few phones at once: no
500, every acknowledged write stored exactly once once its client resends what got a 503,
and the read models equal to a rebuild of them from the log.

The figures of the run are written to test-artifacts/faults/database-goes-away.json."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
import psycopg
import pytest

from goodwill.bootstrap import System
from goodwill.cli import opened
from goodwill.http.identity import CSRF_COOKIE, CSRF_HEADER
from goodwill.settings import Settings
from tests.browser.conftest import serving
from tests.conftest import MISSING, POSTGRES_URL, SECRET_KEY, terminate_every_backend

pytestmark = pytest.mark.postgres
PHONES = ("Ann Ash", "Bob Baker", "Cat Cole", "Dan Dyer")
SECONDS, TERMINATIONS = 20.0, (4.0, 9.0, 14.0)
RESENDS = 100
ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "faults"


@pytest.fixture
def database_url():
    if MISSING:
        pytest.fail(f"PostgreSQL is not reachable: {MISSING}")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    yield f"{POSTGRES_URL}?schema={schema}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


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


def test_no_500_and_every_acknowledged_write_once_while_connections_are_dropped(tmp_path,
                                                                               database_url):
    server = serving(tmp_path, PHONES, database_url)
    live = next(server)
    settings = Settings(database_url=database_url, secret_key=SECRET_KEY)
    tally, lock, guests = Counter(), threading.Lock(), live.guests
    phones = [Phone(live.url, g, guests[(i + 1) % len(guests)], tally, lock)
              for i, g in enumerate(guests)]
    start = time.monotonic()
    threads = [threading.Thread(target=p.run, args=(live.organizer.event_id, start + SECONDS))
               for p in phones]
    for thread in threads:
        thread.start()
    terminated = []
    for moment in TERMINATIONS:
        time.sleep(max(0.0, start + moment - time.monotonic()))
        terminated.append(terminate_every_backend(settings.postgres["schema"]))
    for thread in threads:
        thread.join(SECONDS + 120)
    server.close()  # stops the server, its projections with it

    with opened(settings) as system:
        system.runner.catch_up()
        before = read_models(system)
        system.runner.rebuild()
        after, stored = read_models(system), noted(system)
    acknowledged = [text for p in phones for text in p.acknowledged]
    figures = {"seconds": SECONDS, "phones": len(phones), "terminated_backends": terminated,
               "requests": tally["requests"],
               "answers": {k: v for k, v in sorted(tally.items()) if k.isdigit()},
               "resends": tally["resends"], "acknowledged_writes": len(acknowledged),
               "stored_writes": sum(stored.values())}
    ARTIFACT.mkdir(parents=True, exist_ok=True)
    (ARTIFACT / "database-goes-away.json").write_text(json.dumps(figures, indent=2))
    assert not any(t.is_alive() for t in threads)
    assert not [f for p in phones for f in p.failures], figures
    assert all(n >= 2 for n in terminated), terminated
    assert len(acknowledged) > 20, figures
    assert stored == Counter(acknowledged), "each acknowledged write once, and no other"
    assert after == before, "the read models equal a rebuild of them"

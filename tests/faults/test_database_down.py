"""The database stops answering for a few seconds (a restart, a cut network), seen through
a proxy that only this server uses: the process lives on (``/healthz``), says it is not
ready (``/readyz``), and serves again once the database answers, without a restart; a write
sent meanwhile is acknowledged once, after resends of what got a 503.

The figures of the run are written to test-artifacts/faults/database-down.json."""

from __future__ import annotations

import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import httpx
import pytest

from goodwill.cli.common import opened
from goodwill.settings import Settings
from tests.browser.conftest import serving
from tests.conftest import POSTGRES_URL, SECRET_KEY
from tests.faults.phones import Phone, noted, report
from tests.faults.proxy import Proxy

pytestmark = pytest.mark.postgres
DOWN_SECONDS = 4.0


def until_answered(client: httpx.Client, path: str, status: int) -> float:
    """Seconds until ``path`` answers ``status``, asked every 50 ms for at most a minute."""
    start = time.monotonic()
    while client.get(path).status_code != status:
        assert time.monotonic() - start < 60, f"{path} never answered {status}"
        time.sleep(0.05)
    return round(time.monotonic() - start, 2)


def test_a_server_lives_through_its_database_going_away_and_serves_again(tmp_path, schema):
    database = urlsplit(POSTGRES_URL)
    proxy = Proxy((database.hostname, database.port or 5432))
    database_url = (f"postgresql://{database.username}@127.0.0.1:{proxy.port}"
                    f"{database.path}?schema={schema}")
    server = serving(tmp_path, ("Ann Ash", "Bob Baker"), database_url)
    live = next(server)
    tally, lock = Counter(), threading.Lock()
    ann, bob = live.guests
    phone = Phone(live.url, ann, bob, tally, lock)
    probe = httpx.Client(base_url=live.url, timeout=60)
    event = live.organizer.event_id
    phone.write(event, 0)

    proxy.down()
    down_at = time.monotonic()
    not_ready = until_answered(probe, "/readyz", 503)
    alive = probe.get("/healthz").status_code
    writing = threading.Thread(target=phone.write, args=(event, 1))
    writing.start()
    time.sleep(max(0.0, down_at + DOWN_SECONDS - time.monotonic()))
    proxy.up()
    ready_again = until_answered(probe, "/readyz", 200)
    phone.read()
    writing.join(120)
    phone.write(event, 2)
    server.close()
    proxy.close()

    with opened(Settings(database_url=f"{POSTGRES_URL}?schema={schema}",
                         secret_key=SECRET_KEY)) as system:
        system.runner.catch_up()
        stored = noted(system)
    figures = {"down_seconds": DOWN_SECONDS, "seconds_to_not_ready": not_ready,
               "healthz_while_down": alive, "seconds_to_ready_once_up": ready_again,
               "requests": tally["requests"],
               "answers": {k: v for k, v in sorted(tally.items()) if k.isdigit()},
               "resends": tally["resends"], "acknowledged_writes": len(phone.acknowledged),
               "stored_writes": sum(stored.values())}
    report("database-down", figures)
    assert alive == 200 and not writing.is_alive()
    assert not phone.failures, figures
    assert phone.acknowledged == [f"{ann.name} note {n}" for n in range(3)], figures
    assert stored == Counter(phone.acknowledged), "each acknowledged write once"

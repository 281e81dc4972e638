"""A live server on PostgreSQL keeps its promises while the database drops every one of its
connections, three times, under a stream of reads and writes from a few phones at once: no
500, every acknowledged write stored exactly once once its client resends what got a 503,
and the read models equal to a rebuild of them from the log.

The figures of the run are written to test-artifacts/faults/database-goes-away.json."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from goodwill.cli.common import opened
from goodwill.settings import Settings
from tests.browser.conftest import serving
from tests.conftest import POSTGRES_URL, SECRET_KEY, terminate_every_backend
from tests.faults.phones import Phone, noted, read_models, report

pytestmark = pytest.mark.postgres
PHONES = ("Ann Ash", "Bob Baker", "Cat Cole", "Dan Dyer")
SECONDS, TERMINATIONS = 20.0, (4.0, 9.0, 14.0)


def test_no_500_and_every_acknowledged_write_once_while_connections_are_dropped(tmp_path,
                                                                               schema):
    database_url = f"{POSTGRES_URL}?schema={schema}"
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
        terminated.append(terminate_every_backend(schema))
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
    report("database-goes-away", figures)
    assert not any(t.is_alive() for t in threads)
    assert not [f for p in phones for f in p.failures], figures
    assert all(n >= 2 for n in terminated), terminated
    assert len(acknowledged) > 20, figures
    assert stored == Counter(acknowledged), "each acknowledged write once, and no other"
    assert after == before, "the read models equal a rebuild of them"

"""A projection that dies between the event commit and its own commit resumes with no loss
and no duplicate: what it shows afterwards equals a clean rebuild."""

import os
import signal
import subprocess
import sys
import textwrap
import uuid

import psycopg
import pytest

from tests.integration.readmodels import dump


class InjectedCrash(psycopg.OperationalError):
    """The database connection lost mid-batch: the batch is retried whole, never recorded
    as an event the read model cannot apply."""


def crashing(projection, after: int):
    """The same read model, made to fail in the middle of a batch."""
    class Crashing(type(projection)):
        seen = 0

        def apply(self, event, tx):
            Crashing.seen += 1
            if Crashing.seen > after:
                raise InjectedCrash
            super().apply(event, tx)
    return Crashing()


def activity(system, scenario, first: int = 0):
    people = [scenario[f"Guest {n}"] for n in range(first, first + 8)]
    for a, b in zip(people, people[1:]):
        system.app.connect_by_badge(a.person_id, uuid.uuid4(), b.connect_code)
        system.app.give(a.person_id, uuid.uuid4(), scenario.conference_id, a.person_id,
                        b.person_id, "insight", "Look at the CFP early")
        system.app.check_in(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                            a.ticket_code, "main", "door-1")


def test_crash_mid_batch_then_resume_equals_clean_rebuild(system, scenario):
    activity(system, scenario)
    with pytest.raises(InjectedCrash):
        system.runner.process_batch([crashing(p, after=17) for p in system.runner.projections],
                                    limit=40)
    system.runner.process_batch(system.runner.projections[:1], limit=10)
    activity(system, scenario, first=8)
    system.runner.catch_up()
    resumed = dump(system)
    system.runner.rebuild()
    assert dump(system) == resumed


WORKER = textwrap.dedent("""
    import sys, time
    from goodwill.bootstrap import bootstrap
    from goodwill.settings import Settings
    system = bootstrap(Settings(database_url=sys.argv[1]))
    for projection in system.runner.projections:
        apply = projection.apply
        def slow(event, tx, apply=apply, count=[0]):
            apply(event, tx)
            count[0] += 1
            if count[0] == 25:
                print("mid-transaction", flush=True)
                time.sleep(60)
        projection.apply = slow
    system.runner.catch_up()
""")


def test_killed_process_mid_transaction_then_resume_equals_clean_rebuild(system, scenario):
    activity(system, scenario)
    worker = subprocess.Popen([sys.executable, "-c", WORKER, system.settings.database_url],
                              stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert worker.stdout.readline().strip() == "mid-transaction"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    system.runner.catch_up()
    resumed = dump(system)
    system.runner.rebuild()
    assert dump(system) == resumed

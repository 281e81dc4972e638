"""Many processes on one store: what must hold for all of them holds across processes."""

from __future__ import annotations

from tests.serving import served, wrong_codes_answered


def test_two_servers_on_one_store_count_against_one_limit(settings, tmp_path):
    """Wrong join codes from one address, sent in turn to two servers of one store: the
    eleventh is refused, whichever server it reaches."""
    with (served(tmp_path, store=settings.database_url) as (_, first),
          served(tmp_path, store=settings.database_url) as (_, second)):
        answered = [wrong_codes_answered(port, 1, start=n)[0]
                    for n, port in enumerate([first, second] * 8)]
    assert answered == [404] * 10 + [429] * 6


def test_four_workers_give_a_client_the_limit_one_worker_does(settings, tmp_path):
    with served(tmp_path, "--workers", "4", store=settings.database_url) as (_, port):
        answered = wrong_codes_answered(port, 20)
    assert answered == [404] * 10 + [429] * 10

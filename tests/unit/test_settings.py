"""The secret key: required with PostgreSQL; made once and kept private for a local store."""

from __future__ import annotations

import stat

import pytest

from goodwill.settings import Settings


def test_a_local_store_keeps_one_private_key_across_restarts(tmp_path):
    environ = {"GOODWILL_DATABASE_URL": f"sqlite:///{tmp_path}/var/goodwill.db"}
    first, again = Settings.from_env(environ), Settings.from_env(environ)
    key_file = tmp_path / "var" / "secret.key"
    assert len(first.secret_key) == 64 and first.secret_key == again.secret_key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_postgres_refuses_to_start_without_a_key():
    with pytest.raises(ValueError, match="GOODWILL_SECRET_KEY"):
        Settings.from_env({"GOODWILL_DATABASE_URL": "postgresql://db/goodwill"})


def test_a_configured_key_and_cookie_flag_are_used_as_given():
    settings = Settings.from_env({"GOODWILL_DATABASE_URL": "postgresql://db/goodwill",
                                  "GOODWILL_SECRET_KEY": "k" * 40,
                                  "GOODWILL_SECURE_COOKIES": "true"})
    assert (settings.secret_key, settings.secure_cookies) == ("k" * 40, True)


def test_one_setting_sizes_every_postgres_connection_of_a_process():
    settings = Settings.from_env({"GOODWILL_DATABASE_URL": "postgresql://db/goodwill",
                                  "GOODWILL_SECRET_KEY": "k" * 40, "GOODWILL_PG_POOL_SIZE": "12"})
    budget = settings.budget
    assert (budget.listener, budget.reader, budget.shared) == (1, 5, 6)
    assert settings.event_store_env()["POSTGRES_MAX_OVERFLOW"] == "5"  # 1 + 5 = shared
    assert Settings().budget.total == 10


@pytest.mark.parametrize("size, message", [("3", "at least 4"), ("ten", "whole number")])
def test_a_budget_that_cannot_work_is_refused_at_start(size, message):
    with pytest.raises(ValueError, match=message):
        Settings.from_env({"GOODWILL_DATABASE_URL": "sqlite:///var/x.db",
                           "GOODWILL_SECRET_KEY": "k", "GOODWILL_PG_POOL_SIZE": size})


def test_links_point_to_the_public_url_else_to_where_the_server_listens():
    assert Settings(host="127.0.0.1", port=8080).site_url == "http://127.0.0.1:8080"
    assert Settings(host="::1", port=8080).site_url == "http://[::1]:8080"
    assert Settings(public_url="https://summit.example").site_url == "https://summit.example"


def test_requests_are_trusted_for_the_sites_own_host_and_the_ones_allowed():
    assert Settings(host="127.0.0.1").trusted_hosts == ("127.0.0.1", "localhost", "::1")
    public = Settings.from_env({"GOODWILL_PUBLIC_URL": "https://summit.example/",
                                "GOODWILL_ALLOWED_HOSTS": " door.example , *.summit.example,"})
    assert public.trusted_hosts == ("summit.example", "door.example", "*.summit.example")


def test_no_proxy_is_trusted_unless_named():
    assert Settings.from_env({}).trusted_proxies == ()
    named = Settings.from_env({"GOODWILL_TRUSTED_PROXIES": " 10.0.0.0/8 , ::1,"})
    assert named.trusted_proxies == ("10.0.0.0/8", "::1")

"""``goodwill serve`` and ``goodwill demo``: the web app, and a demo event to click through."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from typing import Any

from goodwill.bootstrap import System
from goodwill.cli.common import command, opened
from goodwill.settings import Settings

WILDCARD = ("0.0.0.0", "::", "")
"""Addresses that listen everywhere and so say nothing about where phones should go."""


def add(commands) -> None:
    serve = command(commands, "serve", run_serve, "run the web app with uvicorn (on"
                    " PostgreSQL its processes do not project: run goodwill project beside)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1,
                       help="processes serving the same port (PostgreSQL: see the README's"
                            " connection budget)")
    serve.add_argument("--demo-if-empty", action="store_true",
                       help="seed the demo first when the store has no events")
    demo = command(commands, "demo", run_demo, "seed the demo event (repeatable per seed)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--attendees", type=int, default=300)


def run_serve(settings: Settings, args: argparse.Namespace) -> None:
    import uvicorn

    from goodwill.http.app import create_app

    if settings.host in WILDCARD and not settings.public_url:
        sys.exit(f"goodwill serve: listening on {settings.host} needs GOODWILL_PUBLIC_URL, the"
                 " address phones open: badges and sign-in links print it.")
    if args.demo_if_empty:
        with opened(settings) as system:
            if system.runner.head() == 0:
                print(seed_and_describe(system, seed=1, attendees=300), file=sys.stderr)
    if args.workers <= 1:
        uvicorn.run(create_app(settings, projects_here(settings)), **listening(settings))
        return
    os.environ.update(GOODWILL_DATABASE_URL=settings.database_url, GOODWILL_HOST=settings.host,
                      GOODWILL_PORT=str(settings.port))
    uvicorn.run("goodwill.cli.serving:app_from_env", factory=True, workers=args.workers,
                **listening(settings))


def projects_here(settings: Settings) -> bool:
    """A SQLite store is one machine's: its web process keeps the read models as well. On
    PostgreSQL web workers only serve, so they scale with requests, and ``goodwill project``
    keeps the read models, as many of them as wanted for a spare (one applies each batch)."""
    return not settings.is_postgres


def listening(settings: Settings) -> dict[str, Any]:
    """uvicorn's address, and whose ``X-Forwarded-For`` it believes: only the configured
    proxies' (uvicorn's own default believes anyone on this machine's loopback)."""
    return {"host": settings.host, "port": settings.port,
            "proxy_headers": bool(settings.trusted_proxies),
            "forwarded_allow_ips": list(settings.trusted_proxies)}


def app_from_env():
    """What each of ``--workers`` builds in a process of its own, from the settings the
    command put in the environment."""
    from goodwill.http.app import create_app

    settings = Settings.from_env()
    return create_app(settings, projects_here(settings))


def run_demo(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        print(seed_and_describe(system, args.seed, args.attendees))


def seed_and_describe(system: System, seed: int, attendees: int) -> str:
    """Seed the demo, bring the read models up to date, and describe what is there."""
    from goodwill.demo import seed_demo, summary
    from goodwill.demo.links import sign_in_links

    before = system.runner.head()
    say = functools.partial(print, file=sys.stderr)  # progress; the summary goes to stdout
    demo = seed_demo(system.app, seed, attendees, say=say)
    links = sign_in_links(system.app, system.settings, {
        "Olivia Organizer": demo.organizer,
        **{g.invitee.name: g.person_id for g in demo.guests[:5]}})
    say("bringing the read models up to date…")
    system.runner.catch_up()
    recorded = system.runner.head() - before
    return "\n".join([summary(demo), "", "sign in as (open in a browser):", *links, "",
                      f"{recorded} new events recorded (log head {before + recorded})"])

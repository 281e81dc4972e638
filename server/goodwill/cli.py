"""The ``goodwill`` command: what an operator does before or beside the web app — serve it,
seed a demo, rebuild or inspect the read models, create the first organizer, export an
event's data, import attendees."""

from __future__ import annotations

import argparse
import dataclasses
import functools
import getpass
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from goodwill.application.core import SYSTEM_ACTOR as ROOT
from goodwill.bootstrap import System, bootstrap
from goodwill.demo.people import MOST
from goodwill.domain.ids import derived
from goodwill.exports import EXPORTS
from goodwill.imports.command import import_file
from goodwill.imports.presets import PRESETS
from goodwill.imports.table import NAMED
from goodwill.progress import ProgressBar
from goodwill.projections import failures, repair
from goodwill.settings import Settings

def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not 0 <= getattr(args, "attendees", 0) <= MOST:
        parser().error(f"the demo has names for 0 to {MOST} attendees")
    overrides = {k: v for k in ("database_url", "host", "port")
                 if (v := getattr(args, k, None)) is not None}
    args.run(dataclasses.replace(Settings.from_env(), **overrides), args)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="goodwill", description="Serve Goodwill, seed a demo,"
                                   " rebuild or inspect read models, create an organizer,"
                                   " export an event.")
    commands = root.add_subparsers(required=True, metavar="command")
    serve = command(commands, "serve", run_serve, "run the web app with uvicorn")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--demo-if-empty", action="store_true",
                       help="seed the demo first when the store has no events")
    demo = command(commands, "demo", run_demo, "seed the demo event (repeatable per seed)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--attendees", type=int, default=300)
    projections = commands.add_parser("projections", help="rebuild or inspect read models")
    each = projections.add_subparsers(required=True, metavar="action")
    command(each, "rebuild", run_rebuild, "drop the read models and replay the whole log")
    command(each, "status", run_status, "each read model's position, the log's head, the lag")
    command(each, "failures", run_failures, "events a read model could not apply, with why")
    for action, run, purpose in (("retry", run_retry, "apply failed events again, after a fix"),
                                 ("skip", run_skip, "let the read models go without them")):
        command(each, action, run, purpose).add_argument(
            "--position", type=int, help="only the failures at this log position; default: all")
    organizer = command(commands, "create-organizer", run_create_organizer,
                        "register a person (or find them by email) and make them an organizer")
    organizer.add_argument("--name", required=True)
    organizer.add_argument("--email", required=True)
    organizer.add_argument("--password", help="visible to other users of this machine; better:"
                           " $GOODWILL_ORGANIZER_PASSWORD, or typed when asked on a terminal")
    imports = command(commands, "import", run_import, "import attendees from a CSV export"
                      " (pretix, Eventbrite or any sheet with name and email columns)")
    imports.add_argument("--event", required=True, type=uuid.UUID, help="the event's id")
    imports.add_argument("file", type=Path)
    imports.add_argument("--preset", choices=[p.key for p in PRESETS],
                         help="whose export it is; default: told by the header row")
    imports.add_argument("--separator", choices=list(NAMED),
                         help="default: told by the header row")
    imports.add_argument("--dry-run", action="store_true", help="check the file, import nothing")
    imports.add_argument("--include-pending", action="store_true",
                         help="import tickets whose order is not paid yet (skipped otherwise)")
    imports.add_argument("--list", action="append", default=[], metavar="PRODUCT=LIST",
                         help="tickets of this product (or ticket type) open this check-in list"
                              " alone; repeat for more; products not named open every list")
    export = command(commands, "export", run_export, "write one of an event's exports, as its"
                     " organizers download it (consent-filtered)")
    export.add_argument("--event", required=True, type=uuid.UUID, help="the event's id")
    export.add_argument("--format", required=True, choices=sorted(EXPORTS))
    export.add_argument("--out", required=True, help="a file, or - for standard output")
    return root


def command(commands, name: str, run, purpose: str) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=purpose, description=purpose)
    sub.add_argument("--database-url", help="default: $GOODWILL_DATABASE_URL or sqlite")
    sub.set_defaults(run=run)
    return sub


@contextmanager
def opened(settings: Settings) -> Iterator[System]:
    system = bootstrap(settings)
    try:
        yield system
    finally:
        system.close()


WILDCARD = ("0.0.0.0", "::", "")
"""Addresses that listen everywhere and so say nothing about where phones should go."""


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
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


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


def run_rebuild(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        bar = ProgressBar()
        system.runner.rebuild(bar)
        bar.finish()
        head, seconds = system.runner.head(), time.monotonic() - bar.started
    print(f"rebuilt {len(system.runner.projections)} read models from {head} events"
          f" in {seconds:.1f}s")


def run_status(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        print(f"{'projection':<20}{'position':>10}{'head':>10}{'lag':>10}")
        for s in system.runner.status():
            print(f"{s.name:<20}{s.position:>10}{s.head:>10}{s.lag:>10}")


def run_failures(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        failed = repair.listed(system.runner, failures.ALL)
    for f in failed:
        print(f"{f.position:>10}  {f.projection:<20}{f.topic}  at {f.failed_at}\n"
              f"{'':12}{f.error}")
    print(f"{len(failed)} unresolved" if failed else "no failures")


def run_retry(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        still = repair.retry(system.runner, args.position)
    print(f"{len(still)} still failing; see: goodwill projections failures" if still
          else "every failure retried and applied")
    if still:
        sys.exit(1)


def run_skip(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        skipped = repair.skip(system.runner, args.position)
    print(f"skipped {len(skipped)}: those read models go without them (a rebuild tries them again)")


def run_create_organizer(settings: Settings, args: argparse.Namespace) -> None:
    """Command ids derived from the email, so running it again is answered, not recorded."""
    email = args.email.strip().lower()
    with opened(settings) as system:
        person = system.app.register_person(ROOT, derived("create-organizer", email),
                                            args.name, args.email).result["person_id"]
        system.app.grant_organizer_role(ROOT, derived("grant-organizer", person), person)
        password = organizer_password(args)
        if password:
            system.app.set_password(ROOT, uuid.uuid4(), person, password)
        system.runner.catch_up()
    print(person)


def run_import(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        failed = import_file(system, args.event, args.file.read_bytes(), args.preset,
                             NAMED.get(args.separator), args.dry_run,
                             pending=args.include_pending, lists=args.list)
    if failed:
        sys.exit(failed)
def run_export(settings: Settings, args: argparse.Namespace) -> None:
    """After bringing the read models up to date, so the file holds all that was recorded."""
    from goodwill.exports.command import export_event

    with opened(settings) as system:
        system.runner.catch_up()
        export_event(system.reader, args.event, args.format, args.out)


def organizer_password(args: argparse.Namespace) -> str | None:
    """From the option, the environment, or the terminal; none means sign-in by link only."""
    password = args.password or os.environ.get("GOODWILL_ORGANIZER_PASSWORD")
    if not password and sys.stdin.isatty():
        password = getpass.getpass("Password for signing in (empty for none): ")
    return password or None

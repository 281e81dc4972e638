"""``goodwill create-organizer``: the first organizer, before anyone can sign in."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import uuid

from goodwill.application.core import SYSTEM_ACTOR as ROOT
from goodwill.cli.common import command, opened
from goodwill.domain.ids import derived
from goodwill.settings import Settings


def add(commands) -> None:
    organizer = command(commands, "create-organizer", run_create_organizer,
                        "register a person (or find them by email) and make them an organizer")
    organizer.add_argument("--name", required=True)
    organizer.add_argument("--email", required=True)
    organizer.add_argument("--password", help="visible to other users of this machine; better:"
                           " $GOODWILL_ORGANIZER_PASSWORD, or typed when asked on a terminal")


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


def organizer_password(args: argparse.Namespace) -> str | None:
    """From the option, the environment, or the terminal; none means sign-in by link only."""
    password = args.password or os.environ.get("GOODWILL_ORGANIZER_PASSWORD")
    if not password and sys.stdin.isatty():
        password = getpass.getpass("Password for signing in (empty for none): ")
    return password or None

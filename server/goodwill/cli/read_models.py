"""``goodwill project`` keeps the read models up to date beside web workers that do not;
``goodwill projections …`` rebuilds them, or looks at and repairs them."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time

from goodwill.cli.common import command, opened
from goodwill.progress import ProgressBar
from goodwill.projections.engine import failures, repair
from goodwill.settings import Settings


def add(commands) -> None:
    command(commands, "project", run_project, "keep the read models up to date until stopped"
            " (SIGTERM, SIGINT); run one or more beside goodwill serve on PostgreSQL")
    projections = commands.add_parser("projections", help="rebuild or inspect read models")
    each = projections.add_subparsers(required=True, metavar="action")
    command(each, "rebuild", run_rebuild, "drop the read models and replay the whole log")
    command(each, "status", run_status, "each read model's position, the log's head, the lag")
    command(each, "failures", run_failures, "events a read model could not apply, with why")
    for action, run, purpose in (("retry", run_retry, "apply failed events again, after a fix"),
                                 ("skip", run_skip, "let the read models go without them")):
        command(each, action, run, purpose).add_argument(
            "--position", type=int, help="only the failures at this log position; default: all")


def run_project(settings: Settings, args: argparse.Namespace) -> None:
    """Follows the log as a web process that projects does. Several may run: each batch is
    applied by whichever holds the read models' tracking rows, so a process killed mid-batch
    leaves its transaction undone and another goes on from where the last one committed."""
    stopping = threading.Event()
    for each in (signal.SIGTERM, signal.SIGINT):
        signal.signal(each, lambda *_: stopping.set())
    with opened(settings) as system:
        system.start(projecting=True)
        print(f"projecting {len(system.runner.projections)} read models", file=sys.stderr,
              flush=True)
        stopping.wait()


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

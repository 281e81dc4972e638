"""The command path: decide on fresh state, save the changes and the command's receipt in one
transaction, and answer a repeated command id with the first answer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, project_aggregate
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Transcoding
from eventsourcing.utils import get_topic

from goodwill.application.boundary import check_events
from goodwill.application.bulk import select_many
from goodwill.domain.attendee import Attendee
from goodwill.domain.conference import Conference
from goodwill.domain.errors import (ConflictError, DomainError, NotAllowedError, NotFoundError,
                                    refuse)
from goodwill.domain.ids import attendee_id, receipt_id
from goodwill.domain.person import Person
from goodwill.keyring import Keyring, SealedPersonal
from goodwill.domain.receipt import CommandReceipt

Decision = tuple[Sequence[Aggregate], dict[str, Any]]
SYSTEM_ACTOR = UUID("00000000-0000-4000-8000-000000000001")
"""Who sends set-up commands that no signed-in person sends: the CLI, imports, the demo."""
CLOCK_SKEW = timedelta(minutes=5)
ATTEMPTS = 8


@dataclass(frozen=True)
class Outcome:
    """What a command answers: its result, and the log position a reader can wait for."""

    result: dict[str, Any]
    position: int
    replayed: bool = field(default=False)


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class CommandApplication(Application[UUID]):
    """Runs every command through :meth:`execute`, which makes it idempotent and retries it
    on a concurrent write, so a conflict becomes a domain answer instead of an error."""

    def __init__(self, env: dict[str, str], keyring: Keyring) -> None:
        self.keyring = keyring  # the transcoder, made by the base class, seals with it
        super().__init__(env)
        self.after_save: list[Callable[[], None]] = []  # e.g. wake the projection runner

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())
        transcoder.register(SealedPersonal(self.keyring))

    def execute(self, actor: UUID, command_id: UUID, command: str,
                decide: Callable[[], Decision], audit: UUID | None = None,
                find: Callable[[type[Aggregate], UUID], Any] | None = None) -> Outcome:
        """``find``: where the receipt is looked for, when it was read ahead with the rest."""
        rid = receipt_id(actor, command_id)
        for _ in range(ATTEMPTS):
            first = (find or self.find)(CommandReceipt, rid)
            if first is not None:
                return self._replay(first, command)
            try:
                changed, result = decide()
                check_events(changed)
                refusal = None
            except DomainError as error:
                changed, result, refusal = (), {}, error
            receipt = CommandReceipt(command=command, actor=actor, result=result, id=rid,
                                     refusal=refusal and [refusal.code, refusal.message],
                                     audit=audit)
            try:
                recordings = self.save(*changed, receipt)
            except IntegrityError:
                continue  # another writer got there first: decide again on what they wrote
            for callback in self.after_save:
                callback()
            if refusal is not None:
                raise refusal
            return Outcome(result, recordings[-1].notification.id)
        raise ConflictError("Too many people changed this at once. Please try again.")

    def _replay(self, receipt: CommandReceipt, command: str) -> Outcome:
        if receipt.command != command:
            raise ConflictError("This command id was already used for a different command.")
        if receipt.refusal:
            raise refuse(*receipt.refusal)
        return Outcome(receipt.result, self.recorder.max_notification_id() or 0, replayed=True)

    def find(self, cls: type[Aggregate], aggregate_id: UUID) -> Any:
        try:
            aggregate = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return aggregate if isinstance(aggregate, cls) else None

    def find_all(self, ids: Iterable[UUID],
                 kinds: Sequence[type[Aggregate]] | None = None) -> dict[UUID, Aggregate]:
        """Those of the aggregates ``ids`` names that exist, read in one query; with
        ``kinds``, only those of these kinds: another's events (a person's, sealed) are
        passed by unopened."""
        events, topics = defaultdict(list), tuple(f"{get_topic(kind)}." for kind in kinds or ())
        for stored in select_many(self.recorder, set(ids)):
            if not topics or stored.topic.startswith(topics):
                events[stored.originator_id].append(self.mapper.to_domain_event(stored))
        return {aggregate_id: project_aggregate(None, history)
                for aggregate_id, history in events.items()}

    def get(self, cls: type[Aggregate], aggregate_id: UUID, what: str) -> Any:
        aggregate = self.find(cls, aggregate_id)
        if aggregate is None:
            raise NotFoundError(f"No such {what}.")
        return aggregate

    def update(self, actor: UUID, command_id: UUID, command: str, cls: type[Aggregate],
               aggregate_id: UUID, change: Callable[[Any], None]) -> Outcome:
        """A command that changes one existing aggregate; the aggregate checks who may."""
        def decide() -> Decision:
            aggregate = self.get(cls, aggregate_id, cls.__name__.lower())
            change(aggregate)
            return (aggregate,), {"id": aggregate.id}
        return self.execute(actor, command_id, command, decide)

    def check_organizer(self, actor: UUID) -> None:
        """Managing people is for organizers, and for the command line that makes the first."""
        if actor == SYSTEM_ACTOR:
            return
        person = self.find(Person, actor)
        if person is None or not person.is_organizer:
            raise NotAllowedError("Only an organizer can do that.")

    def organized_by(self, conference_id: UUID, actor: UUID) -> Conference:
        """The event, provided ``actor`` organizes it."""
        conference = self.get(Conference, conference_id, "event")
        if not conference.is_organizer(actor):
            raise NotAllowedError("Only this event's organizers can do that.")
        return conference

    def check_attending(self, conference_id: UUID, *people: UUID) -> None:
        for person in people:
            if self.find(Attendee, attendee_id(conference_id, person)) is None:
                raise NotFoundError("That person is not attending this event.")


def happened(at: datetime | None) -> datetime:
    """When the device says it happened (offline devices report later); never in the future."""
    now = datetime.now(timezone.utc)
    if at is None:
        return now
    if at.tzinfo is None:
        raise DomainError("A time needs its time zone offset.")
    if at > now + CLOCK_SKEW:
        raise DomainError("That time is in the future; check the device's clock.")
    return at

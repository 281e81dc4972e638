"""Meeting people: connecting by badge or by hand, and introducing two contacts."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome, happened
from goodwill.domain.attendee import Badge
from goodwill.domain.connection import Connection
from goodwill.domain.errors import DomainError, NotFoundError
from goodwill.domain.give import Give
from goodwill.domain.ids import badge_id, pair_id
from goodwill.domain.introduction import Introduction
from goodwill.domain.personal import Personal


class NetworkingCommands(CommandApplication):
    def connect_by_badge(self, actor: UUID, command_id: UUID, connect_code: str,
                         happened_at: datetime | None = None) -> Outcome:
        def decide():
            badge = self.find(Badge, badge_id(connect_code))
            if badge is None:
                raise NotFoundError("Unknown badge code.")
            return self._meet(actor, badge.person_id, badge.conference_id, "badge", happened_at)
        return self.execute(actor, command_id, "connect", decide)

    def connect(self, actor: UUID, command_id: UUID, conference_id: UUID, person_id: UUID,
                happened_at: datetime | None = None) -> Outcome:
        return self.execute(actor, command_id, "connect", lambda: self._meet(
            actor, person_id, conference_id, "manual", happened_at))

    def _meet(self, actor: UUID, other: UUID, conference_id: UUID, method: str,
              at: datetime | None, made_by: UUID | None = None):
        if actor == other:
            raise DomainError("You cannot connect with yourself.")
        self.check_attending(conference_id, actor, other)
        connection = self.find(Connection, pair_id(actor, other))
        if connection is None:
            connection = Connection(person_a=actor, person_b=other, conference_id=conference_id,
                                    made_by=made_by or actor, method=method,
                                    happened_at=happened(at), id=pair_id(actor, other))
        else:
            connection.meet(conference_id, made_by or actor, method, happened(at))
        return (connection,), {"connection_id": connection.id, "person_id": other}

    def introduce(self, actor: UUID, command_id: UUID, conference_id: UUID, person_a: UUID,
                  person_b: UUID, why: str, happened_at: datetime | None = None) -> Outcome:
        """An introduction is a give from the introducer to each of the two people."""
        def decide():
            self.check_attending(conference_id, actor, person_a, person_b)
            at, reason = happened(happened_at), Personal(actor, why)
            intro = Introduction(introducer=actor, person_a=person_a, person_b=person_b,
                                 conference_id=conference_id, why=reason, happened_at=at)
            gives = [Give(giver=actor, receiver=p, conference_id=conference_id,
                          kind="introduction", note=reason, recorded_by=actor, happened_at=at,
                          introduction_id=intro.id) for p in (person_a, person_b)]
            return (intro, *gives), {"introduction_id": intro.id,
                                     "give_ids": [g.id for g in gives]}
        return self.execute(actor, command_id, "introduce", decide)

    def answer_introduction(self, actor: UUID, command_id: UUID, introduction_id: UUID,
                            accept: bool) -> Outcome:
        """When the second person accepts, the two become connected in the same transaction."""
        def decide():
            intro = self.get(Introduction, introduction_id, "introduction")
            intro.answer(actor, accept)
            changed, result = [intro], {"introduction_id": intro.id, "connected": False}
            if intro.accepted_by_both:
                a, b = intro.invited
                made, _ = self._meet(a, b, intro.conference_id, "introduction", None,
                                     made_by=intro.introducer)
                changed.extend(made)
                result["connected"] = True
            return changed, result
        return self.execute(actor, command_id, "answer_introduction", decide)

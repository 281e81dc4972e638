"""Meeting people: connecting by badge or by a request the other accepts, and introducing
two contacts. Every connection has proof that both wanted it: a scanned badge, an accepted
request, or an introduction both accepted."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome, happened
from goodwill.domain.attendee import Badge
from goodwill.domain.connection import Connection
from goodwill.domain.connection_request import (ACCEPT_OR_BLOCK, PENDING, ConnectionRequest,
                                                RequestsSent, request_id, requests_sent_id)
from goodwill.domain.errors import DomainError, NotFoundError
from goodwill.domain.give import Give, introduction_give_id
from goodwill.domain.ids import badge_id, pair_id
from goodwill.domain.introduction import CONNECTED, Introduction
from goodwill.domain.personal import Personal


NOT_CONNECTED = ("You can introduce only people you are connected with: scan their badges, or"
                 " ask them to connect, first.")


class NetworkingCommands(CommandApplication):
    def connect_by_badge(self, actor: UUID, command_id: UUID, connect_code: str,
                         happened_at: datetime | None = None) -> Outcome:
        def decide():
            badge = self.find(Badge, badge_id(connect_code))
            if badge is None:
                raise NotFoundError("Unknown badge code.")
            return self._meet(actor, badge.person_id, badge.conference_id, "badge", happened_at)
        return self.execute(actor, command_id, "connect", decide)

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

    def request_connection(self, actor: UUID, command_id: UUID, conference_id: UUID,
                           person_id: UUID, happened_at: datetime | None = None) -> Outcome:
        """Ask someone met at this event to connect; they are connected only once they
        accept. If they asked first, this is the yes. The answer says ``pending`` whatever
        became of an earlier request (declined, blocked), so asking tells the sender nothing."""
        def decide():  # asking oneself is refused by the request itself
            self.check_attending(conference_id, actor, person_id)
            connection = self.find(Connection, pair_id(actor, person_id))
            if connection is not None and (connection.confirmed
                                           or connection.made_by != actor):
                connection.meet(conference_id, actor, "request", happened(happened_at))
                return (connection,), {"person_id": person_id, "status": "connected"}
            theirs = self.find(ConnectionRequest, request_id(person_id, actor))
            if theirs is not None and theirs.state == PENDING:
                theirs.answer(actor, accept=True)
                made, _ = self._meet(theirs.sender, actor, conference_id, "request", happened_at)
                return (theirs, *made), {"person_id": person_id, "status": "connected"}
            return self._ask(actor, person_id, conference_id, happened(happened_at))
        return self.execute(actor, command_id, "request_connection", decide)

    def _ask(self, sender: UUID, receiver: UUID, conference_id: UUID, at: datetime):
        """A new request, or one sent again, counts against the sender's limit at this
        event, declined and blocked alike, so the count says nothing either."""
        rid = request_id(sender, receiver)
        request = self.find(ConnectionRequest, rid)
        answer = {"person_id": receiver, "status": PENDING, "request_id": rid}
        if request is not None and request.state == PENDING:
            return (), answer
        sid = requests_sent_id(sender, conference_id)
        sent = (self.find(RequestsSent, sid)
                or RequestsSent(sender=sender, conference_id=conference_id, id=sid))
        sent.count_one()
        if request is None:
            request = ConnectionRequest(sender=sender, receiver=receiver,
                                        conference_id=conference_id, happened_at=at, id=rid)
        else:
            request.send_again(conference_id, at)
        return (request, sent), answer

    def answer_connection_request(self, actor: UUID, command_id: UUID, request_id: UUID,
                                  accept: bool, block: bool = False) -> Outcome:
        """Only the person asked answers. Accepting connects the two in the same
        transaction; declining or blocking tells the sender nothing."""
        def decide():
            if (older := self.find(Connection, request_id)) is not None:
                return self._answer_older(actor, older, accept, block)
            request = self.get(ConnectionRequest, request_id, "connection request")
            request.answer(actor, accept, block)
            if not accept:
                return (request,), {"request_id": request_id, "connected": False}
            made, _ = self._meet(request.sender, actor, request.conference_id, "request", None,
                                 made_by=request.sender)
            return (request, *made), {"request_id": request_id, "connected": True}
        return self.execute(actor, command_id, "answer_connection_request", decide)

    def _answer_older(self, actor: UUID, connection: Connection, accept: bool, block: bool):
        """A connection made on one side's word before requests existed is answered like
        the request it stands for; blocking also refuses that side's requests from now on."""
        if accept and block:
            raise DomainError(ACCEPT_OR_BLOCK)
        conference_id, at = connection.conference_id, happened(None)
        connection.answer(actor, accept, conference_id, at)
        changed, answer = [connection], {"request_id": connection.id, "connected": accept}
        if block:
            sender, rid = connection.made_by, request_id(connection.made_by, actor)
            request = self.find(ConnectionRequest, rid) or ConnectionRequest(
                sender=sender, receiver=actor, conference_id=conference_id, happened_at=at,
                id=rid)
            if request.state == PENDING:
                request.answer(actor, accept=False, block=True)
                changed.append(request)
        return changed, answer

    def introduce(self, actor: UUID, command_id: UUID, conference_id: UUID, person_a: UUID,
                  person_b: UUID, why: str, happened_at: datetime | None = None) -> Outcome:
        """An introduction is a give from the introducer to each of the two people, whom
        the introducer must be connected with: one vouches only for people one has met."""
        def decide():
            self.check_attending(conference_id, actor, person_a, person_b)
            if any(self.find(Connection, pair_id(actor, p)) is None for p in (person_a, person_b)
                   if p != actor):
                raise DomainError(NOT_CONNECTED)
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
        """When the second person accepts, the two become connected, and the introducer's
        gives to them confirmed, in the same transaction."""
        def decide():
            intro = self.get(Introduction, introduction_id, "introduction")
            intro.answer(actor, accept)
            changed, result = [intro], {"introduction_id": intro.id, "connected": False}
            if accept and intro.outcome == CONNECTED:
                a, b = intro.invited
                made, _ = self._meet(a, b, intro.conference_id, "introduction", None,
                                     made_by=intro.introducer)
                changed.extend([*made, *self._confirmed_gives(intro)])
                result["connected"] = True
            return changed, result
        return self.execute(actor, command_id, "answer_introduction", decide)

    def _confirmed_gives(self, intro: Introduction) -> list[Give]:
        """Introductions made before their gives' ids were derived have none to confirm."""
        found = [give for p in intro.invited
                 if (give := self.find(Give, introduction_give_id(intro.id, p))) is not None]
        for give in found:
            give.confirm_introduction(Personal(give.receiver, ""))
        return found

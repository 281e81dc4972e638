"""The acting person's own data. Nothing here takes a person id: what you see is yours."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, get, post
from litestar.exceptions import ValidationException
from litestar.params import FromQuery, JSONBody, QueryParameter

from goodwill.domain.errors import NotFoundError
from goodwill.http.event_days import event_dates
from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, Cursor, PathId, Reads, Search
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.followups import Dismiss
from goodwill.http.schemas.people import Contact, SharedProfile
from goodwill.projections import (contacts, followups, ledger, roster, suggestion_lists,
                                  timeline)

OneEvent = FromQuery[UUID | None]
PageSize = Annotated[int, QueryParameter(ge=1, le=100)]


class Timeline(msgspec.Struct):
    """Newest first; pass ``next_before`` back as ``before`` for the next page."""

    entries: list[dict[str, Any]]
    next_before: str | None


class Contacts(msgspec.Struct):
    """By name; pass ``next_following`` back as ``following`` for the next page."""

    contacts: list[dict[str, Any]]
    count: int
    next_following: str | None




class MeController(Controller):
    path = "/me"
    tags = ["me"]

    @get("/timeline")
    async def my_timeline(self, reader: Reads, actor: Actor, conference_id: OneEvent = None,
                          before: Cursor = None, limit: PageSize = 50) -> Timeline:
        try:
            rows = await timeline.timeline(reader, actor, conference_id, before, limit)
        except ValueError:
            raise ValidationException(extra=[{
                "key": "before", "message": "is not a cursor from this timeline"}]) from None
        return Timeline(rows, rows[-1]["cursor"] if len(rows) == limit else None)

    @get("/contacts")
    async def my_contacts(self, reader: Reads, actor: Actor, q: Search = "",
                          following: FromQuery[UUID | None] = None,
                          limit: PageSize = 50) -> Contacts:
        """Everyone I am connected with at any event, where and when we met, and what passed
        between us: gives each way (thanked or not), the balance, promises still open."""
        rows = await contacts.contacts(reader, actor, q, limit + 1, after=following)
        return Contacts(rows[:limit], await contacts.count(reader, actor, q),
                        rows[limit - 1]["person_id"] if len(rows) > limit else None)

    @get("/ledger")
    async def balances(self, reader: Reads, actor: Actor) -> list[dict[str, Any]]:
        """Per person I gave to or received from; a positive balance means I gave more."""
        return await ledger.balances(reader, actor)

    @get("/ledger/{other_id:uuid}")
    async def pair(self, other_id: PathId, reader: Reads, actor: Actor) -> dict[str, Any]:
        """What each of us gave the other, confirmed and not. Only ever my side's view."""
        return await ledger.pair_ledger(reader, actor, other_id)

    @get("/follow-ups")
    async def follow_ups(self, reader: Reads, actor: Actor, conference_id: OneEvent = None,
                         today: FromQuery[date | None] = None) -> dict[str, Any]:
        """``today`` is the caller's own date, which decides what is overdue where they are;
        without it, each promise falls due by the date at the event it was made at."""
        if today is not None:
            return await followups.follow_ups(reader, actor, today, conference_id)
        latest, dates = await event_dates(reader, actor)
        return await followups.follow_ups(reader, actor, latest, conference_id, dates)

    @get("/suggestions")
    async def suggestions(self, reader: Reads, actor: Actor) -> list[dict[str, Any]]:
        """What to do next: introduce two contacts, thank, help back, follow up; each with
        its reason in a line and the ``key`` that dismisses it. Built from my own notes and
        ledger, for me alone."""
        return await suggestion_lists.suggestions(reader, actor)

    @post("/suggestions/dismissals", sync_to_thread=True)
    def dismiss(self, data: JSONBody[Dismiss], goodwill: App, actor: Actor) -> CommandAnswer:
        """Gone for good; dismissing it again changes nothing."""
        return run(goodwill.dismiss_suggestion, actor, data)

    @get("/contacts/{person_id:uuid}")
    async def contact(self, person_id: PathId, reader: Reads, actor: Actor) -> Contact:
        """Someone I am connected with, as they are at the events we share; their email only
        if they share contact details with connections. Anyone else is 404, so trying ids
        tells nothing."""
        rows = await roster.shared_events(reader, actor, person_id)
        if not rows or not await roster.connected(reader, actor, person_id):
            raise NotFoundError("You are not connected with this person.")
        shared = any(row["contact_shared_with_connections"] for row in rows)
        return Contact(person_id=person_id, email=rows[0]["email"] if shared else None,
                       events=[msgspec.convert(row, SharedProfile, strict=False) for row in rows])

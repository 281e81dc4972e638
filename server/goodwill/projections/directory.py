"""Who is who: events, people and attendees with their profiles and consent choices.

Other read models join to it for names, and filter by its consent columns.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.attendee import CONSENT, PROFILE, Attendee
from goodwill.domain.conference import Conference
from goodwill.domain.person import Person
from goodwill.projections.engine.base import Projection, iso, key, on


class Directory(Projection):
    name = "directory"
    tables = {
        "conferences": "conference_id TEXT PRIMARY KEY, name TEXT NOT NULL, starts_on TEXT,"
                       " ends_on TEXT, timezone TEXT, venue TEXT, check_in_lists TEXT,"
                       " organizers TEXT, staff TEXT",
        "people": "person_id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,"
                  " is_organizer BIGINT NOT NULL DEFAULT 0",
        "attendees": "attendee_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL,"
                     " person_id TEXT NOT NULL, connect_code TEXT NOT NULL, name TEXT NOT NULL,"
                     " company TEXT, role TEXT, offers TEXT, needs TEXT,"
                     + "".join(f" {choice} BIGINT," for choice in CONSENT) + " registered_at TEXT",
    }
    forgets = ("UPDATE people SET name = '', email = '' WHERE person_id = ?",
               "UPDATE attendees SET name = '', company = '', role = '', offers = '', needs = '',"
               " listed_in_directory = 0, contact_shared_with_connections = 0,"
               " kept_rate_on_profile = 0"
               " WHERE person_id = ?")
    indexes = ("CREATE INDEX IF NOT EXISTS attendees_by_event ON attendees (conference_id, name)",
               "CREATE INDEX IF NOT EXISTS attendees_by_person ON attendees (person_id)",
               "CREATE INDEX IF NOT EXISTS attendees_by_code ON attendees (connect_code)")

    @on
    def conference_created(self, e: Conference.Created, tx: Tx) -> None:
        tx.execute("INSERT INTO conferences VALUES (?, ?, ?, ?, ?, ?, '{}', ?, '[]')",
                   (key(e.originator_id), e.name, e.starts_on.isoformat(), e.ends_on.isoformat(),
                    e.timezone, e.venue, json.dumps([key(e.organizer_id)])))

    @on
    def details_changed(self, e: Conference.DetailsChanged, tx: Tx) -> None:
        tx.execute("UPDATE conferences SET name = ?, starts_on = ?, ends_on = ?, timezone = ?,"
                   " venue = ? WHERE conference_id = ?",
                   (e.name, e.starts_on.isoformat(), e.ends_on.isoformat(), e.timezone, e.venue,
                    key(e.originator_id)))

    @on
    def check_in_list_added(self, e: Conference.CheckInListAdded, tx: Tx) -> None:
        self._edit_json(tx, e.originator_id, "check_in_lists", lambda d: {**d, e.key: e.name})

    @on
    def staff_added(self, e: Conference.StaffAdded, tx: Tx) -> None:
        self._edit_json(tx, e.originator_id, "staff", lambda s: sorted({*s, key(e.person_id)}))

    @on
    def staff_removed(self, e: Conference.StaffRemoved, tx: Tx) -> None:
        self._edit_json(tx, e.originator_id, "staff", lambda s: [p for p in s if p != key(e.person_id)])

    @on
    def organizer_added(self, e: Conference.OrganizerAdded, tx: Tx) -> None:
        self._edit_json(tx, e.originator_id, "organizers",
                        lambda s: sorted({*s, key(e.person_id)}))

    def _edit_json(self, tx: Tx, conference_id: UUID, column: str, edit) -> None:
        (value,), = tx.fetchall(f"SELECT {column} FROM conferences WHERE conference_id = ?",
                                (key(conference_id),))
        tx.execute(f"UPDATE conferences SET {column} = ? WHERE conference_id = ?",
                   (json.dumps(edit(json.loads(value))), key(conference_id)))

    @on
    def person_registered(self, e: Person.Registered, tx: Tx) -> None:
        tx.execute("INSERT INTO people VALUES (?, ?, ?, 0)", (key(e.originator_id), e.name, e.email))

    @on
    def organizer_role_granted(self, e: Person.OrganizerRoleGranted, tx: Tx) -> None:
        tx.execute("UPDATE people SET is_organizer = 1 WHERE person_id = ?", (key(e.originator_id),))

    @on
    def attendee_registered(self, e: Attendee.Registered, tx: Tx) -> None:
        tx.execute(
            f"INSERT INTO attendees VALUES ({', '.join('?' * (5 + len(PROFILE + CONSENT)))})",
            (key(e.originator_id), key(e.conference_id), key(e.person_id), e.connect_code,
             *(e.profile.get(f, "") for f in PROFILE),
             *(int(e.consent.get(f, False)) for f in CONSENT), iso(e.timestamp)))

    @on
    def profile_updated(self, e: Attendee.ProfileUpdated, tx: Tx) -> None:
        """A new name is the person's name everywhere, not only at this event."""
        tx.execute(f"UPDATE attendees SET {', '.join(f'{f} = ?' for f in PROFILE)}"
                   " WHERE attendee_id = ?",
                   (*(e.profile.get(f, "") for f in PROFILE), key(e.originator_id)))
        if e.profile.get("name"):
            tx.execute("UPDATE people SET name = ? WHERE person_id ="
                       " (SELECT person_id FROM attendees WHERE attendee_id = ?)",
                       (e.profile["name"], key(e.originator_id)))

    @on
    def consent_changed(self, e: Attendee.ConsentChanged, tx: Tx) -> None:
        tx.execute(f"UPDATE attendees SET {', '.join(f'{f} = ?' for f in CONSENT)}"
                   " WHERE attendee_id = ?",
                   (*(int(e.consent.get(f, False)) for f in CONSENT), key(e.originator_id)))


def conference_row(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, **{c: json.loads(row[c]) for c in ("check_in_lists", "organizers", "staff")}}


async def email_of(db: Reader, person_id: UUID | str) -> str:
    """Where the person's sign-in links go; "" for someone without an email of their own
    (a colleague bought for) or forgotten. Never shown on a page."""
    return await db.fetchval("SELECT email FROM people WHERE person_id = ?",
                             str(person_id)) or ""


async def conference(db: Reader, conference_id: UUID) -> dict[str, Any] | None:
    row = await db.fetchrow("SELECT * FROM conferences WHERE conference_id = ?", str(conference_id))
    return conference_row(row) if row else None


async def conferences(db: Reader) -> list[dict[str, Any]]:
    rows = await db.fetch("SELECT * FROM conferences ORDER BY starts_on, name")
    return [conference_row(r) for r in rows]


async def attendee(db: Reader, conference_id: UUID, person_id: UUID) -> dict[str, Any] | None:
    return await db.fetchrow("SELECT * FROM attendees WHERE conference_id = ? AND person_id = ?",
                             str(conference_id), str(person_id))


async def is_organizer(db: Reader, person: UUID) -> bool:
    """Whether the person holds the organizer role (any event's organizer may hold it)."""
    return bool(await db.fetchval("SELECT is_organizer FROM people WHERE person_id = ?",
                                  str(person)))


async def name_of(db: Reader, person: UUID) -> str | None:
    return await db.fetchval("SELECT name FROM people WHERE person_id = ?", str(person))


async def part_in(db: Reader, event: dict[str, Any], person: UUID) -> dict[str, Any] | None:
    """The event with whether ``person`` organizes and attends it; none if they have no part
    in it (neither attending, staffing nor organizing)."""
    organizing = str(person) in event["organizers"]
    attending = await attendee(db, UUID(event["conference_id"]), person)
    if organizing or attending or str(person) in event["staff"]:
        return {**event, "organizing": organizing, "attending": bool(attending)}
    return None


async def events_of(db: Reader, person: UUID) -> list[dict[str, Any]]:
    """The events this person attends, staffs or organizes."""
    return [mine for event in await conferences(db)
            if (mine := await part_in(db, event, person)) is not None]


LISTED = ("FROM attendees WHERE conference_id = ? AND listed_in_directory = 1 AND ("
          + " OR ".join(f"LOWER({f}) LIKE ? ESCAPE '\\'" for f in ("name", "company", "offers",
                                                                   "needs")) + ")")
"""Attendees who opted in and match a search, whose ``%``, ``_`` and ``\\`` are literal."""


def like(search: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') that finds ``search`` as typed, case aside."""
    literal = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{literal}%"


def matching(conference_id: UUID, search: str) -> list[str]:
    return [str(conference_id), *[like(search)] * 4]


async def listed(db: Reader, conference_id: UUID, search: str = "", limit: int = 50,
                 offset: int = 0, after: UUID | None = None) -> list[dict[str, Any]]:
    """The directory: only attendees who opted in, searchable by name, company, offers, needs,
    in name order; ``after`` a person listed, the ones that follow them (keyset paging, so a
    page never repeats or skips anyone while others join)."""
    following, params = "", []
    if after is not None:
        following = (" AND (name, person_id) > (SELECT name, person_id FROM attendees"
                     " WHERE conference_id = ? AND person_id = ?)")
        params = [str(conference_id), str(after)]
    return await db.fetch(
        f"SELECT person_id, name, company, role, offers, needs {LISTED}{following}"
        " ORDER BY name, person_id LIMIT ? OFFSET ?",
        *matching(conference_id, search), *params, limit, offset)


async def count_listed(db: Reader, conference_id: UUID, search: str = "") -> int:
    return await db.fetchval(f"SELECT COUNT(*) {LISTED}", *matching(conference_id, search))


async def wearer(db: Reader, connect_code: str) -> dict[str, Any] | None:
    """Whose badge this is, as a scanning stranger may see it: the profile only if its owner
    is listed in the directory, else the name alone."""
    row = await db.fetchrow("SELECT person_id, conference_id, listed_in_directory,"
                            f" {', '.join(PROFILE)} FROM attendees WHERE connect_code = ?",
                            connect_code)
    return row and as_shared(row)


def as_shared(row: dict[str, Any]) -> dict[str, Any]:
    """An attendee as others may see them: the profile only if they are listed in the
    directory, else the name alone."""
    if row["listed_in_directory"]:
        return row
    return {**row, **{f: "" for f in PROFILE if f != "name"}}


async def names(db: Reader, person_ids: set[str]) -> dict[str, str]:
    """Each person's registered name, for lists that hold only ids."""
    rows = await db.fetch(f"SELECT person_id, name FROM people WHERE person_id IN"
                          f" ({', '.join('?' * len(person_ids)) or 'NULL'})", *person_ids)
    return {r["person_id"]: r["name"] for r in rows}

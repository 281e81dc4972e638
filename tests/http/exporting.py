"""A gathering worth exporting, and the two ways an organizer takes an export away: the
download (HTTP) and ``goodwill export`` (the command line, run in this process).

Three attendees share their profile with the organizers — Alice, Bob and Zoë, whose
company is a would-be formula — one does not (Hester), and one shared and was then
forgotten (Frida). Whatever the export, neither of the last two may be named in it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import httpx

from goodwill.cli import main
from goodwill.exports import EXPORTS

OFFLINE_SCAN = "2026-06-01T08:05:00+02:00"
OFFLINE_SCAN_UTC = "2026-06-01T06:05:00.000000Z"
FORMULA = '=HYPERLINK("http://evil.example","Zoë")'
NEVER = ("Hester", "Hidden Ltd", "hester@example.org", "Frida", "Forgotten Ltd",
         "frida@example.org", "LISTENING-SECRET", "HESTER-SECRET-NOTE", "FRIDA-SECRET-NOTE")
"""What no export may hold: the names and details of those who did not share (or were
forgotten), their notes, and anyone's listening notes."""


@dataclass
class Gathering:
    summit: object
    people: dict[str, str] = field(default_factory=dict)
    ids_never_shown: set[str] = field(default_factory=set)

    @property
    def api(self):
        return self.summit.api

    @property
    def event(self) -> str:
        return self.summit.event_id

    def download(self, name: str, who: str | None = None) -> httpx.Response:
        person = self.people[who] if who else self.summit.organizer
        return self.api.client.get(f"/api/v1/events/{self.event}/exports/{name}",
                                   headers=self.api.headers(person),
                                   params={"after": self.api.position})

    def command_line(self, name: str, folder, monkeypatch) -> bytes:
        """``goodwill export``, configured from the environment as an operator would."""
        settings = self.api.system.settings
        monkeypatch.setenv("GOODWILL_DATABASE_URL", settings.database_url)
        monkeypatch.setenv("GOODWILL_SECRET_KEY", settings.secret_key)
        out = folder / name
        assert main(["export", "--event", self.event, "--format", name, "--out", str(out)]) == 0
        return out.read_bytes()

    def both(self, name: str, folder, monkeypatch) -> tuple[httpx.Response, bytes]:
        response = self.download(name)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == EXPORTS[name].media_type
        assert response.headers["content-disposition"] == (
            f'attachment; filename="reciprocity-summit-{name}"')
        return response, self.command_line(name, folder, monkeypatch)

    def assert_names_nobody_hidden(self, content: bytes) -> None:
        text = readable(content)
        for secret in (*NEVER, *self.ids_never_shown):
            assert secret not in text, secret


def readable(content: bytes) -> str:
    """The text of a file, or of every part of a zipped one (XLSX)."""
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(archive.read(part).decode() for part in archive.namelist())
    return content.decode("utf-8")


def register(summit, name: str, email: str, shares: bool, **profile: str) -> str:
    api = summit.api
    guest = api.do(summit.organizer, f"/events/{summit.event_id}/attendees", email=email,
                   profile={"name": name, **profile},
                   consent={"listed_in_directory": True, "shared_with_organizer": shares})
    summit.guests[name.split()[0]] = guest
    summit.people[name.split()[0]] = guest["person_id"]
    return guest["person_id"]


def gather(summit) -> Gathering:
    """The story: scans at the door (one sent late by an offline device), connections,
    gives, a thank-you, an introduction, a promise, a private note, then Frida forgotten."""
    api, event, sam = summit.api, summit.event_id, summit.people["Sam"]
    at = {"conference_id": event}
    for name in ("Alice", "Bob"):
        api.do(summit.people[name], f"/events/{event}/attendees/me/consent",
               consent={"listed_in_directory": True, "shared_with_organizer": True})
    register(summit, "Zoë Ünal", "zoe@example.org", True, company=FORMULA, role="+Founder")
    register(summit, "Hester Hidden", "hester@example.org", False, company="Hidden Ltd")
    register(summit, "Frida Forgotten", "frida@example.org", True, company="Forgotten Ltd")
    p = summit.people
    alice, bob, zoe, hester, frida = (p[n] for n in ("Alice", "Bob", "Zoë", "Hester", "Frida"))

    def scan(who: str, direction: str = "in", list_key: str = "main", **when: str) -> None:
        api.do(sam, f"/tickets/check-{direction}", **at, list_key=list_key, device="door-1",
               ticket_code=summit.guests[who]["ticket_code"], **when)

    scan("Alice", scanned_at=OFFLINE_SCAN)
    for step in (("Bob",), ("Bob", "in", "workshop"), ("Bob", "out"), ("Hester",), ("Frida",)):
        scan(*step)
    api.do(alice, "/connections/badge", connect_code=summit.guests["Bob"]["connect_code"])
    api.meet(zoe, alice, at["conference_id"])
    api.meet(alice, hester, at["conference_id"])
    api.do(bob, "/connections/badge", connect_code=summit.guests["Frida"]["connect_code"])
    advice = api.do(alice, "/gives", **at, giver=alice, receiver=bob, kind="advice",
                    note="Try the quiet room")["give_id"]
    api.do(bob, f"/gives/{advice}/thanks", message="Thanks, it worked")
    api.do(bob, "/gives", **at, giver=bob, receiver=alice, kind="referral", note="Call Dana")
    api.do(hester, "/gives", **at, giver=hester, receiver=alice, kind="resource",
           note="HESTER-SECRET-NOTE")
    api.do(alice, "/gives", **at, giver=alice, receiver=hester, kind="insight", note="For you")
    api.do(frida, "/gives", **at, giver=frida, receiver=bob, kind="support",
           note="FRIDA-SECRET-NOTE")
    api.introduce(alice, at["conference_id"], person_a=bob, person_b=hester, why="Both build kilns")
    api.do(alice, "/promises", **at, promisee=bob, what="Send the deck", due_on="2026-12-01")
    api.do(alice, "/notes", **at, about=bob, kind="need", text="LISTENING-SECRET")
    api.do(frida, "/me/forget")
    gathering = Gathering(summit, dict(p))
    gathering.ids_never_shown = {hester, frida, summit.guests["Hester"]["attendee_id"],
                                 summit.guests["Frida"]["attendee_id"]}
    return gathering

"""The first morning at the doors: most guests arrive between 08:00 and 11:00 through the
main entrance, some go on to the workshop room, a few step out and come back."""

from __future__ import annotations

from dataclasses import dataclass

from goodwill.demo.state import Demo, Guest

OPENS, CLOSES = 8 * 60, 11 * 60  # minutes after midnight, local time
DEVICES = {"main": ("main-door-1", "main-door-2"), "workshop": ("workshop-door",)}
COMMANDS = {"in": "check_in", "out": "check_out"}


@dataclass(frozen=True)
class Scan:
    minute: float
    direction: str  # "in" or "out"
    list_key: str
    device: str
    guest: Guest


def check_in_morning(demo: Demo) -> None:
    """All scans in time order, as staff devices send them."""
    scans = [scan for guest in demo.guests if demo.chance(0.85) for scan in visit(demo, guest)]
    scans.sort(key=lambda s: s.minute)
    demo.each("scans", scans, lambda scan: send_scan(demo, scan))


def visit(demo: Demo, guest: Guest) -> list[Scan]:
    rng = demo.rng
    guest.arrived = arrived = rng.uniform(OPENS, CLOSES - 30)

    def scan(minute: float, direction: str, list_key: str = "main") -> Scan:
        return Scan(minute, direction, list_key, rng.choice(DEVICES[list_key]), guest)

    scans = [scan(arrived, "in")]
    if demo.chance(0.05):
        stepped_out = rng.uniform(arrived + 5, CLOSES - 20)
        scans += [scan(stepped_out, "out"), scan(rng.uniform(stepped_out + 5, CLOSES), "in")]
    if guest.invitee.workshop and demo.chance(0.6):
        scans.append(scan(rng.uniform(arrived + 10, CLOSES), "in", "workshop"))
    return scans


def send_scan(demo: Demo, scan: Scan) -> None:
    """Staff scan the main doors; the organizer helps out at the workshop room."""
    scanner = demo.staff if scan.list_key == "main" else demo.organizer
    demo.send(COMMANDS[scan.direction], scanner, demo.conference_id, scan.guest.ticket_code,
              scan.list_key, scan.device, scanned_at=demo.at(scan.minute))
    demo.tally[f"{COMMANDS[scan.direction].replace('_', '-')}s"] += 1

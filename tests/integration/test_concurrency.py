"""Two devices scanning the same ticket at the same moment: exactly one admits it."""

import threading
import uuid

from goodwill.domain.errors import ConflictError
from goodwill.domain.ids import ticket_id


def test_two_threads_checking_in_one_ticket(system, scenario):
    staff = scenario.organizer
    tickets = [scenario[f"Guest {n}"].ticket_code for n in range(10)]
    barrier = threading.Barrier(2)
    answers: dict[str, list] = {"door-1": [], "door-2": []}

    def scan(device: str) -> None:
        for code in tickets:
            barrier.wait()
            try:
                system.app.check_in(staff, uuid.uuid4(), scenario.conference_id, code,
                                    "main", device)
                answers[device].append("admitted")
            except ConflictError as refusal:
                answers[device].append(refusal.message)

    threads = [threading.Thread(target=scan, args=(d,)) for d in answers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    for n, code in enumerate(tickets):
        pair = sorted([answers["door-1"][n], answers["door-2"][n]])
        assert pair[1] == "admitted", pair
        assert pair[0].startswith("Already checked in at ") and "at Main entrance by device door-" in pair[0]
        events = system.app.events.get(ticket_id(code))
        assert [type(e).__name__ for e in events] == ["Issued", "CheckedIn"]

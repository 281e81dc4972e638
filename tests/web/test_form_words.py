"""Every form on every page, sent with bad values in each of its fields in turn: what comes
back speaks of the field as the form labels it, never by an internal name (``due_on``,
``profile.name``), and is never a server error."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from uuid import uuid4

import pytest

from tests.web.pages import browser

BAD = {"text": ["", "   ", "x" * 5001, "a\x00b", "a\x01b"],
       "date": ["", "0001-01-01", "2026-02-30", "9999-12-31", "tomorrow"],
       "number": ["-1", "1e999", "abc"],
       "select": ["not-one-of-them"]}
"""What a person (or a broken client) may send in a field of each kind."""
KINDS = {"date": "date", "number": "number", "select": "select"}
LEFT_ALONE = ("/auth/sign-out", "/me/forget")
"""Forms whose work is to end the test's session."""
INTERNAL_NAME = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b|\$\.|Expected `")
PROBLEM_SHOWN = re.compile(r'class="(?:error|detail)"[^>]*>[^<\s]')
"""Where a page says what is wrong: beside the field, or as the problem page's detail."""
HIDDEN_TEXT = {"script", "style", "title", "textarea", "option"}


class Forms(HTMLParser):
    """Each form's method, action, what it sends as it stands, and the fields a person
    fills in, by kind."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict] = []
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.found.append({"method": a.get("method", "get").lower(),
                               "action": a.get("action", ""), "sent": {}, "filled": {}})
            return
        if not self.found or not a.get("name"):
            return
        form, name = self.found[-1], a["name"]
        if tag == "input" and a.get("type") in ("hidden", "checkbox", "radio"):
            if a["type"] == "hidden" or "checked" in a:
                form["sent"][name] = a.get("value", "on")
        elif tag == "input" and a.get("type") != "file":
            form["sent"][name] = a.get("value", "")
            form["filled"][name] = KINDS.get(a.get("type", "text"), "text")
        elif tag == "textarea":
            form["sent"][name], form["filled"][name] = "", "text"
        elif tag == "select":
            self.select, form["filled"][name] = name, "select"
        elif tag == "option" and self.select and self.select not in form["sent"]:
            form["sent"][self.select] = a.get("value", "")
        elif tag == "button":  # the first: the one Enter presses
            form["sent"].setdefault(name, a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None


class Shown(HTMLParser):
    """The text a person reads on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, _) -> None:
        self.hidden += tag in HIDDEN_TEXT

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in HIDDEN_TEXT

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def fresh_ids(sent: dict[str, str]) -> dict[str, str]:
    """Each try is a new command: a command id sent again gets its first answer back."""
    return {name: str(uuid4()) for name in sent if name.endswith("command_id")}


def shown(page: str) -> str:
    parser = Shown()
    parser.feed(page)
    return " ".join(parser.text)


def forms(page: str) -> list[dict]:
    parser = Forms()
    parser.feed(page)
    return [f for f in parser.found if f["filled"] and f["action"] not in LEFT_ALONE]


@pytest.fixture
def busy(summit):
    """Alice met Bob, who helped her, and promised him something; Dan is listed, not met."""
    api, event = summit.api, summit.event_id
    for name in ("Carol", "Dan"):
        summit.guest(name)
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    api.meet(alice, bob, event)
    give = api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice,
                  kind="advice", note="Pricing tips")["give_id"]
    api.do(alice, "/promises", conference_id=event, promisee=bob, what="A deck",
           due_on="2026-12-01")
    api.introduce(alice, event, person_a=bob, person_b=summit.people["Carol"], why="Kilns")
    return summit, give


def pages(summit, give: str) -> dict[str, list[str]]:
    event, people = summit.event_id, summit.people
    dan = summit.guests["Dan"]
    return {
        "Alice": ["/", "/contacts", f"/events/{event}/badge", f"/c/{dan['connect_code']}", "/scan",
                  "/me/data", f"/events/{event}", f"/events/{event}/profile", "/follow-ups",
                  "/timeline",
                  f"/events/{event}/directory", f"/events/{event}/people/{people['Dan']}",
                  f"/contacts/{people['Bob']}", f"/gives/{give}", "/introduce"],
        "organizer": ["/console", f"/events/{event}/console", f"/events/{event}/tickets",
                      f"/events/{event}/tickets/{people['Alice']}", f"/events/{event}/badges",
                      f"/events/{event}/import", f"/events/{event}/exports",
                      f"/events/{event}/desk"]}


def test_no_internal_field_name_reaches_a_page(busy):
    summit, give = busy
    api = summit.api
    seen, found = set(), {}
    for who, paths in pages(summit, give).items():
        person = summit.organizer if who == "organizer" else summit.people[who]
        headers = browser(api.headers(person))
        for path in paths:
            page = api.client.get(path, headers=headers, params={"after": api.position})
            assert page.status_code == 200, (path, page.text)
            for form in forms(page.text):
                for field, kind in form["filled"].items():
                    if (form["action"], *sorted(form["filled"]), field) in seen:
                        continue
                    seen.add((form["action"], *sorted(form["filled"]), field))
                    for bad in BAD[kind]:
                        sent = {**form["sent"], field: bad, **fresh_ids(form["sent"])}
                        answer = (api.client.post(form["action"], data=sent, headers=headers,
                                                  follow_redirects=False)
                                  if form["method"] == "post" else
                                  api.client.get(form["action"] or path, params=sent,
                                                 headers=headers, follow_redirects=False))
                        where = f"{form['method']} {form['action'] or path} {field}={bad[:12]!r}"
                        assert answer.status_code < 500, (where, answer.text)
                        said = (shown(answer.text)
                                if answer.headers["content-type"].startswith("text/html")
                                else answer.text)
                        if names := set(INTERNAL_NAME.findall(said)):
                            found[where] = sorted(names)
                        if answer.status_code >= 400 and not PROBLEM_SHOWN.search(answer.text):
                            found[where] = "refused without saying why"
    assert len(seen) > 40, sorted(seen)
    assert not found, "\n".join(f"{w}: {n}" for w, n in found.items())

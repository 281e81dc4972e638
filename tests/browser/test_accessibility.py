"""The key pages checked in the browser against WCAG 2.1 A and AA by axe-core (labels,
contrast, names, landmarks, language) and, beyond axe, for the 44 px tap targets a thumb
needs. axe-core is vendored under tests/browser/vendor and injected for the check only:
the context bypasses the CSP, which would rightly refuse an injected script."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_journey import sign_in

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a, button, input:not([type=hidden]), select, textarea, summary')]
  .filter((e) => e.offsetParent !== null && !e.closest('p, li > p'))
  .map((e) => [e.outerHTML.slice(0, 80),
                (/^(checkbox|radio)$/.test(e.type) && e.labels.length ? e.labels[0] : e)
                  .getBoundingClientRect()])
  .filter(([, box]) => box.height < 44 || box.width < 44)
  .map(([html, box]) => `${html} is ${Math.round(box.width)}x${Math.round(box.height)}`)"""
"""Links inside a sentence are exempt, as WCAG exempts them: the sentence sets their size.
A box's label is its target: tapping the label ticks the box."""


@pytest.fixture
def alice_with_a_contact(browser, live_server):
    """Alice signed in, connected with Bob, so her contact page has something on it."""
    alice, bob = live_server.alice, live_server.bob
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390,
                                                                      "height": 844},
                                  bypass_csp=True)
    context.set_default_timeout(10_000)
    page = sign_in(context, alice, live_server.url)
    page.goto(f"/c/{bob.guest.connect_code}")
    page.get_by_role("button", name="Connect").click()
    expect(page.get_by_role("status")).to_have_text("Connected")
    yield page
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("(tags) => axe.run(document, {runOnly: tags})"
                          ".then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' at '"
                          " + v.nodes.map((n) => n.target.join(' ')).join(', ')))", WCAG)
    return found + page.evaluate(SMALL_TARGETS)


def test_key_pages_pass_wcag_checks_and_have_thumb_sized_targets(alice_with_a_contact,
                                                                 live_server):
    page, bob = alice_with_a_contact, live_server.bob
    page.goto("/")
    badge = page.get_by_role("link", name="My badge").get_attribute("href")
    paths = ["/", badge, f"/contacts/{bob.guest.person_id}",
             "/follow-ups", "/timeline", badge.replace("/badge", "/directory"),
             f"/c/{bob.guest.connect_code}", "/scan",
             badge.replace("/badge", "/profile"), "/me/data"]
    found = {}
    for path in paths:
        page.goto(path)
        found[path] = violations(page)
    assert not any(found.values()), {path: v for path, v in found.items() if v}

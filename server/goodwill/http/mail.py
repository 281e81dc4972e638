"""Emailing sign-in links, after the answer has gone: a lost one asked for by its holder (an
unknown email and a known one are answered alike and as fast), or one an organizer sends."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit
from uuid import UUID

from litestar.datastructures import State

from goodwill.tokens import SIGN_IN_LINK

log = logging.getLogger(__name__)
SUBJECT = "Your Goodwill sign-in link"
NO_SMTP = ("This server sends no email (no GOODWILL_SMTP_URL is set), so it cannot send a"
           " link; one can be shown only to an attendee who has never signed in.")
NO_ADDRESS = ("This attendee has no email of their own (their ticket was bought for them on"
              " someone else's order), so no link can be sent to them.")


def send_lost_link(state: State, email: str, conference_id: UUID | None = None) -> None:
    """Runs in a thread after the response, so a known email is answered as fast."""
    credential_id = state.system.app.lost_link(email, conference_id)
    if credential_id is not None:
        send_sign_in_link(state, email, credential_id)


def send_new_link(state: State, person_id: UUID, email: str) -> None:
    """For the holder of a used link: a new one, to the address the person registered
    with. Runs after the response."""
    credential_id = state.system.app.email_link(person_id)
    if credential_id is not None:
        send_sign_in_link(state, email, credential_id)


def send_sign_in_link(state: State, email: str, credential_id: UUID) -> None:
    """Runs after the response. Failures are logged without the link."""
    link = f"{state.settings.public_url}/s#{state.signer.token(SIGN_IN_LINK, credential_id)}"
    try:
        deliver(state.settings.smtp_url, email, SUBJECT,
                f"Open this link to sign in to Goodwill:\n\n{link}\n\n"
                "It is yours alone: anyone who has it can act as you.\n")
    except (OSError, smtplib.SMTPException) as error:
        log.error("could not email a sign-in link: %s", type(error).__name__)


def deliver(smtp_url: str, to: str, subject: str, text: str) -> None:
    """``smtps://`` is TLS from the start; ``smtp://`` upgrades with STARTTLS when offered."""
    url = urlsplit(smtp_url)
    message = EmailMessage()
    message["From"] = parse_qs(url.query).get("from", [f"goodwill@{url.hostname}"])[0]
    message["To"], message["Subject"] = to, subject
    message.set_content(text)
    connect = smtplib.SMTP_SSL if url.scheme == "smtps" else smtplib.SMTP
    port = url.port or (465 if url.scheme == "smtps" else 587)
    with connect(url.hostname or "localhost", port, timeout=30) as smtp:
        if url.scheme == "smtp" and smtp.ehlo() and smtp.has_extn("starttls"):
            smtp.starttls()
        if url.username:
            smtp.login(unquote(url.username), unquote(url.password or ""))
        smtp.send_message(message)

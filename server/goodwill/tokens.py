"""Every token and signature, derived from the server's secret key with HMAC-SHA256.

A sign-in link's or device's token is ``HMAC(secret, purpose, credential id)`` rather than
a random value kept as a hash. Why:

- nothing stored signs anyone in: the event store, read models and backups hold only ids;
- the same link can be shown or printed again, and a replayed command (same command id)
  answers with a link that works, so issuing stays idempotent;
- revoking is by credential id (the read model says which are revoked), and rotating the
  secret key voids every token at once;
- one purpose per token: the purpose is part of the MAC's input and the token's prefix, so
  a link's token never verifies as a device token, nor the other way round.

The MAC is 160 bits, the whole token 288. Every comparison is constant-time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct
from dataclasses import dataclass
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SIGN_IN_LINK, DEVICE, API_TOKEN = "sign-in-link", "device", "api-token"
PREFIXES = {SIGN_IN_LINK: "gwl_", DEVICE: "gwd_", API_TOKEN: "gwp_"}
JOIN_CODE = "join-code"
MAC_BYTES = 20
SESSION_SECONDS = 30 * 24 * 3600
"""A session outlives an event of a few days and its follow-ups; then the link again."""


@dataclass(frozen=True)
class Session:
    person_id: UUID
    credential_id: UUID
    """What it was opened with: revoking that credential ends the session."""
    issued_at: int


class Keys:
    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("A secret key is needed to sign sessions and derive tokens.")
        self._secret = secret.encode()

    def mac(self, purpose: str, data: bytes) -> bytes:
        return hmac.new(self._secret, purpose.encode() + b"\0" + data, hashlib.sha256).digest()

    def token(self, purpose: str, *ids: UUID) -> str:
        """A token naming ``ids``: a credential's id, or (a personal API token) the person's
        and the credential's, so that the token says whose it is."""
        body = b"".join(each.bytes for each in ids)
        return PREFIXES[purpose] + encode(body + self.mac(purpose, body)[:MAC_BYTES])

    def ids_of(self, purpose: str, token: str, count: int = 1) -> tuple[UUID, ...] | None:
        """The ``count`` ids a token of this purpose names, or None if it is not ours."""
        raw = decode(token.removeprefix(PREFIXES[purpose])) if token.startswith(
            PREFIXES[purpose]) else None
        if raw is None or len(raw) != 16 * count + MAC_BYTES:
            return None
        body, mac = raw[:16 * count], raw[16 * count:]
        if not hmac.compare_digest(self.mac(purpose, body)[:MAC_BYTES], mac):
            return None
        return tuple(UUID(bytes=body[at:at + 16]) for at in range(0, len(body), 16))

    def credential_of(self, purpose: str, token: str) -> UUID | None:
        """The credential id a token of this purpose names, or None if it is not ours."""
        ids = self.ids_of(purpose, token)
        return ids[0] if ids else None

    def session(self, person_id: UUID, credential_id: UUID, issued_at: int) -> str:
        body = person_id.bytes + credential_id.bytes + struct.pack(">Q", issued_at)
        return f"{encode(body)}.{encode(self.mac('session', body))}"

    def session_of(self, value: str, now: int) -> Session | None:
        """The session a cookie carries, if we signed it and it has not expired."""
        body_text, _, mac_text = value.partition(".")
        body, mac = decode(body_text), decode(mac_text)
        if body is None or mac is None or len(body) != 40:
            return None
        if not hmac.compare_digest(self.mac("session", body), mac):
            return None
        (issued_at,) = struct.unpack(">Q", body[32:])
        if not issued_at <= now < issued_at + SESSION_SECONDS:
            return None
        return Session(UUID(bytes=body[:16]), UUID(bytes=body[16:32]), issued_at)

    def csrf(self, session: str) -> str:
        """Bound to the session cookie, so a token learnt elsewhere is worth nothing here."""
        return encode(self.mac("csrf", session.encode()))

    def join_digest(self, join_code: str) -> str:
        """Keyed, so the store's digests cannot be tried against guessed short codes."""
        return self.mac("join-code", join_code.strip().upper().encode()).hex()

    def join_code_kept(self, join_code: str) -> tuple[str, str]:
        """What the store keeps of a join code: its keyed digest, which finds the event, and
        the code sealed for this server alone, which organizers are shown again."""
        return self.join_digest(join_code), self.seal(JOIN_CODE, join_code.strip().upper())

    def seal(self, purpose: str, text: str) -> str:
        """AES-GCM under a key derived for ``purpose``: rotating the secret key makes it
        unreadable, as it voids every digest and token."""
        nonce = os.urandom(12)
        sealed = AESGCM(self.mac("seal", purpose.encode())).encrypt(nonce, text.encode(), None)
        return encode(nonce + sealed)

    def unseal(self, purpose: str, sealed: str) -> str | None:
        raw = decode(sealed) or b""
        try:
            return AESGCM(self.mac("seal", purpose.encode())).decrypt(
                raw[:12], raw[12:], None).decode()
        except (InvalidTag, ValueError):
            return None

    def join_code(self, command_id: UUID) -> str:
        """A fresh code for an organizer who chose none; derived from the command id, so a
        replayed command shows the code the first one set."""
        return base64.b32encode(self.mac("join-code-choice", command_id.bytes)[:5]).decode()


def encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(text: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        return None

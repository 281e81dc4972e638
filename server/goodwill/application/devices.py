"""Door devices: a scanner or a shared tablet that acts as staff of one event, issued and
revoked by its organizers, and taken up by the first browser or scanner that uses it.

As with people's credentials, the answers carry device ids only; the HTTP layer derives the
token with the server's secret key.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from goodwill.application.core import CommandApplication, Outcome
from goodwill.domain.credential import Device, device_session_id
from goodwill.domain.errors import NotAllowedError, NotFoundError
from goodwill.domain.ids import derived


class DeviceCommands(CommandApplication):
    def issue_device(self, actor: UUID, command_id: UUID, conference_id: UUID,
                     label: str) -> Outcome:
        """A door device that acts as staff of this one event; its token is derived from
        the answer's ``device_id``, so a replay shows the same token."""
        def decide():
            self.organized_by(conference_id, actor)
            device = Device(conference_id=conference_id, label=label, issued_by=actor)
            return (device,), {"device_id": device.id}
        return self.execute(actor, command_id, "issue_device", decide, audit=conference_id)

    def revoke_device(self, actor: UUID, command_id: UUID, conference_id: UUID,
                      device_id: UUID) -> Outcome:
        def decide():
            self.organized_by(conference_id, actor)
            device = self.find(Device, device_id)
            if device is None or device.conference_id != conference_id:
                raise NotFoundError("This event has no such device.")
            device.revoke()
            return (device,), {"device_id": device_id}
        return self.execute(actor, command_id, "revoke_device", decide, audit=conference_id)

    def open_device_session(self, device_id: UUID) -> tuple[UUID, UUID] | None:
        """The event and session of the browser that opens a device's link first (see
        :class:`Device`); None when it was used, or revoked, a moment ago."""
        device = self.find(Device, device_id)
        if device is None or device.revoked or device.used:
            return None
        def decide():
            found = self.get(Device, device_id, "device")
            return (found,), {"session_id": found.open_session()}
        try:
            self.execute(device_id, uuid4(), "open_device_session", decide)
        except NotAllowedError:
            return None
        return device.conference_id, device_session_id(device_id)

    def device_used(self, device_id: UUID) -> bool:
        """Whether a browser or scanner has used this device's token, which is then never
        shown again."""
        device = self.find(Device, device_id)
        return device is not None and device.used

    def take_up_device(self, device_id: UUID) -> bool:
        """Whether a request with this device's bearer token may act as the device: the
        scanner that sends it first takes it up, unless a browser opened it as a link or
        it was revoked; asked of the store on every request, so a revocation holds at once."""
        device = self.find(Device, device_id)
        if device is None or device.revoked or device.session is not None:
            return False
        if device.client:
            return True
        def decide():
            found = self.get(Device, device_id, "device")
            found.take_up()
            return (found,), {"device_id": device_id}
        try:
            self.execute(device_id, derived("taken-up", device_id), "take_up_device", decide)
        except NotAllowedError:
            return False
        return True

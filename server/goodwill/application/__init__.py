"""The Goodwill application: every command, one class, one event store."""

from __future__ import annotations

from goodwill.application.checkin import CheckInCommands, DoorScan, Scanned
from goodwill.application.core import Outcome
from goodwill.application.erasure import ErasureCommands
from goodwill.application.credentials import CredentialCommands
from goodwill.application.devices import DeviceCommands
from goodwill.application.followups import FollowUpCommands
from goodwill.application.importing import ImportCommands
from goodwill.application.giving import GivingCommands
from goodwill.application.networking import NetworkingCommands
from goodwill.application.organizing import OrganizingCommands
from goodwill.application.people import PeopleCommands
from goodwill.application.registration import RegistrationCommands

__all__ = ["DoorScan", "Goodwill", "Outcome", "Scanned"]


class Goodwill(RegistrationCommands, ImportCommands, PeopleCommands, CredentialCommands,
               OrganizingCommands, DeviceCommands, CheckInCommands, NetworkingCommands,
               GivingCommands, FollowUpCommands, ErasureCommands):
    """Commands in, events out. Its name fixes the event table's name in the store."""

    name = "Goodwill"

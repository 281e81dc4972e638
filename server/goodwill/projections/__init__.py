"""Read models, one module each, and the runner that keeps them up to date."""

from goodwill.projections.audit import AuditLog
from goodwill.projections.engine.base import Projection
from goodwill.projections.checkins import CheckIns
from goodwill.projections.conflicts import CheckInConflicts
from goodwill.projections.connection_requests import ConnectionRequests
from goodwill.projections.consent import ConsentHistory
from goodwill.projections.credentials import Credentials
from goodwill.projections.directory import Directory
from goodwill.projections.figures import Figures
from goodwill.projections.followups import FollowUps
from goodwill.projections.ledger import Ledger
from goodwill.projections.registration import Registration
from goodwill.projections.suggestions import Suggestions
from goodwill.projections.ticket_codes import TicketCodes
from goodwill.projections.timeline import Timeline


def all_projections() -> list[Projection]:
    return [Directory(), Timeline(), Ledger(), FollowUps(), CheckIns(), Figures(), AuditLog(),
            ConsentHistory(), Credentials(), TicketCodes(), Registration(),
            CheckInConflicts(), ConnectionRequests(), Suggestions()]

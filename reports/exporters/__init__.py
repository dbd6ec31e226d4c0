"""The registry of documents: identifier -> exporter class (a plain dict, no plugins).

The documents of an event are registered here. An app above reports (oversight's summary to
the Central Council, built on its results reports) registers its own exporters with
`register_exporter` from its AppConfig.ready(), so reports never imports a higher app. The
lists of kinds are therefore read when asked for, never frozen at import.
"""

from .attendance_documents import AttendanceListExporter, BadgesExporter, SeatMapExporter
from .award_decision import AwardDecisionExporter
from .award_submission import AwardSubmissionExporter
from .base import BaseExporter, Output
from .certificates import CertificatesExporter
from .event_documents import AgendaExporter, InvitationsExporter

EXPORTERS: dict[str, type[BaseExporter]] = {}


def register_exporter(cls: type[BaseExporter]) -> type[BaseExporter]:
    """Add a document to the registry; registering the same class twice is harmless."""
    known = EXPORTERS.get(cls.identifier)
    if known is not None and known is not cls:
        raise ValueError(f"Two exporters share the identifier {cls.identifier!r}: {known!r} and {cls!r}.")
    EXPORTERS[cls.identifier] = cls
    return cls


def event_kinds() -> tuple[str, ...]:
    return tuple(k for k, cls in EXPORTERS.items() if cls.scope == "event")


def campaign_kinds() -> tuple[str, ...]:
    return tuple(k for k, cls in EXPORTERS.items() if cls.scope == "campaign")


for _cls in (AgendaExporter, InvitationsExporter, CertificatesExporter, BadgesExporter, SeatMapExporter,
             AttendanceListExporter, AwardDecisionExporter, AwardSubmissionExporter):  # fmt: skip
    register_exporter(_cls)

__all__ = ["EXPORTERS", "register_exporter", "event_kinds", "campaign_kinds", "BaseExporter", "Output"]

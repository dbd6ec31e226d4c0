"""The registry of documents: identifier -> exporter class (a plain dict, no plugins)."""

from .base import BaseExporter, Output
from .event_documents import AgendaExporter, CertificatesExporter, InvitationsExporter
from .summary import SummaryPdfExporter, SummaryXlsxExporter

EXPORTERS: dict[str, type[BaseExporter]] = {
    cls.identifier: cls
    for cls in (
        AgendaExporter,
        InvitationsExporter,
        CertificatesExporter,
        SummaryPdfExporter,
        SummaryXlsxExporter,
    )
}

EVENT_KINDS = tuple(k for k, cls in EXPORTERS.items() if cls.scope == "event")
CAMPAIGN_KINDS = tuple(k for k, cls in EXPORTERS.items() if cls.scope == "campaign")

__all__ = ["EXPORTERS", "EVENT_KINDS", "CAMPAIGN_KINDS", "BaseExporter", "Output"]

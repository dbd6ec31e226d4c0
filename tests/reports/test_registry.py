"""The registry of documents: reports' own, and those a higher app registers when it is ready."""

import pytest

from reports import exporters
from reports.exporters import EXPORTERS, BaseExporter, campaign_kinds, event_kinds, register_exporter


def test_it_lists_the_summary_oversight_registered_when_the_apps_were_ready():
    assert event_kinds() == (
        "agenda", "invitations", "certificates", "badges", "seat_map", "attendance_list", "award_decision",
        "award_submission",
        "result_report",
    )  # fmt: skip
    assert campaign_kinds() == ("summary_pdf", "summary_xlsx")
    assert EXPORTERS["summary_pdf"].__module__ == "oversight.exporters"


def test_it_reads_the_kinds_when_asked_so_a_later_registration_shows(monkeypatch):
    monkeypatch.setattr(exporters, "EXPORTERS", dict(EXPORTERS))

    class Later(BaseExporter):
        identifier = "later"
        verbose_name = "Văn bản sau"
        scope = "campaign"

    register_exporter(Later)
    assert exporters.campaign_kinds()[-1] == "later"
    register_exporter(Later)  # the same class again (ready() run twice) changes nothing

    class Clash(BaseExporter):
        identifier = "later"
        verbose_name = "Trùng tên"

    with pytest.raises(ValueError, match="later"):
        register_exporter(Clash)

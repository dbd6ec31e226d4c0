"""A `%PDF-`+HTML polyglot named `polyglot.pdf.html` leaves as a PDF, never as HTML (issue 14)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from freezegun import freeze_time

from congresses.models import Event
from congresses.services import plan_submit
from oversight import services as oversight_services
from tests.factories import EventFactory
from tests.oversight.test_services import report_data

pytestmark = pytest.mark.django_db

POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


def _polyglot() -> SimpleUploadedFile:
    return SimpleUploadedFile("polyglot.pdf.html", POLYGLOT, content_type="text/html")


def _assert_served_as_pdf(response) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="polyglot.pdf"' in disposition
    assert ".html" not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_polyglot_plan_downloads_as_a_pdf(client, campaign, units, unit_manager):
    plan = plan_submit(
        campaign=campaign, unit=units["chora"], kind="plan", upload=_polyglot(), submitted_by=unit_manager
    )
    assert plan.file_type == "pdf"
    client.force_login(unit_manager)
    _assert_served_as_pdf(client.get(reverse("congresses:plan_download", args=[plan.pk])))


@freeze_time("2025-02-10")
def test_a_polyglot_result_attachment_downloads_as_a_pdf(client, campaign, units, unit_manager):
    event = EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD
    )
    report = oversight_services.result_report_submit(event=event, data=report_data(), by=unit_manager)
    attachment = oversight_services.result_attachment_add(report=report, upload=_polyglot(), by=unit_manager)
    client.force_login(unit_manager)
    _assert_served_as_pdf(client.get(reverse("oversight:attachment_download", args=[attachment.pk])))

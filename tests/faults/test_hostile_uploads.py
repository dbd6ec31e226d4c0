"""Every upload fed every hostile file: a clear Vietnamese answer, never a 500, nothing saved."""

import io
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congresses.models import UnitPlan
from delegates.importer import ImportFileError, parse_roster
from delegates.models import Delegate, RosterImport
from oversight.models import ResultAttachment, ResultReport
from tests.factories import EventFactory
from tests.faults.hostile_files import corpus

pytestmark = [pytest.mark.django_db, pytest.mark.faults]

CORPUS = corpus()
IDS = [case for case, _, _ in CORPUS]
# Roster files that are real, readable rosters: a preview, never a refusal.
READABLE_ROSTERS = {"formula with a cached value"}
REFUSAL_WORDS = ("Tệp", "tệp", "Dòng", "Chỉ nhận")
# Files whose bytes really are what the upload accepts: kept under a random name, typed by
# their content (a %PDF- polyglot is stored and later served as application/pdf, see
# test_polyglot_downloads.py; a .docx's entry names are never extracted).
ACCEPTED_PLANS = {"polyglot %PDF- then HTML", "polyglot PDF named .xlsx", "path traversal entry"}
ACCEPTED_ATTACHMENTS = ACCEPTED_PLANS | {"PNG named .xlsx", "Excel 97-2003 header"}


def _stored_safely(file_name: str, uploaded: str) -> bool:
    stem = uploaded.rsplit(".", 1)[0]
    return stem not in file_name and ".." not in file_name


def test_the_corpus_holds_at_least_25_hostile_files():
    assert len(CORPUS) >= 25
    assert len({name for _, name, _ in CORPUS}) == len(CORPUS)


def _body(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_the_roster_import_answers_every_hostile_file(
    client, unit_manager, units, campaign, case, name, content
):
    from datetime import date

    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20))
    client.force_login(unit_manager)
    response = client.post(
        reverse("delegates:import", args=[event.pk]), {"file": SimpleUploadedFile(name, content)}, follow=True
    )
    assert response.status_code == 200, case
    assert not Delegate.objects.exists(), case
    body = _body(response)
    if case in READABLE_ROSTERS:
        assert RosterImport.objects.count() == 1
        return
    assert not RosterImport.objects.exists(), case
    assert any(word in body for word in REFUSAL_WORDS), case
    assert "Traceback" not in body and "Server Error" not in body


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_the_plan_upload_answers_every_hostile_file(
    client, unit_manager, units, campaign, case, name, content
):
    client.force_login(unit_manager)
    response = client.post(
        reverse("congresses:plan_submit", args=[units["chora"].pk, "plan"]),
        {"file": SimpleUploadedFile(name, content)},
    )
    if case in ACCEPTED_PLANS:
        assert response.status_code == 302, case
        assert _stored_safely(UnitPlan.objects.get().file.name, name)
        return
    assert response.status_code == 400, case
    assert not UnitPlan.objects.exists(), case
    assert "Tệp" in _body(response) or "tệp" in _body(response), case


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_the_results_attachment_answers_every_hostile_file(
    client, unit_manager, units, campaign, case, name, content
):
    from datetime import date

    from congresses.models import Event
    from tests.oversight.test_views import REPORT_POST

    event = EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD
    )
    client.force_login(unit_manager)
    client.post(reverse("oversight:result_report", args=[event.pk]), REPORT_POST)
    assert ResultReport.objects.count() == 1
    response = client.post(
        reverse("oversight:attachment_add", args=[event.pk]),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert response.status_code == 200, case
    if case in ACCEPTED_ATTACHMENTS:
        attachment = ResultAttachment.objects.get()
        assert _stored_safely(attachment.file.name, name) and attachment.file.name.endswith(attachment.kind)
        return
    assert not ResultAttachment.objects.exists(), case
    assert "tệp" in _body(response).lower(), case


def _case(name: str) -> bytes:
    return next(content for case, _, content in CORPUS if case == name)


@pytest.mark.parametrize(
    "case",
    ["xlsx zip bomb (sheet unpacks to 150 MB)", "xlsx bomb in the shared strings", "1,500 zip entries"],
)
def test_a_zip_bomb_is_refused_before_parsing_without_memory_or_time(case):
    tracemalloc.start()
    started = time.process_time()
    with pytest.raises(ImportFileError, match="bomb.xlsx|strings.xlsx|entries.xlsx"):
        parse_roster(
            io.BytesIO(_case(case)),
            event_year=2025,
            file_name={
                "xlsx zip bomb (sheet unpacks to 150 MB)": "bomb.xlsx",
                "xlsx bomb in the shared strings": "strings.xlsx",
                "1,500 zip entries": "entries.xlsx",
            }[case],
        )
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # refused from the zip's directory: nothing inflated
    assert time.process_time() - started < 30  # a guard against a hang, not a benchmark


@pytest.mark.parametrize(
    "case",
    ["sheet XML cut in half", "external entity in the sheet (XXE)", "billion laughs in the sheet",
     "damaged entry (bad CRC)", "sheet that is not XML"],
)  # fmt: skip
def test_a_damaged_sheet_is_a_vietnamese_message_naming_the_file(case):
    """These were an English 500: the XML error came while rows were read, outside the try."""
    with pytest.raises(ImportFileError) as caught:
        parse_roster(io.BytesIO(_case(case)), event_year=2025, file_name="danh-sach.xlsx")
    assert "“danh-sach.xlsx”" in str(caught.value)
    assert "bị hỏng" in str(caught.value) or "không" in str(caught.value)

import io
import zipfile
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time

from congresses.models import Event
from core.errors import DomainError
from oversight import services
from oversight.models import BudgetLine, ReminderSent
from oversight.tasks import reminders_send_daily
from tests.factories import EventFactory
from units.models import User

from .conftest import make_plan

pytestmark = pytest.mark.django_db


def report_data(**overrides):
    data = dict(held_on=date(2025, 2, 3), attended_exemplar_individuals=120, attended_exemplar_collectives=20,
                attended_leaders=30, attended_guests=10, exemplars_honoured=25, delegation_approved=12,
                achievements="Tổ chức trang trọng.", shortcomings="", lessons="Chuẩn bị sớm.")  # fmt: skip
    data.update(overrides)
    return data


@freeze_time("2025-02-10")
def test_it_records_the_report_and_marks_the_event_reported(campaign, units, unit_manager):
    event = EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD
    )
    report = services.result_report_submit(event=event, data=report_data(), by=unit_manager)
    event.refresh_from_db()
    assert event.status == Event.Status.REPORTED
    assert report.attended_total == 180
    again = services.result_report_submit(event=event, data=report_data(attended_guests=11), by=unit_manager)
    assert again.pk == report.pk and again.attended_total == 181


@freeze_time("2025-02-10")
def test_it_refuses_a_report_before_the_event_is_held(campaign, units, unit_manager):
    event = EventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 2, 3))
    with pytest.raises(DomainError, match="chưa được ghi nhận là đã tổ chức"):
        services.result_report_submit(event=event, data=report_data(), by=unit_manager)
    event.refresh_from_db()
    assert event.status == Event.Status.PLANNED


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@freeze_time("2025-02-10")
def test_it_keeps_attachments_judged_by_content(campaign, units, unit_manager, settings):
    event = EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD
    )
    report = services.result_report_submit(event=event, data=report_data(), by=unit_manager)
    pdf = services.result_attachment_add(report=report, upload=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 x"),
                                         by=unit_manager)  # fmt: skip
    assert pdf.kind == "pdf" and pdf.original_name == "bien-ban.pdf"
    docx = services.result_attachment_add(report=report, upload=SimpleUploadedFile("bao-cao.docx", _docx()),
                                          by=unit_manager)  # fmt: skip
    assert docx.kind == "docx"
    with pytest.raises(DomainError, match="Chỉ nhận tệp PDF"):
        services.result_attachment_add(report=report, upload=SimpleUploadedFile("virus.pdf", b"MZ\x90\x00evil"),
                                       by=unit_manager)  # fmt: skip
    settings.RESULT_ATTACHMENT_MAX_BYTES = 20
    with pytest.raises(DomainError, match="quá lớn"):
        services.result_attachment_add(report=report, upload=SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 30),
                                       by=unit_manager)  # fmt: skip
    assert report.attachments.count() == 2


def test_it_computes_budget_amounts(campaign):
    line = services.budget_line_create(campaign=campaign, data=dict(category="printing", description="In tài liệu",
                                       quantity=520, unit_price=35_000, notes=""))  # fmt: skip
    assert line.amount == 18_200_000
    services.budget_line_update(line=line, data=dict(category="printing", description="In tài liệu",
                                quantity=500, unit_price=35_000, notes="giảm"))  # fmt: skip
    line.refresh_from_db()
    assert line.amount == 17_500_000
    services.budget_line_delete(line=line)
    assert not BudgetLine.objects.exists()


@pytest.fixture
def officers_with_mail(units):
    chora = User.objects.create_user(
        username="o1", role="officer", unit=units["chora"], email="chora@example.vn"
    )
    User.objects.create_user(username="o2", role="officer", unit=units["songcau"], email="")
    return chora


def test_it_sends_each_reminder_once(campaign, units, officers_with_mail):
    make_plan(campaign, units["chora"], on=date(2024, 7, 30))
    with freeze_time("2024-12-26"):  # 6 days before the commune window opens, no event registered
        assert reminders_send_daily.delay().get() == 1
        assert reminders_send_daily.delay().get() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["chora@example.vn"]
    assert "Thị trấn Chợ Rã" in message.subject and "01/01/2025" in message.body
    with freeze_time("2025-01-02"):  # window opened: the "after" stage, once
        assert reminders_send_daily.delay().get() == 1
        assert reminders_send_daily.delay().get() == 0
    stages = set(ReminderSent.objects.filter(unit=units["chora"]).values_list("stage", flat=True))
    assert stages == {"register_before", "register_after"}
    assert not ReminderSent.objects.filter(
        unit=units["songcau"]
    ).exists()  # no officer e-mail: nothing recorded


def test_it_reminds_a_missing_plan_before_and_after_its_deadline(campaign, units, officers_with_mail):
    for day in ("2024-07-24", "2024-07-25", "2024-07-26", "2024-08-01", "2024-08-02", "2024-08-03"):
        with freeze_time(day):
            reminders_send_daily.delay().get()
    assert [m.subject.split("] ")[1] for m in mail.outbox] == [
        "Sắp đến hạn nộp kế hoạch — Thị trấn Chợ Rã", "Quá hạn nộp kế hoạch — Thị trấn Chợ Rã"
    ]  # fmt: skip
    assert "01/08/2024" in mail.outbox[0].body


def test_it_does_not_remind_a_unit_that_submitted_its_plan(campaign, units, officers_with_mail):
    make_plan(campaign, units["chora"], on=date(2024, 7, 20))
    with freeze_time("2024-07-28"):
        assert services.reminders_send(today=date(2024, 7, 28)) == 0


def test_it_reminds_a_late_results_report(campaign, units, officers_with_mail):
    make_plan(campaign, units["chora"], on=date(2024, 7, 30))
    EventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD)
    with freeze_time("2025-02-12"):
        services.reminders_send(today=date(2025, 2, 12))
    with freeze_time("2025-02-19"):
        services.reminders_send(today=date(2025, 2, 19))
        services.reminders_send(today=date(2025, 2, 20))
    stages = list(ReminderSent.objects.filter(unit=units["chora"]).values_list("stage", flat=True))
    assert sorted(stages) == ["report_after", "report_before"]
    assert len(mail.outbox) == 2


def test_the_beat_schedule_runs_the_reminders_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["oversight-reminders-daily"]
    assert entry["task"] == reminders_send_daily.name
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}


@freeze_time("2025-08-10")
def test_it_refuses_a_delegation_from_the_province_congress(campaign, units, admin):
    event = EventFactory(
        unit=units["province"], campaign=campaign, date=date(2025, 8, 1), status=Event.Status.HELD
    )
    with pytest.raises(DomainError, match="không bầu đoàn đại biểu"):
        services.result_report_submit(event=event, data=report_data(held_on=date(2025, 8, 1)), by=admin)
    report = services.result_report_submit(
        event=event, data=report_data(held_on=date(2025, 8, 1), delegation_approved=0), by=admin
    )
    assert report.delegation_approved == 0

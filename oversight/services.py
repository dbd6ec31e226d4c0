"""Oversight: services (moved from congresses/services.py)."""

import uuid
import zipfile
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from congresses.models import Campaign, Event
from congresses.selectors import campaign_active
from core.errors import DomainError
from units.models import User

from .domain import attachment_kind, check_attachment, check_result_report, reminders_due
from .models import BudgetLine, PilotLesson, ReminderSent, ResultAttachment, ResultReport
from .selectors import oversight_unit_rows, unit_deadlines

# ---------------------------------------------------------------------------
# Oversight (issue 6): results reports, attachments, pilots, budget, reminders.
# ---------------------------------------------------------------------------


class ResultReportError(DomainError):
    pass


RESULT_REPORT_FIELDS = (
    "held_on",
    "attended_exemplar_individuals",
    "attended_exemplar_collectives",
    "attended_leaders",
    "attended_guests",
    "exemplars_honoured",
    "delegation_approved",
    "achievements",
    "shortcomings",
    "lessons",
)


@transaction.atomic
def result_report_submit(*, event: Event, data: dict, by) -> ResultReport:
    """Record (or correct) an event's results report; the event becomes "reported"."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    tier = locked.tier
    decision = check_result_report(
        event_status=locked.status,
        held_on=data["held_on"],
        today=timezone.localdate(),
        sends_upward=tier.sends_delegation_upward and tier.upper_tier_id is not None,
        delegation=data["delegation_approved"],
    )
    if not decision.allowed:
        raise ResultReportError(decision.reason)
    report = ResultReport.objects.filter(event=locked).first() or ResultReport(event=locked)
    for field in RESULT_REPORT_FIELDS:
        setattr(report, field, data[field])
    report.submitted_by = by
    report.full_clean()
    report.save()
    if locked.status != Event.Status.REPORTED:
        locked.status = Event.Status.REPORTED
        locked.save(update_fields=["status"])
    event.status = locked.status
    return report


def result_attachment_add(*, report: ResultReport, upload, by) -> ResultAttachment:
    """Keep a file only if its content is a PDF, an image or a Word document, within the size limit."""
    head = upload.read(8)
    upload.seek(0)
    names: list[str] = []
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            names = []
        upload.seek(0)
    kind = attachment_kind(head, zip_names=names)
    decision = check_attachment(kind=kind, size=upload.size, max_bytes=settings.RESULT_ATTACHMENT_MAX_BYTES)
    if not decision.allowed:
        raise ResultReportError(decision.reason)
    name = Path(upload.name).name[:255]
    attachment = ResultAttachment(
        report=report, original_name=name, kind=kind or "", size=upload.size, uploaded_by=by
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{kind}", upload, save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


def result_attachment_delete(*, attachment: ResultAttachment) -> None:
    attachment.file.delete(save=False)
    attachment.delete()


def pilot_lesson_save(*, event: Event, council_comments: str, lessons: str, by) -> PilotLesson:
    if not event.unit.is_pilot:
        raise ResultReportError("Đơn vị này không phải đơn vị chỉ đạo điểm.")
    lesson = PilotLesson.objects.filter(event=event).first() or PilotLesson(event=event)
    lesson.council_comments = council_comments
    lesson.lessons = lessons
    lesson.recorded_by = by
    lesson.full_clean()
    lesson.save()
    return lesson


BUDGET_FIELDS = ("category", "description", "quantity", "unit_price", "notes")


def budget_line_create(*, campaign: Campaign, data: dict) -> BudgetLine:
    line = BudgetLine(campaign=campaign, **{f: data[f] for f in BUDGET_FIELDS})
    line.full_clean()
    line.save()
    return line


def budget_line_update(*, line: BudgetLine, data: dict) -> BudgetLine:
    for field in BUDGET_FIELDS:
        setattr(line, field, data[field])
    line.full_clean()
    line.save(update_fields=list(BUDGET_FIELDS))
    return line


def budget_line_delete(*, line: BudgetLine) -> None:
    line.delete()


def reminders_send(*, today: date) -> int:
    """E-mail each unit's officers the reminders due today that were never sent. Returns mails sent.

    Safe to run twice: the ReminderSent row is written (unique per campaign, unit
    and stage) in the same transaction as the decision to send.
    """
    campaign = campaign_active()
    if campaign is None:
        return 0
    rows = oversight_unit_rows(campaign=campaign, today=today)
    already = set(ReminderSent.objects.filter(campaign=campaign).values_list("unit_id", "stage"))
    officers: dict[int, list[str]] = {}
    for unit_id, email in (
        User.objects.filter(role=User.Role.OFFICER, is_active=True, unit__isnull=False)
        .exclude(email="")
        .values_list("unit_id", "email")
    ):
        officers.setdefault(unit_id, []).append(email)
    lead = settings.OVERSIGHT_REMINDER_LEAD_DAYS
    sent = 0
    for row in rows:
        recipients = officers.get(row.unit_id)
        if not recipients:
            continue
        facts = unit_deadlines(row=row, campaign=campaign)
        for stage in reminders_due(facts, today=today, lead_days=lead):
            if (row.unit_id, stage) in already:
                continue
            with transaction.atomic():
                _, created = ReminderSent.objects.get_or_create(
                    campaign=campaign, unit_id=row.unit_id, stage=stage,
                    defaults={"sent_on": today, "recipients": ", ".join(recipients)},
                )  # fmt: skip
                if not created:
                    continue
                subject, body = _reminder_text(stage=stage, row=row, facts=facts, campaign=campaign)
                send_mail(subject, body, None, recipients)
            sent += 1
    return sent


def _reminder_text(*, stage: str, row, facts, campaign: Campaign) -> tuple[str, str]:
    label = ReminderSent.Stage(stage).label
    deadline = {
        "plan": facts.plan_deadline,
        "register": facts.window_start,
        "report": facts.report_due,
    }[stage.split("_")[0]]
    what = {
        "plan": "nộp kế hoạch tổ chức Hội nghị/Đại hội của đơn vị",
        "register": f"đăng ký {row.tier.event_name.lower()} trên cổng (thời gian tổ chức: {row.tier.window_label})",
        "report": "báo cáo kết quả tổ chức sự kiện của đơn vị",
    }[stage.split("_")[0]]
    subject = f"[Thi đua yêu nước Bắc Kạn] {label} — {row.name}"
    when = "đã quá hạn" if stage.endswith("_after") else "sắp đến hạn"
    body = (
        f"Kính gửi {row.name},\n\n"
        f"Theo kế hoạch {campaign.name} lần thứ {campaign.ordinal}, đơn vị cần {what}.\n"
        f"Hạn: {deadline.strftime('%d/%m/%Y') if deadline else '—'} ({when}).\n\n"
        "Đề nghị đơn vị đăng nhập Cổng thi đua yêu nước tỉnh Bắc Kạn để hoàn thành.\n"
        "Sở Nội vụ tỉnh Bắc Kạn · Ban Thi đua - Khen thưởng"
    )
    return subject, body

"""Oversight: services (moved from congresses/services.py)."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from congresses.models import Campaign, Event
from core.clock import today as portal_today
from core.errors import DomainError
from core.uploads import check_zip

from .domain import NARRATIVE_SECTIONS, attachment_kind, check_attachment, check_result_report, paragraphs
from .models import BudgetLine, PilotLesson, ResultAttachment, ResultReport, SummaryNarrative
from .services_reminders import reminders_send as reminders_send  # the daily job's entry point

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
        today=portal_today(),
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
        # bounded before anything reads the entries (a zip bomb is refused, naming the file)
        limit = 20 * settings.RESULT_ATTACHMENT_MAX_BYTES
        names = list(check_zip(upload, file_name=Path(upload.name).name, max_unpacked=limit).names)
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
        raise ResultReportError(gettext("Đơn vị này không phải đơn vị chỉ đạo điểm."))
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


# --- The summary's narrative sections, edited by Sở Nội vụ before issuing (issue 11) -------------

NARRATIVE_MAX_CHARS = 20_000


class SummaryNarrativeError(DomainError):
    pass


@transaction.atomic
def summary_narrative_save(
    *, campaign: Campaign, texts: dict[str, str], drafts: dict[str, str], by
) -> SummaryNarrative:
    """Keep Sở Nội vụ's text of each section; a section saved as assembled (same paragraphs) is kept
    empty, so it goes on following the units' reports."""
    for code in NARRATIVE_SECTIONS:
        if len(texts.get(code, "")) > NARRATIVE_MAX_CHARS:
            raise SummaryNarrativeError(
                f"Mỗi mục của báo cáo dài tối đa {NARRATIVE_MAX_CHARS:,} ký tự.".replace(",", ".")
            )
    narrative, _ = SummaryNarrative.objects.select_for_update().get_or_create(campaign=campaign)
    for code in NARRATIVE_SECTIONS:
        text = texts.get(code, "").strip()
        same = paragraphs(text) == paragraphs(drafts.get(code, ""))
        setattr(narrative, code, "" if same else text)
    narrative.updated_by = by
    narrative.full_clean()
    narrative.save()
    return narrative


@transaction.atomic
def summary_narrative_restore(*, campaign: Campaign, section: str, by) -> SummaryNarrative:
    """ "Khôi phục bản tự động": the section (or every section, "all") follows the reports again."""
    codes = NARRATIVE_SECTIONS if section == "all" else (section,)
    if section != "all" and section not in NARRATIVE_SECTIONS:
        raise SummaryNarrativeError("Không có mục này trong báo cáo tổng hợp.")
    narrative, _ = SummaryNarrative.objects.select_for_update().get_or_create(campaign=campaign)
    for code in codes:
        setattr(narrative, code, "")
    narrative.updated_by = by
    narrative.save(update_fields=[*codes, "updated_by", "updated_at"])
    return narrative

"""Writes of the reports app: the agenda template, an event's agenda, document jobs."""

import json
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congresses.models import AgendaItem, Campaign, Event
from core.errors import DomainError

from . import domain, selectors
from .exporters import EXPORTERS
from .models import AgendaTemplateItem, GeneratedReport

logger = logging.getLogger(__name__)

AGENDA_TEMPLATE_FILE = Path(__file__).resolve().parent / "data" / "agenda_template.json"


class ReportError(DomainError):
    pass


# --- The agenda template (data from the plan) and an event's agenda --------------------------


@transaction.atomic
def agenda_template_load(*, campaign: Campaign, path: Path = AGENDA_TEMPLATE_FILE) -> int:
    """Create or update a campaign's agenda template from the committed data file (idempotent)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data["items"]:
        row, _ = AgendaTemplateItem.objects.update_or_create(
            campaign=campaign,
            order=item["order"],
            defaults={
                "title": item["title"],
                "only_at_congress": item["only_at_congress"],
                "only_with_upper_delegation": item["only_with_upper_delegation"],
                "default_minutes": item["default_minutes"],
            },
        )
        row.full_clean()
    orders = [item["order"] for item in data["items"]]
    AgendaTemplateItem.objects.filter(campaign=campaign).exclude(order__in=orders).delete()
    return len(orders)


def _lock_event(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("tier", "campaign").get(pk=event.pk)


@transaction.atomic
def agenda_generate(*, event: Event, replace: bool = False) -> list[AgendaItem]:
    """Write the event's programme from its tier's rules (plan, section II.3)."""
    event = _lock_event(event)
    if AgendaItem.objects.filter(event=event).exists():
        if not replace:
            raise ReportError(gettext("Sự kiện đã có chương trình. Chọn “Tạo lại theo mẫu” để thay thế."))
        AgendaItem.objects.filter(event=event).delete()
    templates = selectors.agenda_template_for(campaign=event.campaign)
    if not templates:
        raise ReportError(
            gettext("Chiến dịch chưa có chương trình mẫu. Hãy nạp dữ liệu kế hoạch (load_bac_kan).")
        )
    tier = event.tier
    plan = domain.choose_agenda_items(
        templates,
        is_congress=tier.is_congress,
        sends_upper_delegation=domain.has_upper_delegation(
            upper_tier_exists=tier.upper_tier_id is not None,
            sends_delegation_upward=tier.sends_delegation_upward,
        ),
        start=domain.session_start(event.session),
        next_period_label=event.campaign.next_period_label,
    )
    items = [
        AgendaItem(event=event, order=p.order, start_time=p.start_time, title=p.title) for p in plan.items
    ]
    for item in items:
        item.full_clean()
    return AgendaItem.objects.bulk_create(items)


@transaction.atomic
def agenda_item_add(*, event: Event, title: str, start_time: time | None, speaker: str = "") -> AgendaItem:
    event = _lock_event(event)
    last = AgendaItem.objects.filter(event=event).order_by("-order").first()
    item = AgendaItem(event=event, order=(last.order + 1) if last else 1, title=title,
                      start_time=start_time, speaker=speaker)  # fmt: skip
    item.full_clean()
    item.save()
    return item


@dataclass(frozen=True)
class AgendaRow:
    """One row of the agenda editor as the officer left it."""

    item_id: int
    start_time: time | None
    title: str
    speaker: str
    delete: bool = False


@transaction.atomic
def agenda_save(*, event: Event, rows: Sequence[AgendaRow]) -> list[AgendaItem]:
    """Save the whole programme at once: every row's text, the order given, the rows marked for deletion.

    `rows` lists every item of the event, in the new order; if the programme changed meanwhile
    (an item added or removed elsewhere), nothing is saved.
    """
    event = _lock_event(event)
    items = {item.pk: item for item in AgendaItem.objects.filter(event=event)}
    if sorted(row.item_id for row in rows) != sorted(items):
        raise ReportError(
            gettext("Chương trình vừa được thay đổi ở nơi khác; hãy tải lại trang rồi sửa lại.")
        )
    kept: list[AgendaItem] = []
    for row in rows:
        item = items[row.item_id]
        if row.delete:
            item.delete()
            continue
        before = (item.order, item.start_time, item.title, item.speaker)
        item.order, item.start_time, item.title, item.speaker = (
            len(kept) + 1,
            row.start_time,
            row.title,
            row.speaker,
        )
        item.full_clean()
        if (item.order, item.start_time, item.title, item.speaker) != before:
            item.save(update_fields=["order", "start_time", "title", "speaker"])
        kept.append(item)
    return kept


# --- Document jobs ---------------------------------------------------------------------------


def report_request(
    *,
    kind: str,
    requested_by,
    key: str,
    event: Event | None = None,
    campaign: Campaign | None = None,
    params: dict[str, Any] | None = None,
) -> GeneratedReport:
    """Queue a document. The same `key` (one submitted form) makes one job, however often it is sent."""

    exporter_cls = EXPORTERS.get(kind)
    if exporter_cls is None:
        raise ReportError(gettext("Loại văn bản không hợp lệ."))
    exporter = exporter_cls()
    if exporter.scope == "event" and event is None or exporter.scope == "campaign" and campaign is None:
        raise ReportError(gettext("Văn bản này không thuộc phạm vi đã chọn."))
    params = params or {}
    if params.get("format", exporter.formats[0]) not in exporter.formats:
        raise ReportError(gettext("Văn bản này không có định dạng đã chọn."))
    existing = GeneratedReport.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    reason = exporter.check(event=event, campaign=campaign, params=params)
    if reason:
        raise ReportError(reason)
    with transaction.atomic():
        report, created = GeneratedReport.objects.get_or_create(
            idempotency_key=key,
            defaults={
                "kind": kind,
                "event": event,
                "campaign": campaign if event is None else event.campaign,
                "params": params,
                "title": exporter.full_title(event=event, campaign=campaign, params=params),
                "requested_by": requested_by,
            },
        )
        if created:
            transaction.on_commit(lambda: _enqueue(report))
    return report


BROKER_DOWN_MESSAGE = _("đã ghi nhận, sẽ tạo khi hệ thống hàng đợi hoạt động lại")


def _enqueue(report: GeneratedReport) -> bool:
    """Hand a committed job to the broker, once, without retrying: if the broker is down the
    row stays queued (the source of truth) and reports_recover hands it over later.
    `report.enqueue_failed` tells the page to say so."""
    from .tasks import report_generate as report_generate_task

    now = timezone.now()
    GeneratedReport.objects.filter(pk=report.pk).update(queued_at=now, waiting_for_broker=False)
    report.queued_at, report.waiting_for_broker = now, False
    try:
        # called from on_commit (a new or retried job) or by the recovery over committed rows;
        # CELERY_TASK_PUBLISH_RETRY is off, so a broker that is down fails fast here
        report_generate_task.delay(report.pk)  # after on_commit: the row is committed
    except Exception:  # kombu's OperationalError, redis' ConnectionError, a timeout: all mean "not now"
        logger.warning("broker unavailable; report %s stays queued", report.pk, exc_info=True)
        GeneratedReport.objects.filter(pk=report.pk).update(waiting_for_broker=True)
        report.enqueue_failed = report.waiting_for_broker = True  # type: ignore[attr-defined]
        return False
    report.enqueue_failed = False  # type: ignore[attr-defined]
    return True


def reports_recover(*, now: datetime | None = None) -> tuple[int, int]:
    """Hand over again the jobs left queued past a short delay; fail the running jobs whose
    worker stopped sending a heartbeat (they get the retry button). Returns (requeued, failed)."""
    now = now or timezone.now()
    silent_since = now - timedelta(seconds=settings.REPORTS_HEARTBEAT_TIMEOUT_SECONDS)
    failed = (
        GeneratedReport.objects.filter(status=GeneratedReport.Status.RUNNING)
        .filter(Q(heartbeat_at__lt=silent_since) | Q(heartbeat_at__isnull=True, started_at__lt=silent_since))
        .update(
            status=GeneratedReport.Status.FAILED,
            error=gettext("Máy xử lý đã ngừng khi đang tạo văn bản này. Hãy bấm “Tạo lại”."),
            finished_at=now,
        )
    )
    waiting_since = now - timedelta(seconds=settings.REPORTS_REQUEUE_AFTER_SECONDS)
    stale = GeneratedReport.objects.filter(status=GeneratedReport.Status.QUEUED).filter(
        Q(queued_at__lt=waiting_since) | Q(queued_at__isnull=True, created_at__lt=waiting_since)
    )
    requeued = 0
    for report in stale.order_by("pk")[:200]:
        if not _enqueue(report):
            break  # the broker is still down: try again at the next run
        requeued += 1
    return requeued, failed


def report_heartbeat(*, report_id: int) -> None:
    GeneratedReport.objects.filter(pk=report_id, status=GeneratedReport.Status.RUNNING).update(
        heartbeat_at=timezone.now()
    )


@transaction.atomic
def report_retry(*, report: GeneratedReport) -> GeneratedReport:
    report = GeneratedReport.objects.select_for_update().get(pk=report.pk)
    if report.status != GeneratedReport.Status.FAILED:
        raise ReportError(gettext("Chỉ tạo lại được văn bản bị lỗi."))
    report.status, report.progress, report.error, report.finished_at = (
        GeneratedReport.Status.QUEUED,
        0,
        "",
        None,
    )
    report.save(update_fields=["status", "progress", "error", "finished_at"])
    transaction.on_commit(lambda: _enqueue(report))
    return report


def report_file_name(report: GeneratedReport, extension: str) -> str:
    """Deterministic: a job run twice writes the same file, never a second one."""
    return f"reports/{report.idempotency_key}.{extension}"


def _write_atomically(name: str, content: bytes) -> str:
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        target = Path(storage.path(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-", suffix=target.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return name
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(content))


def report_set_progress(*, report_id: int, percent: int) -> None:
    GeneratedReport.objects.filter(pk=report_id, status=GeneratedReport.Status.RUNNING).update(
        progress=percent, heartbeat_at=timezone.now()
    )


def report_render(
    *, report_id: int, on_progress: Callable[[int], None] | None = None
) -> GeneratedReport | None:
    """Render one job into its file. Safe to run twice: a finished job is left as it is."""
    with transaction.atomic():
        report = GeneratedReport.objects.select_for_update().filter(pk=report_id).first()
        if report is None:
            logger.warning("report %s no longer exists", report_id)
            return None
        if report.status == GeneratedReport.Status.DONE and report.file or report.signed_at is not None:
            return report  # a signed document is final: only a new version replaces it
        report.status, report.progress, report.error = GeneratedReport.Status.RUNNING, 0, ""
        report.attempts += 1
        report.started_at = report.heartbeat_at = timezone.now()
        report.save(update_fields=["status", "progress", "error", "attempts", "started_at", "heartbeat_at"])

    def progress(done: int, total: int) -> None:
        percent = domain.progress_percent(done, total)
        report_set_progress(report_id=report.pk, percent=percent)
        if on_progress:
            on_progress(percent)

    exporter = EXPORTERS[report.kind]()
    try:
        # Documents are Vietnamese in both languages: labels from choices and models are rendered
        # in the source language even when an English-speaking officer's request runs the job.
        with translation.override(settings.LANGUAGE_CODE):
            output = exporter.render(report, progress)
    except (DomainError, LookupError) as exc:
        report_mark_failed(report_id=report.pk, reason=str(exc))
        return report
    name = _write_atomically(report_file_name(report, output.extension), output.content)
    report.file.name = name
    report.status, report.progress, report.finished_at = GeneratedReport.Status.DONE, 100, timezone.now()
    report.save(update_fields=["file", "status", "progress", "finished_at"])
    if on_progress:
        on_progress(100)
    return report


def report_mark_failed(*, report_id: int, reason: str) -> None:
    GeneratedReport.objects.filter(pk=report_id).exclude(status=GeneratedReport.Status.DONE).update(
        status=GeneratedReport.Status.FAILED, error=reason[:2000], finished_at=timezone.now()
    )

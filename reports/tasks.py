"""Celery wrappers of the reports services. Tasks take ids and call one service."""

import logging

from celery import Task, shared_task
from celery.signals import worker_ready
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


def _report_generate_failure(report_id: int, exc: BaseException) -> None:
    from .services import report_mark_failed

    report_mark_failed(report_id=report_id, reason=gettext("Lỗi khi tạo văn bản: %(exc)s") % {"exc": exc})


class ReportTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):  # retries exhausted, or an unexpected error
        if args:
            _report_generate_failure(args[0], exc)


@shared_task(
    bind=True,
    base=ReportTask,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    max_retries=3,
)
def report_generate(self, report_id: int) -> str:
    from .services import report_render

    def progress(percent: int) -> None:
        if self.request.id:
            self.update_state(state="PROGRESS", meta={"report_id": report_id, "progress": percent})

    try:
        report = report_render(report_id=report_id, on_progress=progress)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:
        logger.exception("report %s failed", report_id)
        _report_generate_failure(report_id, exc)
        return "failed"
    return report.status if report is not None else "missing"


@shared_task
def reports_recover() -> str:
    """Every minute (beat) and at worker start-up: queued jobs the broker never got are handed
    over again, and running jobs whose worker went silent are marked failed (retry button)."""
    from .services import reports_recover as recover

    requeued, failed = recover()
    return f"requeued {requeued}, failed {failed}"


@worker_ready.connect
def _recover_at_start(sender=None, **kwargs) -> None:
    """A worker that starts (after an outage, a SIGKILL, a deploy) picks up what was left behind."""
    from .services import reports_recover as recover

    try:
        recover()
    except Exception:  # the database may still be starting; beat tries again within a minute
        logger.warning("reports_recover at worker start failed", exc_info=True)

"""Documents rendered by real Celery workers on Redis, sharing the test database.

`test_it_renders_through_the_live_worker` uses the worker .ci/run (or `make worker`)
starts. `test_a_worker_killed_mid_batch...` starts its own workers on a queue of its
own, kills the first with SIGKILL once the batch is under way and starts another:
the job still ends done, with one file. `test_the_only_worker_killed...` kills the only
worker: after the heartbeat timeout the job is failed with "Tạo lại", and the retry writes one
whole file (the killed attempt's redelivered message does not make a second one).
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from core.text import fold_for_search, vietnamese_sort_key
from delegates.models import Delegate
from reports import services
from reports.models import GeneratedReport
from tests.conftest import require_service
from tests.reports import pdf_text
from tests.reports.conftest import NAMES

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


VISIBILITY_TIMEOUT = 3


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def test_it_renders_through_the_live_worker(live_worker, babe_event, babe_delegates, admin):
    report = services.report_request(
        kind="invitations", event=babe_event, requested_by=admin, key=uuid.uuid4().hex
    )
    wait_for(lambda: GeneratedReport.objects.filter(pk=report.pk, status__in=("done", "failed")).exists(), 120,
             "the worker to finish the job")  # fmt: skip
    report.refresh_from_db()
    assert report.status == "done", report.error
    reader = pdf_text.read(report.file.read())
    assert len(reader.pages) == len(NAMES)
    text = " ".join(pdf_text.page_texts(reader))
    assert all(name in text for name, _ in NAMES)


def shared_database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
        return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    name = str(s["NAME"])
    shareable = connection.vendor == "sqlite" and "memory" not in name and name != ""
    require_service(
        shareable, "the test database is in memory: set TEST_DATABASE_NAME so a worker can share it"
    )
    return f"sqlite:///{name}"


def redis_broker() -> str:
    broker = django_settings.CELERY_BROKER_URL
    available = False
    if broker.startswith("redis://"):
        import redis

        try:
            available = bool(redis.Redis.from_url(broker, socket_timeout=2).ping())
        except redis.RedisError:
            available = False
    require_service(available, f"Redis does not answer at {broker!r} (set CELERY_BROKER_URL=redis://...)")
    return broker


def start_worker(*, queue: str, name: str, database_url: str, broker: str, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bac_kan_emulation.settings",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "0",
        "SECRET_KEY": "kill-test-worker",
        "DEMO_MODE": "True",
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "False",
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        # The second worker takes back the killed worker's unacknowledged task after this long.
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    }
    celery = str(Path(sys.executable).with_name("celery"))
    command = [celery, "-A", "bac_kan_emulation", "worker", "-Q", queue, "-n", f"{name}@%h", "--concurrency=1",
               "--pool=prefork", "--loglevel=info", "--without-gossip", "--without-mingle", "--without-heartbeat"]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            cwd=django_settings.BASE_DIR, start_new_session=True)  # fmt: skip


def big_roster(event, name: str, count: int) -> None:
    """`count` exemplars named `name 000`, `name 001`… on `event`'s roster."""
    Delegate.objects.bulk_create(
        Delegate(event=event, category="exemplar_individual", full_name=f"{name} {i:03d}", gender="female",
                 birth_year=1980, ethnic_group="Tày", position="Nông dân sản xuất giỏi",
                 sort_key=vietnamese_sort_key(f"{name} {i:03d}"), search_text=fold_for_search(f"{name} {i}"))
        for i in range(count)
    )  # fmt: skip


def jobs_on_own_queue(monkeypatch, settings, queue: str) -> None:
    """Documents take the portal's service path but go to `queue` (the CI worker must not take them)."""
    from bac_kan_emulation.celery import app
    from reports.tasks import report_generate

    monkeypatch.setattr(
        report_generate, "delay", lambda pk: report_generate.apply_async(args=[pk], queue=queue)
    )
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False


def request_and_kill_mid_batch(event, admin, worker: subprocess.Popen) -> GeneratedReport:
    """Ask for the event's invitations, SIGKILL `worker` once it reports progress; the job row then."""
    report = services.report_request(
        kind="invitations", event=event, requested_by=admin, key=uuid.uuid4().hex
    )

    def under_way():
        row = GeneratedReport.objects.get(pk=report.pk)
        return row if row.status == "running" and row.progress > 0 else None

    row = wait_for(under_way, 120, "the worker to report progress")
    kill_group(worker, signal.SIGKILL)
    row.refresh_from_db()
    assert row.status == "running" and 0 < row.progress < 100, "killed in the middle of the batch"
    assert not row.file
    return row


def assert_one_whole_pdf(report: GeneratedReport, pages: int) -> None:
    """The job left exactly one finished file, no partial one, with every page."""
    folder = Path(django_settings.MEDIA_ROOT, "reports")
    files = sorted(p.name for p in folder.iterdir() if report.idempotency_key in p.name)
    assert files == [f"{report.idempotency_key}.pdf"]
    assert not list(folder.glob(".part-*"))
    assert len(pdf_text.read(report.file.read()).pages) == pages


def kill_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def test_a_worker_killed_mid_batch_is_replaced_and_the_job_ends_done_with_one_file(
    babe_event, admin, monkeypatch, tmp_path, settings
):
    from bac_kan_emulation.celery import app

    broker = redis_broker()
    database_url = shared_database_url()
    queue = f"reports-kill-test-{uuid.uuid4().hex[:8]}"
    count = 300
    big_roster(babe_event, "Nông Thị Hòa", count)
    jobs_on_own_queue(monkeypatch, settings, queue)
    log = tmp_path / "workers.log"
    first = start_worker(queue=queue, name="first", database_url=database_url, broker=broker, log=log)
    second = None
    try:
        report = request_and_kill_mid_batch(babe_event, admin, first)
        # A worker takes back unacknowledged tasks older than the visibility timeout when it starts
        # (then only every few minutes): let the killed worker's task grow that old first.
        time.sleep(VISIBILITY_TIMEOUT + 2)

        second = start_worker(queue=queue, name="second", database_url=database_url, broker=broker, log=log)
        wait_for(lambda: GeneratedReport.objects.filter(pk=report.pk, status__in=("done", "failed")).exists(), 180,
                 "the second worker to take the job back and finish it")  # fmt: skip
    finally:
        app.conf.task_always_eager = True
        kill_group(first, signal.SIGKILL)
        if second is not None:
            kill_group(second, signal.SIGTERM)
    report.refresh_from_db()
    assert report.status == "done", report.error or log.read_text()[-3000:]
    assert report.attempts == 2
    assert_one_whole_pdf(report, count)


@pytest.mark.faults
def test_the_only_worker_killed_mid_batch_leaves_a_failed_job_whose_retry_makes_one_full_file(
    babe_event, admin, client, monkeypatch, tmp_path, settings
):
    """No worker takes the job back: after the heartbeat timeout the page shows it failed with
    "Tạo lại", and the retry (on a worker started afterwards) writes the whole document once."""
    from django.urls import reverse

    from bac_kan_emulation.celery import app

    broker = redis_broker()
    database_url = shared_database_url()
    queue = f"reports-kill-retry-{uuid.uuid4().hex[:8]}"
    count = 300
    big_roster(babe_event, "Hoàng Văn Lực", count)
    jobs_on_own_queue(monkeypatch, settings, queue)
    settings.REPORTS_HEARTBEAT_TIMEOUT_SECONDS = 2
    log = tmp_path / "workers.log"
    first = start_worker(queue=queue, name="only", database_url=database_url, broker=broker, log=log)
    second = None
    try:
        report = request_and_kill_mid_batch(babe_event, admin, first)

        # The beat task's recovery, once the heartbeat is older than the timeout.
        time.sleep(settings.REPORTS_HEARTBEAT_TIMEOUT_SECONDS + 1)
        services.reports_recover()
        report.refresh_from_db()
        assert report.status == "failed"
        assert not report.file
        assert not list(Path(django_settings.MEDIA_ROOT, "reports").glob(f"*{report.idempotency_key}*"))
        client.force_login(admin)
        page = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
        assert "Tạo lại" in page and "Máy xử lý đã ngừng" in page

        response = client.post(reverse("reports:retry", args=[report.pk]))
        assert response.status_code == 302
        second = start_worker(queue=queue, name="after", database_url=database_url, broker=broker, log=log)
        wait_for(lambda: GeneratedReport.objects.filter(pk=report.pk, status__in=("done", "failed")).exists(), 180,
                 "the retry to finish")  # fmt: skip
        # The killed attempt's message comes back too (unacknowledged): it must not make a second file.
        time.sleep(VISIBILITY_TIMEOUT + 2)
    finally:
        app.conf.task_always_eager = True
        kill_group(first, signal.SIGKILL)
        if second is not None:
            kill_group(second, signal.SIGTERM)
    report.refresh_from_db()
    assert report.status == "done", report.error or log.read_text()[-3000:]
    assert_one_whole_pdf(report, count)

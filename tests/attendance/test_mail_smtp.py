"""Reminders through a real SMTP server (aiosmtpd on loopback) and a real Celery worker.

The mail leaves through Django's SMTP backend, the task goes through the pass's broker (Redis
with the real worker's settings in CI's services pass, kombu's in-memory transport elsewhere) to
a Celery worker consuming a queue of its own, and the messages are read back from the SMTP
server: only the delegates who have not answered receive a reminder. Nothing external is
needed, so the test always runs (it cannot skip, under CI or not).
"""

import socket
import threading
import time
import uuid
from datetime import timedelta
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from celery.contrib.testing.worker import start_worker
from django.urls import reverse
from django.utils import timezone

from attendance import selectors, services
from attendance.models import Invitation
from bac_kan_emulation.celery import app
from delegates.models import Delegate
from tests.factories import DelegateFactory, EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


class _Inbox:
    """aiosmtpd's handler: keeps every message it accepts (envelope recipients and parsed mail)."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.arrived:
            self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.original_content)))
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 20.0) -> None:
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.messages) >= count, timeout=timeout)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()


@pytest.fixture
def celery_worker(settings, monkeypatch):
    """A real Celery worker on the pass's broker, on a queue of its own (a worker started by
    .ci/run consumes the default queue with its own mail settings and never sees this task).

    The task is sent to that queue by wrapping its `delay` (the service calls it as in the portal):
    changing `task_routes` would not do, as Celery builds its router once, at the first task sent
    by any earlier test, and keeps it."""
    from attendance.tasks import invitations_send_task

    queue = f"smtp-test-{uuid.uuid4().hex[:8]}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    monkeypatch.setattr(
        invitations_send_task,
        "delay",
        lambda *args: invitations_send_task.apply_async(args=args, queue=queue),
    )
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=20):
            yield
    finally:
        app.conf.task_always_eager = True


def _subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


@pytest.fixture
def next_month_event(units, campaign):
    """An event a month from today (real time: freezegun would stop the worker's clock too)."""
    day = timezone.localdate() + timedelta(days=30)
    return EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=day)


def test_reminders_reach_through_smtp_only_the_delegates_who_have_not_answered(
    client, next_month_event, unit_manager, smtp_inbox, celery_worker
):
    upcoming_event = next_month_event
    delegates = DelegateFactory.create_batch(7, event=upcoming_event)
    for i, delegate in enumerate(delegates[:5]):
        Delegate.objects.filter(pk=delegate.pk).update(email=f"db{i}@example.vn")
    services.invitations_ensure(event=upcoming_event)
    for delegate, answer in ((delegates[0], "yes"), (delegates[1], "no")):
        token = selectors.invitation_token(Invitation.objects.get(delegate=delegate))
        services.invitation_answer(
            token=token, answer=answer, reason="Bận công tác" if answer == "no" else ""
        )
    client.force_login(unit_manager)
    # The officer ticks everyone on the roster and asks for a reminder (the page's own form).
    everyone = [str(d.pk) for d in delegates]
    response = client.post(reverse("attendance:send", args=[upcoming_event.pk]),
                           {"kind": "remind", "delegate": everyone})  # fmt: skip
    assert response.status_code == 302
    smtp_inbox.wait_for(3)
    time.sleep(0.5)  # a fourth message, if one were wrongly sent, would have arrived by now
    recipients = sorted(r for rcpts, _ in smtp_inbox.messages for r in rcpts)
    assert recipients == ["db2@example.vn", "db3@example.vn", "db4@example.vn"]
    for _, message in smtp_inbox.messages:
        assert _subject(message).startswith("Nhắc trả lời giấy mời")
        body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
        assert "/moi/" in body
    reminded = set(Invitation.objects.exclude(reminded_at=None).values_list("delegate__email", flat=True))
    assert reminded == {"db2@example.vn", "db3@example.vn", "db4@example.vn"}

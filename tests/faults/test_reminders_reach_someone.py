"""Reminders reach someone (issue 14): a 550 for one address is recorded and shown, the rest still go;
units without an officer address fall back to their own address and their parent's officers; a
district receives its communes' overdue list; every mail links to the page concerned."""

import socket
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from oversight import models, services
from tests.oversight.conftest import make_plan
from units.models import Unit, User

from .smtp_server import SmtpServer

pytestmark = pytest.mark.django_db

REFUSED = "nghi-huu@backan.gov.vn"
MOVED = "da-chuyen-cong-tac@backan.gov.vn"


def _officer(username: str, unit: Unit, email: str) -> User:
    return User.objects.create_user(username=username, role=User.Role.OFFICER, unit=unit, email=email)


def _smtp(settings, port: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""


def test_a_refused_address_is_recorded_and_shown_and_the_others_still_get_their_mail(
    client, settings, campaign, units, admin
):
    _officer("a", units["chora"], REFUSED)  # Chợ Rã's only address is refused
    _officer("b", units["songcau"], "songcau@backan.gov.vn")
    _officer("c", units["songcau"], MOVED)  # Sông Cầu: one good address, one refused
    _officer("d", units["nari_commune"], "nari@backan.gov.vn")
    with SmtpServer(refused={REFUSED, MOVED}) as smtp:
        _smtp(settings, smtp.port)
        with freeze_time("2024-07-26"):  # a week before the plan deadline (01/08/2024)
            sent = services.reminders_send(today=date(2024, 7, 26))
    assert sorted(r for m in smtp.state.messages for r in m.recipients) == [
        "nari@backan.gov.vn",
        "songcau@backan.gov.vn",
    ]
    assert all(len(m.recipients) == 1 for m in smtp.state.messages)  # each address on its own
    assert sent == 2
    for address in (REFUSED, MOVED):
        refused = models.ReminderDelivery.objects.get(address=address)
        assert refused.status == models.ReminderDelivery.Status.REFUSED
        assert refused.error.startswith("550 5.1.1")
    assert models.ReminderDelivery.objects.filter(status=models.ReminderDelivery.Status.SENT).count() == 2
    client.force_login(admin)
    body = client.get(reverse("oversight:reminders")).content.decode()
    assert "2 thư bị máy chủ thư từ chối" in body
    assert REFUSED in body and "550 5.1.1" in body and "Bị từ chối" in body


def test_a_mail_server_that_is_down_leaves_the_mail_for_the_next_run(settings, campaign, units):
    _officer("b", units["chora"], "chora@backan.gov.vn")
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        _smtp(settings, unused.getsockname()[1])  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    with freeze_time("2024-07-26"):
        assert services.reminders_send(today=date(2024, 7, 26)) == 0
    delivery = models.ReminderDelivery.objects.get()
    assert (
        delivery.status == models.ReminderDelivery.Status.PENDING and "Không kết nối được" in delivery.error
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with freeze_time("2024-07-27"):
        assert services.reminders_send(today=date(2024, 7, 27)) == 1
    assert [m.to for m in mail.outbox] == [["chora@backan.gov.vn"]]
    assert models.ReminderSent.objects.count() == 1


def test_a_unit_without_an_officer_address_falls_back_to_its_own_and_its_parents_officers(
    settings, campaign, units
):
    settings.PORTAL_BASE_URL = "https://thiduakhenthuong.backan.gov.vn"
    chora = units["chora"]
    chora.email = "ubnd.chora@backan.gov.vn"
    chora.save()
    _officer("nomail", chora, "")
    _officer("babe", units["babe"], "babe@backan.gov.vn")
    make_plan(campaign, units["babe"], on=date(2024, 7, 20))
    with freeze_time("2024-07-26"):
        services.reminders_send(today=date(2024, 7, 26))
    to_chora = [m for m in mail.outbox if "Thị trấn Chợ Rã" in m.subject]
    assert sorted(m.to[0] for m in to_chora) == ["babe@backan.gov.vn", "ubnd.chora@backan.gov.vn"]
    to_parent = next(m for m in to_chora if m.to == ["babe@backan.gov.vn"])
    assert "chưa có cán bộ có địa chỉ thư" in to_parent.body
    link = "https://thiduakhenthuong.backan.gov.vn" + reverse("congresses:unit_plans", args=[chora.pk])
    assert all(link in m.body for m in to_chora)
    routes = dict(
        models.ReminderDelivery.objects.filter(reminder__unit=chora).values_list("address", "route")
    )
    assert routes == {"ubnd.chora@backan.gov.vn": "unit", "babe@backan.gov.vn": "parent"}


def test_a_district_receives_its_communes_overdue_list_with_links(settings, campaign, units):
    settings.PORTAL_BASE_URL = "https://thiduakhenthuong.backan.gov.vn"
    communes = list(Unit.objects.filter(parent=units["babe"]).order_by("pk")[:2])
    for index, commune in enumerate(communes):
        _officer(f"x{index}", commune, f"xa{index}@backan.gov.vn")
        make_plan(campaign, commune, on=date(2024, 7, 20))
    _officer("babe", units["babe"], "babe@backan.gov.vn")
    make_plan(campaign, units["babe"], on=date(2024, 7, 20))
    with freeze_time("2025-01-02"):  # the commune window opened yesterday: no event registered
        services.reminders_send(today=date(2025, 1, 2))
        services.reminders_send(today=date(2025, 1, 2))
    digests = [m for m in mail.outbox if "Đơn vị trực thuộc quá hạn" in m.subject]
    assert len(digests) == 1
    digest = digests[0]
    assert digest.to == ["babe@backan.gov.vn"] and "Huyện Ba Bể" in digest.subject
    for commune in communes:
        assert commune.name in digest.body
        link = "https://thiduakhenthuong.backan.gov.vn" + reverse(
            "congresses:event_register", args=[commune.pk]
        )
        assert link in digest.body
    others = [m for m in mail.outbox if m not in digests]
    assert {"xa0@backan.gov.vn", "xa1@backan.gov.vn"} <= {m.to[0] for m in others}
    # Ba Bể's communes without an officer address reach Ba Bể's officer directly, not twice through the list.
    assert not any(
        f"- {m.subject.rsplit(' — ', 1)[1]}:" in digest.body for m in others if m.to == ["babe@backan.gov.vn"]
    )


def test_the_reminders_page_names_the_units_nobody_can_be_written_to(client, campaign, units, admin):
    client.force_login(admin)
    body = client.get(reverse("oversight:reminders")).content.decode()
    assert "đơn vị không nhận được thư nhắc" in body and "Thị trấn Chợ Rã" in body


def test_the_file_mail_folder_and_the_portal_address_come_from_the_environment():
    from tests.security.test_sessions import _settings_value

    assert _settings_value("EMAIL_FILE_PATH", EMAIL_FILE_PATH="/srv/bkan/mail") == "/srv/bkan/mail"
    assert (
        _settings_value("PORTAL_BASE_URL", PORTAL_BASE_URL="https://x.backan.gov.vn/")
        == "https://x.backan.gov.vn"
    )

"""Nothing province-specific in code: the portal names itself after the root of the unit tree."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from oversight.services_reorganisation import reorganisation_apply
from units.selectors import portal_identity
from units.services_reorganisation import reorganisation_load_from_file

pytestmark = pytest.mark.django_db


def test_pages_carry_the_name_of_the_province_at_the_root(client, units):
    page = client.get(reverse("login")).content.decode()
    assert "Cổng thi đua yêu nước tỉnh Bắc Kạn" in page and "Thi đua yêu nước Bắc Kạn" in page
    assert "Sở Nội vụ tỉnh Bắc Kạn · Ban Thi đua - Khen thưởng" in page


def test_after_the_2025_reorganisation_the_portal_is_thai_nguyens(client, units, admin):
    reorganisation_apply(reorganisation=reorganisation_load_from_file(), by=admin)
    assert portal_identity().province_name == "Tỉnh Thái Nguyên"
    page = client.get(reverse("honors:public_list")).content.decode()
    assert "Gương điển hình tiên tiến tỉnh Thái Nguyên" in page and "Thi đua yêu nước Thái Nguyên" in page
    assert "Bắc Kạn" not in page.split("<main")[0]  # title and brand


def test_settings_override_the_title_and_the_organiser(client, units, settings):
    settings.PORTAL_TITLE = "Cổng Thi đua - Khen thưởng"
    settings.PORTAL_ORGANISER = "Ban Thi đua - Khen thưởng tỉnh"
    page = client.get(reverse("login")).content.decode()
    assert (
        "<title>Đăng nhập · Cổng Thi đua - Khen thưởng</title>" in page
        and "Ban Thi đua - Khen thưởng tỉnh" in page
    )


def test_before_any_unit_is_loaded_the_pages_still_answer(client, db):
    assert client.get(reverse("login")).status_code == 200


def test_reminders_come_from_home_affairs_of_the_root_province(units, campaign, settings):
    from oversight.services_reminders import reminders_send
    from tests.factories import UserFactory

    settings.DEFAULT_FROM_EMAIL = "thiduakhenthuong@example.gov.vn"
    UserFactory(unit=units["chora"], email="chora@example.gov.vn")
    reminders_send(today=datetime.date(2025, 1, 10))
    assert mail.outbox, "a reminder is due"
    message = mail.outbox[0]
    assert (
        message.from_email
        == "Sở Nội vụ tỉnh Bắc Kạn · Ban Thi đua - Khen thưởng <thiduakhenthuong@example.gov.vn>"
    )
    assert message.subject.startswith("[Thi đua yêu nước Bắc Kạn]")
    assert "Cổng thi đua yêu nước tỉnh Bắc Kạn" in message.body

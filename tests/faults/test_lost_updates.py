"""No lost update (issue 14): two people edit the same row; the second, stale save is refused
with a Vietnamese message showing what differs, and nothing of it is saved."""

from datetime import date

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from delegates.models import Delegate
from tests.factories import DelegateFactory, EventFactory, ExemplarFactory

pytestmark = pytest.mark.django_db


def form_payload(response) -> dict:
    """What a browser sends back for an unchanged form: every field's value as rendered."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = "" if value is None else str(value)
    return data


def _two_officers_open(url: str, user) -> tuple[Client, dict, Client, dict]:
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)
    page_one, page_two = first.get(url), second.get(url)
    assert page_one.status_code == page_two.status_code == 200
    return first, form_payload(page_one), second, form_payload(page_two)


def test_a_stale_delegate_save_is_refused_and_saves_nothing(campaign, units, unit_manager):
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20))
    delegate = DelegateFactory(event=event, full_name="Hoàng Thị Mai", position="Chủ tịch Hội Nông dân")
    url = reverse("delegates:edit", args=[event.pk, delegate.pk])
    first, first_data, second, second_data = _two_officers_open(url, unit_manager)
    first_data["position"] = "Bí thư Đoàn xã"
    assert first.post(url, first_data).status_code == 302

    second_data["workplace"] = "UBND thị trấn Chợ Rã"
    response = second.post(url, second_data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "người khác đã sửa đại biểu này sau khi bạn mở biểu mẫu" in body
    assert "Chức vụ: đang lưu “Bí thư Đoàn xã”, bạn gửi “Chủ tịch Hội Nông dân”" in body
    stored = Delegate.objects.get(pk=delegate.pk)
    assert stored.position == "Bí thư Đoàn xã" and stored.workplace == "" and stored.version == 2


def test_a_stale_event_save_is_refused_and_saves_nothing(campaign, units, unit_manager):
    event = EventFactory(
        unit=units["chora"],
        campaign=campaign,
        tier_code="commune",
        date=date(2025, 2, 20),
        venue="Hội trường UBND",
        created_by=unit_manager,
    )
    url = reverse("congresses:event_edit", args=[event.pk])
    first, first_data, second, second_data = _two_officers_open(url, unit_manager)
    first_data["venue"] = "Nhà văn hóa thị trấn"
    assert first.post(url, first_data).status_code == 302
    second_data["ordinal"] = "IX"
    response = second.post(url, second_data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "người khác đã sửa hội nghị / đại hội này" in body
    assert "Địa điểm: đang lưu “Nhà văn hóa thị trấn”, bạn gửi “Hội trường UBND”" in body
    event.refresh_from_db()
    assert event.venue == "Nhà văn hóa thị trấn" and event.ordinal != "IX" and event.version == 2


def test_a_stale_unit_save_is_refused_and_saves_nothing(units, admin):
    unit = units["chora"]
    url = reverse("units:edit", args=[unit.pk])
    first, first_data, second, second_data = _two_officers_open(url, admin)
    first_data["email"] = "ubnd@chora.backan.gov.vn"
    assert first.post(url, first_data).status_code == 302
    second_data["name"] = "Thị trấn Chợ Rã (mới)"
    response = second.post(url, second_data)
    assert response.status_code == 200
    assert "người khác đã sửa đơn vị này" in response.content.decode()
    unit.refresh_from_db()
    assert unit.email == "ubnd@chora.backan.gov.vn" and unit.name == "Thị trấn Chợ Rã" and unit.version == 2


def test_a_stale_exemplar_save_is_refused_and_saves_nothing(units, unit_manager):
    exemplar = ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa", position="Trưởng thôn")
    url = reverse("honors:exemplar_edit", args=[exemplar.pk])
    first, first_data, second, second_data = _two_officers_open(url, unit_manager)
    first_data["position"] = "Bí thư chi bộ"
    assert first.post(url, first_data).status_code == 302
    second_data["name"] = "Hoàng Thị Hoà"
    response = second.post(url, second_data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "người khác đã sửa" in body and "đang lưu “Bí thư chi bộ”, bạn gửi “Trưởng thôn”" in body
    exemplar.refresh_from_db()
    assert exemplar.position == "Bí thư chi bộ" and exemplar.name == "Hoàng Thị Hoa" and exemplar.version == 2


def _two_officers_open_page(url: str, user) -> tuple[Client, None, Client, None]:
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)
    assert first.get(url).status_code == second.get(url).status_code == 200
    return first, None, second, None

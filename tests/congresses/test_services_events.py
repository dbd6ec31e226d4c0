from datetime import date

import pytest

from congresses.models import Event
from congresses.services import EventError, event_change_status, event_register, event_update

pytestmark = pytest.mark.django_db


def _data(**changes):
    data = {
        "ordinal": "II",
        "venue": "Hội trường UBND thị trấn Chợ Rã",
        "date": date(2025, 3, 15),
        "session": "morning",
    }
    data.update(changes)
    return data


def test_it_registers_the_event_with_the_official_name(campaign, units, unit_manager):
    event = event_register(
        campaign=campaign, unit=units["chora"], data=_data(ordinal="lần thứ ii"), by=unit_manager
    )
    assert event.name == "Hội nghị tuyên dương điển hình tiên tiến thị trấn Chợ Rã"
    assert event.tier.code == "commune" and event.ordinal == "II"
    assert event.status == Event.Status.PLANNED and event.created_by == unit_manager


def test_a_date_outside_the_tier_window_is_refused_naming_the_window(campaign, units, unit_manager):
    with pytest.raises(EventError) as caught:
        event_register(
            campaign=campaign, unit=units["chora"], data=_data(date=date(2025, 4, 1)), by=unit_manager
        )
    assert str(caught.value).startswith(
        "Ngày tổ chức phải trong Quý I năm 2025 (từ 01/01/2025 đến 31/03/2025)."
    )
    assert "01/04/2025 ngoài thời gian của cấp (muộn 1 ngày)" in str(caught.value)
    assert not Event.objects.exists()


def test_a_unit_registers_only_one_event(campaign, units, unit_manager):
    event_register(campaign=campaign, unit=units["chora"], data=_data(), by=unit_manager)
    with pytest.raises(EventError, match="đã đăng ký"):
        event_register(campaign=campaign, unit=units["chora"], data=_data(), by=unit_manager)


def test_a_department_lowers_its_own_cap_but_not_above_the_tier(campaign, units, department_officer):
    data = _data(date=date(2025, 5, 10), delegate_cap=150)
    event = event_register(campaign=campaign, unit=units["health"], data=data, by=department_officer)
    assert event.delegate_cap == 150
    with pytest.raises(EventError, match="không được vượt quá 300"):
        event_update(event=event, data={**data, "delegate_cap": 301}, by=department_officer)
    event.refresh_from_db()
    assert event.delegate_cap == 150


def test_a_commune_cannot_set_its_own_cap(campaign, units, unit_manager):
    with pytest.raises(EventError, match="không tự đặt"):
        event_register(campaign=campaign, unit=units["chora"], data=_data(delegate_cap=100), by=unit_manager)


def test_the_province_number_is_set_by_staff_within_500(campaign, units, admin, leadership):
    data = _data(date=date(2025, 8, 20), ordinal="VI", delegate_cap=480)
    event = event_register(campaign=campaign, unit=units["province"], data=data, by=admin)
    assert event.delegate_cap == 480
    with pytest.raises(EventError, match="vượt quá 500"):
        event_update(event=event, data={**data, "delegate_cap": 501}, by=admin)
    with pytest.raises(EventError, match="Sở Nội vụ quyết định"):
        event_update(event=event, data={**data, "delegate_cap": 400}, by=leadership)


def test_status_moves_planned_held_reported(campaign, units, unit_manager):
    event = event_register(campaign=campaign, unit=units["chora"], data=_data(), by=unit_manager)
    with pytest.raises(EventError, match="15/03/2025"):
        event_change_status(event=event, target="held", by=unit_manager, today=date(2025, 3, 14))
    event = event_change_status(event=event, target="held", by=unit_manager, today=date(2025, 3, 15))
    assert event.status == "held"
    with pytest.raises(EventError):
        event_change_status(event=event, target="planned", by=unit_manager, today=date(2025, 3, 16))
    event = event_change_status(event=event, target="reported", by=unit_manager, today=date(2025, 3, 16))
    assert Event.objects.get(pk=event.pk).status == "reported"


def test_a_held_event_can_no_longer_be_edited(campaign, units, unit_manager):
    event = event_register(campaign=campaign, unit=units["chora"], data=_data(), by=unit_manager)
    event_change_status(event=event, target="held", by=unit_manager, today=date(2025, 3, 20))
    with pytest.raises(EventError, match="đã tổ chức"):
        event_update(event=event, data=_data(venue="Nơi khác"), by=unit_manager)

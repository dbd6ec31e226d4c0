from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congresses.models import Event
from congresses.services import event_register
from units.domain import unit_name_in_sentence
from units.models import Unit

pytestmark = pytest.mark.django_db


def _post(**changes):
    data = {
        "ordinal": "II",
        "venue": "Hội trường UBND thị trấn Chợ Rã",
        "date": "2025-03-15",
        "session": "morning",
    }
    data.update(changes)
    return data


def _register(campaign, unit, by, **changes):
    data = {"ordinal": "II", "venue": f"Hội trường {unit_name_in_sentence(unit.name)}", "session": "morning"}
    data["date"] = changes.pop("date", None) or _window_day(campaign, unit)
    data.update(changes)
    return event_register(campaign=campaign, unit=unit, data=data, by=by)


def _window_day(campaign, unit):
    from congresses.selectors import tier_for_unit

    tier = tier_for_unit(campaign=campaign, unit=unit)
    return tier.window_start + timedelta(days=10)


@pytest.fixture
def chora_event(campaign, units, unit_manager):
    return _register(campaign, units["chora"], unit_manager, date=date(2025, 3, 15))


# --- register -------------------------------------------------------------------


def test_it_registers_the_officers_own_event(client, units, campaign, unit_manager):
    client.force_login(unit_manager)
    url = reverse("congresses:event_register", args=[units["chora"].pk])
    page = client.get(url).content.decode()
    assert "Quý I năm 2025" in page and "delegate_cap" not in page
    response = client.post(url, _post())
    event = Event.objects.get(unit=units["chora"])
    assert response.status_code == 302 and response["Location"] == reverse(
        "congresses:event_detail", args=[event.pk]
    )
    assert event.name == "Hội nghị tuyên dương điển hình tiên tiến thị trấn Chợ Rã"


def test_it_refuses_a_date_outside_the_window_naming_it(client, units, campaign, unit_manager):
    client.force_login(unit_manager)
    response = client.post(
        reverse("congresses:event_register", args=[units["chora"].pk]), _post(date="2025-04-01")
    )
    assert response.status_code == 200
    assert (
        "Ngày tổ chức phải trong Quý I năm 2025 (từ 01/01/2025 đến 31/03/2025)." in response.content.decode()
    )
    assert not Event.objects.exists()


def test_it_refuses_a_bad_ordinal(client, units, campaign, unit_manager):
    client.force_login(unit_manager)
    response = client.post(
        reverse("congresses:event_register", args=[units["chora"].pk]), _post(ordinal="hai")
    )
    assert "số La Mã" in response.content.decode()


def test_it_lets_a_district_officer_register_for_its_commune(client, units, campaign, district_officer):
    client.force_login(district_officer)
    response = client.post(reverse("congresses:event_register", args=[units["chora"].pk]), _post())
    assert response.status_code == 302
    assert Event.objects.get(unit=units["chora"]).created_by == district_officer


def test_it_lets_a_department_set_a_lower_cap(client, units, campaign, department_officer):
    client.force_login(department_officer)
    url = reverse("congresses:event_register", args=[units["health"].pk])
    assert 'name="delegate_cap"' in client.get(url).content.decode()
    response = client.post(url, _post(date="2025-05-12", delegate_cap="301"))
    assert "không được vượt quá 300" in response.content.decode()
    client.post(url, _post(date="2025-05-12", delegate_cap="180"))
    assert Event.objects.get(unit=units["health"]).delegate_cap == 180


def test_it_forbids_leadership_to_register(client, units, campaign, leadership):
    client.force_login(leadership)
    assert (
        client.post(reverse("congresses:event_register", args=[units["chora"].pk]), _post()).status_code
        == 403
    )
    assert not Event.objects.exists()


def test_it_hides_other_districts_units_from_registration(client, units, campaign, other_unit_manager):
    client.force_login(other_unit_manager)
    assert client.get(reverse("congresses:event_register", args=[units["chora"].pk])).status_code == 404
    assert (
        client.post(reverse("congresses:event_register", args=[units["chora"].pk]), _post()).status_code
        == 404
    )


def test_it_sends_to_the_existing_event_instead_of_a_second_one(client, units, unit_manager, chora_event):
    client.force_login(unit_manager)
    response = client.get(reverse("congresses:event_register", args=[units["chora"].pk]))
    assert response["Location"] == reverse("congresses:event_detail", args=[chora_event.pk])


# --- detail ---------------------------------------------------------------------


def test_it_shows_the_title_block_as_the_plan_fixes_it(client, unit_manager, chora_event):
    client.force_login(unit_manager)
    response = client.get(reverse("congresses:event_detail", args=[chora_event.pk]))
    assert response.status_code == 200
    assert response.context["title"].lines == (
        "Hội nghị tuyên dương điển hình tiên tiến thị trấn Chợ Rã",
        "Lần thứ II",
        "Hội trường thị trấn Chợ Rã, ngày 15 tháng 3 năm 2025",
    )
    body = response.content.decode()
    assert "Lần thứ II" in body and "ngày 15 tháng 3 năm 2025" in body
    assert "congresses/_event_links.html" in [t.name for t in response.templates]
    assert "Xác nhận đã tổ chức" in body and "Sửa thông tin" in body


def test_it_shows_leadership_the_event_without_buttons(client, leadership, chora_event):
    client.force_login(leadership)
    body = client.get(reverse("congresses:event_detail", args=[chora_event.pk])).content.decode()
    assert "Lần thứ II" in body and "Xác nhận đã tổ chức" not in body and "Sửa thông tin" not in body


@pytest.mark.parametrize("role", ["other_unit_manager", "department_officer"])
def test_it_hides_the_event_outside_scope(client, request, chora_event, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("congresses:event_detail", args=[chora_event.pk])).status_code == 404


# --- edit -----------------------------------------------------------------------


def test_it_lets_the_officer_edit_within_the_window(client, unit_manager, chora_event):
    client.force_login(unit_manager)
    url = reverse("congresses:event_edit", args=[chora_event.pk])
    assert (
        client.post(
            url, _post(venue="Nhà văn hóa Chợ Rã", date="2025-03-31", session="afternoon")
        ).status_code
        == 302
    )
    chora_event.refresh_from_db()
    assert chora_event.venue == "Nhà văn hóa Chợ Rã" and chora_event.date == date(2025, 3, 31)
    response = client.post(url, _post(date="2025-04-01"))
    assert "Ngày tổ chức phải trong Quý I năm 2025" in response.content.decode()


def test_it_lets_a_district_officer_edit_its_communes_event(client, district_officer, chora_event):
    client.force_login(district_officer)
    assert (
        client.post(reverse("congresses:event_edit", args=[chora_event.pk]), _post(venue="Ba Bể")).status_code
        == 302
    )


def test_it_forbids_leadership_to_edit(client, leadership, chora_event):
    client.force_login(leadership)
    assert client.post(reverse("congresses:event_edit", args=[chora_event.pk]), _post()).status_code == 403


def test_it_hides_the_edit_from_other_districts(client, other_unit_manager, chora_event):
    client.force_login(other_unit_manager)
    assert client.post(reverse("congresses:event_edit", args=[chora_event.pk]), _post()).status_code == 404


def test_staff_set_the_province_number_within_500(client, admin, campaign, units):
    client.force_login(admin)
    url = reverse("congresses:event_register", args=[units["province"].pk])
    response = client.post(url, _post(ordinal="VI", date="2025-08-20", delegate_cap="501"))
    assert "không được vượt quá 500" in response.content.decode()
    client.post(url, _post(ordinal="VI", date="2025-08-20", delegate_cap="450"))
    assert Event.objects.get(unit=units["province"]).delegate_cap == 450


# --- status ---------------------------------------------------------------------


def test_it_moves_the_status_forward(client, unit_manager, chora_event):
    client.force_login(unit_manager)
    url = reverse("congresses:event_status", args=[chora_event.pk])
    client.post(url, {"status": "held"})
    chora_event.refresh_from_db()
    assert chora_event.status == "held"  # the event day (2025) is in the past of the test clock
    client.post(url, {"status": "reported"})
    chora_event.refresh_from_db()
    assert chora_event.status == "reported"


def test_it_refuses_a_jump_with_a_message(client, unit_manager, chora_event):
    client.force_login(unit_manager)
    response = client.post(
        reverse("congresses:event_status", args=[chora_event.pk]), {"status": "reported"}, follow=True
    )
    assert "Không chuyển được" in response.content.decode()


def test_it_forbids_leadership_to_change_status(client, leadership, chora_event):
    client.force_login(leadership)
    assert (
        client.post(reverse("congresses:event_status", args=[chora_event.pk]), {"status": "held"}).status_code
        == 403
    )


def test_it_hides_status_changes_from_other_districts(client, other_unit_manager, chora_event):
    client.force_login(other_unit_manager)
    assert (
        client.post(reverse("congresses:event_status", args=[chora_event.pk]), {"status": "held"}).status_code
        == 404
    )


# --- list -----------------------------------------------------------------------


@pytest.fixture
def some_events(campaign, units, admin):
    babe_communes = list(
        Unit.objects.filter(parent=units["babe"]).exclude(pk=units["chora"].pk).order_by("pk")[:3]
    )
    for unit in [units["babe"], units["nari"], units["health"], units["nari_commune"], *babe_communes]:
        _register(campaign, unit, admin)


def test_it_lists_all_events_for_staff_with_filters(client, admin, campaign, units, some_events):
    client.force_login(admin)
    url = reverse("congresses:event_list")
    assert len(client.get(url).context["events"]) == 7
    assert {e.unit.name for e in client.get(url, {"district": units["nari"].pk}).context["events"]} == {
        "Huyện Na Rì",
        units["nari_commune"].name,
    }
    commune_tier = campaign.tiers.get(code="commune")
    assert len(client.get(url, {"tier": commune_tier.pk}).context["events"]) == 4
    assert len(client.get(url, {"status": "held"}).context["events"]) == 0


def test_it_lists_the_district_and_its_communes_for_a_district_officer(
    client, district_officer, units, some_events
):
    client.force_login(district_officer)
    events = client.get(reverse("congresses:event_list")).context["events"]
    assert len(events) == 4
    assert all(e.unit == units["babe"] or e.unit.parent == units["babe"] for e in events)


def test_it_lists_only_the_communes_own_event(client, unit_manager, units, chora_event, some_events):
    client.force_login(unit_manager)
    assert [e.unit for e in client.get(reverse("congresses:event_list")).context["events"]] == [
        units["chora"]
    ]


def test_it_lists_nothing_outside_the_department(client, department_officer, units, some_events):
    client.force_login(department_officer)
    assert [e.unit for e in client.get(reverse("congresses:event_list")).context["events"]] == [
        units["health"]
    ]


def test_it_sends_anonymous_users_from_the_list_to_login(client, campaign):
    assert client.get(reverse("congresses:event_list")).status_code == 302


def test_the_event_list_query_count_does_not_grow(client, admin, campaign, units):
    client.force_login(admin)
    url = reverse("congresses:event_list")
    communes = list(Unit.objects.filter(kind__in=("commune", "ward", "town")).order_by("pk"))
    for unit in communes[:2]:
        _register(campaign, unit, admin)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for unit in communes[2:40]:
        _register(campaign, unit, admin)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["events"]) == 40
    assert len(many) == len(few)


# --- links ----------------------------------------------------------------------


def test_the_officer_home_links_the_plan_and_the_event(client, unit_manager, chora_event):
    client.force_login(unit_manager)
    body = client.get(reverse("home")).content.decode()
    assert reverse("congresses:unit_plans", args=[chora_event.unit_id]) in body
    assert reverse("congresses:event_detail", args=[chora_event.pk]) in body
    assert "Chưa nộp" in body


def test_the_unit_page_offers_registration_when_there_is_no_event(client, district_officer, units, campaign):
    client.force_login(district_officer)
    body = client.get(reverse("units:detail", args=[units["chora"].pk])).content.decode()
    assert reverse("congresses:event_register", args=[units["chora"].pk]) in body


def test_the_nav_has_the_events_item(client, leadership, campaign):
    client.force_login(leadership)
    body = client.get(reverse("home")).content.decode()
    assert "Hội nghị, Đại hội" in body and reverse("congresses:event_list") in body


def test_it_lists_the_units_that_have_not_registered_in_scope(client, district_officer, units, some_events):
    client.force_login(district_officer)
    response = client.get(reverse("congresses:event_list"))
    missing = response.context["units_without_event"]
    registered = {e.unit_id for e in response.context["events"]}
    in_scope = Unit.objects.filter(Q(pk=units["babe"].pk) | Q(parent=units["babe"]))
    assert {u.pk for u in missing} == set(in_scope.values_list("pk", flat=True)) - registered
    assert reverse("congresses:event_register", args=[units["chora"].pk]) in response.content.decode()


def test_leadership_sees_unregistered_units_without_register_links(client, leadership, units, some_events):
    client.force_login(leadership)
    response = client.get(reverse("congresses:event_list"))
    assert units["chora"] in response.context["units_without_event"]
    assert reverse("congresses:event_register", args=[units["chora"].pk]) not in response.content.decode()


def test_it_suggests_the_campaign_ordinal_for_a_congress(client, district_officer, units, campaign):
    client.force_login(district_officer)
    form = client.get(reverse("congresses:event_register", args=[units["babe"].pk])).context["form"]
    assert form.initial["ordinal"] == campaign.ordinal
    form = client.get(reverse("congresses:event_register", args=[units["chora"].pk])).context["form"]
    assert "ordinal" not in form.initial

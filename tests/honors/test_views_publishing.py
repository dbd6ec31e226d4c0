"""An exemplar reaches the public page /dien-hinh/ only when the level above its unit approves."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tests.factories import ExemplarFactory

pytestmark = pytest.mark.django_db

STORY = "Chị Mai trồng quế, giúp bà con thoát nghèo."


def _public_names(client) -> list[str]:
    return [e.name for e in client.get(reverse("honors:public_list")).context["page"]]


def _payload(unit, **changes):
    data = {"unit": unit.pk, "kind": "individual", "name": "Triệu Thị Mai", "representative": "", "gender": "female",
            "birth_year": 1979, "ethnic_group": "Dao", "religion": "Không", "position": "Nông dân",
            "field": "Nông nghiệp, nông thôn", "achievements": "Trồng 15 ha quế.", "story": STORY}  # fmt: skip
    data.update(changes)
    return data


def test_ticking_publish_on_the_units_own_form_does_not_make_it_public(client, unit_manager, units):
    client.force_login(unit_manager)
    response = client.post(reverse("honors:exemplar_create"), _payload(units["chora"], is_published="on"))
    assert response.status_code == 302
    client.logout()
    assert "Triệu Thị Mai" not in _public_names(client)


@pytest.fixture
def mai(units):
    return ExemplarFactory(unit=units["chora"], name="Triệu Thị Mai", story=STORY)


def _request(client, user, exemplar):
    client.force_login(user)
    return client.post(reverse("honors:exemplar_publication_request", args=[exemplar.pk]), follow=True)


def _decide(client, user, exemplar, decision, reason=""):
    client.force_login(user)
    url = reverse("honors:exemplar_publication_decide", args=[exemplar.pk])
    return client.post(url, {"decision": decision, "reason": reason}, follow=True)


def test_a_request_waits_for_the_district_and_its_approval_publishes(
    client, unit_manager, district_officer, mai
):
    body = _request(client, unit_manager, mai).content.decode()
    assert "Đã gửi đề nghị công bố" in body
    client.logout()
    assert "Triệu Thị Mai" not in _public_names(client)
    client.force_login(district_officer)
    waiting = client.get(reverse("honors:publication_requests")).context["exemplars"]
    assert [e.name for e in waiting] == ["Triệu Thị Mai"]
    assert "Đã duyệt công bố" in _decide(client, district_officer, mai, "approve").content.decode()
    client.logout()
    assert _public_names(client) == ["Triệu Thị Mai"]
    assert client.get(reverse("honors:public_detail", args=[mai.pk])).status_code == 200
    changes = [e.changes_dict.get("publication") for e in LogEntry.objects.get_for_object(mai)]
    assert ["requested", "approved"] in changes  # audit-logged like every other change


def test_the_unit_cannot_approve_its_own_request(client, unit_manager, mai):
    _request(client, unit_manager, mai)
    body = _decide(client, unit_manager, mai, "approve").content.decode()
    assert "do huyện, thành phố quản lý xét" in body
    mai.refresh_from_db()
    assert mai.publication == "requested"


def test_a_department_is_approved_by_so_noi_vu_not_by_itself(client, department_officer, admin, units):
    exemplar = ExemplarFactory(unit=units["health"], name="Bác sĩ Lục Thị Vân", story=STORY)
    _request(client, department_officer, exemplar)
    assert "do Sở Nội vụ xét" in _decide(client, department_officer, exemplar, "approve").content.decode()
    _decide(client, admin, exemplar, "approve")
    exemplar.refresh_from_db()
    assert exemplar.publication == "approved"


def test_a_refusal_needs_a_reason_and_is_shown_to_the_unit(client, unit_manager, district_officer, mai):
    _request(client, unit_manager, mai)
    assert "phải ghi rõ lý do" in _decide(client, district_officer, mai, "refuse").content.decode()
    mai.refresh_from_db()
    assert mai.publication == "requested"
    _decide(client, district_officer, mai, "refuse", "Câu chuyện còn ghi số điện thoại riêng.")
    client.force_login(unit_manager)
    body = client.get(reverse("honors:exemplar_detail", args=[mai.pk])).content.decode()
    assert "Cấp trên không duyệt công bố" in body and "Câu chuyện còn ghi số điện thoại riêng." in body
    client.logout()
    assert "Triệu Thị Mai" not in _public_names(client)


@pytest.mark.parametrize("who", ["unit_manager", "district_officer"])
def test_withdrawal_by_the_unit_or_the_reviewer_is_immediate(
    client, request, unit_manager, district_officer, mai, who
):
    _request(client, unit_manager, mai)
    _decide(client, district_officer, mai, "approve")
    client.force_login(request.getfixturevalue(who))
    body = client.post(
        reverse("honors:exemplar_publication_withdraw", args=[mai.pk]), follow=True
    ).content.decode()
    assert "Đã rút “Triệu Thị Mai” khỏi trang công khai." in body
    client.logout()
    assert "Triệu Thị Mai" not in _public_names(client)
    assert client.get(reverse("honors:public_detail", args=[mai.pk])).status_code == 404


def test_leadership_and_other_districts_cannot_touch_publication(client, leadership, other_unit_manager, mai):
    client.force_login(leadership)
    assert client.post(reverse("honors:exemplar_publication_request", args=[mai.pk])).status_code == 403
    client.force_login(other_unit_manager)
    assert (
        client.post(
            reverse("honors:exemplar_publication_decide", args=[mai.pk]), {"decision": "approve"}
        ).status_code
        == 404
    )
    mai.refresh_from_db()
    assert mai.publication == "draft"

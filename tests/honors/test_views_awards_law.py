"""Who may propose which form, and under whose decision an honour is recorded (Luật TĐKT 2022, Điều 77-80)."""

import pytest
from django.urls import reverse

from honors import services
from honors.models import Honour, Nomination
from honors.services import HonoursError
from tests.factories import ExemplarFactory

from .conftest import make_decision, review_decision

pytestmark = pytest.mark.django_db


def _offered(client, exemplar) -> set[str]:
    response = client.get(reverse("honors:nomination_create", args=[exemplar.pk]))
    assert response.status_code == 200
    return {a.name for a in response.context["form"].fields["proposed_award"].queryset}


def test_a_department_is_not_offered_a_communes_or_districts_certificate(
    client, department_officer, units, awards
):
    exemplar = ExemplarFactory(unit=units["health"], name="Bác sĩ Lục Thị Vân")
    client.force_login(department_officer)
    offered = _offered(client, exemplar)
    assert "Giấy khen của Chủ tịch UBND cấp xã" not in offered
    assert "Giấy khen của Chủ tịch UBND cấp huyện" not in offered
    assert "Gia đình văn hóa" not in offered
    assert {"Giấy khen của Thủ trưởng sở, ban, ngành", "Bằng khen của Chủ tịch UBND tỉnh"} <= offered


def test_a_commune_is_offered_its_own_and_its_districts_certificates_but_not_a_departments(
    client, unit_manager, exemplar, awards
):
    client.force_login(unit_manager)
    offered = _offered(client, exemplar)
    assert {"Giấy khen của Chủ tịch UBND cấp xã", "Giấy khen của Chủ tịch UBND cấp huyện"} <= offered
    assert "Giấy khen của Thủ trưởng sở, ban, ngành" not in offered


def test_a_department_posting_a_communes_certificate_is_refused(
    client, department_officer, units, events, awards
):
    exemplar = ExemplarFactory(unit=units["health"], name="Bác sĩ Lục Thị Vân")
    client.force_login(department_officer)
    response = client.post(
        reverse("honors:nomination_create", args=[exemplar.pk]),
        {
            "event": events["health"].pk,
            "target": "own",
            "proposed_award": awards["Giấy khen của Chủ tịch UBND cấp xã"].pk,
        },
    )
    assert response.status_code == 200 and not Nomination.objects.exists()


def test_the_service_refuses_a_form_the_unit_may_not_propose(units, events, awards, department_officer):
    exemplar = ExemplarFactory(unit=units["health"], name="Bác sĩ Lục Thị Vân")
    with pytest.raises(HonoursError, match="không được đề nghị “Giấy khen của Chủ tịch UBND cấp xã”"):
        services.nomination_create(
            exemplar=exemplar, event=events["health"], target="own",
            proposed_award=awards["Giấy khen của Chủ tịch UBND cấp xã"], by=department_officer,
        )  # fmt: skip
    assert not Nomination.objects.exists()


@pytest.fixture
def nomination(exemplar, events, awards, unit_manager):
    return services.nomination_create(
        exemplar=exemplar, event=events["chora"], target="own",
        proposed_award=awards["Giấy khen của Chủ tịch UBND cấp xã"], by=unit_manager,
    )  # fmt: skip


def test_a_provincial_bang_khen_under_a_communes_decision_is_refused(
    client, district_officer, nomination, awards
):
    client.force_login(district_officer)
    data = {
        "status": "raised", "raised_award": awards["Bằng khen của Chủ tịch UBND tỉnh"].pk,
        **review_decision("commune_chair", "7/QĐ-UBND"), "decision_date": "2025-03-01",
    }  # fmt: skip
    response = client.post(reverse("honors:nomination_review", args=[nomination.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Chủ tịch UBND cấp xã không có thẩm quyền tặng “Bằng khen của Chủ tịch UBND tỉnh”" in body
    assert not Honour.objects.exists()
    nomination.refresh_from_db()
    assert nomination.status == "pending"  # nothing half written


def test_a_raise_to_a_provincial_bang_khen_is_recorded_under_the_provinces_decision(
    client, district_officer, nomination, awards
):
    client.force_login(district_officer)
    url = reverse("honors:nomination_review", args=[nomination.pk])
    assert client.get(url).context["form"].initial["decision_authority"] == "commune_chair"
    data = {
        "status": "raised", "raised_award": awards["Bằng khen của Chủ tịch UBND tỉnh"].pk,
        **review_decision("province_chair", "1234/QĐ-UBND", "Nguyễn Đăng Bình"), "decision_date": "2025-03-01",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    honour = Honour.objects.select_related("decision").get()
    assert honour.award_type.name == "Bằng khen của Chủ tịch UBND tỉnh"
    assert (honour.decision.authority, honour.decision.number, honour.decision.place) == (
        "province_chair", "1234/QĐ-UBND", "Bắc Kạn",
    )  # fmt: skip


def test_a_district_is_not_offered_a_raise_outside_its_path(
    client, admin, units, events, awards, district_officer
):
    exemplar = ExemplarFactory(unit=units["babe"], name="Nông Văn Khánh")
    nomination = services.nomination_create(
        exemplar=exemplar, event=events["province"], target="upper",
        proposed_award=awards["Lao động tiên tiến"], by=district_officer,
    )  # fmt: skip
    client.force_login(admin)
    response = client.get(reverse("honors:nomination_review", args=[nomination.pk]))
    offered = {a.name for a in response.context["form"].fields["raised_award"].queryset}
    assert "Bằng khen của Chủ tịch UBND tỉnh" in offered
    assert "Chiến sĩ thi đua cơ sở" not in offered  # Sở Nội vụ advises the province, not the district


def test_one_decision_holds_many_honours_and_keeps_its_authority(units, events, awards):
    decision = make_decision(events["chora"], "commune_chair", "3/QĐ-UBND")
    for name in ("Hoàng Thị Hoa", "Ma Văn Tuấn"):
        services.honour_record(
            event=events["chora"], exemplar=ExemplarFactory(unit=units["chora"], name=name),
            award_type=awards["Giấy khen của Chủ tịch UBND cấp xã"], decision=decision,
        )  # fmt: skip
    assert decision.honours.count() == 2
    with pytest.raises(HonoursError, match="đã được ghi là của Chủ tịch UBND cấp xã"):
        make_decision(events["chora"], "province_chair", "3/QĐ-UBND")


def test_recording_a_bang_khen_under_a_communes_decision_is_refused(units, events, awards):
    decision = make_decision(events["chora"], "commune_chair", "3/QĐ-UBND")
    with pytest.raises(HonoursError, match="không có thẩm quyền tặng"):
        services.honour_record(
            event=events["chora"], exemplar=ExemplarFactory(unit=units["chora"]),
            award_type=awards["Bằng khen của Chủ tịch UBND tỉnh"], decision=decision,
        )  # fmt: skip
    assert not Honour.objects.exists()


def test_loading_the_catalogue_twice_updates_rows_in_place(awards):
    from honors.models import AwardType

    form = AwardType.objects.get(name="Giấy khen của Chủ tịch UBND cấp xã")
    AwardType.objects.filter(pk=form.pk).update(authorities=[], proposer_kinds=[])
    count = AwardType.objects.count()
    services.award_types_load_from_file()
    form.refresh_from_db()
    assert AwardType.objects.count() == count
    assert form.authorities == ["commune_chair"] and form.proposer_kinds == ["commune", "ward", "town"]
    assert "06/2022/QH15" in form.legal_basis and "152/2025/NĐ-CP" in form.legal_basis

import io

import openpyxl
import pytest
from django.urls import reverse

from honors import services
from honors.models import Honour, Nomination, Presenter
from tests.factories import ExemplarFactory

from .conftest import make_decision, review_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def nomination(exemplar, events, awards, unit_manager):
    return services.nomination_create(
        exemplar=exemplar, event=events["chora"], target="own",
        proposed_award=awards["Giấy khen của Chủ tịch UBND cấp xã"], by=unit_manager,
    )  # fmt: skip


def test_it_lets_a_commune_propose_to_its_own_event(client, unit_manager, exemplar, events, awards):
    client.force_login(unit_manager)
    url = reverse("honors:nomination_create", args=[exemplar.pk])
    body = client.get(url).content.decode()
    assert events["chora"].name in body and events["babe"].name in body and events["nari"].name not in body
    response = client.post(url, {"event": events["chora"].pk, "target": "own",
                                 "proposed_award": awards["Giấy khen của Chủ tịch UBND cấp xã"].pk})  # fmt: skip
    assert response.status_code == 302
    assert Nomination.objects.get().proposed_by == unit_manager


def test_it_explains_a_wrong_target(client, unit_manager, exemplar, events, awards):
    client.force_login(unit_manager)
    response = client.post(reverse("honors:nomination_create", args=[exemplar.pk]),
                           {"event": events["babe"].pk, "target": "own", "proposed_award": awards["Lao động tiên tiến"].pk})  # fmt: skip
    assert "không phải của đơn vị có điển hình" in response.content.decode()
    assert not Nomination.objects.exists()


def test_it_forbids_proposing_outside_scope_and_by_leadership(
    client, other_unit_manager, leadership, exemplar, events, awards
):
    url = reverse("honors:nomination_create", args=[exemplar.pk])
    data = {"event": events["chora"].pk, "target": "own", "proposed_award": awards["Lao động tiên tiến"].pk}
    client.force_login(other_unit_manager)
    assert client.post(url, data).status_code == 404
    client.force_login(leadership)
    assert client.post(url, data).status_code == 403


def test_it_lists_proposals_to_review_for_the_district(
    client, district_officer, other_unit_manager, nomination
):
    client.force_login(district_officer)
    response = client.get(reverse("honors:nomination_list"))
    assert nomination.exemplar.name in response.content.decode()
    assert list(response.context["to_review"]) == [nomination]
    client.force_login(other_unit_manager)
    response = client.get(reverse("honors:nomination_list"))
    assert list(response.context["to_review"]) == [] and list(response.context["proposed"]) == []


REVIEW = {**review_decision("commune_chair", "31/QĐ-UBND"), "decision_date": "2025-03-01"}


def test_it_lets_the_district_accept_and_records_the_honour(client, district_officer, nomination):
    client.force_login(district_officer)
    url = reverse("honors:nomination_review", args=[nomination.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "accepted", **REVIEW})
    assert response.status_code == 302
    honour = Honour.objects.select_related("decision").get()
    assert honour.decision.number == "31/QĐ-UBND" and honour.decision.authority == "commune_chair"


def test_it_requires_a_reason_to_reject(client, district_officer, nomination):
    client.force_login(district_officer)
    response = client.post(reverse("honors:nomination_review", args=[nomination.pk]), {"status": "rejected"})
    assert "Không đồng ý thì phải ghi rõ lý do." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == "pending"


def test_it_offers_only_higher_forms_for_a_raise(client, district_officer, nomination, awards):
    client.force_login(district_officer)
    response = client.get(reverse("honors:nomination_review", args=[nomination.pk]))
    offered = set(response.context["form"].fields["raised_award"].queryset)
    assert awards["Bằng khen của Chủ tịch UBND tỉnh"] in offered
    assert awards["Giấy khen của Chủ tịch UBND cấp xã"] not in offered
    assert awards["Cờ thi đua của Chính phủ"] not in offered  # a collective form for an individual


def test_it_forbids_the_wrong_reviewers(
    client, admin, other_unit_manager, unit_manager, leadership, nomination
):
    url = reverse("honors:nomination_review", args=[nomination.pk])
    data = {"status": "accepted", **REVIEW}
    client.force_login(other_unit_manager)
    assert client.post(url, data).status_code == 404
    for user in (admin, unit_manager, leadership):
        client.force_login(user)
        assert client.post(url, data).status_code == 403
    assert not Honour.objects.exists()


def _honour(event, exemplar, award, number="12/QĐ-UBND", authority="commune_chair"):
    decision = make_decision(event, authority, number)
    return services.honour_record(event=event, exemplar=exemplar, award_type=award, decision=decision)


def test_it_shows_an_event_with_its_decisions_and_presenter_warnings(
    client, district_officer, events, exemplar, awards
):
    _honour(events["chora"], exemplar, awards["Giấy khen của Chủ tịch UBND cấp xã"])
    services.presenter_add(event=events["chora"], exemplar=exemplar, topic="Miến dong")
    client.force_login(district_officer)
    body = client.get(reverse("honors:event_detail", args=[events["chora"].pk])).content.decode()
    assert "Quyết định số 12/QĐ-UBND" in body
    assert "Chưa có báo cáo của người trực tiếp lao động, sản xuất." in body
    assert "Chưa có báo cáo của nữ." not in body


def test_it_hides_an_event_outside_scope(client, other_unit_manager, events):
    client.force_login(other_unit_manager)
    assert client.get(reverse("honors:event_detail", args=[events["chora"].pk])).status_code == 404
    response = client.get(reverse("honors:event_list"))
    assert list(response.context["events"]) == [events["nari"]]


def test_it_exports_the_decision_list_with_formulas_neutralised(client, unit_manager, events, units, awards):
    first = ExemplarFactory(unit=units["chora"], name='=HYPERLINK("http://x")')
    second = ExemplarFactory(unit=units["chora"], name="Ma Văn Tuấn", position="@SUM(1)")
    award = awards["Giấy khen của Chủ tịch UBND cấp xã"]
    _honour(events["chora"], first, award)
    _honour(events["chora"], second, award)
    _honour(events["chora"], ExemplarFactory(unit=units["chora"], name="Khác"), award, number="99/QĐ-UBND")
    client.force_login(unit_manager)
    response = client.get(reverse("honors:decision_export", args=[events["chora"].pk]), {"so": "12/QĐ-UBND"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] is not None]
    assert rows[0][0].startswith("DANH SÁCH KÈM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND")
    header_at = next(i for i, r in enumerate(rows) if r[0] == "STT")
    data = rows[header_at + 1 :]
    assert len(data) == 2
    names = {r[1] for r in data}
    assert '\'=HYPERLINK("http://x")' in names
    assert all(not str(v).startswith(("=", "+", "-", "@")) for r in data for v in r if v is not None)


def test_it_refuses_the_export_outside_scope_and_for_an_unknown_decision(
    client, other_unit_manager, unit_manager, events, exemplar, awards
):
    _honour(events["chora"], exemplar, awards["Giấy khen của Chủ tịch UBND cấp xã"])
    url = reverse("honors:decision_export", args=[events["chora"].pk])
    client.force_login(other_unit_manager)
    assert client.get(url, {"so": "12/QĐ-UBND"}).status_code == 404
    client.force_login(unit_manager)
    assert client.get(url, {"so": "không có"}).status_code == 404


def test_it_adds_and_removes_a_presenter(client, unit_manager, events, exemplar):
    client.force_login(unit_manager)
    response = client.post(reverse("honors:presenter_add", args=[events["chora"].pk]),
                           {"exemplar": exemplar.pk, "topic": "Liên kết sản xuất miến dong"})  # fmt: skip
    assert response.status_code == 302
    presenter = Presenter.objects.get()
    response = client.post(reverse("honors:presenter_remove", args=[events["chora"].pk, presenter.pk]))
    assert response.status_code == 302 and not Presenter.objects.exists()


def test_it_refuses_a_presenter_from_outside_the_event_unit(client, unit_manager, events, units):
    stranger = ExemplarFactory(unit=units["nari"], name="Người Na Rì")
    client.force_login(unit_manager)
    response = client.post(reverse("honors:presenter_add", args=[events["chora"].pk]),
                           {"exemplar": stranger.pk, "topic": "Chủ đề"})  # fmt: skip
    assert response.status_code == 400 and not Presenter.objects.exists()


def test_it_forbids_presenter_changes_outside_scope_and_by_leadership(
    client, other_unit_manager, leadership, events, exemplar
):
    presenter = services.presenter_add(event=events["chora"], exemplar=exemplar, topic="Chủ đề")
    add = reverse("honors:presenter_add", args=[events["chora"].pk])
    remove = reverse("honors:presenter_remove", args=[events["chora"].pk, presenter.pk])
    client.force_login(other_unit_manager)
    assert client.post(add, {"exemplar": exemplar.pk, "topic": "x"}).status_code == 404
    assert client.post(remove).status_code == 404
    client.force_login(leadership)
    assert client.get(reverse("honors:event_detail", args=[events["chora"].pk])).status_code == 200
    assert client.post(remove).status_code == 403
    assert Presenter.objects.count() == 1


def test_it_shows_the_proposals_of_an_event_to_its_reviewer(client, district_officer, nomination, events):
    client.force_login(district_officer)
    body = client.get(reverse("honors:event_detail", args=[events["chora"].pk])).content.decode()
    assert "Đề nghị khen thưởng tại sự kiện (1)" in body and "Chờ xét" in body


def test_it_lists_events_for_leadership_read_only(client, leadership, events):
    client.force_login(leadership)
    response = client.get(reverse("honors:event_list"))
    assert response.status_code == 200 and len(response.context["events"]) == 5
    assert (
        "Thêm báo cáo tham luận"
        not in client.get(reverse("honors:event_detail", args=[events["chora"].pk])).content.decode()
    )


def test_it_does_not_warn_a_department_about_its_own_field(client, department_officer, events, units):
    for name, gender in (("Bế Văn Quân", "male"), ("Triệu Thị Hằng", "female")):
        person = ExemplarFactory(
            unit=units["health"], name=name, gender=gender, field="Y tế", is_direct_worker=True
        )
        services.presenter_add(event=events["health"], exemplar=person, topic="Kỹ thuật mới")
    client.force_login(department_officer)
    body = client.get(reverse("honors:event_detail", args=[events["health"].pk])).content.decode()
    assert "chiếm 100%" not in body and "Tất cả báo cáo đều của cá nhân" in body


def test_a_review_sent_from_a_stale_form_is_refused_showing_what_changed(
    client, district_officer, nomination
):
    """Issue 14 (lost update): two reviewers open the same proposal; the second one's verdict
    used to be refused only by the pending check, without saying what the other decided."""
    url = reverse("honors:nomination_review", args=[nomination.pk])
    client.force_login(district_officer)
    opened = client.get(url).context["form"]["version"].value()
    assert client.post(url, {"status": "accepted", "version": opened, **REVIEW}).status_code == 302
    stale = client.post(url, {"status": "rejected", "reason": "Chưa đủ thành tích", "version": opened})
    body = stale.content.decode()
    assert "người khác đã sửa" in body
    assert "Trạng thái: đang lưu “Đồng ý”, bạn gửi “Không đồng ý”" in body
    nomination.refresh_from_db()
    assert nomination.status == "accepted" and nomination.reason == ""

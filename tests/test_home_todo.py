"""Each role's home page says what waits for it, with counts and links (issue 15)."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from freezegun import freeze_time

from congresses.demo import minimal_pdf
from congresses.models import UnitPlan
from congresses.services import plan_review, plan_submit
from tests.factories import DelegateFactory, EventFactory, HeldEventFactory

pytestmark = pytest.mark.django_db


def _plan(campaign, unit, by):
    pdf = ContentFile(minimal_pdf(["Ke hoach", unit.name]), name="ke-hoach.pdf")
    return plan_submit(campaign=campaign, unit=unit, kind=UnitPlan.Kind.PLAN, upload=pdf, submitted_by=by)


def _waiting(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return {line["label"]: (line["count"], line["url"]) for line in response.context["waiting"]}, response


@freeze_time("2025-05-20")
def test_staff_see_the_plans_waiting_for_review_and_go_to_them(
    client, admin, district_officer, campaign, units
):
    _plan(campaign, units["babe"], district_officer)
    _plan(campaign, units["nari"], district_officer)
    waiting, response = _waiting(client, admin)
    count, link = waiting["Kế hoạch, chương trình chờ Sở Nội vụ xem xét"]
    assert count == 2 and link == reverse("congresses:plan_list") + "?status=submitted"
    assert "Việc đang chờ bạn" in response.content.decode()
    listed = client.get(link).content.decode()
    assert "Huyện Ba Bể" in listed and "Huyện Na Rì" in listed


@freeze_time("2025-05-20")
def test_an_officer_sees_a_returned_plan_and_overdue_reports_of_their_units(
    client, admin, district_officer, campaign, units
):
    plan = _plan(campaign, units["babe"], district_officer)
    plan_review(plan=plan, action="return", comment="Bổ sung địa điểm.", reviewed_by=admin)
    HeldEventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 3, 10)
    )  # 71 days without a report
    HeldEventFactory(
        unit=units["nari_commune"], campaign=campaign, date=date(2025, 3, 10)
    )  # another district's
    waiting, response = _waiting(client, district_officer)
    assert waiting["Kế hoạch bị trả lại, cần sửa và nộp lại"][0] == 1
    assert waiting["Sự kiện đã tổ chức, quá hạn báo cáo kết quả"][0] == 1
    overdue = response.context["work"].overdue
    assert overdue and all(v.unit_name != units["nari_commune"].name for v in overdue)
    assert "Kế hoạch, chương trình chờ Sở Nội vụ xem xét" not in waiting


@freeze_time("2025-05-20")
def test_nothing_waiting_says_so(client, unit_manager, campaign, units):
    EventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 6, 1))
    waiting, response = _waiting(client, unit_manager)
    assert waiting == {} and "Không có việc nào đang chờ." in response.content.decode()


@freeze_time("2025-05-20")
def test_leadership_home_shows_the_headline_figures(client, leadership, campaign, units):
    event = HeldEventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 3, 10))
    DelegateFactory.create_batch(3, event=event)
    client.force_login(leadership)
    response = client.get(reverse("home"))
    figures = {figure.label: figure.value for figure in response.context["headline"]}
    assert figures["Sự kiện đã tổ chức"] == 1 and figures["Đại biểu trong danh sách đăng ký"] == 3
    assert 'id="headline-figures"' in response.content.decode()


@freeze_time("2025-05-20")
def test_the_home_page_costs_the_same_queries_with_more_work_waiting(
    client, admin, district_officer, campaign, units, django_assert_max_num_queries
):
    client.force_login(admin)
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("home"))
    for unit in (units["babe"], units["nari"], units["city"]):
        _plan(campaign, unit, district_officer)
    for n in range(5):
        HeldEventFactory(
            unit=units["babe"].children.order_by("pk")[n], campaign=campaign, date=date(2025, 3, 10)
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))


@freeze_time("2025-05-20")
def test_an_officer_is_told_of_a_replacement_waiting_for_their_decision(
    client, unit_manager, campaign, units
):
    from attendance.models import Replacement

    event = EventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 6, 1))
    guest = DelegateFactory(event=event, category="guest")
    Replacement.objects.create(
        event=event, original=guest, original_name=guest.full_name, category="guest",
        full_name="Lý Văn Thay", gender="male", birth_year=1980, ethnic_group="Tày",
    )  # fmt: skip
    waiting, _ = _waiting(client, unit_manager)
    count, link = waiting["Đại biểu xin cử người đi thay, chờ bạn quyết định"]
    assert count == 1 and link == reverse("attendance:manage", args=[event.pk])
    assert "Lý Văn Thay" in client.get(link).content.decode()

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from freezegun import freeze_time
from openpyxl import load_workbook

from congresses.models import AgendaItem, Event
from honors.models import AwardDecision, AwardType, Exemplar, Honour
from oversight.models import BudgetLine, PilotLesson, ResultAttachment, ResultReport
from tests.factories import EventFactory

from .conftest import add_delegates

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def sheet_rows(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


# --- dashboard ---


@freeze_time("2025-05-01")
@pytest.mark.parametrize("who", ["admin", "leadership"])
def test_it_shows_the_dashboard_to_the_province(client, request, campaign, units, who):
    EventFactory(unit=units["chora"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 2, 3))
    response = login(client, request.getfixturevalue(who)).get(reverse("oversight:dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tiến độ theo cấp" in body and "<svg" in body and "Huyện Ba Bể" in body
    assert "Quá hạn tính đến hôm nay" in body


@pytest.mark.parametrize("who", ["unit_manager", "district_officer", "department_officer"])
def test_it_hides_the_dashboard_from_officers(client, request, campaign, who):
    response = login(client, request.getfixturevalue(who)).get(reverse("oversight:dashboard"))
    assert response.status_code == 404


def test_it_sends_anonymous_users_to_login(client, campaign):
    response = client.get(reverse("oversight:dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@freeze_time("2025-05-01")
def test_it_drills_down_to_a_district_and_links_units(client, admin, campaign, units):
    url = reverse("oversight:dashboard") + f"?unit={units['babe'].pk}"
    body = login(client, admin).get(url).content.decode()
    assert "Thị trấn Chợ Rã" in body and reverse("units:detail", args=[units["chora"].pk]) in body
    assert "Huyện Na Rì" not in body
    bodies = client.get(reverse("oversight:dashboard") + "?group=bodies").content.decode()
    assert "Sở Y tế" in bodies and "Thị trấn Chợ Rã" not in bodies
    assert client.get(reverse("oversight:dashboard") + f"?unit={units['chora'].pk}").status_code == 404
    assert client.get(reverse("oversight:dashboard") + "?unit=abc").status_code == 404


@freeze_time("2025-05-01")
@pytest.mark.parametrize("table, header", [("tiers", "Đơn vị / nhóm"), ("areas", "Đơn vị / nhóm"),
                                           ("overdue", "Đơn vị"), ("weeks", "Tuần bắt đầu"),
                                           ("composition", "Thành phần"), ("honours", "Hình thức khen thưởng"),
                                           ("results", "Cấp"), ("figures", "Số liệu")])  # fmt: skip
def test_it_exports_every_dashboard_table(client, leadership, campaign, units, table, header):
    event = EventFactory(
        unit=units["chora"], campaign=campaign, status=Event.Status.HELD, date=date(2025, 2, 3)
    )
    add_delegates(event, exemplars=3, others=1, women=2)
    award = AwardType.objects.create(name="Giấy khen", kind="form", recipient="both", level=1, grantor="UBND")
    exemplar = Exemplar.objects.create(unit=units["chora"], kind="individual", name="Hà Văn A", field="Y tế",
                                       achievements="Tốt")  # fmt: skip
    decision = AwardDecision.objects.create(event=event, authority="commune_chair", issuer="Chủ tịch UBND",
                                            number="1/QĐ", date=date(2025, 1, 1), place="Chợ Rã",
                                            signer="Chủ tịch")  # fmt: skip
    Honour.objects.create(event=event, exemplar=exemplar, award_type=award, decision=decision)
    ResultReport.objects.create(event=event, held_on=date(2025, 2, 3), attended_guests=5, achievements="Tốt.")
    response = login(client, leadership).get(reverse("oversight:dashboard") + f"?export={table}")
    rows = sheet_rows(response)
    assert rows[0][0] == header and len(rows) > 1
    if table == "results":
        assert rows[-1] == ["Toàn tỉnh", 1, 5, 0, 0, 0]
    if table == "composition":
        assert ["Nữ", 2] in rows and ["Đại biểu trong danh sách đăng ký", 4] in rows


def test_it_rejects_an_unknown_export(client, admin, campaign):
    assert login(client, admin).get(reverse("oversight:dashboard") + "?export=nope").status_code == 404


# --- compliance ---


@freeze_time("2025-05-01")
def test_it_lists_rule_breakers_with_a_link_to_fix(client, admin, campaign, units):
    event = EventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 4, 2))
    add_delegates(event, exemplars=1, others=9)
    response = login(client, admin).get(reverse("oversight:compliance"))
    body = response.content.decode()
    assert "ngoài thời gian của cấp" in body and "dưới tỷ lệ tối thiểu 70%" in body
    assert reverse("congresses:event_edit", args=[event.pk]) in body  # the date is fixed there
    assert reverse("congresses:unit_plans", args=[units["chora"].pk]) in body  # no plan: fixed there
    assert "Chưa có điển hình tiên tiến báo cáo tham luận" in body
    assert reverse("honors:event_detail", args=[event.pk]) in body
    rows = sheet_rows(client.get(reverse("oversight:compliance") + "?export=xlsx"))
    assert rows[0] == ["Đơn vị", "Trực thuộc", "Quy định bị vi phạm"]
    assert any(r[0] == "Thị trấn Chợ Rã" for r in rows[1:])
    only_plans = client.get(reverse("oversight:compliance") + "?rule=plan").content.decode()
    assert "Chưa nộp kế hoạch" in only_plans and "ngoài thời gian của cấp" not in only_plans
    rows = sheet_rows(client.get(reverse("oversight:compliance") + "?rule=window&export=xlsx"))
    assert len(rows) == 2 and "ngoài thời gian" in rows[1][2]


def test_it_hides_the_checker_from_officers(client, district_officer, campaign):
    assert login(client, district_officer).get(reverse("oversight:compliance")).status_code == 404


# --- results reports ---

REPORT_POST = {"held_on": "2025-02-03", "attended_exemplar_individuals": "120", "attended_exemplar_collectives": "20",
               "attended_leaders": "30", "attended_guests": "10", "exemplars_honoured": "25",
               "delegation_approved": "12", "achievements": "Trang trọng.", "shortcomings": "", "lessons": ""}  # fmt: skip


@pytest.fixture
def held_event(campaign, units):
    return EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD
    )


@freeze_time("2025-02-10")
@pytest.mark.parametrize("who", ["unit_manager", "district_officer"])
def test_it_lets_the_unit_or_its_district_report_results(client, request, held_event, who):
    url = reverse("oversight:result_report", args=[held_event.pk])
    client = login(client, request.getfixturevalue(who))
    assert client.get(url).status_code == 200
    response = client.post(url, REPORT_POST)
    assert response.status_code == 302
    held_event.refresh_from_db()
    assert held_event.status == Event.Status.REPORTED
    assert held_event.result_report.attended_total == 180


@freeze_time("2025-02-10")
def test_it_shows_a_clear_error_for_a_future_date(client, unit_manager, held_event):
    url = reverse("oversight:result_report", args=[held_event.pk])
    response = login(client, unit_manager).post(url, {**REPORT_POST, "held_on": "2025-03-01"})
    assert response.status_code == 200
    assert "chưa đến" in response.content.decode()
    assert not ResultReport.objects.exists()


@freeze_time("2025-02-10")
def test_it_hides_another_units_report(client, other_unit_manager, held_event):
    url = reverse("oversight:result_report", args=[held_event.pk])
    assert login(client, other_unit_manager).get(url).status_code == 404
    assert client.post(url, REPORT_POST).status_code == 404


@freeze_time("2025-02-10")
def test_it_lets_leadership_read_but_not_report(client, leadership, held_event):
    url = reverse("oversight:result_report", args=[held_event.pk])
    assert login(client, leadership).get(url).status_code == 200
    assert client.post(url, REPORT_POST).status_code == 403
    assert not ResultReport.objects.exists()


def test_it_lists_the_officers_events_to_report(client, unit_manager, held_event, campaign, units):
    other = EventFactory(unit=units["nari_commune"], campaign=campaign, status=Event.Status.HELD)
    body = login(client, unit_manager).get(reverse("oversight:results")).content.decode()
    assert held_event.name in body and other.name not in body


@freeze_time("2025-02-10")
def test_it_uploads_downloads_and_deletes_attachments(client, unit_manager, held_event, other_unit_manager):
    login(client, unit_manager).post(reverse("oversight:result_report", args=[held_event.pk]), REPORT_POST)
    add_url = reverse("oversight:attachment_add", args=[held_event.pk])
    client.post(add_url, {"file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 content")})
    response = client.post(add_url, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")}, follow=True)
    assert "Chỉ nhận tệp PDF" in response.content.decode()
    attachment = ResultAttachment.objects.get()
    download = client.get(reverse("oversight:attachment_download", args=[attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert "bien-ban.pdf" in download["Content-Disposition"]
    login(client, other_unit_manager)
    assert client.get(reverse("oversight:attachment_download", args=[attachment.pk])).status_code == 404
    assert client.post(reverse("oversight:attachment_delete", args=[attachment.pk])).status_code == 404
    login(client, unit_manager).post(reverse("oversight:attachment_delete", args=[attachment.pk]))
    assert not ResultAttachment.objects.exists()


@freeze_time("2025-02-10")
def test_it_refuses_attachments_from_leadership(client, leadership, unit_manager, held_event):
    login(client, unit_manager).post(reverse("oversight:result_report", args=[held_event.pk]), REPORT_POST)
    login(client, leadership)
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4")
    assert (
        client.post(reverse("oversight:attachment_add", args=[held_event.pk]), {"file": pdf}).status_code
        == 403
    )


@freeze_time("2025-03-01")
def test_it_shows_the_province_who_has_not_reported(client, admin, held_event, campaign, units):
    reported = EventFactory(unit=units["songcau"], campaign=campaign, status=Event.Status.REPORTED)
    ResultReport.objects.create(event=reported, held_on=reported.date, achievements="Tốt.")
    marked_only = EventFactory(unit=units["nari_commune"], campaign=campaign, status=Event.Status.REPORTED)
    response = login(client, admin).get(reverse("oversight:unreported"))
    assert marked_only.name in response.content.decode()  # marked reported on the event page, no report yet
    body = response.content.decode()
    assert "Thị trấn Chợ Rã" in body and "Phường Sông Cầu" not in body and "quá hạn" in body
    # the count is the figure of that name, the same as on the dashboard: Chợ Rã and Nà Rì's commune
    assert (
        'Sự kiện đã tổ chức, chưa báo cáo kết quả <span class="badge bg-secondary" data-figure="events_awaiting_report">2</span>'
        in body
    )
    rows = sheet_rows(client.get(reverse("oversight:unreported") + "?export=xlsx"))
    chora = next(r for r in rows if r[0] == "Thị trấn Chợ Rã")
    assert chora[3] == "03/02/2025" and chora[4] == 26
    assert not any(r[0] == "Phường Sông Cầu" for r in rows)


def test_it_hides_the_unreported_list_from_officers(client, district_officer, campaign):
    assert login(client, district_officer).get(reverse("oversight:unreported")).status_code == 404


# --- pilots ---


@pytest.fixture
def pilot_event(campaign, units):
    return EventFactory(unit=units["city"], campaign=campaign, status=Event.Status.HELD)


def test_it_records_pilot_lessons_shown_to_the_same_tier(
    client, admin, pilot_event, campaign, units, district_officer
):
    AgendaItem.objects.create(event=pilot_event, order=1, title="Khai mạc Hội nghị")
    response = login(client, admin).get(reverse("oversight:pilots"))
    assert response.status_code == 200 and "Khai mạc Hội nghị" in response.content.decode()
    assert "chưa nộp" in response.content.decode()  # the pilot programme for the council
    url = reverse("oversight:pilot_lesson_save", args=[pilot_event.pk])
    client.post(url, {f"e{pilot_event.pk}-council_comments": "Rút ngắn phát biểu.",
                      f"e{pilot_event.pk}-lessons": "Gọn trong một buổi."})  # fmt: skip
    assert PilotLesson.objects.get().lessons == "Gọn trong một buổi."
    body = login(client, district_officer).get(reverse("oversight:lessons")).content.decode()
    assert "Gọn trong một buổi." in body  # Ba Bể is a district, like the pilot city


def test_it_hides_pilot_lessons_from_other_tiers(client, unit_manager, pilot_event):
    PilotLesson.objects.create(event=pilot_event, lessons="Gọn trong một buổi.")
    body = login(client, unit_manager).get(reverse("oversight:lessons")).content.decode()
    assert "Gọn trong một buổi." not in body
    assert "Gọn trong một buổi." not in client.get(reverse("oversight:results")).content.decode()


def test_it_shows_pilot_lessons_on_the_officers_results_page(client, district_officer, pilot_event):
    PilotLesson.objects.create(event=pilot_event, lessons="Gọn trong một buổi.")
    body = login(client, district_officer).get(reverse("oversight:results")).content.decode()
    assert "Gọn trong một buổi." in body and "Thành phố Bắc Kạn" in body


def test_it_refuses_pilot_changes_from_leadership_and_officers(
    client, leadership, district_officer, pilot_event
):
    url = reverse("oversight:pilot_lesson_save", args=[pilot_event.pk])
    assert login(client, leadership).get(reverse("oversight:pilots")).status_code == 200
    assert client.post(url, {}).status_code == 403
    assert login(client, district_officer).get(reverse("oversight:pilots")).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert not PilotLesson.objects.exists()


# --- budget ---

LINE = {
    "category": "printing",
    "description": "In tài liệu",
    "quantity": "520",
    "unit_price": "35000",
    "notes": "",
}


def test_it_lets_home_affairs_draft_the_budget(client, admin, campaign):
    login(client, admin)
    assert client.post(reverse("oversight:budget_add"), LINE).status_code == 302
    client.post(reverse("oversight:budget_add"), {**LINE, "category": "venue", "description": "=HYPERLINK(1)",
                                                  "quantity": "1", "unit_price": "12500000"})  # fmt: skip
    body = client.get(reverse("oversight:budget")).content.decode()
    assert "18.200.000 đ" in body and "12.500.000 đ" in body and "30.700.000 đ" in body
    rows = sheet_rows(client.get(reverse("oversight:budget") + "?export=xlsx"))
    assert rows[0][:5] == ["Nhóm chi", "Nội dung chi", "Số lượng", "Đơn giá (đồng)", "Thành tiền (đồng)"]
    assert ["TỔNG CỘNG", None, None, None, 30_700_000, None] in rows
    assert any(r[1] == "'=HYPERLINK(1)" for r in rows)
    line = BudgetLine.objects.get(category="printing")
    client.post(reverse("oversight:budget_edit", args=[line.pk]), {**LINE, "quantity": "500"})
    line.refresh_from_db()
    assert line.amount == 17_500_000
    client.post(reverse("oversight:budget_delete", args=[line.pk]))
    assert BudgetLine.objects.count() == 1


def test_it_rejects_a_negative_quantity_in_vietnamese(client, admin, campaign):
    response = login(client, admin).post(reverse("oversight:budget_add"), {**LINE, "quantity": "-3"})
    assert response.status_code == 200 and not BudgetLine.objects.exists()


def test_it_lets_leadership_read_the_budget_only(client, leadership, campaign):
    line = BudgetLine.objects.create(campaign=campaign, category="media", description="Phóng sự", quantity=1,
                                     unit_price=30_000_000)  # fmt: skip
    login(client, leadership)
    assert "30.000.000 đ" in client.get(reverse("oversight:budget")).content.decode()
    assert client.post(reverse("oversight:budget_add"), LINE).status_code == 403
    assert client.post(reverse("oversight:budget_edit", args=[line.pk]), LINE).status_code == 403
    assert client.post(reverse("oversight:budget_delete", args=[line.pk])).status_code == 403
    assert BudgetLine.objects.count() == 1


@pytest.mark.parametrize("who", ["unit_manager", "department_officer"])
def test_it_hides_the_budget_from_officers(client, request, campaign, who):
    login(client, request.getfixturevalue(who))
    assert client.get(reverse("oversight:budget")).status_code == 404
    assert client.post(reverse("oversight:budget_add"), LINE).status_code == 404


def test_it_links_oversight_from_the_homes(client, admin, unit_manager, campaign):
    body = login(client, admin).get(reverse("home")).content.decode()
    assert reverse("oversight:dashboard") in body and reverse("oversight:budget") in body
    body = login(client, unit_manager).get(reverse("home")).content.decode()
    assert reverse("oversight:results") in body and f'href="{reverse("oversight:dashboard")}"' not in body


def test_it_suggests_figures_from_the_roster(client, unit_manager, held_event):
    add_delegates(held_event, exemplars=7, others=3)
    response = login(client, unit_manager).get(reverse("oversight:result_report", args=[held_event.pk]))
    form = response.context["form"]
    assert form.initial["attended_exemplar_individuals"] == 7
    assert form.initial["attended_guests"] == 3
    assert form.initial["held_on"] == held_event.date


@pytest.mark.parametrize("who", ["admin", "leadership"])
def test_it_lists_the_reminders_sent(client, request, campaign, units, who):
    from oversight.models import ReminderSent

    ReminderSent.objects.create(campaign=campaign, unit=units["chora"], stage="report_after",
                                sent_on=date(2025, 2, 20), recipients="chora@example.vn")  # fmt: skip
    body = login(client, request.getfixturevalue(who)).get(reverse("oversight:reminders")).content.decode()
    assert "Quá hạn báo cáo kết quả" in body and "chora@example.vn" in body
    rows = sheet_rows(client.get(reverse("oversight:reminders") + "?export=xlsx"))
    assert rows[1] == [
        "20/02/2025",
        "Thị trấn Chợ Rã",
        "Quá hạn báo cáo kết quả",
        "chora@example.vn",
        None,
        None,
        None,
    ]


def test_it_hides_the_reminders_from_officers(client, district_officer, campaign):
    assert login(client, district_officer).get(reverse("oversight:reminders")).status_code == 404


def test_it_falls_back_to_the_units_page_when_no_fix_page_exists(units):
    from oversight.views import fix_url

    assert fix_url(rule="unknown", unit_id=units["chora"].pk, event_id=None) == reverse(
        "units:detail", args=[units["chora"].pk]
    )
    assert fix_url(rule="window", unit_id=units["chora"].pk, event_id=None) == reverse(
        "units:detail", args=[units["chora"].pk]
    )


def test_it_links_the_results_report_from_the_event_page(client, unit_manager, held_event):
    body = (
        login(client, unit_manager)
        .get(reverse("congresses:event_detail", args=[held_event.pk]))
        .content.decode()
    )
    assert reverse("oversight:result_report", args=[held_event.pk]) in body


@freeze_time("2025-05-01")
def test_the_compliance_list_counts_units_and_violations_filters_by_district_and_pages(
    client, admin, campaign, units
):
    """Issue 15: one flat list of 155 rows whose badge counted violations as 'units', no district filter."""
    event = EventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 4, 2))  # outside its quarter
    add_delegates(event, exemplars=1, others=9)  # under the 70 % share
    body = login(client, admin).get(reverse("oversight:compliance")).content.decode()
    response = client.get(reverse("oversight:compliance"))
    unit_count, violation_count = response.context["unit_count"], response.context["violation_count"]
    assert unit_count < violation_count  # several rules broken by one unit count once as a unit
    assert f"{unit_count}</span> đơn vị" in body and f"{violation_count}</span> vi phạm" in body
    assert len(response.context["rows"]) == 50 and response.context["page"].paginator.num_pages > 1
    babe = client.get(reverse("oversight:compliance") + f"?area={units['babe'].pk}")
    names = [v.unit_name for v, _ in babe.context["rows"]]
    assert names and all(v.parent_id == units["babe"].pk for v, _ in babe.context["rows"])
    assert "Thị trấn Chợ Rã" in names and "Huyện Na Rì" not in babe.content.decode().split("<tbody>")[1]
    # the Vietnamese alphabet, not code points: "Xã Đồng Phúc" before "Xã Yên Dương", "Xã Hà Hiệu" before "Xã Hoàng Trĩ"
    in_order = list(dict.fromkeys(names))
    from core.text import vietnamese_key

    assert in_order == sorted(in_order, key=vietnamese_key)
    assert in_order != sorted(in_order)
    second = client.get(reverse("oversight:compliance") + f"?area={units['babe'].pk}&page=2")
    assert second.status_code == 200

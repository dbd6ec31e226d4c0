"""The answer page, the door's endpoints, the presidium, and the documents (pages a user opens)."""

import json
from datetime import date

import pytest
from django.urls import reverse

from attendance import selectors, services
from attendance.models import CheckIn, Invitation, ReceptionGrant
from reports.models import GeneratedReport
from reports.services import report_request
from tests.factories import DelegateFactory, EventFactory, UserFactory
from tests.reports.pdf_text import page_texts, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_the_day")]


def _link(delegate) -> str:
    invitation = Invitation.objects.get(delegate=delegate)
    return reverse("attendance:answer", kwargs={"token": selectors.invitation_token(invitation)})


def test_the_answer_page_shows_that_delegate_only_and_records_the_answer(client, upcoming_event, delegates):
    from attendance.services_hall import event_day_save

    event_day_save(event=upcoming_event, map_text="Cạnh chợ", dress_code="Áo dài", contact="0209 3870 123")
    response = client.get(_link(delegates[0]))
    page = response.content.decode()
    assert response.status_code == 200
    assert delegates[0].full_name in page and upcoming_event.venue in page
    assert "Áo dài" in page and "0209 3870 123" in page and "Cạnh chợ" in page
    assert all(d.full_name not in page for d in delegates[1:])
    response = client.post(_link(delegates[0]), {"action": "answer", "answer": "no", "reason": "Ốm"})
    assert response.status_code == 302
    assert Invitation.objects.get(delegate=delegates[0]).answer == "no"


def test_a_forged_code_answers_in_vietnamese_and_records_nothing(client, delegates):
    response = client.post("/moi/12-abc.forged/", {"action": "answer", "answer": "yes"})
    assert response.status_code == 404
    assert "Mã mời không đúng" in response.content.decode()
    assert not Invitation.objects.exclude(answer="pending").exists()


def test_answering_is_rate_limited(client, delegates, settings):
    from django.core.cache import cache

    cache.clear()
    for _ in range(20):
        client.get("/moi/x.y/")
    response = client.get(_link(delegates[0]))
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    cache.clear()


def test_a_replacement_asked_on_the_page_reaches_the_officers_page(client, upcoming_event, delegates,
                                                                   unit_manager):  # fmt: skip
    client.post(_link(delegates[-1]), {"action": "replace", "full_name": "Lò Văn Sáng", "gender": "male",
                                       "birth_year": "1988", "ethnic_group": "Tày"})  # fmt: skip
    client.force_login(unit_manager)
    page = client.get(reverse("attendance:manage", args=[upcoming_event.pk])).content.decode()
    assert "Lò Văn Sáng" in page and "Cử người đi thay" in page


# --- The door --------------------------------------------------------------------------


def _post(client, event, items):
    return client.post(reverse("attendance:door_checkins", args=[event.pk]), data=json.dumps({"items": items}),
                       content_type="application/json")  # fmt: skip


def test_the_door_is_for_the_units_officers_and_the_named_reception_team(client, units, upcoming_event, delegates,
                                                                        unit_manager, other_unit_manager):  # fmt: skip
    url = reverse("attendance:door", args=[upcoming_event.pk])
    receptionist = UserFactory(username="letan", unit=units["songcau"])
    client.force_login(other_unit_manager)
    assert client.get(url).status_code == 404  # outside their scope: the event is not revealed
    client.force_login(receptionist)
    assert client.get(url).status_code == 404
    services.reception_grant(event=upcoming_event, username="letan", by=unit_manager)
    assert client.get(url).status_code == 200
    roster = client.get(reverse("attendance:door_roster", args=[upcoming_event.pk])).json()
    assert len(roster["delegates"]) == 10
    token = selectors.invitation_token(Invitation.objects.get(delegate=delegates[0]))
    assert token not in json.dumps(roster)  # the phone keeps fingerprints, never the codes
    ReceptionGrant.objects.all().delete()
    assert client.get(url).status_code == 404


def test_a_queue_sent_twice_counts_once(client, upcoming_event, delegates, unit_manager):
    client.force_login(unit_manager)
    items = [
        {"key": f"k{i}", "code": selectors.invitation_token(Invitation.objects.get(delegate=d)),
         "at": f"2025-02-18T07:4{i}:00+07:00", "door": "Cửa 2"}
        for i, d in enumerate(delegates[:3])
    ]  # fmt: skip
    first = _post(client, upcoming_event, items).json()["results"]
    assert [r["first_time"] for r in first] == [True, True, True]
    second = _post(client, upcoming_event, items).json()["results"]
    assert [r["first_time"] for r in second] == [False, False, False]
    assert second[0]["message"] == "Đã điểm danh lúc 07:40."
    assert CheckIn.objects.count() == 3


def test_bad_check_in_data_answers_400_in_vietnamese(client, upcoming_event, delegates, unit_manager):
    client.force_login(unit_manager)
    response = client.post(reverse("attendance:door_checkins", args=[upcoming_event.pk]), data="not json",
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 400 and "không hợp lệ" in response.json()["error"]
    results = _post(client, upcoming_event, [{"code": "rác"}, "x"]).json()["results"]
    assert [r["ok"] for r in results] == [False, False]
    assert not CheckIn.objects.exists()


# --- The presidium ---------------------------------------------------------------------


def test_the_presidium_figures_take_the_same_queries_however_many_have_arrived(
    client, upcoming_event, delegates, unit_manager, django_assert_num_queries
):
    client.force_login(unit_manager)
    url = reverse("attendance:presidium_data", args=[upcoming_event.pk])
    client.get(url)
    services.checkin_record(event=upcoming_event, delegate_id=delegates[0].pk)
    with django_assert_num_queries(4) as few:
        data = client.get(url).json()
    assert data["present"] == 1
    for d in delegates[1:] + DelegateFactory.create_batch(30, event=upcoming_event):
        services.checkin_record(event=upcoming_event, delegate_id=d.pk)
    with django_assert_num_queries(len(few.captured_queries)):
        data = client.get(url).json()
    assert data["present"] == 40
    exemplars = next(c for c in data["categories"] if c["category"] == "exemplar_individual")
    assert exemplars["present"] == 37 and data["share_ok"]


def test_the_presidium_page_is_readable_by_leadership(client, upcoming_event, delegates, leadership):
    client.force_login(leadership)
    response = client.get(reverse("attendance:presidium", args=[upcoming_event.pk]))
    assert response.status_code == 200 and "Đại biểu có mặt" in response.content.decode()


# --- Documents -------------------------------------------------------------------------


def _render(kind, event, user, **params) -> bytes:
    from reports.services import report_render

    key = f"{kind}-{event.pk}-{params.get('format', 'pdf')}"
    report = report_request(kind=kind, requested_by=user, key=key, event=event, params=params)
    report_render(report_id=report.pk)  # what the worker does once the request is committed
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.DONE, report.error
    return report.file.read()


def test_badges_and_invitations_print_the_code_and_the_seat(upcoming_event, delegates, unit_manager):
    from attendance.services_hall import hall_save, seats_assign

    hall_save(event=upcoming_event, text="A: 6\nB: 6")
    seats_assign(event=upcoming_event)
    short = Invitation.objects.get(delegate=delegates[0]).short_code
    seat = delegates[0].__class__.objects.get(pk=delegates[0].pk).seat.label
    badges = read(_render("badges", upcoming_event, unit_manager))
    assert len(badges.pages) == 2  # 10 badges, 8 to a sheet
    first_sheet = page_texts(badges)[0]
    assert short in first_sheet and f"Ghế {seat}" in first_sheet
    letters = page_texts(read(_render("invitations", upcoming_event, unit_manager)))
    assert any(short in text and f"Chỗ ngồi: {seat}" in text for text in letters)
    seat_map = page_texts(read(_render("seat_map", upcoming_event, unit_manager)))[0]
    assert "A-1" in seat_map and "B-6" in seat_map


def test_the_badges_word_twin_holds_each_delegates_name_unit_seat_and_code(upcoming_event, delegates,
                                                                          unit_manager):  # fmt: skip
    from io import BytesIO

    from docx import Document

    from attendance.services_hall import hall_save, seats_assign

    hall_save(event=upcoming_event, text="A: 6\nB: 6")
    seats_assign(event=upcoming_event)
    document = Document(BytesIO(_render("badges", upcoming_event, unit_manager, format="docx")))
    sheets = document.tables
    assert len(sheets) == 2  # 10 badges, 8 to a sheet, as in the PDF
    cells = [cell for sheet in sheets for row in sheet.rows for cell in row.cells]
    texts = [" ".join(p.text for p in cell.paragraphs + [p for t in cell.tables for c in t._cells for p in
                                                         c.paragraphs]) for cell in cells]  # fmt: skip
    for delegate in delegates:
        delegate.refresh_from_db()
        short = Invitation.objects.get(delegate=delegate).short_code
        badge = next(t for t in texts if delegate.full_name in t)
        unit = selectors.delegation_of(delegate) or upcoming_event.unit.name
        assert unit in badge and f"Ghế {delegate.seat.label}" in badge and short in badge
    assert len(document.inline_shapes) == 10  # a QR on every badge


def test_the_documents_page_offers_badges_in_pdf_and_word(client, upcoming_event, delegates, unit_manager):
    client.force_login(unit_manager)
    page = client.get(reverse("reports:event_documents", args=[upcoming_event.pk])).content.decode()
    assert "In thẻ đại biểu (PDF)" in page and "In thẻ đại biểu (Word)" in page
    assert "In sơ đồ chỗ ngồi (PDF)" in page and "In sơ đồ chỗ ngồi (Word)" not in page
    assert "Tải danh sách trả lời, điểm danh (Excel)" in page


def test_the_attendance_list_holds_answers_and_check_in_times(upcoming_event, delegates, unit_manager):
    from io import BytesIO

    from openpyxl import load_workbook

    services.invitation_answer(token=selectors.invitation_token(Invitation.objects.get(delegate=delegates[0])),
                               answer="yes")  # fmt: skip
    services.checkin_record(event=upcoming_event, delegate_id=delegates[0].pk)
    sheet = load_workbook(BytesIO(_render("attendance_list", upcoming_event, unit_manager))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    line = next(r for r in rows if r[1] == delegates[0].full_name)
    assert line[header.index("Trả lời")] == "Sẽ tham dự"
    assert line[header.index("Điểm danh lúc")].startswith("18/02/2025")


def test_a_code_of_another_event_is_refused_at_this_door(client, units, campaign, upcoming_event, delegates,
                                                         unit_manager):  # fmt: skip
    other = EventFactory(unit=units["babe"], campaign=campaign, tier_code="district", date=date(2025, 6, 17))
    stranger = DelegateFactory(event=other)
    services.invitations_ensure(event=other)
    client.force_login(unit_manager)
    code = selectors.invitation_token(Invitation.objects.get(delegate=stranger))
    result = _post(client, upcoming_event, [{"code": code}]).json()["results"][0]
    assert not result["ok"] and other.name in result["message"]


def test_the_receptionists_home_links_to_their_door(client, units, upcoming_event, unit_manager):
    receptionist = UserFactory(username="letan2", unit=units["songcau"])
    services.reception_grant(event=upcoming_event, username="letan2", by=unit_manager)
    client.force_login(receptionist)
    page = client.get("/").content.decode()
    assert reverse("attendance:door", args=[upcoming_event.pk]) in page


def test_the_results_report_suggests_those_checked_in_at_the_door(client, upcoming_event, delegates,
                                                                  unit_manager):  # fmt: skip
    from congresses.models import Event

    for d in delegates[:5] + delegates[-1:]:  # 5 exemplars and 1 guest came
        services.checkin_record(event=upcoming_event, delegate_id=d.pk)
    Event.objects.filter(pk=upcoming_event.pk).update(status=Event.Status.HELD)
    client.force_login(unit_manager)
    response = client.get(reverse("oversight:result_report", args=[upcoming_event.pk]))
    form = response.context["form"]
    assert form.initial["attended_exemplar_individuals"] == 5
    assert form.initial["attended_guests"] == 1
    assert "6/10 đại biểu có mặt" in response.content.decode()

"""Every document view: an allowed and a forbidden case (404 outside scope, 403 for read-only writes)."""

import re

import pytest
from django.urls import reverse

from congresses.models import AgendaItem
from reports import services
from reports.models import GeneratedReport
from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def start(client, event, kind="invitations", **extra):
    page = client.get(reverse("reports:event_documents", args=[event.pk])).content.decode()
    keys = re.findall(
        rf'name="kind" value="{kind}"><input type="hidden" name="key" value="([0-9a-f]{{32}})"', page
    )
    data = {"kind": kind, "key": keys[0] if keys else "0" * 32, **extra}
    return client.post(reverse("reports:event_report_start", args=[event.pk]), data)


@pytest.fixture
def done_report(babe_event, babe_delegates, admin, request_report):
    return request_report(kind="invitations", event=babe_event, requested_by=admin)


# --- the list of events with documents ---


def test_it_lists_only_events_in_scope(client, unit_manager, babe_event, chora_event, nari_event):
    client.force_login(unit_manager)
    body = client.get(reverse("reports:documents_home")).content.decode()
    assert chora_event.name in body and nari_event.name not in body and babe_event.name not in body


def test_it_sends_anonymous_users_to_login(client, babe_event):
    response = client.get(reverse("reports:documents_home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- the documents page of an event ---


def test_it_shows_the_documents_page_to_the_district_officer(
    client, district_officer, babe_event, babe_delegates
):
    client.force_login(district_officer)
    response = client.get(reverse("reports:event_documents", args=[babe_event.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "In giấy mời toàn bộ đại biểu" in body and "Lường Văn Ữu" in body
    assert "js/report-jobs.js" in body or "Chưa có văn bản nào" in body


def test_it_hides_another_districts_event(client, other_unit_manager, babe_event):
    client.force_login(other_unit_manager)
    assert client.get(reverse("reports:event_documents", args=[babe_event.pk])).status_code == 404


def test_it_shows_leadership_the_page_without_start_buttons(client, leadership, babe_event, babe_delegates):
    client.force_login(leadership)
    body = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
    assert "chỉ được xem" in body and "In giấy mời toàn bộ đại biểu" not in body


# --- starting a job ---


def test_it_starts_the_invitations_job_and_renders_it(
    client, district_officer, babe_event, babe_delegates, django_capture_on_commit_callbacks
):
    client.force_login(district_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = start(client, babe_event)
    assert response.status_code == 302
    report = GeneratedReport.objects.get()
    assert report.status == "done" and report.requested_by == district_officer
    body = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
    assert reverse("reports:download", args=[report.pk]) in body


def test_it_makes_one_job_when_the_form_is_sent_twice(client, district_officer, babe_event, babe_delegates):
    client.force_login(district_officer)
    page = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
    k = re.search(
        r'name="kind" value="invitations"><input type="hidden" name="key" value="([0-9a-f]{32})"', page
    )[1]
    url = reverse("reports:event_report_start", args=[babe_event.pk])
    client.post(url, {"kind": "invitations", "key": k})
    client.post(url, {"kind": "invitations", "key": k})
    assert GeneratedReport.objects.count() == 1


def test_it_starts_one_delegates_invitation(client, district_officer, babe_event, babe_delegates):
    client.force_login(district_officer)
    response = start(client, babe_event, delegate_id=babe_delegates[0].pk)
    assert response.status_code == 302
    assert GeneratedReport.objects.get().params == {"delegate_id": babe_delegates[0].pk}


def test_it_explains_why_nothing_can_be_printed(client, district_officer, babe_event):
    client.force_login(district_officer)
    response = start(client, babe_event, kind="certificates")
    page = client.get(response["Location"]).content.decode()
    assert "chưa có điển hình nào được khen thưởng".lower() in page.lower()
    assert GeneratedReport.objects.count() == 0


def test_it_forbids_leadership_to_start_a_job(client, leadership, babe_event, babe_delegates):
    client.force_login(leadership)
    response = client.post(
        reverse("reports:event_report_start", args=[babe_event.pk]), {"kind": "invitations", "key": "a" * 32}
    )
    assert response.status_code == 403 and GeneratedReport.objects.count() == 0


def test_it_hides_another_districts_event_from_a_start(
    client, other_unit_manager, babe_event, babe_delegates
):
    client.force_login(other_unit_manager)
    response = client.post(
        reverse("reports:event_report_start", args=[babe_event.pk]), {"kind": "invitations", "key": "a" * 32}
    )
    assert response.status_code == 404


def test_it_refuses_a_province_report_from_an_event_page(client, admin, babe_event):
    client.force_login(admin)
    client.post(
        reverse("reports:event_report_start", args=[babe_event.pk]), {"kind": "summary_pdf", "key": "b" * 32}
    )
    assert GeneratedReport.objects.count() == 0


def test_it_rejects_get_on_start(client, district_officer, babe_event):
    client.force_login(district_officer)
    assert client.get(reverse("reports:event_report_start", args=[babe_event.pk])).status_code == 405


# --- status, download, retry ---


def test_it_answers_the_status_as_json(client, district_officer, done_report):
    client.force_login(district_officer)
    data = client.get(reverse("reports:status", args=[done_report.pk])).json()
    assert data == {"id": done_report.pk, "status": "done", "status_label": "Hoàn thành", "progress": 100,
                    "error": "", "finished": True}  # fmt: skip


def test_it_hides_the_status_from_another_district(client, other_unit_manager, done_report):
    client.force_login(other_unit_manager)
    assert client.get(reverse("reports:status", args=[done_report.pk])).status_code == 404


def test_it_downloads_the_file_for_leadership(client, leadership, done_report):
    client.force_login(leadership)
    response = client.get(reverse("reports:download", args=[done_report.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]


def test_it_hides_the_file_from_another_district(client, other_unit_manager, done_report):
    client.force_login(other_unit_manager)
    assert client.get(reverse("reports:download", args=[done_report.pk])).status_code == 404


def test_it_hides_the_file_from_a_commune_below(client, unit_manager, done_report):
    client.force_login(unit_manager)  # Chợ Rã may not see its district's event
    assert client.get(reverse("reports:download", args=[done_report.pk])).status_code == 404


def test_it_does_not_download_an_unfinished_job(client, district_officer, babe_event, babe_delegates, admin):
    report = services.report_request(kind="invitations", event=babe_event, requested_by=admin, key="c" * 32)
    client.force_login(district_officer)
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404


@pytest.fixture
def failed_report(babe_event, babe_delegates, admin):
    report = services.report_request(kind="invitations", event=babe_event, requested_by=admin, key="d" * 32)
    services.report_mark_failed(report_id=report.pk, reason="Máy chủ hết dung lượng")
    return report


def test_it_shows_the_failure_reason_and_retries(
    client, district_officer, failed_report, babe_event, django_capture_on_commit_callbacks
):
    client.force_login(district_officer)
    body = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
    assert "Máy chủ hết dung lượng" in body and "Tạo lại" in body
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:retry", args=[failed_report.pk]))
    assert response.status_code == 302
    failed_report.refresh_from_db()
    assert failed_report.status == "done"


def test_it_forbids_leadership_to_retry(client, leadership, failed_report):
    client.force_login(leadership)
    assert client.post(reverse("reports:retry", args=[failed_report.pk])).status_code == 403


def test_it_hides_the_retry_from_another_district(client, other_unit_manager, failed_report):
    client.force_login(other_unit_manager)
    assert client.post(reverse("reports:retry", args=[failed_report.pk])).status_code == 404


# --- the agenda ---


def test_it_generates_and_shows_the_agenda(client, district_officer, babe_event):
    client.force_login(district_officer)
    response = client.post(reverse("reports:agenda_generate", args=[babe_event.pk]))
    assert response.status_code == 302
    body = client.get(reverse("reports:agenda", args=[babe_event.pk])).content.decode()
    assert "Chào cờ" in body and "In chương trình (PDF)" in body and "Lần thứ VI" in body


def test_it_forbids_leadership_to_generate_the_agenda(client, leadership, babe_event):
    client.force_login(leadership)
    assert client.post(reverse("reports:agenda_generate", args=[babe_event.pk])).status_code == 403
    assert client.get(reverse("reports:agenda", args=[babe_event.pk])).status_code == 200


def test_it_hides_the_agenda_of_another_district(client, other_unit_manager, babe_event):
    client.force_login(other_unit_manager)
    assert client.get(reverse("reports:agenda", args=[babe_event.pk])).status_code == 404
    assert client.post(reverse("reports:agenda_generate", args=[babe_event.pk])).status_code == 404


@pytest.fixture
def agenda(babe_event):
    return services.agenda_generate(event=babe_event)


def _agenda_post(items, **changes):
    """The agenda editor's form as the browser sends it: every row, with `changes` by row index."""
    data = {"form-TOTAL_FORMS": str(len(items)), "form-INITIAL_FORMS": str(len(items))}
    for index, item in enumerate(items):
        row = {"item_id": item.pk, "ORDER": index + 1, "title": item.title, "speaker": item.speaker,
               "start_time": item.start_time.strftime("%H:%M") if item.start_time else ""}  # fmt: skip
        row.update(changes.get(f"row{index}", {}))
        data.update({f"form-{index}-{key}": value for key, value in row.items() if value is not None})
    return data


def test_it_saves_every_edited_row_at_once(client, district_officer, babe_event, agenda):
    client.force_login(district_officer)
    data = _agenda_post(
        agenda,
        row0={"title": "Chào cờ, tuyên bố lý do", "speaker": "Ban tổ chức"},
        row1={"start_time": "08:05", "title": "Khai mạc Đại hội", "speaker": "Bà Hoàng Thị Thu Hà"},
    )
    response = client.post(reverse("reports:agenda_save", args=[babe_event.pk]), data)
    assert response.status_code == 302
    first, second = AgendaItem.objects.get(pk=agenda[0].pk), AgendaItem.objects.get(pk=agenda[1].pk)
    assert (first.title, first.speaker) == ("Chào cờ, tuyên bố lý do", "Ban tổ chức")
    assert (second.title, second.speaker, second.start_time.strftime("%H:%M")) == (
        "Khai mạc Đại hội",
        "Bà Hoàng Thị Thu Hà",
        "08:05",
    )


def test_the_page_sends_every_row_in_one_form(client, district_officer, babe_event, agenda):
    client.force_login(district_officer)
    body = client.get(reverse("reports:agenda", args=[babe_event.pk])).content.decode()
    assert body.count("Lưu chương trình") == 1 and ">Lưu</button>" not in body
    assert f'name="form-TOTAL_FORMS" value="{len(agenda)}"' in body


def test_it_keeps_bad_input_and_says_why(client, district_officer, babe_event, agenda):
    client.force_login(district_officer)
    data = _agenda_post(
        agenda, row0={"title": "Chào cờ mới"}, row1={"start_time": "25:99", "title": "Khai mạc mới"}
    )
    response = client.post(reverse("reports:agenda_save", args=[babe_event.pk]), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Thời gian phải có dạng giờ:phút" in body and "Khai mạc mới" in body and "Chào cờ mới" in body
    assert AgendaItem.objects.get(pk=agenda[0].pk).title == agenda[0].title


def test_it_adds_reorders_and_deletes_items(client, district_officer, babe_event, agenda):
    client.force_login(district_officer)
    client.post(reverse("reports:agenda_item_add", args=[babe_event.pk]),
                {"start_time": "07:15", "title": "Văn nghệ chào mừng", "speaker": ""})  # fmt: skip
    items = list(AgendaItem.objects.filter(event=babe_event).order_by("order"))
    added = items[-1]
    assert (added.title, added.order) == ("Văn nghệ chào mừng", 11)
    data = _agenda_post(items, row0={"DELETE": "on"}, row10={"ORDER": "1"})
    client.post(reverse("reports:agenda_save", args=[babe_event.pk]), data)
    assert not AgendaItem.objects.filter(pk=agenda[0].pk).exists()
    titles = list(
        AgendaItem.objects.filter(event=babe_event).order_by("order").values_list("title", flat=True)
    )
    assert titles[0] == "Văn nghệ chào mừng" and titles[1] == agenda[1].title and len(titles) == 10
    assert sorted(AgendaItem.objects.filter(event=babe_event).values_list("order", flat=True)) == list(
        range(1, 11)
    )


def test_it_saves_nothing_when_the_programme_changed_meanwhile(client, district_officer, babe_event, agenda):
    client.force_login(district_officer)
    data = _agenda_post(agenda, row0={"title": "Chào cờ mới"})
    services.agenda_item_add(event=babe_event, title="Mục thêm ở nơi khác", start_time=None)
    response = client.post(reverse("reports:agenda_save", args=[babe_event.pk]), data, follow=True)
    assert "vừa được thay đổi ở nơi khác" in response.content.decode()
    assert AgendaItem.objects.get(pk=agenda[0].pk).title == agenda[0].title


def test_it_refuses_an_empty_new_item(client, district_officer, babe_event, agenda):
    client.force_login(district_officer)
    response = client.post(
        reverse("reports:agenda_item_add", args=[babe_event.pk]), {"start_time": "", "title": ""}
    )
    assert response.status_code == 400 and "Hãy nhập nội dung" in response.content.decode()


def test_it_forbids_leadership_to_change_items(client, leadership, babe_event, agenda):
    client.force_login(leadership)
    urls = [
        reverse("reports:agenda_item_add", args=[babe_event.pk]),
        reverse("reports:agenda_save", args=[babe_event.pk]),
    ]
    assert [client.post(url, {"title": "x"}).status_code for url in urls] == [403, 403]


def test_it_hides_items_of_another_district(client, other_unit_manager, babe_event, agenda):
    client.force_login(other_unit_manager)
    urls = [
        reverse("reports:agenda_item_add", args=[babe_event.pk]),
        reverse("reports:agenda_save", args=[babe_event.pk]),
    ]
    assert [client.post(url, {"title": "x"}).status_code for url in urls] == [404, 404]


def test_it_does_not_touch_an_item_through_another_event(
    client, unit_manager, chora_event, babe_event, agenda
):
    client.force_login(unit_manager)
    services.agenda_generate(event=chora_event)
    chora_items = list(AgendaItem.objects.filter(event=chora_event).order_by("order"))
    data = _agenda_post(chora_items, row0={"item_id": agenda[0].pk, "DELETE": "on"})
    client.post(reverse("reports:agenda_save", args=[chora_event.pk]), data)
    assert AgendaItem.objects.filter(pk=agenda[0].pk).exists()


# --- the province summary report ---


def test_it_shows_staff_the_province_reports_and_starts_one(
    client, admin, babe_event, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    page = client.get(reverse("reports:province")).content.decode()
    k = re.search(
        r'name="kind" value="summary_xlsx"><input type="hidden" name="key" value="([0-9a-f]{32})"', page
    )[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:province_start"), {"kind": "summary_xlsx", "key": k})
    assert response.status_code == 302
    report = GeneratedReport.objects.get()
    assert report.status == "done" and report.event is None and report.campaign == babe_event.campaign
    response = client.get(reverse("reports:download", args=[report.pk]))
    assert response.status_code == 200 and ".xlsx" in response["Content-Disposition"]


def test_it_lets_leadership_read_but_not_start_province_reports(client, leadership, campaign):
    client.force_login(leadership)
    assert client.get(reverse("reports:province")).status_code == 200
    response = client.post(reverse("reports:province_start"), {"kind": "summary_pdf", "key": "e" * 32})
    assert response.status_code == 403 and GeneratedReport.objects.count() == 0


def test_it_hides_province_reports_from_officers(client, district_officer, admin, campaign, request_report):
    report = request_report(kind="summary_xlsx", campaign=campaign, requested_by=admin)
    client.force_login(district_officer)
    assert client.get(reverse("reports:province")).status_code == 404
    assert (
        client.post(reverse("reports:province_start"), {"kind": "summary_pdf", "key": "f" * 32}).status_code
        == 404
    )
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
    assert client.get(reverse("reports:status", args=[report.pk])).status_code == 404


def test_it_links_the_pages_from_the_homes(client, admin, leadership):
    client.force_login(admin)
    body = client.get(reverse("home")).content.decode()
    assert reverse("reports:province") in body and reverse("reports:documents_home") in body
    client.force_login(leadership)
    assert reverse("reports:province") in client.get(reverse("home")).content.decode()


def test_the_status_page_query_count_does_not_grow_with_jobs(
    client, district_officer, babe_event, babe_delegates, admin, django_assert_max_num_queries
):
    for index in range(5):
        services.report_request(kind="invitations", event=babe_event, requested_by=admin, key=f"{index:032x}")
    DelegateFactory(event=babe_event, full_name="Ma Văn Kiên", gender="male")
    client.force_login(district_officer)
    # 14: the page also counts the accepted proposals and reads the Tờ trình's number (one query each)
    with django_assert_max_num_queries(14):
        client.get(reverse("reports:event_documents", args=[babe_event.pk]))


def test_a_document_whose_requester_was_deleted_still_lists(client, district_officer, babe_event):
    from tests.factories import GeneratedReportFactory, UserFactory

    gone = UserFactory(unit=babe_event.unit)
    GeneratedReportFactory(event=babe_event, requested_by=gone)
    gone.delete()
    client.force_login(district_officer)
    response = client.get(reverse("reports:event_documents", args=[babe_event.pk]))
    assert response.status_code == 200
    assert "tài khoản đã xóa" in response.content.decode()

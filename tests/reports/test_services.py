import dataclasses
import uuid
from datetime import time
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from congresses.models import AgendaItem, Event
from honors.models import Exemplar, Presenter
from oversight.exporters import SUMMARY_HEADER_ROW
from reports import services
from reports.models import AgendaTemplateItem, GeneratedReport
from tests.factories import DelegateFactory, HeldEventFactory
from tests.reports import pdf_text
from tests.reports.conftest import NAMES

pytestmark = pytest.mark.django_db


def key() -> str:
    return uuid.uuid4().hex


def files_of(report: GeneratedReport) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT, "reports")
    return sorted(folder.glob(f"*{report.idempotency_key}*"))


def test_loading_the_agenda_template_twice_keeps_one_copy(campaign):
    assert services.agenda_template_load(campaign=campaign) == 10
    assert services.agenda_template_load(campaign=campaign) == 10
    assert AgendaTemplateItem.objects.filter(campaign=campaign).count() == 10
    flags = {
        t.title: (t.only_at_congress, t.only_with_upper_delegation)
        for t in campaign.agenda_template_items.all()
    }
    assert flags["Chào cờ"] == (True, False)
    assert flags["Thông qua danh sách đại biểu đi dự Đại hội cấp trên"] == (False, True)


def test_the_load_command_loads_the_agenda_template(db):
    from django.core.management import call_command

    call_command("load_bac_kan", stdout=open("/dev/null", "w"))
    assert AgendaTemplateItem.objects.count() == 10


def test_a_district_congress_gets_the_salute_and_the_delegation_item(babe_event):
    items = services.agenda_generate(event=babe_event)
    titles = [i.title for i in items]
    assert titles[0] == "Chào cờ"
    assert "Thông qua danh sách đại biểu đi dự Đại hội cấp trên" in titles
    assert "Phát động phong trào thi đua giai đoạn 2025 - 2030" in titles
    assert items[0].start_time == time(7, 30)


def test_a_commune_conference_has_no_salute(chora_event):
    titles = [i.title for i in services.agenda_generate(event=chora_event)]
    assert "Chào cờ" not in titles
    assert "Thông qua danh sách đại biểu đi dự Đại hội cấp trên" in titles


def test_the_province_congress_sends_no_delegation(campaign, units, agenda_template):
    event = HeldEventFactory(unit=units["province"], campaign=campaign, session=Event.Session.AFTERNOON)
    items = services.agenda_generate(event=event)
    titles = [i.title for i in items]
    assert "Chào cờ" in titles and "Thông qua danh sách đại biểu đi dự Đại hội cấp trên" not in titles
    assert items[0].start_time == time(13, 30)


def test_a_tier_that_does_not_send_a_delegation_has_no_such_item(babe_event):
    tier = babe_event.tier
    tier.sends_delegation_upward = False
    tier.save(update_fields=["sends_delegation_upward"])
    titles = [i.title for i in services.agenda_generate(event=babe_event)]
    assert "Thông qua danh sách đại biểu đi dự Đại hội cấp trên" not in titles


def test_generating_again_needs_replace(babe_event):
    services.agenda_generate(event=babe_event)
    with pytest.raises(services.ReportError, match="đã có chương trình"):
        services.agenda_generate(event=babe_event)
    services.agenda_generate(event=babe_event, replace=True)
    assert AgendaItem.objects.filter(event=babe_event).count() == 10


def _rows(items):
    return [
        services.AgendaRow(item_id=i.pk, start_time=i.start_time, title=i.title, speaker=i.speaker)
        for i in items
    ]


def test_the_officer_edits_adds_reorders_and_removes_items_in_one_save(babe_event):
    items = services.agenda_generate(event=babe_event)
    added = services.agenda_item_add(event=babe_event, title="Văn nghệ chào mừng", start_time=time(7, 15))
    assert added.order == 11
    rows = _rows([*items, added])
    rows[1] = dataclasses.replace(rows[1], start_time=time(8, 0), speaker="Bà Hà Thị Lan")
    rows[2] = dataclasses.replace(rows[2], speaker="Ông Triệu Đức Thanh")
    rows[0] = dataclasses.replace(rows[0], delete=True)
    rows.insert(2, rows.pop())  # the added item right after the first kept row
    kept = services.agenda_save(event=babe_event, rows=rows)
    saved = list(AgendaItem.objects.filter(event=babe_event).order_by("order"))
    assert [r.pk for r in saved] == [k.pk for k in kept] and [r.order for r in saved] == list(range(1, 11))
    assert saved[0].pk == items[1].pk and (saved[0].speaker, saved[0].start_time) == (
        "Bà Hà Thị Lan",
        time(8, 0),
    )
    assert saved[1].title == "Văn nghệ chào mừng" and saved[2].speaker == "Ông Triệu Đức Thanh"
    assert not AgendaItem.objects.filter(pk=items[0].pk).exists()


def test_saving_a_stale_programme_changes_nothing(babe_event):
    items = services.agenda_generate(event=babe_event)
    rows = [dataclasses.replace(r, speaker="Ban tổ chức") for r in _rows(items[1:])]  # one row missing
    with pytest.raises(services.ReportError, match="thay đổi ở nơi khác"):
        services.agenda_save(event=babe_event, rows=rows)
    assert not AgendaItem.objects.filter(event=babe_event, speaker="Ban tổ chức").exists()


def test_a_row_without_a_title_is_refused(babe_event):
    items = services.agenda_generate(event=babe_event)
    rows = _rows(items)
    rows[3] = dataclasses.replace(rows[3], title="")
    with pytest.raises(ValidationError):
        services.agenda_save(event=babe_event, rows=rows)


def test_one_submitted_form_makes_one_job(babe_event, babe_delegates, admin):
    k = key()
    first = services.report_request(kind="invitations", event=babe_event, requested_by=admin, key=k)
    second = services.report_request(kind="invitations", event=babe_event, requested_by=admin, key=k)
    assert first.pk == second.pk
    assert GeneratedReport.objects.count() == 1


def test_invitations_for_the_whole_roster_are_one_pdf_with_a_page_each(
    babe_event, babe_delegates, admin, request_report
):
    report = request_report(kind="invitations", event=babe_event, requested_by=admin)
    assert report.status == "done" and report.progress == 100 and report.error == ""
    reader = pdf_text.read(report.file.read())
    assert len(reader.pages) == len(NAMES)
    texts = pdf_text.page_texts(reader)
    everything = "\n".join(texts)
    for name, _gender in NAMES:
        assert name in everything
    # Sorted the Vietnamese way, by given name: Đức (đ after d) first, Yến last, Ữu (ư after u) before it.
    assert "Ông Hoàng Văn Đức" in texts[0]
    assert "Ông Lường Văn Ữu" in texts[-2] and "Bà Bàn Thị Yến" in texts[-1]
    assert "Ông Đàm Quốc Khải" in everything
    assert "Đại hội Thi đua yêu nước Huyện Ba Bể".upper() in everything.upper()
    assert "Lần thứ VI" in everything
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[0]
    assert "Độc lập - Tự do - Hạnh phúc" in texts[0]
    assert "buổi sáng ngày 15 tháng 4 năm 2025" in texts[0]
    assert pdf_text.font_names(reader) <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                                           "Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic",
                                           "LiberationSerif-BoldItalic", "Liberation-Serif-Bold-Italic"}  # fmt: skip
    assert report.file.name == f"reports/{report.idempotency_key}.pdf"


def test_one_delegates_invitation_alone(babe_event, babe_delegates, admin, request_report):
    delegate = babe_delegates[3]
    report = request_report(
        kind="invitations", event=babe_event, requested_by=admin, params={"delegate_id": delegate.pk}
    )
    assert report.title == "Giấy mời: Ông Lường Văn Ữu"
    reader = pdf_text.read(report.file.read())
    assert len(reader.pages) == 1
    assert "Kính gửi: Ông Lường Văn Ữu" in pdf_text.page_texts(reader)[0]


def test_a_delegate_of_another_event_cannot_be_invited_here(babe_event, nari_event, admin):
    stranger = DelegateFactory(event=nari_event, full_name="Hà Văn Lạ", gender="male")
    with pytest.raises(services.ReportError, match="Không tìm thấy đại biểu"):
        services.report_request(
            kind="invitations",
            event=babe_event,
            requested_by=admin,
            key=key(),
            params={"delegate_id": stranger.pk},
        )


def test_nothing_to_print_is_refused_with_a_reason(babe_event, admin):
    with pytest.raises(services.ReportError, match="chưa có đại biểu"):
        services.report_request(kind="invitations", event=babe_event, requested_by=admin, key=key())
    with pytest.raises(services.ReportError, match="chưa có chương trình"):
        services.report_request(kind="agenda", event=babe_event, requested_by=admin, key=key())
    with pytest.raises(services.ReportError, match="Giấy khen hoặc Bằng khen"):
        services.report_request(kind="certificates", event=babe_event, requested_by=admin, key=key())
    assert GeneratedReport.objects.count() == 0


def test_the_agenda_pdf_has_the_event_title_block_and_the_edited_items(babe_event, admin, request_report):
    items = services.agenda_generate(event=babe_event)
    rows = _rows(items)
    rows[2] = dataclasses.replace(rows[2], start_time=time(7, 45), speaker="Ông Triệu Đức Thanh")
    services.agenda_save(event=babe_event, rows=rows)
    report = request_report(kind="agenda", event=babe_event, requested_by=admin)
    text = pdf_text.page_texts(pdf_text.read(report.file.read()))[0]
    assert "CHƯƠNG TRÌNH" in text and "Chào cờ" in text and "Ông Triệu Đức Thanh" in text
    assert "Lần thứ VI" in text and "Hội trường huyện Ba Bể, ngày 15 tháng 4 năm 2025" in text
    assert "ỦY BAN NHÂN DÂN HUYỆN BA BỂ" in text


def test_certificates_are_landscape_one_page_per_certificate(babe_event, babe_honours, admin, request_report):
    report = request_report(kind="certificates", event=babe_event, requested_by=admin)
    reader = pdf_text.read(report.file.read())
    assert len(reader.pages) == 2  # the third honour is a title, not a certificate
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    texts = pdf_text.page_texts(reader)
    assert "Bà Hà Thị Lụa" in texts[0] and "BẰNG KHEN" in texts[0].upper()
    assert "Thôn Nà Làng" in texts[1] and "Lý Văn Sáng" not in "".join(texts)
    assert "100/QĐ-UBND" in texts[0] and "ngày 10 tháng 6 năm 2025" in texts[0]


def test_a_certificate_takes_issuer_number_place_and_signer_from_its_decision(
    babe_event, babe_honours, admin, request_report
):
    """A provincial Bằng khen at a district's event prints the province's decision, not the district's."""
    report = request_report(kind="certificates", event=babe_event, requested_by=admin)
    text = pdf_text.page_texts(pdf_text.read(report.file.read()))[0]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" in text.upper()
    assert "Bắc Kạn, ngày 10 tháng 6 năm 2025" in text
    assert "Ba Bể, ngày" not in text
    assert "Nguyễn Đăng Bình" in text and "Hà Văn Lâm" not in text


def test_running_a_job_twice_keeps_one_file_and_it_stays_done(
    babe_event, babe_delegates, admin, request_report
):
    report = request_report(kind="invitations", event=babe_event, requested_by=admin)
    first_mtime = Path(report.file.path).stat().st_mtime_ns
    services.report_render(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == "done" and report.attempts == 1
    assert Path(report.file.path).stat().st_mtime_ns == first_mtime
    # A worker killed mid-way leaves the row running; the redelivered task renders again into the same name.
    GeneratedReport.objects.filter(pk=report.pk).update(status="running", progress=40)
    services.report_render(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == "done" and report.attempts == 2 and report.progress == 100
    assert [p.name for p in files_of(report)] == [f"{report.idempotency_key}.pdf"]


def test_a_failure_is_recorded_and_retry_makes_the_file(
    babe_event, babe_delegates, admin, monkeypatch, request_report, django_capture_on_commit_callbacks
):
    from reports.exporters.event_documents import InvitationsExporter

    original = InvitationsExporter.render

    def broken(self, report, progress):
        raise RuntimeError("hết bộ nhớ")

    monkeypatch.setattr(InvitationsExporter, "render", broken)
    report = request_report(kind="invitations", event=babe_event, requested_by=admin)
    assert report.status == "failed" and "hết bộ nhớ" in report.error and not report.file
    monkeypatch.setattr(InvitationsExporter, "render", original)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_retry(report=report)
    report.refresh_from_db()
    assert report.status == "done" and report.error == "" and report.file
    with pytest.raises(services.ReportError):
        services.report_retry(report=report)


def test_progress_is_written_to_the_row_as_the_batch_renders(babe_event, admin, monkeypatch, request_report):
    from reports.renderers import pdf

    for index in range(7):
        DelegateFactory(event=babe_event, full_name=f"Hoàng Văn Thứ {index}", gender="male")
    seen = []
    monkeypatch.setattr(pdf, "DEFAULT_CHUNK", 2)
    original = services.report_set_progress

    def spy(*, report_id, percent):
        original(report_id=report_id, percent=percent)
        seen.append(GeneratedReport.objects.get(pk=report_id).progress)

    monkeypatch.setattr(services, "report_set_progress", spy)
    request_report(kind="invitations", event=babe_event, requested_by=admin)
    assert seen == [28, 57, 85, 99]


def test_the_summary_counts_held_on_time_and_late_events_and_composition(
    campaign, units, admin, agenda_template, request_report
):
    babe = HeldEventFactory(unit=units["babe"], campaign=campaign)  # on time
    nari = HeldEventFactory(
        unit=units["nari"],
        campaign=campaign,
        date=campaign.tiers.get(code="district").window_end.replace(day=30, month=7),
    )
    HeldEventFactory(unit=units["city"], campaign=campaign, status=Event.Status.PLANNED)
    DelegateFactory(
        event=babe, full_name="Nông Thị Hoa", gender="female", ethnic_group="Tày", is_direct_worker=True
    )
    DelegateFactory(event=babe, full_name="Lê Văn Bình", gender="male", ethnic_group="Kinh", category="guest")
    DelegateFactory(
        event=nari,
        full_name="Hà Thị Mây",
        gender="female",
        ethnic_group="Dao",
        category="exemplar_collective",
    )
    speaker = Exemplar.objects.create(unit=units["babe"], kind="individual", name="Hà Thị Lụa", gender="female",
                                      field="Nông nghiệp", achievements="Sản xuất giỏi", is_new_model=True)  # fmt: skip
    Presenter.objects.create(event=babe, exemplar=speaker, order=1, topic="Trồng hồng không hạt")
    report = request_report(kind="summary_xlsx", campaign=campaign, requested_by=admin)
    assert report.status == "done" and report.file.name.endswith(".xlsx")
    book = load_workbook(BytesIO(report.file.read()), read_only=True)
    assert book.sheetnames == [
        "Số liệu chính",
        "Kết quả theo báo cáo đơn vị",
        "Tổ chức theo cấp",
        "Đại biểu và cơ cấu",
        "Khen thưởng điển hình",
        "Báo cáo tham luận",
        "Đơn vị chỉ đạo điểm",
    ]
    events = list(book["Tổ chức theo cấp"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert events[0][:6] == (
        "Cấp",
        "Thời gian theo kế hoạch",
        "Số đơn vị",
        "Sự kiện đã đăng ký",
        "Sự kiện đã tổ chức",
        "Đúng thời gian",
    )
    district = next(r for r in events if r[0] == "Cấp huyện, thành phố")
    assert district[2:9] == (8, 3, 2, 1, 1, 0, 6)
    delegates = list(book["Đại biểu và cơ cấu"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    district = next(r for r in delegates if r[0] == "Cấp huyện, thành phố")
    assert district[1:9] == (3, 2, pytest.approx(2 / 3), 2, pytest.approx(2 / 3), 0, 1, 1)
    presenters = list(book["Báo cáo tham luận"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert next(r for r in presenters if r[0] == "Cấp huyện, thành phố")[1:] == (1, 1, 1, 0, 1, 0, 1)
    pilots = list(book["Đơn vị chỉ đạo điểm"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert pilots[0][0] == "Đơn vị" and any(
        r[0] == "Thành phố Bắc Kạn" and r[2] == "Đã đăng ký" for r in pilots[1:]
    )


def test_the_summary_stays_vietnamese_when_an_english_session_asks_for_it(
    campaign, units, admin, agenda_template, request_report
):
    """Documents are Vietnamese in both languages: labels from choices and figures included."""
    from django.utils import translation

    HeldEventFactory(unit=units["city"], campaign=campaign, status=Event.Status.PLANNED)
    with translation.override("en"):
        report = request_report(kind="summary_xlsx", campaign=campaign, requested_by=admin)
    book = load_workbook(BytesIO(report.file.read()), read_only=True)
    assert book.sheetnames[0] == "Số liệu chính"
    events = list(book["Tổ chức theo cấp"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert events[0][3:5] == ("Sự kiện đã đăng ký", "Sự kiện đã tổ chức")
    pilots = list(book["Đơn vị chỉ đạo điểm"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert any(r[0] == "Thành phố Bắc Kạn" and r[2] == "Đã đăng ký" for r in pilots[1:])


def test_the_summary_pdf_is_a_report_of_so_noi_vu(campaign, babe_event, babe_honours, admin, request_report):
    report = request_report(kind="summary_pdf", campaign=campaign, requested_by=admin)
    reader = pdf_text.read(report.file.read())
    text = "\n".join(pdf_text.page_texts(reader))
    assert "SỞ NỘI VỤ" in text and "BÁO CÁO" in text and "Hội đồng Thi đua - Khen thưởng Trung ương" in text
    assert "Bằng khen của Chủ tịch UBND tỉnh" in text and "Chiến sĩ thi đua cơ sở" in text
    assert "Bắc Kạn, ngày" in text


def test_a_transient_database_error_is_retried_and_the_job_ends_done(
    babe_event, babe_delegates, admin, monkeypatch
):
    from django.db import OperationalError

    from reports.exporters.event_documents import InvitationsExporter
    from reports.tasks import report_generate

    original = InvitationsExporter.render
    calls = []

    def flaky(self, report, progress):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return original(self, report, progress)

    monkeypatch.setattr(InvitationsExporter, "render", flaky)
    report = services.report_request(kind="invitations", event=babe_event, requested_by=admin, key=key())
    result = report_generate.apply(args=[report.pk], throw=False)  # in-process, the retry runs at once
    assert result.state == "SUCCESS" and len(calls) == 2
    report.refresh_from_db()
    assert report.status == "done" and report.attempts == 2
    assert files_of(report) == [Path(report.file.path)]


def test_when_retries_run_out_the_reason_is_recorded(babe_event, babe_delegates, admin, monkeypatch):
    from django.db import OperationalError

    from reports.exporters.event_documents import InvitationsExporter
    from reports.tasks import report_generate

    def down(self, report, progress):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(InvitationsExporter, "render", down)
    report = services.report_request(kind="invitations", event=babe_event, requested_by=admin, key=key())
    result = report_generate.apply(args=[report.pk], retries=report_generate.max_retries, throw=False)
    assert result.state == "FAILURE"
    report.refresh_from_db()
    assert report.status == "failed" and "could not connect to server" in report.error

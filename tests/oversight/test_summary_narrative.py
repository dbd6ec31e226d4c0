"""The summary's narrative sections (issue 11): assembled from the units' results reports and the
pilots' lessons, edited by Sở Nội vụ before issuing, printed in the PDF and the Word twin."""

import io
import uuid
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from congresses.models import Event
from core.text import Percent, format_percent
from oversight import selectors
from oversight.domain import NarrativeInputs, TierFacts, UnitText, narrative_draft, narrative_text
from oversight.exporters import SUMMARY_HEADER_ROW
from oversight.models import PilotLesson, ResultReport, SummaryNarrative
from tests.factories import EventFactory
from tests.reports import pdf_text

from .conftest import add_delegates

# --- Pure rules (no database) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ratio", "text"), [(0, "0\u00a0%"), (1 / 3, "33,3\u00a0%"), (0.505, "50,5\u00a0%"), (1, "100\u00a0%")]
)
def test_a_share_is_written_the_vietnamese_way(ratio, text):
    assert format_percent(ratio) == text
    assert str(Percent(ratio)) == text and float(Percent(ratio)) == ratio


def _inputs(**changes) -> NarrativeInputs:
    values = dict(
        tiers=(
            TierFacts("Cấp xã, phường, thị trấn", planned=108, held=20, on_time=18, late=2, delegates=820,
                      exemplars=599, min_share_percent=70),
            TierFacts("Cấp tỉnh", planned=1, held=0, on_time=0, late=0, delegates=0, exemplars=0,
                      min_share_percent=70),
        ),  # fmt: skip
        attended=585, exemplars_honoured=151, delegation_approved=60, reports=14,
        achievements=(UnitText("Thị trấn Chợ Rã", "Tổ chức trang trọng."),),
        shortcomings=(UnitText("Xã Nam Mẫu", "Một số điển hình đến muộn."),),
        pilot_lessons=(UnitText("Sở Y tế", "Chọn điển hình tham luận từ cơ sở."),),
        pilot_comments=(),
    )  # fmt: skip
    return NarrativeInputs(**{**values, **changes})


def test_the_evaluation_counts_events_held_per_tier_against_the_plan_and_the_exemplar_share():
    evaluation = narrative_draft(_inputs())["evaluation"]
    assert "Số sự kiện đã tổ chức so với kế hoạch: 20/109 đơn vị (18,3\u00a0%)." in evaluation
    assert (
        "- Cấp xã, phường, thị trấn: 20/108 đơn vị đã tổ chức (18,5\u00a0%), 18 đúng thời gian, 2 muộn"
        in evaluation
    )
    assert "820 đại biểu, điển hình chiếm 73\u00a0% (tối thiểu 70 %)" in evaluation
    assert "- Cấp tỉnh: 0/1 đơn vị đã tổ chức (0\u00a0%)" in evaluation
    assert "Tồn tại, hạn chế:\n- Xã Nam Mẫu: Một số điển hình đến muộn." in evaluation
    assert "50.5%" not in evaluation and "." not in "18,3"


def test_each_section_is_assembled_from_what_the_units_wrote():
    draft = narrative_draft(_inputs())
    assert draft["results"].startswith("Toàn tỉnh đã tổ chức 20 hội nghị")
    assert "- Thị trấn Chợ Rã: Tổ chức trang trọng." in draft["results"]
    assert draft["lessons"] == "- Sở Y tế: Chọn điển hình tham luận từ cơ sở."
    assert "chỉ đạo 89 đơn vị chưa tổ chức" in draft["recommendations"]
    assert (
        narrative_draft(_inputs(pilot_lessons=()))["lessons"]
        == "Chưa có bài học kinh nghiệm từ đơn vị làm điểm."
    )


def test_a_section_prints_the_edit_when_saved_and_the_draft_otherwise():
    assert narrative_text(draft="Tự động", edited="") == "Tự động"
    assert narrative_text(draft="Tự động", edited="  ") == "Tự động"
    assert narrative_text(draft="Tự động", edited="Đã sửa") == "Đã sửa"


# --- With the database --------------------------------------------------------------------------


@pytest.fixture
def reported(campaign, units):
    """Two communes reported; Sở Y tế (a pilot) reported and has the council's lessons."""
    chora = EventFactory(
        unit=units["chora"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 2, 3)
    )
    add_delegates(chora, exemplars=7, others=3)
    ResultReport.objects.create(event=chora, held_on=chora.date, achievements="Chợ Rã tổ chức trang trọng.",
                                shortcomings="Hội trường chật.", attended_exemplar_individuals=7)  # fmt: skip
    songcau = EventFactory(unit=units["songcau"], campaign=campaign, status=Event.Status.REPORTED,
                           date=date(2025, 2, 10))  # fmt: skip
    add_delegates(songcau, exemplars=1, others=1)
    ResultReport.objects.create(event=songcau, held_on=songcau.date, achievements="Sông Cầu đúng kế hoạch.")
    health = EventFactory(unit=units["health"], campaign=campaign, status=Event.Status.REPORTED,
                          date=date(2025, 5, 11))  # fmt: skip
    ResultReport.objects.create(event=health, held_on=health.date, achievements="Sở Y tế hoàn thành.",
                                lessons="Tham luận ngắn, có số liệu.")  # fmt: skip
    PilotLesson.objects.create(event=health, lessons="Chọn điển hình từ cơ sở.", council_comments="Làm tốt.")
    return campaign


def _sections(campaign) -> dict:
    summary = selectors.summary_tables(campaign=campaign)
    return {s.code: s for s in selectors.summary_narrative(campaign=campaign, summary=summary)}


def test_the_draft_reads_the_results_reports_and_pilot_lessons(reported):
    sections = _sections(reported)
    assert "- Thị trấn Chợ Rã: Chợ Rã tổ chức trang trọng." in sections["results"].text
    assert "- Phường Sông Cầu: Sông Cầu đúng kế hoạch." in sections["results"].text
    assert "- Thị trấn Chợ Rã: Hội trường chật." in sections["evaluation"].text
    # 8 exemplars of 12 delegates on the communes' rosters
    assert "12 đại biểu, điển hình chiếm 66,7\u00a0%" in sections["evaluation"].text
    lessons = sections["lessons"].text
    assert (
        "- Sở Y tế: Chọn điển hình từ cơ sở." in lessons
        and "- Sở Y tế: Tham luận ngắn, có số liệu." in lessons
    )
    assert "- Sở Y tế: Làm tốt." in lessons
    assert not any(s.is_edited for s in sections.values())


def test_the_narrative_reads_in_three_queries_however_many_reports(
    reported, units, django_assert_num_queries
):
    summary = selectors.summary_tables(campaign=reported)
    with django_assert_num_queries(3):
        selectors.summary_narrative(campaign=reported, summary=summary)
    for unit in (units["nari"], units["city"]):
        event = EventFactory(unit=unit, campaign=reported, status=Event.Status.REPORTED)
        ResultReport.objects.create(event=event, held_on=event.date, achievements="Thêm.")
    with django_assert_num_queries(3):
        selectors.summary_narrative(campaign=reported, summary=summary)


def _post(client, **texts):
    from congresses.selectors import campaign_active

    sections = _sections(campaign_active())
    data = {code: texts.get(code, s.text) for code, s in sections.items()}
    return client.post(reverse("oversight:summary_narrative"), data)


def test_so_noi_vu_edits_a_section_and_can_restore_the_assembled_text(client, admin, reported):
    client.force_login(admin)
    page = client.get(reverse("oversight:summary_narrative")).content.decode()
    assert "Chợ Rã tổ chức trang trọng." in page and 'name="recommendations"' in page
    assert "Khôi phục bản tự động" in page
    response = _post(client, recommendations="Đề nghị Trung ương khen thưởng 5 điển hình tiêu biểu.")
    assert response.status_code == 302
    saved = SummaryNarrative.objects.get(campaign=reported)
    assert saved.recommendations == "Đề nghị Trung ương khen thưởng 5 điển hình tiêu biểu."
    assert saved.results == saved.evaluation == saved.lessons == ""  # unchanged sections follow the reports
    assert saved.updated_by == admin
    page = client.get(reverse("oversight:summary_narrative")).content.decode()
    assert "Sở Nội vụ đã sửa" in page and "Xem bản tự động" in page
    restore = client.post(reverse("oversight:summary_narrative_restore"), {"section": "recommendations"})
    assert restore.status_code == 302
    saved.refresh_from_db()
    assert saved.recommendations == ""
    assert "Đề nghị Hội đồng Thi đua - Khen thưởng Trung ương" in _sections(reported)["recommendations"].text


def test_a_section_too_long_is_refused_with_a_message_and_nothing_saved(client, admin, reported):
    client.force_login(admin)
    response = _post(client, results="x" * 20_001)
    assert response.status_code == 400
    assert "20000" in response.content.decode() or "20.000" in response.content.decode()
    assert not SummaryNarrative.objects.exists()


def test_leadership_reads_the_sections_but_cannot_change_them(client, leadership, reported):
    client.force_login(leadership)
    page = client.get(reverse("oversight:summary_narrative"))
    assert page.status_code == 200 and "<textarea" not in page.content.decode()
    assert "Chợ Rã tổ chức trang trọng." in page.content.decode()
    assert _post(client, results="Sửa").status_code == 403
    assert client.post(reverse("oversight:summary_narrative_restore"), {"section": "all"}).status_code == 403
    assert not SummaryNarrative.objects.exists()


def test_a_unit_officer_cannot_open_the_page(client, unit_manager, reported):
    client.force_login(unit_manager)
    assert client.get(reverse("oversight:summary_narrative")).status_code in (403, 404)


def _summary(kind, campaign, admin, django_capture_on_commit_callbacks, fmt="pdf") -> bytes:
    from reports import services

    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(kind=kind, campaign=campaign, requested_by=admin,
                                         params={"format": fmt}, key=uuid.uuid4().hex)  # fmt: skip
    report.refresh_from_db()
    assert report.status == "done", report.error
    return report.file.read()


def _signed_by_deputy(campaign, admin) -> None:
    from units.models import DocumentSigner, Unit
    from units.services import document_profile_save

    unit = Unit.objects.get(kind="department", name="Sở Nội vụ")
    document_profile_save(
        unit=unit, by=admin,
        profile_data={"governing_name": "UBND TỈNH BẮC KẠN", "name_line1": "SỞ NỘI VỤ", "name_line2": "",
                      "symbol": "SNV", "committee_symbol": "BTC", "place": "Bắc Kạn"},
        signers={DocumentSigner.Purpose.REPORT: {
            "authority": "KT.", "on_behalf_of": "GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "full_name": "Nông Văn Thắng",
            "recipients": "Như trên;\nBan Thi đua - Khen thưởng Trung ương;\nLưu: VT, TĐKT."}},
    )  # fmt: skip


def test_the_pdf_and_the_word_twin_print_the_edited_sections_and_the_deputy_signature(
    client, admin, reported, django_capture_on_commit_callbacks
):
    _signed_by_deputy(reported, admin)
    client.force_login(admin)
    _post(client, lessons="Bài học do Sở Nội vụ viết lại.")
    pdf = " ".join(pdf_text.page_texts(pdf_text.read(
        _summary("summary_pdf", reported, admin, django_capture_on_commit_callbacks))))  # fmt: skip
    word = Document(
        io.BytesIO(_summary("summary_pdf", reported, admin, django_capture_on_commit_callbacks, "docx"))
    )
    paragraphs = [p.text for p in word.paragraphs]
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    word_text = " ".join(paragraphs + cells)
    for text in (" ".join(pdf.split()), " ".join(word_text.split())):
        for heading in ("I. KẾT QUẢ ĐẠT ĐƯỢC", "II. ĐÁNH GIÁ", "III. BÀI HỌC KINH NGHIỆM TỪ ĐƠN VỊ LÀM ĐIỂM",
                        "IV. KIẾN NGHỊ, ĐỀ XUẤT"):  # fmt: skip
            assert heading in text, heading
        assert "Bài học do Sở Nội vụ viết lại." in text
        assert "Chọn điển hình từ cơ sở." not in text  # the assembled lesson is replaced
        assert "Chợ Rã tổ chức trang trọng." in text  # the results follow the reports
        assert "66,7" in text and "66.7" not in text
        assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text and "Nông Văn Thắng" in text
        assert "Nơi nhận:" in text and "- Ban Thi đua - Khen thưởng Trung ương;" in text
        assert "Sở Nội vụ tổng hợp" in text and "Sở Nội Vụ" not in text
    assert "Bài học do Sở Nội vụ viết lại." in paragraphs  # a paragraph of its own in Word


def test_the_workbook_has_title_rows_numbers_and_readable_columns(
    admin, reported, django_capture_on_commit_callbacks
):
    book = load_workbook(
        io.BytesIO(_summary("summary_xlsx", reported, admin, django_capture_on_commit_callbacks, "xlsx"))
    )
    sheet = book["Đại biểu và cơ cấu"]
    titles = [sheet.cell(row=r, column=1).value for r in range(1, SUMMARY_HEADER_ROW)]
    assert titles[0] == "UBND TỈNH BẮC KẠN - SỞ NỘI VỤ"
    assert titles[1] == "BÁO CÁO KẾT QUẢ TỔ CHỨC HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN CÁC CẤP"
    assert titles[2].startswith("Tiến tới Đại hội Thi đua yêu nước tỉnh Bắc Kạn lần thứ VI")
    assert titles[3].startswith("Bắc Kạn, ngày ") and titles[4] == "Đại biểu và cơ cấu"
    assert sheet.cell(row=SUMMARY_HEADER_ROW, column=1).value == "Cấp"
    assert sheet.freeze_panes == f"A{SUMMARY_HEADER_ROW + 1}"
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=SUMMARY_HEADER_ROW + 1)}
    communes = rows["Cấp xã, phường, thị trấn"]
    assert communes[1].value == 12 and communes[1].data_type == "n"
    share = communes[10]  # Tỷ lệ điển hình: 8 of 12
    assert share.data_type == "n" and share.value == pytest.approx(8 / 12) and share.number_format == "0.0 %"
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLM"]
    assert all(8 <= w <= 40 for w in widths), widths
    long_tier = rows["Sở, ban, ngành, đoàn thể tỉnh, doanh nghiệp khối thi đua"][0]
    assert long_tier.alignment.wrap_text  # wrapped in its column, not cut
    assert sheet.cell(row=SUMMARY_HEADER_ROW, column=2).alignment.wrap_text
    for ws in book.worksheets:
        assert ws.cell(row=1, column=1).value == "UBND TỈNH BẮC KẠN - SỞ NỘI VỤ", ws.title
        assert not [c.coordinate for row in ws.iter_rows() for c in row
                    if isinstance(c.value, str) and c.value.endswith("%") and c.value[:1].isdigit()]  # fmt: skip


def test_a_wrapped_row_is_made_tall_enough_for_its_lines():
    from reports.renderers.xlsx import LINE_HEIGHT, _row_height, wrapped_lines

    assert wrapped_lines("Cấp tỉnh", 40) == 1
    assert wrapped_lines("Sở, ban, ngành, đoàn thể tỉnh, doanh nghiệp khối thi đua", 20) == 3
    assert wrapped_lines("x" * 88, 21) == 4  # a word longer than the column breaks inside
    assert _row_height(("Cấp tỉnh", 3), (40, 10)) is None
    assert (
        _row_height(("Sở, ban, ngành, đoàn thể tỉnh, doanh nghiệp khối thi đua", 3), (20, 10))
        == 3 * LINE_HEIGHT
    )

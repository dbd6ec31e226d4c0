"""A unit's results report as a document (issue 11): PDF in Decree 30's layout and its Word twin with
the same words, offered side by side on the report's page and the event's documents page."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from freezegun import freeze_time

from oversight.models import ResultReport
from reports.domain import DECREE_30
from tests.factories import DocumentProfileFactory, DocumentSignerFactory
from tests.reports import pdf_text
from tests.reports.test_decree30 import assert_heading, measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def chora_report(chora_event, units):
    profile = DocumentProfileFactory(unit=units["chora"], place="Chợ Rã")
    DocumentSignerFactory(profile=profile, purpose="report", authority="TM.", on_behalf_of="ỦY BAN NHÂN DÂN",
                          title="CHỦ TỊCH", full_name="Hoàng Văn Chinh",
                          recipients="Như trên;\nHội đồng TĐKT huyện Ba Bể;\nLưu: VT.")  # fmt: skip
    chora_event.status = "reported"
    chora_event.save(update_fields=["status"])
    return ResultReport.objects.create(
        event=chora_event, held_on=chora_event.date, attended_exemplar_individuals=60,
        attended_exemplar_collectives=15, attended_leaders=10, attended_guests=15, exemplars_honoured=12,
        achievements="Hội nghị tổ chức trang trọng, đúng kế hoạch.\nTuyên truyền rộng rãi các điển hình.",
        shortcomings="Một số điển hình đến muộn.", lessons="Chuẩn bị sớm danh sách điển hình.",
    )  # fmt: skip


WORDS = (
    "BÁO CÁO", "Kính gửi: Hội đồng Thi đua - Khen thưởng huyện Ba Bể", "1. Thời gian, địa điểm",
    "2. Thành phần đại biểu dự", "Cá nhân điển hình tiên tiến", "Tổng số đại biểu dự",
    "Đại biểu điển hình tiên tiến chiếm 75 % tổng số đại biểu dự.",
    "Số điển hình tiên tiến được biểu dương, khen thưởng tại sự kiện: 12.",
    "Hội nghị tổ chức trang trọng, đúng kế hoạch.", "Tuyên truyền rộng rãi các điển hình.",
    "5. Tồn tại, hạn chế", "Một số điển hình đến muộn.", "6. Bài học kinh nghiệm", "Chuẩn bị sớm danh sách điển hình.",
    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Chinh", "Nơi nhận:", "- Hội đồng TĐKT huyện Ba Bể;",
    "Chợ Rã, ngày 05 tháng 5 năm 2025",
)  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_results_report_is_a_decree_30_pdf_with_a_word_twin_of_the_same_words(
    chora_report, chora_event, admin, request_report
):
    with freeze_time("2025-05-05 08:00"):
        pdf = request_report(kind="result_report", event=chora_event, requested_by=admin)
        word = request_report(kind="result_report", event=chora_event, requested_by=admin,
                              params={"format": "docx"})  # fmt: skip
    assert pdf.status == word.status == "done", (pdf.error, word.error)
    assert pdf.file.name.endswith(".pdf") and word.file.name.endswith(".docx")
    content = pdf.file.read()
    measure(content)
    assert_heading(content, issuer_lines=("ỦY BAN NHÂN DÂN", "THỊ TRẤN CHỢ RÃ"),
                   date_line="Chợ Rã, ngày 05 tháng 5 năm 2025",
                   signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Chinh"))  # fmt: skip
    pdf_words = _flat(" ".join(pdf_text.page_texts(pdf_text.read(content))))
    document = Document(BytesIO(word.file.read()))
    paragraphs = list(document.paragraphs) + [p for t in document.tables for r in t.rows for c in r.cells
                                               for p in c.paragraphs]  # fmt: skip
    word_words = _flat(" ".join(p.text for p in paragraphs))
    for line in WORDS:
        assert line in pdf_words, ("PDF", line)
        assert line in word_words, ("Word", line)
    assert "Số: /BC-UBND" in word_words
    # the heading table, Times New Roman and Decree 30's margins in Word too
    left, right = document.tables[0].rows[0].cells
    assert "THỊ TRẤN CHỢ RÃ" in left.text and "VIỆT NAM" in right.text
    attendance = next(t for t in document.tables if t.rows[0].cells[0].text == "Thành phần")
    assert [c.text for c in attendance.rows[-1].cells] == ["Tổng số đại biểu dự", "100"]
    section = document.sections[0]
    for value, bounds in ((section.top_margin.mm, DECREE_30.margin_top_mm),
                          (section.left_margin.mm, DECREE_30.margin_left_mm),
                          (section.right_margin.mm, DECREE_30.margin_right_mm)):  # fmt: skip
        assert bounds[0] - 0.1 <= value <= bounds[1] + 0.1
    assert {r.font.name for p in paragraphs for r in p.runs if r.text.strip()} == {"Times New Roman"}


def test_the_report_page_offers_the_document_in_pdf_and_word_side_by_side(
    client, district_officer, chora_report
):
    client.force_login(district_officer)
    page = client.get(reverse("oversight:result_report", args=[chora_report.event_id])).content.decode()
    assert 'name="kind" value="result_report"' in page
    assert re.search(r'value="pdf">Tải báo cáo kết quả \(PDF\)</button>\s*<button[^>]*value="docx">'
                     r"Tải báo cáo kết quả \(Word\)", page)  # fmt: skip


def test_the_documents_page_greys_the_report_out_until_the_unit_has_sent_it(client, admin, chora_event):
    client.force_login(admin)
    page = client.get(reverse("reports:event_documents", args=[chora_event.pk])).content.decode()
    assert 'title="Đơn vị chưa gửi báo cáo kết quả."' in page
    response = client.post(reverse("reports:event_report_start", args=[chora_event.pk]),
                           {"kind": "result_report", "key": "a" * 32, "format": "pdf"}, follow=True)  # fmt: skip
    assert "Đơn vị chưa gửi báo cáo kết quả." in response.content.decode()

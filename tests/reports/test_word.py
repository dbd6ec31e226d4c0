"""The Word twin of each event document, read back with python-docx: the same text, the heading
table, Times New Roman, and Decree 30's margins and sizes (reports.domain.DECREE_30)."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from freezegun import freeze_time

from reports import services
from reports.domain import DECREE_30
from tests.reports import pdf_text

pytestmark = pytest.mark.django_db


def _word(report):
    assert report.status == "done", report.error
    assert report.file.name.endswith(".docx")
    return Document(BytesIO(report.file.read()))


def _all_paragraphs(document):
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    return paragraphs


def _text(document) -> str:
    return " ".join(" ".join(p.text.split()) for p in _all_paragraphs(document) if p.text.strip())


def _runs(document, text: str):
    return [r for p in _all_paragraphs(document) for r in p.runs if r.text == text]


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] - 0.1 <= value <= bounds[1] + 0.1


def test_the_agenda_in_word_has_the_pdfs_text_heading_fonts_and_margins(babe_event, admin, request_report):
    services.agenda_generate(event=babe_event)
    with freeze_time("2025-03-05 08:00"):
        pdf = request_report(kind="agenda", event=babe_event, requested_by=admin)
        word = request_report(kind="agenda", event=babe_event, requested_by=admin, params={"format": "docx"})
    document = _word(word)
    text = _text(document)
    pdf_words = " ".join(pdf_text.page_texts(pdf_text.read(pdf.file.read())))
    for line in ("ỦY BAN NHÂN DÂN", "HUYỆN BA BỂ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Ba Bể, ngày 05 tháng 3 năm 2025", "CHƯƠNG TRÌNH", "Chào cờ", "TM. BAN TỔ CHỨC", "Nơi nhận:",
                 "- Lưu: VT, BTC."):  # fmt: skip
        assert line in text and line in pdf_words, line
    assert "Số: /CT-BTC" in text
    # The heading is a table: issuing body and number on the left, Quốc hiệu and date on the right.
    left, right = document.tables[0].rows[0].cells
    assert "HUYỆN BA BỂ" in left.text and "/CT-BTC" in left.text and "VIỆT NAM" in right.text
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.5)
    assert _within(section.top_margin.mm, DECREE_30.margin_top_mm)
    assert _within(section.bottom_margin.mm, DECREE_30.margin_bottom_mm)
    assert _within(section.left_margin.mm, DECREE_30.margin_left_mm)
    assert _within(section.right_margin.mm, DECREE_30.margin_right_mm)
    runs = [r for p in _all_paragraphs(document) for r in p.runs if r.text.strip()]
    assert runs and {r.font.name for r in runs} == {"Times New Roman"}
    (national,) = _runs(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert national.bold and _within(national.font.size.pt, DECREE_30.national_title_pt)
    (motto,) = _runs(document, "Độc lập - Tự do - Hạnh phúc")
    assert motto.bold and _within(motto.font.size.pt, DECREE_30.motto_pt)
    (date_line,) = _runs(document, "Ba Bể, ngày 05 tháng 3 năm 2025")
    assert date_line.italic and _within(date_line.font.size.pt, DECREE_30.date_line_pt)
    # Page numbers from page 2: a PAGE field in the header, none on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml


def test_the_invitations_in_word_are_one_letter_per_delegate(
    babe_event, babe_delegates, admin, request_report
):
    report = request_report(
        kind="invitations", event=babe_event, requested_by=admin, params={"format": "docx"}
    )
    document = _word(report)
    text = _text(document)
    for delegate in babe_delegates:
        assert delegate.full_name in text
    assert text.count("GIẤY MỜI") == len(babe_delegates)
    assert document.element.body.xml.count('w:type="page"') == len(babe_delegates) - 1
    assert "Thời gian: 07 giờ 30" in text and report.title.endswith("(Word)")


def test_each_word_letter_carries_its_delegates_code_and_answer_link(
    babe_event, babe_delegates, admin, request_report
):
    """The PDF letter prints the personal code beside its QR; the Word twin types the code and link."""
    from attendance.models import Invitation
    from attendance.selectors import invitation_link

    report = request_report(
        kind="invitations", event=babe_event, requested_by=admin, params={"format": "docx"}
    )
    letters = _text(_word(report)).split("GIẤY MỜI")[1:]
    assert len(letters) == len(babe_delegates)
    for delegate in babe_delegates:
        invitation = Invitation.objects.get(delegate=delegate)
        [letter] = [text for text in letters if delegate.full_name in text]
        assert f"Mã đại biểu: {invitation.short_code}." in letter
        assert invitation_link(invitation) in letter


def test_a_format_a_document_does_not_have_is_refused(babe_event, admin):
    with pytest.raises(services.ReportError, match="định dạng"):
        services.report_request(kind="agenda", event=babe_event, requested_by=admin, key="a" * 32,
                                params={"format": "xlsx"})  # fmt: skip


def test_the_documents_page_offers_pdf_and_word_side_by_side(client, admin, babe_event, babe_delegates):
    client.force_login(admin)
    body = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
    assert "In giấy mời toàn bộ đại biểu (PDF)" in body and "In giấy mời toàn bộ đại biểu (Word)" in body


def test_the_word_button_starts_a_word_job_beside_the_pdf_one(
    client, admin, babe_event, babe_delegates, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    url = reverse("reports:event_report_start", args=[babe_event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"kind": "invitations", "key": "b" * 32, "format": "pdf"})
        client.post(url, {"kind": "invitations", "key": "b" * 32, "format": "docx"})
    names = sorted(r.file.name.rsplit(".", 1)[1] for r in babe_event.generated_reports.all())
    assert names == ["docx", "pdf"]


def test_the_province_summary_in_word_has_its_heading_figures_tables_and_signature(
    admin, babe_event, request_report, campaign
):
    report = request_report(
        kind="summary_pdf", campaign=campaign, requested_by=admin, params={"format": "docx"}
    )
    document = _word(report)
    text = _text(document)
    assert "SỞ NỘI VỤ" in text and "Số: /BC-" in text and "BÁO CÁO" in text
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng Trung ương" in text and "1. Số liệu chính" in text
    assert "Sở Nội vụ tổng hợp kết quả như sau" in text and "Nơi nhận:" in text
    assert len(document.tables) >= 4 and report.title.endswith("(Word)")
    assert _within(document.sections[0].left_margin.mm, DECREE_30.margin_left_mm)


def test_a_document_made_in_the_demo_is_dated_on_the_demos_day(
    settings, babe_event, babe_delegates, admin, request_report
):
    import datetime

    settings.PORTAL_TODAY = datetime.date(2025, 9, 15)
    report = request_report(
        kind="invitations", event=babe_event, requested_by=admin, params={"format": "docx"}
    )
    assert "ngày 15 tháng 9 năm 2025" in _text(_word(report))

"""The Tờ trình đề nghị khen thưởng (submission to the higher authority) with its Danh sách kèm
theo, built from the event's accepted proposals, as PDF and Word; numbered in the body's register."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from freezegun import freeze_time

from honors import services as honours
from honors.models import AwardType, Exemplar, Nomination, RegisterEntry
from reports import services
from tests.factories import DocumentProfileFactory, DocumentSignerFactory
from tests.reports import pdf_text
from tests.reports.test_decree30 import measure
from units.models import DocumentSigner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def frozen():
    with freeze_time("2025-09-10 09:00"):
        yield


@pytest.fixture
def babe_proposals(units, babe_event):
    """Ba Bể's congress accepted three proposals for the province's Bằng khen (two people, one
    collective) and one it rejected; Ba Bể's profile signs, the province grants."""
    honours.award_types_load_from_file()
    bang_khen = AwardType.objects.get(name="Bằng khen của Chủ tịch UBND tỉnh")
    profile = DocumentProfileFactory(unit=units["babe"], place="Ba Bể")
    DocumentSignerFactory(profile=profile, purpose=DocumentSigner.Purpose.DECISION, authority="TM.",
                          on_behalf_of="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", full_name="Hà Văn Lâm")  # fmt: skip
    people = (("Nông Thị Hoa", "individual", "accepted"), ("Hoàng Văn Sơn", "individual", "raised"),
              ("Hợp tác xã Nà Làng", "collective", "accepted"), ("Lý Văn Tư", "individual", "rejected"))  # fmt: skip
    for name, kind, status in people:
        exemplar = Exemplar.objects.create(
            unit=units["babe"], kind=kind, name=name, position="Trưởng thôn" if kind == "individual" else "",
            field="Nông nghiệp, nông thôn", achievements="Sản xuất giỏi",
        )  # fmt: skip
        Nomination.objects.create(
            exemplar=exemplar, event=babe_event, target="upper", proposed_award=bang_khen, status=status,
            decided_award=bang_khen if status != "rejected" else None,
            reason="Chưa đủ thành tích" if status == "rejected" else "",
        )  # fmt: skip
    return bang_khen


def _texts(content: bytes) -> tuple[str, str]:
    pages = pdf_text.page_texts(pdf_text.read(content))
    return pages[0] + " " + " ".join(pages[1:-1]), pages[-1]


def test_the_submission_pdf_asks_the_province_for_the_accepted_proposals(
    babe_event, babe_proposals, admin, request_report
):
    report = request_report(kind="award_submission", event=babe_event, requested_by=admin, params={})
    assert report.status == "done", report.error
    content = report.file.read()
    body, listing = _texts(content)
    assert "ỦY BAN NHÂN DÂN HUYỆN BA BỂ" in body and "Số: 1/TTr-UBND" in body
    assert "Ba Bể, ngày 10 tháng 9 năm 2025" in body
    assert "TỜ TRÌNH" in body and "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh" in body
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn." in body
    assert "Ủy ban nhân dân huyện Ba Bể kính trình Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn" in body
    assert "1 tập thể, 2 cá nhân" in body
    # 2 x 1,5 x 2.340.000 + 3,0 x 2.340.000 = 7.020.000 + 7.020.000
    assert "- Bằng khen của Chủ tịch UBND tỉnh: 2 cá nhân, 1 tập thể; tiền thưởng 14.040.000 đồng;" in body
    assert "14.040.000 đồng (Bằng chữ: Mười bốn triệu không trăm bốn mươi nghìn đồng)" in body
    assert "Nơi nhận: - Như trên; - Lưu: VT." in body
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Hà Văn Lâm" in body
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in listing
    assert "Kèm theo Tờ trình số 1/TTr-UBND ngày 10/09/2025 của Ủy ban nhân dân huyện Ba Bể" in listing
    assert "Nông Thị Hoa" in listing and "3.510.000" in listing and "Hợp tác xã Nà Làng" in listing
    assert "Lý Văn Tư" not in listing  # rejected: not asked for
    assert "Tổng cộng 14.040.000" in listing
    assert "Bằng chữ: Mười bốn triệu không trăm bốn mươi nghìn đồng" in listing
    measure(content)  # Decree 30: A4, margins, page number from page 2


def test_the_word_twin_has_the_same_text_and_the_same_number(
    babe_event, babe_proposals, admin, request_report
):
    pdf = request_report(kind="award_submission", event=babe_event, requested_by=admin, params={})
    report = request_report(
        kind="award_submission", event=babe_event, requested_by=admin, params={"format": "docx"}
    )
    assert pdf.status == report.status == "done" and report.file.name.endswith(".docx")
    document = Document(BytesIO(report.file.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Số: 1/TTr-UBND" in text and "Ba Bể, ngày 10 tháng 9 năm 2025" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn." in text
    assert "Mười bốn triệu không trăm bốn mươi nghìn đồng" in text
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in text and "7.020.000" in text and "Hà Văn Lâm" in text
    section = document.sections[0]
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    # one number in the register for the submission, however many prints
    assert list(RegisterEntry.objects.values_list("number", flat=True)) == ["1/TTr-UBND"]


def test_the_decision_then_cites_the_submission_and_who_proposed(
    babe_event, babe_proposals, admin, request_report, units
):
    request_report(kind="award_submission", event=babe_event, requested_by=admin, params={})
    province = units["province"]
    DocumentProfileFactory(unit=province, place="Bắc Kạn")
    from datetime import date

    decision = honours.award_decision_get_or_create(
        event=babe_event, authority="province_chair", issuer="Chủ tịch UBND tỉnh Bắc Kạn", number="",
        date=date(2025, 9, 20), place="Bắc Kạn", signer="Nguyễn Đăng Bình", issuing_unit=province,
    )  # fmt: skip
    assert decision.number == "1/QĐ-UBND"  # the province's own register
    for nomination in Nomination.objects.filter(status__in=["accepted", "raised"]):
        honours.honour_record(event=babe_event, exemplar=nomination.exemplar, award_type=babe_proposals,
                              decision=decision, nomination=nomination)  # fmt: skip
    report = request_report(kind="award_decision", event=babe_event, requested_by=admin,
                            params={"decision_id": decision.pk})  # fmt: skip
    assert report.status == "done", report.error
    # the line may break after the number's hyphen ("1/TTr- UBND"): read it joined
    first = pdf_text.page_texts(pdf_text.read(report.file.read()))[0].replace("TTr- ", "TTr-")
    assert "Số: 1/QĐ-UBND" in first
    assert (
        "Xét đề nghị của Chủ tịch Ủy ban nhân dân huyện Ba Bể tại Tờ trình số 1/TTr-UBND ngày 10/09/2025."
        in first
    )


def test_it_refuses_in_vietnamese_when_nothing_was_accepted(babe_event, units, admin):
    with pytest.raises(services.ReportError, match="chưa có đề nghị khen thưởng nào được đồng ý"):
        services.report_request(kind="award_submission", event=babe_event, requested_by=admin, key="a" * 32)
    assert not RegisterEntry.objects.exists()


def test_the_documents_page_offers_it_in_pdf_and_word_or_says_why_not(
    client, district_officer, babe_event, units
):
    client.force_login(district_officer)
    page = client.get(reverse("reports:event_documents", args=[babe_event.pk])).content.decode()
    assert "In tờ trình (PDF)" in page and "In tờ trình (Word)" in page
    assert "chưa có đề nghị khen thưởng nào được đồng ý" in page  # the disabled buttons say why


def test_a_start_without_accepted_proposals_shows_the_message_not_a_500(client, district_officer, babe_event):
    client.force_login(district_officer)
    response = client.post(
        reverse("reports:event_report_start", args=[babe_event.pk]),
        {"kind": "award_submission", "key": "b" * 32, "format": "pdf"},
        follow=True,
    )
    assert response.status_code == 200
    assert "chưa có đề nghị khen thưởng nào được đồng ý" in response.content.decode()


def test_a_decision_made_before_the_submission_does_not_cite_it(
    babe_event, babe_proposals, admin, request_report, units
):
    from datetime import date

    request_report(kind="award_submission", event=babe_event, requested_by=admin, params={})  # dated 10/09
    DocumentProfileFactory(unit=units["province"], place="Bắc Kạn")
    decision = honours.award_decision_get_or_create(
        event=babe_event, authority="province_chair", issuer="Chủ tịch UBND tỉnh Bắc Kạn", number="",
        date=date(2025, 9, 1), place="Bắc Kạn", signer="Nguyễn Đăng Bình", issuing_unit=units["province"],
    )  # fmt: skip
    nomination = Nomination.objects.filter(status="accepted").first()
    honours.honour_record(event=babe_event, exemplar=nomination.exemplar, award_type=babe_proposals,
                          decision=decision, nomination=nomination)  # fmt: skip
    report = request_report(kind="award_decision", event=babe_event, requested_by=admin,
                            params={"decision_id": decision.pk})  # fmt: skip
    first = pdf_text.page_texts(pdf_text.read(report.file.read()))[0]
    assert "Xét đề nghị của Chủ tịch Ủy ban nhân dân huyện Ba Bể." in first and "Tờ trình" not in first

"""The Quyết định khen thưởng and its Danh sách kèm theo, with the reward money, as PDF and Word."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document

from honors import services as honours
from honors.models import AwardType, Exemplar
from tests.factories import DocumentProfileFactory, DocumentSignerFactory
from tests.reports import pdf_text
from tests.reports.test_decree30 import measure
from units.models import DocumentSigner

pytestmark = pytest.mark.django_db


@pytest.fixture
def chora_decision(units, chora_event):
    """Chợ Rã's decision 15/QĐ-UBND of 18/04/2025: a Giấy khen to a person and to a collective."""
    honours.award_types_load_from_file()
    giay_khen = AwardType.objects.get(name="Giấy khen của Chủ tịch UBND cấp xã")
    profile = DocumentProfileFactory(unit=units["chora"], place="Chợ Rã")
    DocumentSignerFactory(profile=profile, purpose=DocumentSigner.Purpose.DECISION, authority="TM.",
                          on_behalf_of="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", full_name="Triệu Văn Tâm")  # fmt: skip
    decision = honours.award_decision_get_or_create(
        event=chora_event, authority="commune_chair", issuer="Chủ tịch UBND thị trấn Chợ Rã",
        number="15/QĐ-UBND", date=date(2025, 4, 18), place="Chợ Rã", signer="Triệu Văn Tâm",
        issuing_unit=units["chora"],
    )  # fmt: skip
    for name, kind in (("Nông Thị Hoa", "individual"), ("Tổ dân phố Pắc Pạng", "collective")):
        exemplar = Exemplar.objects.create(
            unit=units["chora"], kind=kind, name=name, position="Trưởng thôn" if kind == "individual" else "",
            field="Nông nghiệp, nông thôn", achievements="Sản xuất giỏi",
        )  # fmt: skip
        honours.honour_record(event=chora_event, exemplar=exemplar, award_type=giay_khen, decision=decision)
    return decision


def test_the_decision_pdf_has_the_bodys_heading_its_number_and_the_list_with_amounts(
    chora_event, chora_decision, admin, request_report
):
    report = request_report(
        kind="award_decision",
        event=chora_event,
        requested_by=admin,
        params={"decision_id": chora_decision.pk},
    )
    assert report.status == "done", report.error
    content = report.file.read()
    decision_page, list_page = pdf_text.page_texts(pdf_text.read(content))
    assert "ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ" in decision_page and "Số: 15/QĐ-UBND" in decision_page
    assert "Chợ Rã, ngày 18 tháng 4 năm 2025" in decision_page
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ" in decision_page
    assert "Nghị định số 152/2025/NĐ-CP" in decision_page
    # each amount and the total, in figures and in words (710.000 + 1.410.000)
    assert (
        "mỗi cá nhân được tặng Giấy khen của Chủ tịch UBND cấp xã 710.000 đồng (Bằng chữ: Bảy trăm mười nghìn đồng)"
        in decision_page
    )
    assert (
        "mỗi tập thể được tặng Giấy khen của Chủ tịch UBND cấp xã 1.410.000 đồng (Bằng chữ: Một triệu bốn trăm mười nghìn đồng)"
        in decision_page
    )
    assert (
        "Tổng số tiền thưởng: 2.120.000 đồng (Bằng chữ: Hai triệu một trăm hai mươi nghìn đồng)"
        in decision_page
    )
    # the commune honours its own at its own conference: its organising committee proposed
    assert "Xét đề nghị của Ban Tổ chức" in decision_page
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Triệu Văn Tâm" in decision_page
    # the list: 0,3 x 2.340.000 = 702.000 -> 710.000; collective 0,6 -> 1.404.000 -> 1.410.000
    assert "Kèm theo Quyết định số 15/QĐ-UBND ngày 18/04/2025" in list_page
    assert "Nông Thị Hoa" in list_page and "710.000" in list_page
    assert "Tổ dân phố Pắc Pạng" in list_page and "1.410.000" in list_page
    assert "Tổng cộng 2.120.000" in list_page
    assert "Bằng chữ: Hai triệu một trăm hai mươi nghìn đồng" in list_page
    measure(content)  # Decree 30: A4, margins, page number from page 2


def test_the_decision_word_twin_has_the_same_text(chora_event, chora_decision, admin, request_report):
    report = request_report(
        kind="award_decision", event=chora_event, requested_by=admin,
        params={"decision_id": chora_decision.pk, "format": "docx"},
    )  # fmt: skip
    assert report.status == "done" and report.file.name.endswith(".docx")
    document = Document(BytesIO(report.file.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Số: 15/QĐ-UBND" in text and "Chợ Rã, ngày 18 tháng 4 năm 2025" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ" in text and "Triệu Văn Tâm" in text
    assert "1.410.000" in text and "2.120.000" in text


def test_a_decision_of_another_event_is_refused_with_a_message(
    chora_event, nari_event, chora_decision, admin
):
    from reports import services
    from reports.services import ReportError

    with pytest.raises(ReportError, match="Không tìm thấy quyết định khen thưởng"):
        services.report_request(kind="award_decision", event=nari_event, requested_by=admin,
                                params={"decision_id": chora_decision.pk}, key="a" * 32)  # fmt: skip

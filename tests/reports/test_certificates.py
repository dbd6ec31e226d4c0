"""Giấy khen and Bằng khen take issuer, decision, place and signer from the honour's decision
and its issuing body's profile, wherever they are presented; and print on the blank."""

from datetime import date
from io import BytesIO

import pdfplumber
import pytest
from docx import Document

from congresses import rules
from honors import services as honours
from honors.models import AwardType, Exemplar
from tests.factories import DocumentProfileFactory, DocumentSignerFactory
from tests.reports import pdf_text
from units.models import DocumentSigner

pytestmark = pytest.mark.django_db


@pytest.fixture
def chora_awards(units, chora_event):
    """At Chợ Rã's conference: the commune chair's Giấy khen and the province chair's Bằng khen."""
    giay_khen = AwardType.objects.create(
        name="Giấy khen của Chủ tịch UBND cấp xã", kind="form", recipient="both", level=1,
        grantor="Chủ tịch UBND xã, phường, thị trấn", is_certificate=True, order=1,
        authorities=["commune_chair"],
    )  # fmt: skip
    bang_khen = AwardType.objects.create(
        name="Bằng khen của Chủ tịch UBND tỉnh", kind="form", recipient="both", level=3,
        grantor="Chủ tịch UBND tỉnh", is_certificate=True, order=2, authorities=["province_chair"],
    )  # fmt: skip
    chora_body = DocumentProfileFactory(unit=units["chora"], place="Chợ Rã")
    DocumentSignerFactory(profile=chora_body, purpose=DocumentSigner.Purpose.DECISION, authority="TM.",
                          on_behalf_of="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", full_name="Triệu Văn Tâm")  # fmt: skip
    province_body = DocumentProfileFactory(unit=units["province"], name_line2="TỈNH BẮC KẠN", place="Bắc Kạn")
    DocumentSignerFactory(profile=province_body, purpose=DocumentSigner.Purpose.DECISION, authority="KT.",
                          on_behalf_of="CHỦ TỊCH", title="PHÓ CHỦ TỊCH", full_name="Nguyễn Đăng Bình")  # fmt: skip
    made = {}
    for name, gender, award, authority, number, day, signer in [
        ("Nông Thị Hoa", "female", giay_khen, "commune_chair", "15/QĐ-UBND", date(2025, 4, 18), "Triệu Văn Tâm"),
        ("Lường Văn Ữu", "male", bang_khen, "province_chair", "1024/QĐ-UBND", date(2025, 4, 2),
         "Nguyễn Đăng Bình"),
    ]:  # fmt: skip
        exemplar = Exemplar.objects.create(
            unit=units["chora"], kind="individual", name=name, gender=gender, position="Trưởng thôn",
            field="Nông nghiệp, nông thôn", achievements="Sản xuất giỏi",
        )  # fmt: skip
        decision = honours.award_decision_get_or_create(
            event=chora_event, authority=authority, issuer="(ghi tự do)", number=number, date=day,
            place="(ghi tự do)", signer=signer,
            issuing_unit=honours.decision_issuing_unit(authority=authority, unit=units["chora"]),
        )  # fmt: skip
        made[name] = honours.honour_record(
            event=chora_event, exemplar=exemplar, award_type=award, decision=decision
        )
    return made


def _texts(report) -> list[str]:
    return pdf_text.page_texts(pdf_text.read(report.file.read()))


def test_a_communes_giay_khen_names_the_commune_chair_its_decision_and_its_chairman(
    chora_event, chora_awards, admin, request_report
):
    report = request_report(kind="certificates", event=chora_event, requested_by=admin)
    giay_khen = next(t for t in _texts(report) if "Nông Thị Hoa" in t)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ TẶNG GIẤY KHEN" in giay_khen
    assert "XÃ, PHƯỜNG, THỊ TRẤN" not in giay_khen
    assert "Quyết định số 15/QĐ-UBND ngày 18/04/2025" in giay_khen
    assert "Chợ Rã, ngày 18 tháng 4 năm 2025" in giay_khen
    assert "CHỦ TỊCH Triệu Văn Tâm" in giay_khen and "TM." not in giay_khen


def test_a_province_bang_khen_at_a_communes_conference_names_the_provinces_decision_and_signer(
    chora_event, chora_awards, admin, request_report
):
    report = request_report(kind="certificates", event=chora_event, requested_by=admin)
    bang_khen = next(t for t in _texts(report) if "Lường Văn Ữu" in t)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN TẶNG BẰNG KHEN" in bang_khen
    assert "Quyết định số 1024/QĐ-UBND ngày 02/04/2025" in bang_khen
    assert "Bắc Kạn, ngày 02 tháng 4 năm 2025" in bang_khen and "Chợ Rã, ngày" not in bang_khen
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Đăng Bình" in bang_khen
    assert "Triệu Văn Tâm" not in bang_khen and "15/QĐ-UBND" not in bang_khen


def test_the_certificates_word_twin_has_the_same_lines_on_landscape_pages(
    chora_event, chora_awards, admin, request_report
):
    report = request_report(
        kind="certificates", event=chora_event, requested_by=admin, params={"format": "docx"}
    )
    assert report.status == "done" and report.file.name.endswith(".docx") and report.title.endswith("(Word)")
    document = Document(BytesIO(report.file.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ" in text and "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" in text
    )
    assert "Quyết định số 1024/QĐ-UBND ngày 02/04/2025" in text and "Nguyễn Đăng Bình" in text
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(297, abs=0.5) and section.page_height.mm == pytest.approx(
        210, abs=0.5
    )


def _words_at(report, needle: str) -> tuple[float, float]:
    """Where (mm from the sheet's top-left corner) the first word of `needle` is printed."""
    report.file.open("rb")
    with report.file, pdfplumber.open(BytesIO(report.file.read())) as pdf:
        page = next(p for p in pdf.pages if needle in (p.extract_text() or ""))
        word = next(w for w in page.extract_words() if w["text"] == needle.split()[0])
        return word["x0"] * 25.4 / 72, word["top"] * 25.4 / 72


def test_on_the_blank_only_the_variable_text_moves_by_the_bodys_calibrated_shift(
    units, chora_event, chora_awards, admin, request_report
):
    before = request_report(
        kind="certificates", event=chora_event, requested_by=admin, params={"mode": "blank"}
    )
    text = " ".join(_texts(before))
    before.file.close()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text and "Nông Thị Hoa" in text  # the blank has those
    x0, y0 = _words_at(before, "Triệu Văn Tâm")
    profile = units["chora"].document_profile
    profile.blank_offset_x_mm, profile.blank_offset_y_mm = 4, -2.5
    profile.save()
    after = request_report(
        kind="certificates", event=chora_event, requested_by=admin, params={"mode": "blank"}
    )
    x1, y1 = _words_at(after, "Triệu Văn Tâm")
    assert x1 - x0 == pytest.approx(4, abs=0.2) and y1 - y0 == pytest.approx(-2.5, abs=0.2)
    # The province's certificate keeps the province's own (zero) shift.
    assert _words_at(after, "Nguyễn Đăng Bình") == pytest.approx(
        _words_at(before, "Nguyễn Đăng Bình"), abs=0.1
    )


def test_the_test_print_draws_the_marks_of_each_issuing_body_with_its_shift(
    units, chora_event, chora_awards, admin, request_report
):
    profile = units["chora"].document_profile
    profile.blank_offset_x_mm = 1.5
    profile.save()
    report = request_report(
        kind="certificates", event=chora_event, requested_by=admin, params={"mode": "calibration"}
    )
    texts = _texts(report)
    assert len(texts) == 2  # one page per issuing body: the commune and the province
    chora = next(t for t in texts if "THỊ TRẤN CHỢ RÃ" in t)
    assert "Độ dịch đang lưu: ngang 1,5 mm, dọc 0 mm" in chora
    assert "Họ tên người ký (151,5; 183,0 mm)" in chora


def test_word_is_refused_for_the_blank_with_a_clear_message(chora_event, chora_awards, admin):
    from reports import services
    from reports.services import ReportError

    with pytest.raises(ReportError, match="chỉ có bản PDF"):
        services.report_request(kind="certificates", event=chora_event, requested_by=admin, key="k" * 32,
                                params={"mode": "blank", "format": "docx"})  # fmt: skip


def test_a_title_typed_as_the_signer_is_refused(chora_event):
    with pytest.raises(honours.HonoursError, match="họ và tên người ký"):
        honours.award_decision_get_or_create(
            event=chora_event, authority="commune_chair", issuer="Chủ tịch UBND thị trấn Chợ Rã",
            number="16/QĐ-UBND", date=date(2025, 4, 18), place="Chợ Rã", signer="Chủ tịch UBND Thị trấn Chợ Rã",
        )  # fmt: skip


@pytest.mark.parametrize(
    "authority, expected",
    [("commune_chair", "chora"), ("district_chair", "babe"), ("province_chair", "province"),
     ("prime_minister", None)],
)  # fmt: skip
def test_the_issuing_body_is_the_first_on_the_units_chain_whose_head_holds_the_authority(
    units, authority, expected
):
    chora = units["chora"]
    chain = [(chora.pk, chora.kind), (units["babe"].pk, "district"), (units["province"].pk, "province")]
    assert rules.issuing_unit_id(authority=authority, chain=chain) == (
        units[expected].pk if expected else None
    )

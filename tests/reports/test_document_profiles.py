"""Invitations, agenda and the province summary print the issuing body's document profile."""

import pytest
from freezegun import freeze_time

from reports import services
from tests.factories import DelegateFactory, DocumentProfileFactory, DocumentSignerFactory
from tests.reports import pdf_text
from units.models import DocumentSigner, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def chora_profile(units):
    profile = DocumentProfileFactory(unit=units["chora"], place="Chợ Rã")
    DocumentSignerFactory(profile=profile, title="PHÓ CHỦ TỊCH UBND THỊ TRẤN", full_name="Hoàng Văn Chinh")
    return profile


def test_the_invitation_carries_the_committee_signer_the_issue_date_and_the_recipients(
    chora_event, chora_profile, admin, request_report
):
    DelegateFactory(event=chora_event, full_name="Nông Thị Hoa", gender="female")
    with freeze_time("2025-03-05 08:00"):
        report = request_report(kind="invitations", event=chora_event, requested_by=admin)
    text = pdf_text.page_texts(pdf_text.read(report.file.read()))[0]
    assert "ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ" in text and "UBND HUYỆN BA BỂ" not in text
    assert "Số: /GM-BTC" in text
    assert "Chợ Rã, ngày 05 tháng 3 năm 2025" in text
    assert "TM. BAN TỔ CHỨC PHÓ CHỦ TỊCH UBND THỊ TRẤN" in text and "Hoàng Văn Chinh" in text
    assert "Nơi nhận: - Như trên; - Lưu: VT, BTC." in text


def test_the_agenda_is_signed_by_the_committee_too(chora_event, chora_profile, admin, request_report):
    services.agenda_generate(event=chora_event)
    with freeze_time("2025-01-09 08:00"):
        report = request_report(kind="agenda", event=chora_event, requested_by=admin)
    text = " ".join(pdf_text.page_texts(pdf_text.read(report.file.read())))
    assert "Số: /CT-BTC" in text and "Chợ Rã, ngày 09 tháng 01 năm 2025" in text
    assert "TM. BAN TỔ CHỨC" in text and "Hoàng Văn Chinh" in text


def test_the_summary_is_signed_for_the_director_and_spells_so_noi_vu(campaign, units, admin, request_report):
    home_affairs = Unit.objects.get(name="Sở Nội vụ")
    profile = DocumentProfileFactory(unit=home_affairs, governing_name="UBND TỈNH BẮC KẠN", name_line1="SỞ NỘI VỤ",
                                     name_line2="", symbol="SNV", place="Bắc Kạn")  # fmt: skip
    DocumentSignerFactory(
        profile=profile, purpose=DocumentSigner.Purpose.REPORT, authority="KT.", on_behalf_of="GIÁM ĐỐC",
        title="PHÓ GIÁM ĐỐC", full_name="Lý Thị Hạnh",
        recipients="Như trên;\nBan Thi đua - Khen thưởng Trung ương;\nUBND tỉnh (b/c);\nLưu: VT, TĐKT.",
    )  # fmt: skip
    report = request_report(kind="summary_pdf", campaign=campaign, requested_by=admin)
    text = " ".join(pdf_text.page_texts(pdf_text.read(report.file.read())))
    assert "UBND TỈNH BẮC KẠN SỞ NỘI VỤ" in text and "Số: /BC-SNV" in text
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text and "Lý Thị Hạnh" in text
    assert (
        "Nơi nhận: - Như trên; - Ban Thi đua - Khen thưởng Trung ương; - UBND tỉnh (b/c); - Lưu: VT, TĐKT."
        in text
    )
    assert "Sở Nội vụ tổng hợp" in text and "Sở Nội Vụ" not in text

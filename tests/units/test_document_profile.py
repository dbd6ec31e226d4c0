"""A body's document profile: defaults, editing by its officers, the check by Sở Nội vụ."""

import pytest
from django.urls import reverse

from core.errors import DomainError
from tests.factories import DocumentProfileFactory, UserFactory
from units import domain, selectors, services
from units.models import DocumentSigner, Unit


@pytest.mark.parametrize(
    ("kind", "name", "parent", "expected"),
    [
        ("town", "Thị trấn Chợ Rã", "Huyện Ba Bể", ("", "ỦY BAN NHÂN DÂN", "THỊ TRẤN CHỢ RÃ", "UBND", "Chợ Rã")),
        ("district", "Huyện Ba Bể", "Tỉnh Bắc Kạn", ("", "ỦY BAN NHÂN DÂN", "HUYỆN BA BỂ", "UBND", "Ba Bể")),
        ("province", "Tỉnh Bắc Kạn", "", ("", "ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "UBND", "Bắc Kạn")),
        ("department", "Sở Nội vụ", "Tỉnh Bắc Kạn", ("UBND TỈNH BẮC KẠN", "SỞ NỘI VỤ", "", "SNV", "Bắc Kạn")),
        ("department", "Sở Giáo dục và Đào tạo", "Tỉnh Bắc Kạn",
         ("UBND TỈNH BẮC KẠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "SGDVĐT", "Bắc Kạn")),
    ],
)  # fmt: skip
def test_it_starts_a_profile_from_the_unit(kind, name, parent, expected):
    got = domain.default_profile(unit_kind=kind, unit_name=name, parent_name=parent)
    assert (got.governing_name, got.name_line1, got.name_line2, got.symbol, got.place) == expected


@pytest.mark.parametrize(
    ("authority", "on_behalf_of", "title", "lines"),
    [
        ("TM.", "Ủy ban nhân dân", "Chủ tịch", ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
        ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
        ("Q.", "", "GIÁM ĐỐC", ("Q. GIÁM ĐỐC",)),
        ("TL.", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")),
        ("", "", "GIÁM ĐỐC", ("GIÁM ĐỐC",)),
    ],
)
def test_it_writes_the_signature_lines_of_decree_30(authority, on_behalf_of, title, lines):
    assert domain.signature_lines(authority=authority, on_behalf_of=on_behalf_of, title=title) == lines


def test_it_punctuates_the_recipients_list():
    assert domain.recipient_lines("Như trên\n- UBND tỉnh (b/c);\n\nLưu: VT, BTC") == (
        "- Như trên;",
        "- UBND tỉnh (b/c);",
        "- Lưu: VT, BTC.",
    )


@pytest.mark.django_db
def test_without_a_profile_a_document_uses_the_defaults(units):
    block = selectors.document_issuer(unit=units["chora"], purpose=DocumentSigner.Purpose.EVENT)
    assert block.name_lines == ("ỦY BAN NHÂN DÂN", "THỊ TRẤN CHỢ RÃ") and block.place == "Chợ Rã"
    assert block.signature_lines == ("TM. BAN TỔ CHỨC", "TRƯỞNG BAN") and block.signer_name == ""
    assert block.recipients == ("- Như trên;", "- Lưu: VT, BTC.") and not block.checked
    home_affairs = Unit.objects.get(name="Sở Nội vụ")
    report = selectors.document_issuer(unit=home_affairs, purpose=DocumentSigner.Purpose.REPORT)
    assert report.governing_name == "UBND TỈNH BẮC KẠN" and report.name_lines == ("SỞ NỘI VỤ",)
    assert report.signature_lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def _form(unit, **changes):
    data = selectors.document_profile_initial(unit=unit)
    data.update(changes)
    return data


@pytest.mark.django_db
def test_it_lets_the_units_officer_save_the_profile_and_waits_for_the_check(units, client):
    officer = UserFactory(unit=units["chora"])
    client.force_login(officer)
    url = reverse("units:document_profile", kwargs={"pk": units["chora"].pk})
    assert client.get(url).status_code == 200
    response = client.post(url, _form(units["chora"], event_full_name="Hoàng Văn Chinh",
                                      event_title="PHÓ CHỦ TỊCH UBND THỊ TRẤN, TRƯỞNG BAN"))  # fmt: skip
    assert response.status_code == 302
    block = selectors.document_issuer(unit=units["chora"], purpose=DocumentSigner.Purpose.EVENT)
    assert block.signer_name == "Hoàng Văn Chinh" and not block.checked
    assert block.signature_lines == ("TM. BAN TỔ CHỨC", "PHÓ CHỦ TỊCH UBND THỊ TRẤN, TRƯỞNG BAN")
    assert "Đang chờ Sở Nội vụ kiểm tra" in client.get(url).content.decode()


@pytest.mark.django_db
def test_it_refuses_a_signer_on_behalf_of_nobody(units, client):
    client.force_login(UserFactory(unit=units["chora"]))
    url = reverse("units:document_profile", kwargs={"pk": units["chora"].pk})
    response = client.post(url, _form(units["chora"], report_authority="KT.", report_on_behalf_of=""))
    assert response.status_code == 200 and "Ghi rõ thay mặt" in response.content.decode()
    assert selectors.document_profile_get(unit=units["chora"]) is None


@pytest.mark.django_db
def test_it_lets_so_noi_vu_check_a_profile_and_an_officers_change_clears_the_check(units, client):
    profile = DocumentProfileFactory(unit=units["chora"])
    staff = UserFactory(staff=True)
    client.force_login(staff)
    response = client.post(reverse("units:document_profile_check", kwargs={"pk": units["chora"].pk}))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.checked_by == staff and profile.checked_at is not None
    officer = UserFactory(unit=units["chora"])
    data = _form(units["chora"], place="Chợ Rã")
    services.document_profile_save(
        unit=units["chora"], by=officer, profile_data={f: data[f] for f in services.PROFILE_FIELDS},
        signers={p: {f: data[f"{p}_{f}"] for f in services.SIGNER_FIELDS} for p in DocumentSigner.Purpose.values},
    )  # fmt: skip
    profile.refresh_from_db()
    assert profile.checked_at is None and profile.signers.count() == 3


@pytest.mark.django_db
def test_it_refuses_a_check_by_an_officer(units):
    profile = DocumentProfileFactory(unit=units["chora"])
    with pytest.raises(DomainError):
        services.document_profile_check(profile=profile, by=UserFactory(unit=units["chora"]))

"""Roster Excel views (template, export, import with preview): allowed and forbidden."""

import io

import pytest
from openpyxl import load_workbook

from delegates.exporter import render_roster
from delegates.models import Delegate, RosterImport
from tests.factories import DelegateFactory, EventFactory

from .conftest import FORM, url

pytestmark = pytest.mark.django_db


def xlsx_upload(delegates, name="ds.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, render_roster(title="x", delegates=delegates))


# --- Excel --------------------------------------------------------------------------------------


def test_it_downloads_the_template_and_the_export(client, leadership, commune_event):
    DelegateFactory.create_batch(3, event=commune_event)
    client.force_login(leadership)
    template = client.get(url("template", commune_event))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(io.BytesIO(template.content))["Danh sách đại biểu"]["B3"].value == "Họ và tên (*)"
    export = client.get(url("export", commune_event))
    sheet = load_workbook(io.BytesIO(export.content))["Danh sách đại biểu"]
    assert [sheet.cell(row=r, column=2).value for r in (4, 5, 6)] == [
        d.full_name for d in commune_event.delegates.order_by("sort_key")
    ]


def test_the_template_has_an_optional_email_column(client, leadership, commune_event):
    client.force_login(leadership)
    sheet = load_workbook(io.BytesIO(client.get(url("template", commune_event)).content))[
        "Danh sách đại biểu"
    ]
    headers = [cell.value for cell in sheet[3]]
    assert "Thư điện tử" in headers  # no (*): it may be left empty


def test_a_bad_email_in_the_file_is_named_and_nothing_is_staged(client, unit_manager, commune_event):
    source = [
        DelegateFactory(event=commune_event, email="dung@backan.gov.vn"),
        DelegateFactory(event=commune_event, email="sai-dia-chi@"),
    ]  # as an officer typed it in Excel
    upload = xlsx_upload(source)
    Delegate.objects.all().delete()
    client.force_login(unit_manager)
    response = client.post(url("import", commune_event), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dòng 5, cột M (Thư điện tử): “sai-dia-chi@” không phải địa chỉ thư điện tử hợp lệ" in page
    assert not RosterImport.objects.exists() and not commune_event.delegates.exists()


def test_it_refuses_downloads_outside_the_scope(client, other_unit_manager, commune_event):
    client.force_login(other_unit_manager)
    assert client.get(url("template", commune_event)).status_code == 404
    assert client.get(url("export", commune_event)).status_code == 404


def test_it_imports_through_a_preview(client, unit_manager, commune_event):
    source = [DelegateFactory(event=commune_event, full_name=f"Nguyễn Văn Người{i:04d}") for i in range(3)]
    upload = xlsx_upload(source)
    Delegate.objects.all().delete()
    client.force_login(unit_manager)
    assert client.get(url("import", commune_event)).status_code == 200
    response = client.post(url("import", commune_event), {"file": upload})
    assert response.status_code == 302
    staged = RosterImport.objects.get()
    assert not commune_event.delegates.exists()  # nothing saved before confirmation
    preview = client.get(response["Location"])
    assert preview.status_code == 200 and "Nguyễn Văn Người0000" in preview.content.decode()
    assert preview.context["outlook"].total_after == 3 and preview.context["outlook"].share_after.allowed
    assert client.post(url("import_confirm", commune_event, staged.token)).status_code == 302
    assert commune_event.delegates.count() == 3


def test_it_lists_bad_rows_and_saves_nothing(client, unit_manager, commune_event):
    good = DelegateFactory.create_batch(2, event=commune_event)
    good[1].birth_year = 1800
    upload = xlsx_upload(good)
    Delegate.objects.all().delete()
    client.force_login(unit_manager)
    response = client.post(url("import", commune_event), {"file": upload})
    assert response.status_code == 200
    assert "Dòng 5, cột E (Năm sinh): năm sinh 1800 không hợp lệ" in response.content.decode()
    assert not RosterImport.objects.exists() and not commune_event.delegates.exists()


def test_it_refuses_an_import_that_passes_the_cap(client, unit_manager, commune_event):
    upload = xlsx_upload(DelegateFactory.create_batch(3, event=commune_event))
    DelegateFactory.create_batch(195, event=commune_event)
    client.force_login(unit_manager)
    response = client.post(url("import", commune_event), {"file": upload})
    assert "Không nhập tệp: Chỉ còn 2 chỗ" in response.content.decode()
    assert commune_event.delegates.count() == 198


def test_it_refuses_a_file_of_the_wrong_type(client, unit_manager, commune_event):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(unit_manager)
    response = client.post(
        url("import", commune_event), {"file": SimpleUploadedFile("ds.xlsx", b"%PDF-1.4 ...")}
    )
    assert "không phải là bảng tính Excel" in response.content.decode()


def test_it_discards_a_staged_import(client, unit_manager, commune_event):
    upload = xlsx_upload(DelegateFactory.create_batch(1, event=commune_event))
    Delegate.objects.all().delete()
    client.force_login(unit_manager)
    client.post(url("import", commune_event), {"file": upload})
    staged = RosterImport.objects.get()
    assert client.post(url("import_discard", commune_event, staged.token)).status_code == 302
    assert not RosterImport.objects.exists() and not commune_event.delegates.exists()


def test_it_keeps_staged_imports_private(
    client, unit_manager, district_officer, leadership, other_unit_manager, commune_event
):
    upload = xlsx_upload(DelegateFactory.create_batch(1, event=commune_event))
    Delegate.objects.all().delete()
    client.force_login(unit_manager)
    client.post(url("import", commune_event), {"file": upload})
    staged = RosterImport.objects.get()
    client.force_login(district_officer)  # may write the roster, but this is not their upload
    assert client.get(url("import_preview", commune_event, staged.token)).status_code == 404
    assert client.post(url("import_confirm", commune_event, staged.token)).status_code == 404
    client.force_login(other_unit_manager)
    assert client.post(url("import", commune_event), {"file": xlsx_upload([])}).status_code == 404
    assert client.post(url("import_discard", commune_event, staged.token)).status_code == 404
    client.force_login(leadership)
    assert client.post(url("import", commune_event)).status_code == 403
    assert RosterImport.objects.exists() and not commune_event.delegates.exists()


def test_an_exported_roster_imports_back_unchanged(
    client, unit_manager, district_officer, commune_event, units, campaign
):
    from datetime import date

    from delegates.services import DELEGATE_FIELDS, delegate_create

    for data in (
        dict(
            FORM,
            full_name="Nguyễn Văn An",
            position="=1+1",
            workplace="@Thôn",
            is_direct_worker=True,
            email="an.nguyen@backan.gov.vn",
        ),  # fmt: skip
        dict(
            FORM,
            category="exemplar_collective",
            collective_name="-Tổ 7",
            full_name="Hà Thị Lan",
            gender="female",
        ),
        dict(FORM, category="leader", full_name="Đàm Văn Khải", religion="Phật giáo", ethnic_group="Kinh"),
    ):
        delegate_create(
            event=commune_event,
            data=dict(
                data,
                birth_year=int(data["birth_year"]),
                exemplar=None,
                is_direct_worker=data["is_direct_worker"] is True,
            ),
        )
    client.force_login(district_officer)
    exported = client.get(url("export", commune_event)).content
    from django.core.files.uploadedfile import SimpleUploadedFile

    other = EventFactory(unit=units["babe"], campaign=campaign, tier_code="district", date=date(2025, 5, 15))
    response = client.post(url("import", other), {"file": SimpleUploadedFile("xuat.xlsx", exported)})
    token = RosterImport.objects.get().token
    client.post(url("import_confirm", other, token))
    assert response.status_code == 302

    def snapshot(event):
        return sorted(tuple(getattr(d, f) for f in DELEGATE_FIELDS) for d in event.delegates.all())

    assert snapshot(other) == snapshot(commune_event)
    assert other.delegates.get(full_name="Nguyễn Văn An").email == "an.nguyen@backan.gov.vn"


def test_re_importing_a_corrected_file_flags_who_is_already_on_the_roster_and_the_officer_chooses(
    client, unit_manager, commune_event
):
    """Issue 15: a re-imported file used to add the same people again without a word."""
    kept = [
        DelegateFactory(event=commune_event, full_name=f"Hoàng Văn Có Sẵn {i}", birth_year=1980)
        for i in range(2)
    ]
    newcomer = DelegateFactory.build(event=commune_event, full_name="Ma Thị Mới", birth_year=1990)
    twice = DelegateFactory.build(event=commune_event, full_name="Ma Thị Mới", birth_year=1990)
    upload = xlsx_upload([*kept, newcomer, twice])  # the two already there, one newcomer listed twice
    client.force_login(unit_manager)
    preview = client.get(client.post(url("import", commune_event), {"file": upload})["Location"])
    body = preview.content.decode()
    assert "3 dòng có thể trùng người đã có" in body
    assert "đã có trong danh sách: Hoàng Văn Có Sẵn 0, sinh năm 1980" in body
    assert "trùng với dòng thứ 3 của tệp" in body
    staged = RosterImport.objects.get()
    # the officer keeps the first copy's duplicate flag for row 1 (index 0) off: re-adding nobody,
    # skipping both who are there and the second copy of the newcomer
    response = client.post(
        url("import_confirm", commune_event, staged.token), {"skip": ["0", "1", "3"]}, follow=True
    )
    assert "Đã nhập 1 đại biểu từ tệp Excel; bỏ qua 3 dòng trùng." in response.content.decode()
    assert sorted(commune_event.delegates.values_list("full_name", flat=True)) == [
        "Hoàng Văn Có Sẵn 0",
        "Hoàng Văn Có Sẵn 1",
        "Ma Thị Mới",
    ]


def test_an_officer_may_keep_a_flagged_row(client, unit_manager, commune_event):
    namesake = DelegateFactory(event=commune_event, full_name="Nông Văn Trùng Tên", birth_year=1975)
    upload = xlsx_upload([namesake])
    client.force_login(unit_manager)
    client.post(url("import", commune_event), {"file": upload})
    staged = RosterImport.objects.get()
    client.post(url("import_confirm", commune_event, staged.token), {})  # box unticked: keep it
    assert commune_event.delegates.filter(full_name="Nông Văn Trùng Tên").count() == 2


def test_the_exemplar_card_says_what_its_two_figures_are(client, unit_manager, commune_event):
    DelegateFactory.create_batch(2, event=commune_event)
    client.force_login(unit_manager)
    body = client.get(url("roster", commune_event)).content.decode()
    assert "Đại biểu điển hình tiên tiến / tổng số đại biểu" in body and "/ tối thiểu" not in body

"""Every roster view: allowed and forbidden."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from delegates.exporter import render_roster
from delegates.models import Delegate, DelegationApproval, DelegationQuota, RosterImport
from delegates.services import delegation_approve, quota_set_many, roster_finalise
from tests.factories import DelegateFactory, EventFactory

pytestmark = pytest.mark.django_db

FORM = {
    "category": "exemplar_individual",
    "full_name": "Nguyễn Văn An",
    "collective_name": "",
    "gender": "male",
    "birth_year": "1985",
    "ethnic_group": "Tày",
    "religion": "Không",
    "position": "Trưởng thôn",
    "workplace": "",
    "field": "Nông nghiệp",
    "is_direct_worker": "on",
    "exemplar": "",
}


def url(name, event, *args):
    return reverse(f"delegates:{name}", args=[event.pk, *args])


def xlsx_upload(delegates, name="ds.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, render_roster(title="x", delegates=delegates))


# --- the roster page -------------------------------------------------------------------


def test_it_shows_the_roster_with_figures(client, unit_manager, commune_event):
    DelegateFactory.create_batch(6, event=commune_event)
    DelegateFactory.create_batch(
        4, event=commune_event, category="guest", gender="female", ethnic_group="Kinh"
    )
    client.force_login(unit_manager)
    response = client.get(url("roster", commune_event))
    assert response.status_code == 200
    body = response.content.decode()
    assert "10 / 200" in body
    assert "thêm 4 đại biểu điển hình tiên tiến hoặc bớt 2" in body
    figures = response.context["figures"]
    assert (figures.women.count, figures.minorities.count, figures.youth.count) == (4, 6, 0)


def test_it_searches_without_diacritics_and_filters_by_category(client, unit_manager, commune_event):
    DelegateFactory.create_batch(1, event=commune_event, full_name="Nguyễn Văn Đức")
    DelegateFactory.create_batch(1, event=commune_event, full_name="Hà Thị Lan", category="guest")
    client.force_login(unit_manager)
    names = lambda r: [d.full_name for d in r.context["page"]]  # noqa: E731
    assert names(client.get(url("roster", commune_event), {"q": "nguyen van duc"})) == ["Nguyễn Văn Đức"]
    assert names(client.get(url("roster", commune_event), {"q": "NGUYEN van"})) == ["Nguyễn Văn Đức"]
    assert names(client.get(url("roster", commune_event), {"category": "guest"})) == ["Hà Thị Lan"]


def test_it_sorts_the_vietnamese_way(client, unit_manager, commune_event):
    for name in ("Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Ánh"):
        DelegateFactory.create_batch(1, event=commune_event, full_name=name)
    client.force_login(unit_manager)
    page = client.get(url("roster", commune_event)).context["page"]
    assert [d.full_name for d in page] == ["Trần Thị An", "Lê Văn Ánh", "Nguyễn Văn Bình"]


def test_it_keeps_the_same_query_count_for_10_and_300(client, admin, department_event, units, campaign):
    client.force_login(admin)
    DelegateFactory.create_batch(10, event=department_event)
    client.get(url("roster", department_event))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url("roster", department_event)).status_code == 200
    DelegateFactory.create_batch(290, event=department_event, category="guest")
    with CaptureQueriesContext(connection) as large:
        assert client.get(url("roster", department_event)).status_code == 200
    assert len(small) == len(large), [q["sql"] for q in large]


def test_it_hides_a_roster_outside_the_scope(client, other_unit_manager, commune_event):
    client.force_login(other_unit_manager)
    assert client.get(url("roster", commune_event)).status_code == 404


def test_it_sends_anonymous_users_to_login(client, commune_event):
    response = client.get(url("roster", commune_event))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_lets_leadership_read_but_not_write(client, leadership, commune_event):
    client.force_login(leadership)
    response = client.get(url("roster", commune_event))
    assert response.status_code == 200 and not response.context["can_edit"]
    assert client.post(url("add", commune_event), FORM).status_code == 403
    assert not commune_event.delegates.exists()


# --- add, edit, delete ---------------------------------------------------------------------


def test_it_adds_a_delegate(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    assert client.get(url("add", commune_event)).status_code == 200
    response = client.post(url("add", commune_event), FORM)
    assert response.status_code == 302
    assert commune_event.delegates.get().full_name == "Nguyễn Văn An"


def test_it_lets_the_district_add_to_its_communes(client, district_officer, commune_event):
    client.force_login(district_officer)
    assert client.post(url("add", commune_event), FORM).status_code == 302


def test_it_refuses_to_add_over_the_cap_with_a_message(client, unit_manager, commune_event):
    DelegateFactory.create_batch(200, event=commune_event)
    client.force_login(unit_manager)
    response = client.post(url("add", commune_event), FORM)
    assert response.status_code == 200
    assert "đã đủ 200 đại biểu" in response.content.decode()
    assert commune_event.delegates.count() == 200


def test_it_asks_for_the_collective_name(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    response = client.post(url("add", commune_event), dict(FORM, category="exemplar_collective"))
    assert response.status_code == 200 and "phải ghi tên tập thể" in response.content.decode()


def test_it_refuses_adds_outside_the_scope(client, other_unit_manager, commune_event):
    client.force_login(other_unit_manager)
    assert client.get(url("add", commune_event)).status_code == 404
    assert client.post(url("add", commune_event), FORM).status_code == 404


def test_it_edits_a_delegate(client, unit_manager, commune_event):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(unit_manager)
    assert client.get(url("edit", commune_event, delegate.pk)).status_code == 200
    assert (
        client.post(url("edit", commune_event, delegate.pk), dict(FORM, full_name="Hà  Văn Bình")).status_code
        == 302
    )
    delegate.refresh_from_db()
    assert delegate.full_name == "Hà Văn Bình" and delegate.search_text.startswith("ha van binh")


def test_it_refuses_edits_outside_the_scope_or_by_leadership(
    client, other_unit_manager, leadership, commune_event
):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(other_unit_manager)
    assert client.post(url("edit", commune_event, delegate.pk), FORM).status_code == 404
    client.force_login(leadership)
    assert client.post(url("edit", commune_event, delegate.pk), FORM).status_code == 403


def test_it_deletes_a_delegate(client, unit_manager, commune_event):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(unit_manager)
    assert client.get(url("delete", commune_event, delegate.pk)).status_code == 405
    assert client.post(url("delete", commune_event, delegate.pk)).status_code == 302
    assert not commune_event.delegates.exists()


def test_it_refuses_deletes_by_others(client, other_unit_manager, leadership, commune_event, district_event):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(other_unit_manager)
    assert client.post(url("delete", commune_event, delegate.pk)).status_code == 404
    client.force_login(leadership)
    assert client.post(url("delete", commune_event, delegate.pk)).status_code == 403
    assert commune_event.delegates.exists()


# --- finalise, reopen, cap -------------------------------------------------------------------


def test_it_finalises_and_reopens(client, unit_manager, commune_event):
    DelegateFactory.create_batch(7, event=commune_event)
    DelegateFactory.create_batch(3, event=commune_event, category="leader")
    client.force_login(unit_manager)
    client.post(url("finalise", commune_event))
    commune_event.refresh_from_db()
    assert commune_event.roster_finalised_at is not None
    response = client.post(url("add", commune_event), FORM)
    assert "đã được chốt" in response.content.decode()
    client.post(url("reopen", commune_event))
    commune_event.refresh_from_db()
    assert commune_event.roster_finalised_at is None


def test_it_refuses_to_finalise_below_the_share(client, unit_manager, commune_event):
    DelegateFactory.create_batch(6, event=commune_event)
    DelegateFactory.create_batch(4, event=commune_event, category="guest")
    client.force_login(unit_manager)
    response = client.post(url("finalise", commune_event), follow=True)
    assert "cần thêm 4 đại biểu điển hình tiên tiến hoặc bớt 2" in response.content.decode()
    commune_event.refresh_from_db()
    assert commune_event.roster_finalised_at is None


def test_it_refuses_finalise_and_reopen_by_others(client, leadership, other_unit_manager, commune_event):
    client.force_login(leadership)
    assert client.post(url("finalise", commune_event)).status_code == 403
    assert client.post(url("reopen", commune_event)).status_code == 403
    client.force_login(other_unit_manager)
    assert client.post(url("finalise", commune_event)).status_code == 404
    assert client.post(url("reopen", commune_event)).status_code == 404


def test_it_lets_a_department_lower_its_cap(client, department_officer, department_event):
    client.force_login(department_officer)
    client.post(url("set_cap", department_event), {"cap": "150"})
    department_event.refresh_from_db()
    assert department_event.delegate_cap == 150
    response = client.post(url("set_cap", department_event), {"cap": "301"}, follow=True)
    assert "không được vượt quá 300" in response.content.decode()


def test_it_refuses_cap_changes_by_others(client, leadership, unit_manager, department_event):
    client.force_login(leadership)
    assert client.post(url("set_cap", department_event), {"cap": "10"}).status_code == 403
    client.force_login(unit_manager)
    assert client.post(url("set_cap", department_event), {"cap": "10"}).status_code == 404


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


# --- delegations --------------------------------------------------------------------------------


@pytest.fixture
def approved(campaign, units, commune_event, district_event, district_officer):
    exemplars = DelegateFactory.create_batch(4, event=commune_event)
    roster_finalise(event=commune_event)
    quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars[:3]], by=district_officer)
    return exemplars[:3]


def test_it_sets_quotas_for_lower_units(client, district_officer, units, campaign, district_event):
    client.force_login(district_officer)
    page = client.get(reverse("delegates:quotas", args=[units["babe"].pk]))
    assert page.status_code == 200 and "Thị trấn Chợ Rã" in page.content.decode()
    response = client.post(
        reverse("delegates:quotas", args=[units["babe"].pk]), {f"seats_{units['chora'].pk}": "6"}
    )
    assert response.status_code == 302
    assert DelegationQuota.objects.get(unit=units["chora"]).seats == 6


def test_it_lets_home_affairs_allocate_the_province_congress(client, admin, units, province_event):
    client.force_login(admin)
    response = client.post(
        reverse("delegates:quotas", args=[units["province"].pk]),
        {f"seats_{units['babe'].pk}": "501"},
        follow=True,
    )
    assert "vượt số đại biểu tối đa của Đại hội cấp trên (500)" in response.content.decode()
    assert not DelegationQuota.objects.exists()


def test_it_refuses_quotas_to_others(client, unit_manager, leadership, other_unit_manager, units):
    client.force_login(unit_manager)  # a commune cannot allocate its district's seats
    assert client.get(reverse("delegates:quotas", args=[units["babe"].pk])).status_code == 404
    client.force_login(other_unit_manager)
    assert client.post(reverse("delegates:quotas", args=[units["babe"].pk]), {}).status_code == 404
    client.force_login(leadership)
    assert client.get(reverse("delegates:quotas", args=[units["province"].pk])).status_code == 200
    assert client.post(reverse("delegates:quotas", args=[units["province"].pk]), {}).status_code == 403


def test_it_approves_a_delegation_within_the_quota(
    client, unit_manager, campaign, units, commune_event, district_event, district_officer
):
    chosen = DelegateFactory.create_batch(3, event=commune_event)
    roster_finalise(event=commune_event)
    quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 2}, by=district_officer
    )
    client.force_login(unit_manager)
    assert client.get(url("delegation", commune_event)).status_code == 200
    response = client.post(url("delegation", commune_event), {"delegate": [d.pk for d in chosen]})
    assert "vượt số được phân bổ (2): cần bớt 1" in response.content.decode()
    assert (
        client.post(url("delegation", commune_event), {"delegate": [d.pk for d in chosen[:2]]}).status_code
        == 302
    )
    assert DelegationApproval.objects.get(event=commune_event).size == 2
    assert client.post(url("delegation_withdraw", commune_event)).status_code == 302
    assert not DelegationApproval.objects.exists()


def test_it_refuses_delegations_by_others(client, leadership, other_unit_manager, commune_event):
    client.force_login(leadership)
    assert client.get(url("delegation", commune_event)).status_code == 200
    assert client.post(url("delegation", commune_event), {"delegate": []}).status_code == 403
    assert client.post(url("delegation_withdraw", commune_event)).status_code == 403
    client.force_login(other_unit_manager)
    assert client.get(url("delegation", commune_event)).status_code == 404
    assert client.post(url("delegation_withdraw", commune_event)).status_code == 404


def test_it_shows_candidates_and_adds_them_to_the_upper_roster(
    client, district_officer, district_event, approved
):
    client.force_login(district_officer)
    page = client.get(url("roster", district_event))
    assert {c.pk for c in page.context["candidates"]} == {d.pk for d in approved}
    response = client.post(
        url("candidates_add", district_event), {"source": [approved[0].pk, approved[1].pk]}
    )
    assert response.status_code == 302
    assert set(district_event.delegates.values_list("source_delegate_id", flat=True)) == {
        approved[0].pk,
        approved[1].pk,
    }
    assert len(client.get(url("roster", district_event)).context["candidates"]) == 1


def test_it_refuses_candidates_to_others(client, unit_manager, leadership, district_event, approved):
    client.force_login(unit_manager)  # the commune cannot write its district's roster
    assert client.post(url("candidates_add", district_event), {"source": [approved[0].pk]}).status_code == 404
    client.force_login(leadership)
    assert client.post(url("candidates_add", district_event), {"source": [approved[0].pk]}).status_code == 403
    assert not district_event.delegates.exists()


def test_the_unit_page_links_to_the_roster(client, unit_manager, commune_event, units):
    client.force_login(unit_manager)
    body = client.get(reverse("units:detail", args=[units["chora"].pk])).content.decode()
    assert url("roster", commune_event) in body


def test_the_home_pages_link_to_rosters_and_allocations(
    client, unit_manager, admin, commune_event, province_event, units
):
    client.force_login(unit_manager)
    assert url("roster", commune_event) in client.get(reverse("home")).content.decode()
    client.force_login(admin)
    body = client.get(reverse("home")).content.decode()
    assert url("roster", province_event) in body
    assert reverse("delegates:quotas", args=[units["province"].pk]) in body


ALL_EVENT_URLS = [
    ("roster", ()), ("add", ()), ("finalise", ()), ("reopen", ()), ("set_cap", ()), ("template", ()),
    ("export", ()), ("import", ()), ("candidates_add", ()), ("delegation", ()), ("delegation_withdraw", ()),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args"), ALL_EVENT_URLS)
def test_it_sends_anonymous_users_to_login_everywhere(client, commune_event, name, args):
    for method in (client.get, client.post):
        response = method(url(name, commune_event, *args))
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("name", "args"), [u for u in ALL_EVENT_URLS if u[0] not in ("template", "export", "roster")]
)
def test_it_answers_403_to_every_write_by_leadership(client, leadership, commune_event, name, args):
    client.force_login(leadership)
    assert (
        client.post(url(name, commune_event, *args), {"cap": "5", "delegate": [], "source": []}).status_code
        == 403
    )


@pytest.mark.parametrize(("name", "args"), ALL_EVENT_URLS)
def test_it_answers_404_outside_the_scope_everywhere(client, other_unit_manager, commune_event, name, args):
    client.force_login(other_unit_manager)
    assert client.post(url(name, commune_event, *args)).status_code in (404, 405)
    assert client.get(url(name, commune_event, *args)).status_code in (404, 405)


def test_an_exported_roster_imports_back_unchanged(
    client, unit_manager, district_officer, commune_event, units, campaign
):
    from datetime import date

    from delegates.services import DELEGATE_FIELDS, delegate_create

    for data in (
        dict(FORM, full_name="Nguyễn Văn An", position="=1+1", workplace="@Thôn", is_direct_worker=True),
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


def test_it_prefills_the_form_from_an_exemplar_record(client, unit_manager, commune_event, units):
    from honors.models import Exemplar

    own = Exemplar.objects.create(
        unit=units["chora"], kind="collective", name="Thôn Nà Làng", representative="Hoàng Văn Tú",
        gender="male", birth_year=1979, ethnic_group="Tày", field="Nông nghiệp", achievements="…",
    )  # fmt: skip
    foreign = Exemplar.objects.create(
        unit=units["nari"], kind="individual", name="Người ngoài", field="Y tế", achievements="…"
    )
    client.force_login(unit_manager)
    form = client.get(url("add", commune_event), {"exemplar": own.pk}).context["form"]
    assert form.initial["full_name"] == "Hoàng Văn Tú" and form.initial["collective_name"] == "Thôn Nà Làng"
    assert form.initial["category"] == "exemplar_collective" and form.initial["exemplar"] == own.pk
    assert client.get(url("add", commune_event), {"exemplar": foreign.pk}).context["form"].initial == {}


def test_the_event_page_links_to_its_roster(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    body = client.get(reverse("congresses:event_detail", args=[commune_event.pk])).content.decode()
    assert url("roster", commune_event) in body

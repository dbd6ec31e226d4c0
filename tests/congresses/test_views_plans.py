import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congresses.models import UnitPlan
from congresses.services import plan_review, plan_submit
from tests.congresses import plan_files
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def chora_plan(campaign, units, unit_manager):
    return plan_submit(
        campaign=campaign, unit=units["chora"], kind="plan", upload=plan_files.pdf("Kế hoạch Chợ Rã.pdf"),
        submitted_by=unit_manager,
    )  # fmt: skip


def _submit_url(unit, kind="plan"):
    return reverse("congresses:plan_submit", args=[unit.pk, kind])


# --- unit plan page -------------------------------------------------------------


def test_it_shows_the_upload_form_to_the_units_officer(client, units, campaign, unit_manager):
    client.force_login(unit_manager)
    response = client.get(reverse("congresses:unit_plans", args=[units["chora"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Chưa nộp" in body and 'enctype="multipart/form-data"' in body
    assert "Chương trình Hội nghị (Đại hội) điểm" not in body


def test_it_shows_a_pilot_unit_both_documents(client, units, campaign, department_officer):
    client.force_login(department_officer)
    body = client.get(reverse("congresses:unit_plans", args=[units["health"].pk])).content.decode()
    assert "Kế hoạch tổ chức" in body and "Chương trình Hội nghị (Đại hội) điểm" in body


def test_it_shows_leadership_the_plan_without_forms(client, units, campaign, leadership, chora_plan):
    client.force_login(leadership)
    body = client.get(reverse("congresses:unit_plans", args=[units["chora"].pk])).content.decode()
    assert "Kế hoạch Chợ Rã.pdf" in body
    assert "multipart/form-data" not in body and "Duyệt kế hoạch" not in body


def test_it_hides_another_districts_plans(client, units, campaign, other_unit_manager):
    client.force_login(other_unit_manager)
    assert client.get(reverse("congresses:unit_plans", args=[units["chora"].pk])).status_code == 404


def test_it_sends_anonymous_users_to_login(client, units, campaign):
    response = client.get(reverse("congresses:unit_plans", args=[units["chora"].pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- submitting -----------------------------------------------------------------


def test_it_lets_the_officer_upload_the_units_plan(client, units, campaign, unit_manager):
    client.force_login(unit_manager)
    response = client.post(_submit_url(units["chora"]), {"file": plan_files.docx()})
    assert response.status_code == 302
    plan = UnitPlan.objects.get(unit=units["chora"])
    assert plan.file_type == "docx" and plan.submitted_by == unit_manager


def test_it_lets_a_district_officer_upload_for_its_commune(client, units, campaign, district_officer):
    client.force_login(district_officer)
    assert client.post(_submit_url(units["chora"]), {"file": plan_files.pdf()}).status_code == 302
    assert UnitPlan.objects.filter(unit=units["chora"]).exists()


def test_it_lets_the_department_officer_send_its_pilot_programme(client, units, campaign, department_officer):
    client.force_login(department_officer)
    response = client.post(_submit_url(units["health"], "pilot_programme"), {"file": plan_files.pdf()})
    assert response.status_code == 302
    assert UnitPlan.objects.get(unit=units["health"]).kind == "pilot_programme"


def test_it_forbids_leadership_to_upload(client, units, campaign, leadership):
    client.force_login(leadership)
    assert client.post(_submit_url(units["chora"]), {"file": plan_files.pdf()}).status_code == 403
    assert not UnitPlan.objects.exists()


def test_it_hides_other_units_from_an_upload(client, units, campaign, other_unit_manager):
    client.force_login(other_unit_manager)
    assert client.post(_submit_url(units["chora"]), {"file": plan_files.pdf()}).status_code == 404


def test_it_refuses_get_on_submit(client, units, campaign, unit_manager):
    client.force_login(unit_manager)
    assert client.get(_submit_url(units["chora"])).status_code == 405


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (plan_files.renamed_exe, "Nội dung tệp không phải PDF hoặc Word"),
        (plan_files.broken_docx, "Tệp “ke-hoach.docx” bị hỏng hoặc không trọn vẹn"),
        (plan_files.oversized_pdf, "dung lượng tối đa là 10 MB"),
    ],
)
def test_it_refuses_a_bad_file_with_a_vietnamese_message(
    client, units, campaign, unit_manager, upload, message
):
    client.force_login(unit_manager)
    response = client.post(_submit_url(units["chora"]), {"file": upload()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not UnitPlan.objects.exists()


# --- review ---------------------------------------------------------------------


def test_it_lets_staff_approve(client, admin, chora_plan):
    client.force_login(admin)
    url = reverse("congresses:plan_review", args=[chora_plan.pk])
    assert client.post(url, {"action": "approve", "comment": ""}).status_code == 302
    chora_plan.refresh_from_db()
    assert chora_plan.status == "approved" and chora_plan.reviewed_by == admin


def test_it_requires_a_comment_to_return(client, admin, chora_plan):
    client.force_login(admin)
    url = reverse("congresses:plan_review", args=[chora_plan.pk])
    response = client.post(url, {"action": "return", "comment": ""}, follow=True)
    assert "ghi rõ ý kiến" in response.content.decode()
    chora_plan.refresh_from_db()
    assert chora_plan.status == "submitted"
    client.post(url, {"action": "return", "comment": "Bổ sung cơ cấu đại biểu."})
    chora_plan.refresh_from_db()
    assert chora_plan.status == "returned" and chora_plan.review_comment == "Bổ sung cơ cấu đại biểu."


def test_it_forbids_leadership_to_review(client, leadership, chora_plan):
    client.force_login(leadership)
    response = client.post(reverse("congresses:plan_review", args=[chora_plan.pk]), {"action": "approve"})
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["unit_manager", "district_officer"])
def test_it_hides_the_review_from_officers(client, request, chora_plan, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("congresses:plan_review", args=[chora_plan.pk]), {"action": "approve"})
    assert response.status_code == 404


# --- download -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["unit_manager", "district_officer", "admin", "leadership"])
def test_it_downloads_the_file_for_users_in_scope(client, request, chora_plan, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("congresses:plan_download", args=[chora_plan.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("role", ["other_unit_manager", "department_officer"])
def test_it_hides_the_file_from_users_outside_scope(client, request, chora_plan, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("congresses:plan_download", args=[chora_plan.pk])).status_code == 404


def test_the_file_has_no_public_media_url(chora_plan, settings):
    with pytest.raises(ValueError):
        chora_plan.file.url  # noqa: B018 - the storage has no base URL
    assert not chora_plan.file.path.startswith(str(settings.MEDIA_ROOT) + "/")


def test_it_downloads_an_earlier_version_in_scope_only(
    client, campaign, units, unit_manager, other_unit_manager, admin, chora_plan
):
    plan_review(plan=chora_plan, action="return", comment="Sửa", reviewed_by=admin)
    plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.docx(),
        submitted_by=unit_manager,
    )
    version = chora_plan.versions.get()
    url = reverse("congresses:plan_version_download", args=[version.pk])
    client.force_login(unit_manager)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(other_unit_manager)
    assert client.get(url).status_code == 404


# --- staff list -----------------------------------------------------------------


def test_it_lists_every_unit_with_its_plan_status_for_staff(client, admin, campaign, chora_plan):
    client.force_login(admin)
    response = client.get(reverse("congresses:plan_list"))
    assert response.status_code == 200
    body = response.content.decode()
    total = Unit.objects.exclude(kind="province").count()
    assert f"Tất cả ({total})" in body
    assert "Chờ xem xét (1)" in body and f"Chưa nộp ({total - 1})" in body
    assert "Thị trấn Chợ Rã" in body


def test_it_filters_by_status_and_tier(client, admin, campaign, chora_plan):
    client.force_login(admin)
    commune_tier = campaign.tiers.get(code="commune")
    response = client.get(reverse("congresses:plan_list"), {"status": "submitted", "tier": commune_tier.pk})
    rows = response.context["rows"]
    assert [row.unit.name for row in rows] == ["Thị trấn Chợ Rã"]
    response = client.get(reverse("congresses:plan_list"), {"status": "missing", "tier": commune_tier.pk})
    assert all(
        row.unit.kind in ("commune", "ward", "town") and row.plan is None for row in response.context["rows"]
    )


def test_it_lists_pilot_programmes_for_pilot_units_only(client, admin, campaign):
    client.force_login(admin)
    response = client.get(reverse("congresses:plan_list"), {"kind": "pilot_programme"})
    assert {row.unit.name for row in response.context["rows"]} == {"Thành phố Bắc Kạn", "Sở Y tế"}


def test_it_shows_leadership_the_list(client, leadership, campaign):
    client.force_login(leadership)
    assert client.get(reverse("congresses:plan_list")).status_code == 200


def test_it_lists_a_district_officer_its_own_and_its_communes_plans(
    client, district_officer, units, chora_plan
):
    client.force_login(district_officer)
    response = client.get(reverse("congresses:plan_list"))
    assert response.status_code == 200
    shown = {row.unit for row in response.context["rows"]}
    assert shown == set(Unit.objects.filter(Q(pk=units["babe"].pk) | Q(parent=units["babe"])))
    assert "Chờ xem xét (1)" in response.content.decode()


@pytest.mark.parametrize("role", ["unit_manager", "department_officer"])
def test_it_lists_an_officer_without_children_only_its_own_unit(client, request, campaign, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert [row.unit for row in client.get(reverse("congresses:plan_list")).context["rows"]] == [user.unit]


def test_it_shows_another_district_none_of_ba_bes_plans(client, other_unit_manager, units, chora_plan):
    client.force_login(other_unit_manager)
    body = client.get(reverse("congresses:plan_list")).content.decode()
    assert "Thị trấn Chợ Rã" not in body and "Huyện Na Rì" in body


def test_it_sends_anonymous_users_from_the_plan_list_to_login(client, campaign):
    response = client.get(reverse("congresses:plan_list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_plan_list_query_count_does_not_grow_with_units_and_plans(
    client, admin, campaign, units, unit_manager
):
    client.force_login(admin)
    url = reverse("congresses:plan_list")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    babe = units["babe"]
    for i in range(30):
        unit = Unit.objects.create(name=f"Xã Thử {i}", kind="commune", parent=babe)
        plan = plan_submit(
            campaign=campaign, unit=unit, kind="plan", upload=plan_files.pdf(), submitted_by=unit_manager
        )
        if i % 2:
            plan_review(plan=plan, action="return", comment="Sửa", reviewed_by=admin)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["listing"].count == Unit.objects.exclude(kind="province").count()
    assert len(response.context["rows"]) == 50  # one page; the rest is on the next pages
    assert len(many) == len(few)


def test_the_province_itself_owes_no_plan(client, admin, campaign, units):
    client.force_login(admin)
    rows = client.get(reverse("congresses:plan_list")).context["rows"]
    assert units["province"] not in [row.unit for row in rows]
    body = client.get(reverse("units:detail", args=[units["province"].pk])).content.decode()
    assert reverse("congresses:unit_plans", args=[units["province"].pk]) not in body


def test_the_unit_card_lists_the_plan_before_the_pilot_programme(client, campaign, units, department_officer):
    for kind in ("pilot_programme", "plan"):
        plan_submit(
            campaign=campaign,
            unit=units["health"],
            kind=kind,
            upload=plan_files.pdf(),
            submitted_by=department_officer,
        )
    client.force_login(department_officer)
    body = client.get(reverse("units:detail", args=[units["health"].pk])).content.decode()
    assert body.index("Kế hoạch tổ chức:") < body.index("Chương trình Hội nghị (Đại hội) điểm:")


def test_a_district_officers_home_links_its_communes_plans(client, district_officer, unit_manager, campaign):
    client.force_login(district_officer)
    link = f'href="{reverse("congresses:plan_list")}"'
    assert link in client.get(reverse("home")).content.decode()
    client.force_login(unit_manager)
    assert link not in client.get(reverse("home")).content.decode()

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from congresses.models import UnitPlan
from congresses.services import PlanError, PlanFileRefused, plan_review, plan_submit
from tests.congresses import plan_files

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_it_stores_a_pdf_outside_media_with_its_metadata(campaign, units, unit_manager, settings):
    plan = plan_submit(
        campaign=campaign, unit=units["chora"], kind="plan", upload=plan_files.pdf("Kế hoạch Chợ Rã.pdf"),
        submitted_by=unit_manager,
    )  # fmt: skip
    assert plan.status == UnitPlan.Status.SUBMITTED
    assert plan.original_name == "Kế hoạch Chợ Rã.pdf"
    assert plan.file_type == "pdf" and plan.size > 100 and plan.version == 1
    assert not plan.file.path.startswith(str(settings.MEDIA_ROOT) + "/")
    with plan.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


@pytest.mark.parametrize(("upload", "file_type"), [(plan_files.docx, "docx"), (plan_files.doc, "doc")])
def test_it_accepts_word_files_checked_from_content(campaign, units, unit_manager, upload, file_type):
    plan = plan_submit(
        campaign=campaign, unit=units["chora"], kind="plan", upload=upload(), submitted_by=unit_manager
    )
    assert plan.file_type == file_type
    assert plan.file.name.endswith("." + file_type)


def test_a_pdf_named_docx_is_stored_as_a_pdf(campaign, units, unit_manager):
    plan = plan_submit(
        campaign=campaign, unit=units["chora"], kind="plan", upload=plan_files.pdf("ke-hoach.docx"),
        submitted_by=unit_manager,
    )  # fmt: skip
    assert plan.file_type == "pdf" and plan.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (plan_files.renamed_exe, "không phải PDF hoặc Word"),
        (plan_files.broken_docx, "bị hỏng"),
        (plan_files.oversized_pdf, "tối đa là 10 MB"),
    ],
)
def test_it_refuses_bad_files_and_saves_nothing(campaign, units, unit_manager, upload, message):
    with pytest.raises(PlanFileRefused, match=message):
        plan_submit(
            campaign=campaign, unit=units["chora"], kind="plan", upload=upload(), submitted_by=unit_manager
        )
    assert not UnitPlan.objects.exists()


def test_returned_then_resubmitted_keeps_the_previous_version(campaign, units, unit_manager, admin):
    first = plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf("v1.pdf"),
        submitted_by=unit_manager,
    )
    first_file = first.file.name
    plan_review(plan=first, action="return", comment="Bổ sung danh sách khách mời.", reviewed_by=admin)
    second = plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.docx("v2.docx"),
        submitted_by=unit_manager,
    )
    assert second.pk == first.pk
    assert second.version == 2 and second.status == UnitPlan.Status.SUBMITTED
    assert second.review_comment == "" and second.reviewed_by is None
    assert second.first_submitted_at == first.first_submitted_at
    old = second.versions.get()
    assert old.version == 1 and old.original_name == "v1.pdf" and old.file.name == first_file
    assert old.status == "returned" and old.review_comment == "Bổ sung danh sách khách mời."
    with old.file.open("rb") as handle:
        assert handle.read(4) == b"%PDF"
    assert second.file.name != first_file


def test_a_return_without_a_comment_is_refused(campaign, units, unit_manager, admin):
    plan = plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=unit_manager,
    )
    with pytest.raises(PlanError, match="ghi rõ ý kiến"):
        plan_review(plan=plan, action="return", comment="", reviewed_by=admin)
    plan.refresh_from_db()
    assert plan.status == UnitPlan.Status.SUBMITTED


def test_an_approved_plan_cannot_be_replaced(campaign, units, unit_manager, admin):
    plan = plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=unit_manager,
    )
    plan_review(plan=plan, action="approve", comment="", reviewed_by=admin)
    with pytest.raises(PlanError, match="đã được duyệt"):
        plan_submit(
            campaign=campaign,
            unit=units["chora"],
            kind="plan",
            upload=plan_files.pdf(),
            submitted_by=unit_manager,
        )


def test_a_late_plan_stays_late_after_resubmission_and_an_early_one_stays_on_time(
    campaign, units, unit_manager, admin
):
    from congresses.selectors import plan_status_rows

    deadline = campaign.plan_deadline
    late_at = datetime(deadline.year, deadline.month, deadline.day, 0, 10, tzinfo=HANOI) + timedelta(days=1)
    on_time_at = datetime(deadline.year, deadline.month, deadline.day, 23, 50, tzinfo=HANOI)
    plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=unit_manager,
        now=late_at,
    )
    early = plan_submit(
        campaign=campaign,
        unit=units["songcau"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=None,
        now=on_time_at,
    )
    plan_review(plan=early, action="return", comment="Sửa lại", reviewed_by=admin)
    plan_submit(
        campaign=campaign, unit=units["songcau"], kind="plan", upload=plan_files.pdf(), submitted_by=None,
        now=on_time_at + timedelta(days=10),
    )  # fmt: skip
    rows, _ = plan_status_rows(
        user=admin, campaign=campaign, today=deadline + timedelta(days=30), status="late"
    )
    late_units = {row.unit.name for row in rows}
    assert "Thị trấn Chợ Rã" in late_units
    assert "Phường Sông Cầu" not in late_units


def test_only_pilot_units_send_a_programme(campaign, units, department_officer, unit_manager):
    plan = plan_submit(
        campaign=campaign, unit=units["health"], kind="pilot_programme", upload=plan_files.pdf(),
        submitted_by=department_officer,
    )  # fmt: skip
    assert plan.kind == "pilot_programme"
    with pytest.raises(PlanError, match="chỉ đạo điểm"):
        plan_submit(
            campaign=campaign, unit=units["chora"], kind="pilot_programme", upload=plan_files.pdf(),
            submitted_by=unit_manager,
        )  # fmt: skip


def test_a_zip_bomb_dressed_as_docx_is_refused_without_unpacking(campaign, units, unit_manager):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\0" * (250 * 1024 * 1024))
    upload = SimpleUploadedFile("ke-hoach.docx", buffer.getvalue())
    assert upload.size < 1024 * 1024
    with pytest.raises(PlanFileRefused, match="bị hỏng"):
        plan_submit(
            campaign=campaign, unit=units["chora"], kind="plan", upload=upload, submitted_by=unit_manager
        )

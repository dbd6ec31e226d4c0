"""End-to-end journeys in a real browser, with a screenshot of each step (journey-*.png)."""

import os

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congresses.models import Event, UnitPlan
from congresses.services import plan_submit
from delegates.exporter import HEADER_ROW
from honors.models import AwardType, Nomination
from honors.services import award_types_load_from_file, nomination_create
from reports.models import GeneratedReport
from tests.congresses import plan_files
from tests.factories import EventFactory, ExemplarFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-" + username)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()


def _shot(page, screenshot_dir, name):
    page.screenshot(path=os.path.join(screenshot_dir, f"journey-{name}.png"), full_page=True)


def _fill_template(source, target):
    book = load_workbook(source)
    sheet = book["Danh sách đại biểu"]
    headers = {sheet.cell(row=HEADER_ROW, column=c).value: c for c in range(1, sheet.max_column + 1)}

    def col(prefix):
        return next(c for h, c in headers.items() if h and str(h).startswith(prefix))

    rows = [("Cá nhân điển hình tiên tiến", f"Nông Văn Điển {i}") for i in range(1, 9)]
    rows += [("Khách mời", f"Hoàng Thị Khách {i}") for i in range(1, 3)]
    for offset, (category, name) in enumerate(rows, start=1):
        row = HEADER_ROW + offset
        sheet.cell(row=row, column=col("STT"), value=offset)
        sheet.cell(row=row, column=col("Họ và tên"), value=name)
        sheet.cell(row=row, column=col("Thành phần"), value=category)
        sheet.cell(row=row, column=col("Giới tính"), value="Nữ" if offset % 2 else "Nam")
        sheet.cell(row=row, column=col("Năm sinh"), value=1980 + offset)
        sheet.cell(row=row, column=col("Dân tộc"), value="Tày")
    book.save(target)


def test_a_commune_officer_registers_fills_and_prints(
    browser_page, live_server, unit_manager, campaign, units, screenshot_dir, tmp_path
):
    page = browser_page
    _login(page, live_server, "chora")
    _shot(page, screenshot_dir, "officer-01-home")
    page.goto(live_server.url + reverse("congresses:event_register", args=[units["chora"].pk]))
    page.fill("input[name=ordinal]", "II")
    page.fill("input[name=venue]", "Chợ Rã")
    page.fill("input[name=date]", "2025-02-20")
    page.check("input[name=session][value=morning]")
    _shot(page, screenshot_dir, "officer-02-register")
    page.click("main [type=submit]:has-text('Lưu')")
    page.wait_for_selector(".event-title-block")
    assert "Đã đăng ký" in page.content()
    lines = [line.strip() for line in page.inner_text(".event-title-block").splitlines() if line.strip()]
    assert lines[0] == "Hội nghị tuyên dương điển hình tiên tiến thị trấn Chợ Rã"
    assert lines[-1] == "Chợ Rã, ngày 20 tháng 02 năm 2025"
    _shot(page, screenshot_dir, "officer-03-event")
    event = Event.objects.get(unit=units["chora"])

    page.goto(live_server.url + reverse("delegates:roster", args=[event.pk]))
    page.wait_for_selector("#roster-figures")
    with page.expect_download() as download_info:
        page.click("a:has-text('Tải tệp mẫu Excel')")
    template = tmp_path / "mau.xlsx"
    download_info.value.save_as(template)
    filled = tmp_path / "danh-sach.xlsx"
    _fill_template(template, filled)

    page.click("a:has-text('Nhập từ Excel')")
    page.set_input_files("input[name=file]", str(filled))
    _shot(page, screenshot_dir, "officer-04-import")
    page.click("main [type=submit]")
    page.wait_for_selector("button:has-text('Xác nhận nhập')")
    assert "Nông Văn Điển 1" in page.content()
    _shot(page, screenshot_dir, "officer-05-preview")
    page.click("button:has-text('Xác nhận nhập')")
    page.wait_for_selector("#roster-figures")
    assert page.locator("[data-figure=headcount]").inner_text().startswith("10 / ")
    share = page.locator("[data-figure=share]")
    assert share.inner_text().startswith("8 / 10")
    assert "text-success" in share.get_attribute("class")
    _shot(page, screenshot_dir, "officer-06-roster")
    page.click("button:has-text('Chốt danh sách')")
    page.wait_for_selector(".alert-success")
    assert "Đã chốt danh sách" in page.content()
    _shot(page, screenshot_dir, "officer-07-finalised")

    page.goto(live_server.url + reverse("reports:event_documents", args=[event.pk]))
    page.click("text=In giấy mời toàn bộ đại biểu")
    page.wait_for_selector("text=Giấy mời: toàn bộ đại biểu (10 người)")
    assert set(GeneratedReport.objects.values_list("status", flat=True)) == {"done"}
    _shot(page, screenshot_dir, "officer-08-documents")
    with page.expect_download() as download_info:
        page.locator("a:has-text('Tải về')").first.click()
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_home_affairs_staff_approve_a_plan_and_review_a_nomination(
    browser_page, live_server, admin, unit_manager, district_officer, campaign, units, screenshot_dir
):
    plan = plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=unit_manager,
    )
    award_types_load_from_file()
    babe_event = EventFactory(unit=units["babe"], campaign=campaign, held=True)
    exemplar = ExemplarFactory(unit=units["babe"], name="Lường Văn Tiến")
    nomination = nomination_create(
        exemplar=exemplar, event=babe_event, target="own",
        proposed_award=AwardType.objects.get(name="Lao động tiên tiến"), by=district_officer,
    )  # fmt: skip
    page = browser_page
    _login(page, live_server, "staff")
    page.goto(live_server.url + reverse("congresses:plan_list"))
    assert "Thị trấn Chợ Rã" in page.content()
    _shot(page, screenshot_dir, "staff-01-plan-list")
    page.goto(live_server.url + reverse("congresses:unit_plans", args=[units["chora"].pk]))
    _shot(page, screenshot_dir, "staff-02-unit-plans")
    page.click("button:has-text('Duyệt kế hoạch')")
    page.wait_for_selector(".alert-success:has-text('Đã ghi kết quả xem xét: đã duyệt')")
    assert "Đã duyệt" in page.inner_text("main")
    _shot(page, screenshot_dir, "staff-03-plan-approved")
    plan.refresh_from_db()
    assert plan.status == UnitPlan.Status.APPROVED

    page.goto(live_server.url + reverse("honors:nomination_list"))
    assert "Lường Văn Tiến" in page.content()
    _shot(page, screenshot_dir, "staff-04-nominations")
    page.click("a:has-text('Xét')")
    page.check("input[name=status][value=accepted]")
    # The decision's authority is preselected: the district chair grants Lao động tiên tiến to a district.
    assert page.input_value("select[name=decision_authority]") == "district_chair"
    page.fill("input[name=decision_issuer]", "Chủ tịch Ủy ban nhân dân huyện Ba Bể")
    page.fill("input[name=decision_place]", "Ba Bể")
    page.fill("input[name=decision_number]", "123/QĐ-UBND")
    page.fill("input[name=decision_date]", "2025-05-10")
    page.fill("input[name=signer]", "Nguyễn Văn Ký")
    _shot(page, screenshot_dir, "staff-05-review")
    page.click("main [type=submit]")
    page.wait_for_selector("text=Đã ghi kết quả xét đề nghị")
    _shot(page, screenshot_dir, "staff-06-reviewed")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.ACCEPTED


def test_leadership_drills_down_from_the_dashboard(
    browser_page, live_server, leadership, campaign, units, screenshot_dir
):
    page = browser_page
    _login(page, live_server, "leader")
    page.goto(live_server.url + reverse("oversight:dashboard"))
    page.wait_for_selector("h1:has-text('Theo dõi tiến độ')")
    _shot(page, screenshot_dir, "leader-01-dashboard")
    page.click("text=Huyện Ba Bể")
    page.wait_for_selector("h2:has-text('Các đơn vị của Huyện Ba Bể')")
    _shot(page, screenshot_dir, "leader-02-district")
    page.click("main a:has-text('Thị trấn Chợ Rã')")
    page.wait_for_selector("h1:has-text('Thị trấn Chợ Rã')")
    _shot(page, screenshot_dir, "leader-03-unit")

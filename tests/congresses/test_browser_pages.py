"""Look at the event page (title block) and the staff plan list in a real browser."""

import os
from datetime import date

import pytest

from congresses.services import event_register, plan_review, plan_submit
from tests.congresses import plan_files

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-" + username)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()


def test_an_officer_sees_the_event_title_block(
    browser_page, live_server, campaign, units, unit_manager, screenshot_dir
):
    event = event_register(
        campaign=campaign, unit=units["chora"], by=unit_manager,
        data={"ordinal": "II", "venue": "Chợ Rã", "date": date(2025, 2, 5), "session": "morning"},
    )  # fmt: skip
    page = browser_page
    _login(page, live_server, "chora")
    page.goto(f"{live_server.url}/events/{event.pk}/")
    block = page.locator(".event-title-block")
    lines = [line.strip() for line in block.inner_text().splitlines() if line.strip()]
    assert lines == [
        "Hội nghị tuyên dương điển hình tiên tiến thị trấn Chợ Rã",
        "Lần thứ II",
        "Chợ Rã, ngày 05 tháng 02 năm 2025",
    ]
    page.screenshot(path=os.path.join(screenshot_dir, "events-01-event-detail.png"), full_page=True)
    page.click("text=Xác nhận đã tổ chức")
    page.wait_for_selector("text=Trạng thái mới: đã tổ chức.")


def test_staff_see_the_plan_status_list(
    browser_page, live_server, campaign, units, admin, unit_manager, screenshot_dir
):
    chora = plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=unit_manager,
    )
    plan_review(plan=chora, action="return", comment="Bổ sung cơ cấu đại biểu.", reviewed_by=admin)
    plan_submit(
        campaign=campaign, unit=units["songcau"], kind="plan", upload=plan_files.docx(), submitted_by=None
    )
    page = browser_page
    _login(page, live_server, "staff")
    page.goto(f"{live_server.url}/plans/?tier={campaign.tiers.get(code='commune').pk}")
    assert "Trả lại để sửa (1)" in page.inner_text(".nav-pills")
    assert "Bổ sung cơ cấu đại biểu." in page.content()
    page.screenshot(path=os.path.join(screenshot_dir, "events-02-plan-list.png"), full_page=False)

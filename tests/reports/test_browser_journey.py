import os

import pytest

from reports.models import GeneratedReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_district_officer_drafts_the_agenda_and_prints_documents(
    browser_page, live_server, district_officer, babe_event, babe_delegates, screenshot_dir
):
    page = browser_page
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", "babe")
    page.fill("input[name=password]", "pw-babe")
    page.click("main input[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(live_server.url + f"/events/{babe_event.pk}/agenda/")
    page.click("text=Tạo chương trình theo mẫu của kế hoạch")
    page.wait_for_selector("text=Đã tạo chương trình theo mẫu")
    # Rows 1 and 2 edited, then one save: both changes are kept.
    speakers = page.locator("input[aria-label='Người thực hiện']")
    speakers.nth(0).fill("Ban tổ chức")
    speakers.nth(1).fill("Ông Triệu Văn Dũng")
    page.click("button:has-text('Lưu chương trình')")
    page.wait_for_selector("text=Đã lưu chương trình")
    assert speakers.nth(0).input_value() == "Ban tổ chức"
    assert speakers.nth(1).input_value() == "Ông Triệu Văn Dũng"
    # Reordered by its number: the second row goes first.
    page.locator("input[aria-label='Thứ tự']").nth(1).fill("0")
    page.click("button:has-text('Lưu chương trình')")
    page.wait_for_selector("text=Đã lưu chương trình")
    assert speakers.nth(0).input_value() == "Ông Triệu Văn Dũng"
    page.screenshot(path=os.path.join(screenshot_dir, "documents-01-agenda.png"), full_page=True)
    page.click("text=In chương trình (PDF)")
    page.wait_for_selector("text=Đã đưa vào hàng đợi")
    page.click("text=In giấy mời toàn bộ đại biểu")
    page.wait_for_selector("text=Giấy mời: toàn bộ đại biểu (7 người)")
    page.screenshot(path=os.path.join(screenshot_dir, "documents-02-jobs.png"), full_page=True)
    assert set(GeneratedReport.objects.values_list("status", flat=True)) == {"done"}
    with page.expect_download() as download_info:
        page.locator("a:has-text('Tải về')").first.click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        assert handle.read(4) == b"%PDF"

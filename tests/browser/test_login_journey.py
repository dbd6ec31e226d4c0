import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_and_sees_their_home(browser_page, live_server, unit_manager, screenshot_dir):
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Đăng nhập"
    page.screenshot(path=os.path.join(screenshot_dir, "01-login.png"), full_page=True)
    page.fill("input[name=username]", "chora")
    page.fill("input[name=password]", "pw-chora")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_selector("h1:has-text('Thị trấn Chợ Rã')")
    assert "Hội nghị tuyên dương điển hình tiên tiến" in page.content()
    page.screenshot(path=os.path.join(screenshot_dir, "02-home-officer.png"), full_page=True)

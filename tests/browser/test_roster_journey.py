import os
from datetime import date

import pytest

from tests.factories import DelegateFactory, EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_fills_and_finalises_a_roster(
    browser_page, live_server, unit_manager, campaign, units, screenshot_dir
):
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20))
    DelegateFactory.create_batch(6, event=event)
    DelegateFactory.create_batch(3, event=event, category="guest")
    page = browser_page
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", "chora")
    page.fill("input[name=password]", "pw-chora")
    page.click(".login-card [type=submit]")
    page.wait_for_selector("h1")
    page.click("#unit-roster-links a:has-text('Danh sách đại biểu')")
    page.wait_for_selector("#roster-figures")
    assert page.locator("[data-figure=headcount]").inner_text().startswith("9 / 200")
    # 6 of 9: finalising is refused with what to do
    page.click("button:has-text('Chốt danh sách')")
    page.wait_for_selector(".alert-danger")
    assert "cần thêm 1 đại biểu điển hình tiên tiến hoặc bớt 1" in page.locator(".alert-danger").inner_text()
    page.click("a:has-text('Thêm đại biểu')")
    page.select_option("select[name=category]", "exemplar_individual")
    page.fill("input[name=full_name]", "Triệu Thị Mai")
    page.select_option("select[name=gender]", "female")
    page.fill("input[name=birth_year]", "1994")
    page.select_option("select[name=ethnic_group]", "Dao")
    page.click("[type=submit]:has-text('Lưu đại biểu')")
    page.wait_for_selector("#roster-figures")
    assert page.locator("[data-figure=headcount]").inner_text().startswith("10 / 200")
    page.fill("input[name=q]", "trieu thi")
    page.click("button:has-text('Lọc')")
    page.wait_for_selector("#roster-table")
    assert "Triệu Thị Mai" in page.locator("#roster-table tbody").inner_text()
    page.click("button:has-text('Chốt danh sách')")
    page.wait_for_selector(".alert-success")
    assert "Đã chốt danh sách" in page.content()
    assert page.locator("a:has-text('Thêm đại biểu')").count() == 0
    page.screenshot(path=os.path.join(screenshot_dir, "roster-finalised.png"), full_page=True)

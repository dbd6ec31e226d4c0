import os
from datetime import date

import pytest

from congresses.models import Event
from tests.factories import EventFactory

from .conftest import add_delegates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_leadership_the_dashboard_with_charts(browser_page, live_server, campaign, units, leadership,
                                                       screenshot_dir):  # fmt: skip
    event = EventFactory(
        unit=units["chora"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 2, 3)
    )
    add_delegates(event, exemplars=30, others=10, women=18)
    EventFactory(unit=units["babe"], campaign=campaign, status=Event.Status.HELD, date=date(2025, 4, 20))
    page = browser_page
    page.goto(live_server.url + "/")
    page.fill("input[name=username]", "leader")
    page.fill("input[name=password]", "pw-leader")
    page.press("input[name=password]", "Enter")
    page.wait_for_url(live_server.url + "/")
    page.click("#nav-oversight")
    page.click("nav a.dropdown-item:has-text('Theo dõi tiến độ')")
    page.wait_for_selector("h1:has-text('Theo dõi tiến độ')")
    assert page.locator("svg rect").count() > 0
    assert "40" in page.locator("h2:has-text('Cơ cấu đại biểu')").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "oversight-dashboard.png"), full_page=True)
    page.click("text=Huyện Ba Bể")
    page.wait_for_selector("h2:has-text('Các đơn vị của Huyện Ba Bể')")
    assert page.locator("a:has-text('Thị trấn Chợ Rã')").count() >= 1

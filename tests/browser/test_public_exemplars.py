import os

import pytest

from honors.services import exemplar_save
from tests.factories import ExemplarFactory
from tests.honors.conftest import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = ("Hoàng Thị Hoa", "Thôn Nà Làng", "Bế Văn Quân", "Triệu Thị Mai", "Lường Văn Hải", "Hà Thị Ngọc")


def _seed(units):
    for index, name in enumerate(NAMES):
        kind = "collective" if name.startswith("Thôn") else "individual"
        exemplar = ExemplarFactory(unit=units["chora"], name=name, kind=kind, published=True, story="Gương sáng trong phong trào chung sức xây dựng nông thôn mới ở Ba Bể.")  # fmt: skip
        if index % 2 == 0:
            exemplar_save(exemplar=exemplar, movements=[], by=None, photo_data=png_bytes((900, 700)))
    ExemplarFactory(unit=units["chora"], name="Hồ Sơ Nội Bộ", published=False)


@pytest.mark.parametrize(("label", "width", "height"), [("phone", 390, 844), ("desktop", 1280, 900)])
def test_the_public_page_fits_phone_and_desktop(
    browser_page, live_server, units, screenshot_dir, label, width, height
):
    _seed(units)
    page = browser_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_server.url + "/dien-hinh/")
    assert page.locator("h1").inner_text() == "Gương điển hình tiên tiến"
    assert page.locator("article.exemplar-card").count() == len(NAMES)
    assert "Hồ Sơ Nội Bộ" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=os.path.join(screenshot_dir, f"honors-public-{label}.png"), full_page=True)
    page.fill("input[name=q]", "trieu thi mai")
    page.click("button[type=submit]")
    page.wait_for_selector("text=1 gương điển hình")
    page.click("text=Triệu Thị Mai")
    page.wait_for_selector("h1:has-text('Triệu Thị Mai')")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=os.path.join(screenshot_dir, f"honors-public-detail-{label}.png"), full_page=True)


def test_the_login_page_links_to_the_public_page(browser_page, live_server, units):
    page = browser_page
    page.goto(live_server.url + "/accounts/login/")
    page.click("text=Xem gương điển hình tiên tiến")
    page.wait_for_selector("h1:has-text('Gương điển hình tiên tiến')")

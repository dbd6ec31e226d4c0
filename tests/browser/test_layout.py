"""The page fits the screen: no sideways scrolling on a phone or a laptop, for every role.

Each main page is measured at 390 px (a phone), 1280 and 1366 px (laptops), in Vietnamese and in
English (whose labels run longer: "Hội nghị, Đại hội" is "Conferences & Congresses"): the document may
not be wider than the viewport. The accounts carry real-length names, as the navbar's account line is what
overflowed.
"""

import os

import pytest
from django.conf import settings
from django.urls import reverse

from honors.models import AwardType
from honors.services import award_types_load_from_file, nomination_create
from reports.services import agenda_generate, agenda_template_load
from tests.factories import DelegateFactory, EventFactory, ExemplarFactory, GeneratedReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 1280, 1366)

# fixture name -> (full name, the main pages this role reaches)
COMMON = (
    "home",
    "congresses:event_list",
    "honors:exemplar_list",
    "honors:nomination_list",
    "honors:publication_requests",
    "reports:documents_home",
    "audit:log",
    "units:list",
)
PROVINCE = (
    *COMMON,
    "oversight:dashboard",
    "congresses:campaign_list",
    "oversight:unreported",
    "oversight:reminders",
    "oversight:reorganisations",
)
ROLES = {
    "admin": ("Hoàng Thị Thu", "Hà", PROVINCE),
    "leadership": ("Nguyễn Văn", "Thắng", PROVINCE),
    "district_officer": ("Hà Văn", "Bình", COMMON),
    "unit_manager": ("Triệu Thị", "Hương", COMMON),
    "department_officer": ("Lương Thị Thanh", "Thủy", COMMON),
}


def _login(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "pw-" + user.username)
    page.click("input[type=submit]")
    page.wait_for_selector("main h1")


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _choose_language(page, live_server, language: str) -> None:
    """What the language switch in the footer leaves behind: Django's language cookie."""
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_every_main_page_fits_the_screen(
    request, role, language, browser_page, live_server, campaign, screenshot_dir
):
    last_name, first_name, pages = ROLES[role]
    user = request.getfixturevalue(role)
    user.last_name, user.first_name = last_name, first_name
    user.save(update_fields=["last_name", "first_name"])
    page = browser_page
    _login(page, live_server, user)
    _choose_language(page, live_server, language)
    page.goto(live_server.url + reverse("home"))
    assert page.get_attribute("html", "lang") == language
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name in pages:
            page.goto(live_server.url + reverse(name))
            if (extra := _overflow(page)) > 0:
                too_wide.append(f"{name} at {width} px: {width + extra} px wide")
        page.goto(live_server.url + reverse("home"))
        page.screenshot(
            path=os.path.join(screenshot_dir, f"layout-{role}-{language}-{width}.png"), full_page=True
        )
    assert too_wide == []


def test_the_grouped_menu_opens_and_leads_to_its_pages(admin, browser_page, live_server, campaign):
    page = browser_page
    _login(page, live_server, admin)
    assert not page.is_visible("a.dropdown-item:has-text('Dự toán kinh phí')")
    page.click("#nav-oversight")
    page.click("a.dropdown-item:has-text('Dự toán kinh phí')")
    page.wait_for_url(live_server.url + reverse("oversight:budget"))
    page.set_viewport_size({"width": 390, "height": 800})
    page.click(".navbar-toggler")
    page.click("#nav-manage")
    page.click("a.dropdown-item:has-text('Nhật ký thay đổi')")
    page.wait_for_url(live_server.url + reverse("audit:log"))
    assert _overflow(page) == 0


def _within_screen(page, selector) -> bool:
    box = page.locator(selector).first.bounding_box()
    width = page.evaluate("window.innerWidth")
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_an_officer_works_on_a_phone(
    unit_manager, browser_page, live_server, campaign, units, screenshot_dir
):
    """At 390 px the roster, documents and agenda are card lists: each row's actions stay on screen."""
    event = EventFactory(unit=units["chora"], campaign=campaign)
    DelegateFactory.create_batch(3, event=event, position="Chủ nhiệm hợp tác xã", workplace="Thị trấn Chợ Rã")
    GeneratedReportFactory(event=event, requested_by=unit_manager)
    agenda_template_load(campaign=campaign)
    agenda_generate(event=event)
    page = browser_page
    _login(page, live_server, unit_manager)
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto(live_server.url + reverse("delegates:roster", args=[event.pk]))
    assert _overflow(page) == 0
    assert _within_screen(page, "#roster-table a:has-text('Sửa')")
    assert _within_screen(page, "#roster-table button:has-text('Xóa')")
    page.screenshot(path=os.path.join(screenshot_dir, "layout-phone-roster.png"), full_page=True)

    page.goto(live_server.url + reverse("reports:event_documents", args=[event.pk]))
    assert _overflow(page) == 0
    assert _within_screen(page, "#report-jobs a:has-text('Tải về')")
    page.screenshot(path=os.path.join(screenshot_dir, "layout-phone-documents.png"), full_page=True)

    page.goto(live_server.url + reverse("reports:agenda", args=[event.pk]))
    assert _overflow(page) == 0
    title = page.locator("#agenda-table input[aria-label='Nội dung']").first
    box = title.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["width"] >= 300  # the whole line of the card, not five characters
    assert _within_screen(page, "#agenda-table label:has-text('Xóa')")
    assert _within_screen(page, "button:has-text('Lưu chương trình')")
    page.screenshot(path=os.path.join(screenshot_dir, "layout-phone-agenda.png"), full_page=True)


def test_the_language_switch_turns_the_menu_and_pages_english(admin, browser_page, live_server, campaign):
    page = browser_page
    _login(page, live_server, admin)
    page.click("footer button[value=en]")
    page.wait_for_selector("html[lang=en]")
    menu = page.inner_text("nav.navbar")
    assert "Log out" in menu and "Conferences & Congresses" in menu
    assert "Đăng xuất" not in menu and "Hội nghị, Đại hội" not in menu
    page.goto(live_server.url + reverse("oversight:dashboard"))
    assert page.inner_text("main h1") == "Progress dashboard"
    page.click("footer button[value=vi]")
    page.wait_for_selector("html[lang=vi]")
    assert "Đăng xuất" in page.inner_text("nav.navbar")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_reviewer_reviews_nominations_on_a_phone(
    language, admin, district_officer, browser_page, live_server, campaign, units, screenshot_dir
):
    """At 390 px the nominations are cards with the review button on screen, and the status filter
    (whose English first option is long) is no wider than the screen: it made the page 459 px wide."""
    award_types_load_from_file()
    event = EventFactory(unit=units["babe"], campaign=campaign, held=True)
    exemplar = ExemplarFactory(unit=units["babe"], name="Lường Văn Tiến")
    nomination_create(
        exemplar=exemplar, event=event, target="own",
        proposed_award=AwardType.objects.get(name="Lao động tiên tiến"), by=district_officer,
    )  # fmt: skip
    page = browser_page
    _login(page, live_server, admin)
    _choose_language(page, live_server, language)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + reverse("honors:nomination_list"))
    assert "Lường Văn Tiến" in page.inner_text("#nominations-to-review")
    assert _overflow(page) == 0
    assert _within_screen(page, "select[name=status]")
    assert _within_screen(page, "#nominations-to-review td.card-actions a.btn")
    page.screenshot(
        path=os.path.join(screenshot_dir, f"layout-phone-nominations-{language}.png"), full_page=True
    )

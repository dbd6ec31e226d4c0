"""The user guide's screenshots are made here, from the demo data, as each role sees its pages.

`make guide-screenshots` runs this test with GUIDE_SCREENSHOTS_DIR=static/guide, which refreshes the
pictures the guide shows; every run writes them under SCREENSHOT_DIR/guide to look at. Each page
photographed must fit its width (no sideways scrolling), and the guide pages must show every picture.
"""

import datetime
import io
import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from bac_kan_emulation.guide import GUIDES, Shot, all_shots
from congresses.models import Event
from units.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "BacKan@2025"


def _url(shot: Shot) -> str:
    user = User.objects.get(username=shot.account)
    if shot.argument == "own_event":
        event = Event.objects.filter(unit=user.unit).order_by("pk").first()
        return reverse(shot.url_name, args=[event.pk])
    if shot.argument == "own_unit":
        return reverse(shot.url_name, args=[user.unit_id])
    return reverse(shot.url_name)


def _signed_in_page(browser, live_server, account: str):
    context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", account)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("main h1")
    return context, page


def _wait_until_images_loaded(page, timeout_s: float = 15.0) -> None:
    """Polls from Python: Playwright's wait_for_function evaluates its predicate with eval
    inside the page, which the portal's Content-Security-Policy (script-src 'self') refuses."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate("[...document.images].every(img => img.complete)"):
        assert time.monotonic() < deadline, "the guide's pictures did not load"
        page.wait_for_timeout(100)


def test_the_guide_pictures_are_taken_from_the_demo_and_shown(
    browser_page, live_server, settings, screenshot_dir
):
    settings.PORTAL_TODAY = datetime.date(2025, 9, 15)
    call_command("demo_data", stdout=io.StringIO())
    out_dirs = [Path(screenshot_dir, "guide")]
    if os.environ.get("GUIDE_SCREENSHOTS_DIR"):
        out_dirs.append(Path(os.environ["GUIDE_SCREENSHOTS_DIR"]))
    for folder in out_dirs:
        folder.mkdir(parents=True, exist_ok=True)
    browser = browser_page.context.browser
    pages: dict[str, tuple] = {}
    too_wide, failed = [], []
    for shot in all_shots():
        if shot.account not in pages:
            pages[shot.account] = _signed_in_page(browser, live_server, shot.account)
        page = pages[shot.account][1]
        page.set_viewport_size({"width": shot.width, "height": 860 if shot.width > 800 else 844})
        response = page.goto(live_server.url + _url(shot))
        if response is None or response.status != 200:
            failed.append((shot.name, response.status if response else None))
            continue
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            too_wide.append((shot.name, overflow))
        for folder in out_dirs:
            page.screenshot(path=str(folder / f"{shot.name}.png"))
    assert failed == []
    assert too_wide == []

    page = pages["sonoivu"][1]
    page.set_viewport_size({"width": 390, "height": 844})
    for guide in GUIDES:
        page.goto(live_server.url + reverse("guide", args=[guide.key]))
        page.wait_for_load_state("networkidle")
        page.evaluate("document.querySelectorAll('img').forEach(img => img.loading = 'eager')")
        _wait_until_images_loaded(page)
        broken = page.evaluate("[...document.images].filter(img => !img.naturalWidth).map(img => img.src)")
        assert broken == [], guide.key
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        for folder in out_dirs[:1]:
            page.screenshot(path=str(folder / f"huong-dan-{guide.key}-390.png"), full_page=True)
    for context, _page in pages.values():
        context.close()

"""The door on a phone: Chromium's fake camera films printed QR codes; the hall's network drops.

The camera is fed a video (y4m, made here from segno's PNG of each delegate's code): the first
code for five seconds, then three more for two seconds each. The first is checked in online;
the browser then goes offline, the phone keeps scanning and queues the next three; back online,
the queue is sent and the server holds exactly those four check-ins, once each. In between, the page
is reloaded offline: the service worker serves it and the queue waits in IndexedDB.
"""

import os
from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image

from attendance import domain, selectors, services
from attendance.models import CheckIn, Invitation
from tests.factories import DelegateFactory, EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT, FPS = 400, 300, 10


def _frame(text: str) -> bytes:
    """One I420 (4:2:0, JPEG range) frame showing the QR of `text` centred on white paper."""
    qr = Image.open(BytesIO(domain.qr_png(text, scale=6))).convert("RGB")
    side = min(HEIGHT - 20, qr.width)
    paper = Image.new("RGB", (WIDTH, HEIGHT), "white")
    paper.paste(qr.resize((side, side), Image.NEAREST), ((WIDTH - side) // 2, (HEIGHT - side) // 2))
    y, cb, cr = paper.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    return y.tobytes() + cb.resize(half, Image.BOX).tobytes() + cr.resize(half, Image.BOX).tobytes()


def _video(path, segments: list[tuple[str, int]]) -> None:
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{FPS}:1 Ip A1:1 C420jpeg\n".encode())
        for text, frames in segments:
            frame = _frame(text)
            for _ in range(frames):
                out.write(b"FRAME\n" + frame)


def test_the_door_keeps_checking_in_offline_and_the_server_counts_each_once(
    chromium_path, live_server, unit_manager, units, campaign, tmp_path, screenshot_dir
):
    playwright_api = pytest.importorskip("playwright.sync_api")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune",
                         date=timezone.localdate() + timedelta(days=1))  # fmt: skip
    people = DelegateFactory.create_batch(4, event=event)
    DelegateFactory.create_batch(2, event=event, category="guest")
    services.invitations_ensure(event=event)
    links = [selectors.invitation_link(Invitation.objects.get(delegate=d)) for d in people]
    video = tmp_path / "printed-codes.y4m"
    _video(video, [(links[0], 5 * FPS), (links[1], 2 * FPS), (links[2], 2 * FPS), (links[3], 2 * FPS)])

    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream",
                  "--use-fake-device-for-media-stream", f"--use-file-for-fake-video-capture={video}"],
        )  # fmt: skip
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN",
                                      permissions=["camera"], is_mobile=True, has_touch=True)  # fmt: skip
        page = context.new_page()
        page.goto(live_server.url + "/accounts/login/")
        page.fill("input[name=username]", "chora")
        page.fill("input[name=password]", "pw-chora")
        page.click(".login-card [type=submit]")
        page.wait_for_selector("h1")
        page.goto(live_server.url + f"/events/{event.pk}/door/")
        expect = playwright_api.expect
        expect(page.locator("#door-roster-state")).to_contain_text("6 đại biểu")
        queue = page.locator("#door-queue")

        page.click("#door-camera-start")
        title = page.locator("#door-result-title")
        expect(title).to_have_text(people[0].full_name, timeout=4000)
        # sent at once while the network is up: wait for the server to hold it (the page's queue
        # reads 0 before the scan is queued too, so it cannot tell that the POST has landed)
        for _ in range(100):
            if CheckIn.objects.exists():
                break
            page.wait_for_timeout(100)
        expect(queue).to_have_attribute("data-count", "0")
        context.set_offline(True)
        assert list(CheckIn.objects.values_list("delegate_id", flat=True)) == [people[0].pk]

        # Offline: the next three codes are scanned, answered from the phone's roster and queued.
        expect(queue).to_have_attribute("data-count", "3", timeout=20000)
        assert "Mất mạng" in page.locator("#door-network").inner_text()
        page.screenshot(path=os.path.join(screenshot_dir, "door-offline-390.png"), full_page=True)
        assert CheckIn.objects.count() == 1
        # The video loops back to the first code: a second scan says when they were checked in.
        expect(title).to_contain_text("Đã điểm danh lúc", timeout=15000)
        # Still offline, the page is opened again: the service worker serves it, IndexedDB keeps the queue.
        page.reload()
        expect(page.locator("#door-roster-state")).to_contain_text("danh sách đã lưu (6 đại biểu)")
        expect(queue).to_have_attribute("data-count", "3")

        context.set_offline(False)
        expect(queue).to_have_attribute("data-count", "0", timeout=15000)
        browser.close()

    checked = list(CheckIn.objects.values_list("delegate_id", flat=True))
    assert sorted(checked) == sorted(d.pk for d in people)
    assert len(checked) == len(set(checked)) == 4


def test_the_presidiums_screen_counts_arrivals_without_reloading(
    browser_page, live_server, unit_manager, units, campaign, screenshot_dir
):
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune",
                         date=timezone.localdate() + timedelta(days=1))  # fmt: skip
    people = DelegateFactory.create_batch(5, event=event)
    page = browser_page
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", "chora")
    page.fill("input[name=password]", "pw-chora")
    page.click(".login-card [type=submit]")
    page.wait_for_selector("h1")
    page.goto(live_server.url + f"/events/{event.pk}/presidium/")
    present = page.locator(".presidium-big[data-live=present]")
    assert present.inner_text() == "0"
    page.evaluate("window.__sameDocument = true")
    for person in people[:3]:
        services.checkin_record(event=event, delegate_id=person.pk)
    pytest.importorskip("playwright.sync_api").expect(present).to_have_text("3", timeout=12000)
    assert page.evaluate("window.__sameDocument === true")  # the page was not reloaded
    assert "3/3" in page.locator("#presidium-share").inner_text()

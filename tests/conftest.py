import os
import shutil

import pytest

from units.models import Unit, User

IN_CI = os.environ.get("CI") == "true"


def require_service(available: bool, reason: str) -> None:
    """Skip a test whose service is absent, except under CI where it must run."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI=true but the service is missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_portal_identity():
    """The portal's names are cached for five minutes; each test's database names its own province."""
    from units.selectors import portal_identity_forget

    portal_identity_forget()
    yield
    portal_identity_forget()


@pytest.fixture
def units(db):
    """The real province tree, loaded from the committed data files."""
    from congresses.services import campaign_load_from_file
    from units.services import units_load_bac_kan

    units_load_bac_kan()
    campaign_load_from_file()
    return {
        "province": Unit.objects.get(kind="province"),
        "city": Unit.objects.get(code="58"),
        "babe": Unit.objects.get(code="61"),
        "nari": Unit.objects.get(code="66"),
        "songcau": Unit.objects.get(name="Phường Sông Cầu"),
        "chora": Unit.objects.get(name="Thị trấn Chợ Rã"),
        "nari_commune": Unit.objects.filter(parent__code="66").order_by("pk").first(),
        "health": Unit.objects.get(name="Sở Y tế"),
        "education": Unit.objects.get(name="Sở Giáo dục và Đào tạo"),
    }


@pytest.fixture
def campaign(units):
    from congresses.selectors import campaign_active

    return campaign_active()


def _user(username: str, role: str, unit: Unit | None) -> User:
    return User.objects.create_user(username=username, password="pw-" + username, role=role, unit=unit)


@pytest.fixture
def admin(units):
    """Sở Nội vụ staff: the whole province."""
    return _user("staff", User.Role.STAFF, units["province"])


@pytest.fixture
def leadership(units):
    return _user("leader", User.Role.LEADERSHIP, None)


@pytest.fixture
def district_officer(units):
    return _user("babe", User.Role.OFFICER, units["babe"])


@pytest.fixture
def unit_manager(units):
    """A commune officer of Huyện Ba Bể."""
    return _user("chora", User.Role.OFFICER, units["chora"])


@pytest.fixture
def other_unit_manager(units):
    """An officer of another district (Na Rì)."""
    return _user("nari", User.Role.OFFICER, units["nari"])


@pytest.fixture
def department_officer(units):
    return _user("syte", User.Role.OFFICER, units["health"])


@pytest.fixture
def chromium_path():
    path = shutil.which("chromium") or "/usr/bin/chromium"
    require_service(os.path.exists(path), "Chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture
def live_worker(settings):
    """A real Celery worker on Redis, sharing the test database (started by .ci/run or `make worker`)."""
    from bac_kan_emulation.celery import app

    broker = settings.CELERY_BROKER_URL
    replies = []
    if broker.startswith("redis://"):
        try:
            replies = app.control.ping(timeout=3.0)
        except Exception as exc:  # noqa: BLE001 - any connection failure means "absent"
            require_service(False, f"Redis at {broker} does not answer: {exc}")
    require_service(
        bool(replies), f"no Celery worker answers on {broker!r} (run `make worker` with CELERY_BROKER_URL)"
    )
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


@pytest.fixture
def screenshot_dir():
    path = os.environ.get("SCREENSHOT_DIR", "artifacts/screenshots")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture
def browser_page(chromium_path, live_server):
    playwright_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        yield page
        browser.close()

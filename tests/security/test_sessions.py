"""Sessions end after one working day and when the browser closes (issue 14)."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

ROOT = Path(__file__).resolve().parents[2]


def _log_in(client, user):
    user.set_password("Dung@Mat-Khau-1")
    user.save()
    response = client.post(reverse("login"), {"username": user.username, "password": "Dung@Mat-Khau-1"})
    assert response.status_code == 302
    return response


@pytest.mark.django_db
def test_it_gives_a_session_cookie_that_dies_with_the_browser(client, unit_manager):
    cookie = _log_in(client, unit_manager).cookies["sessionid"]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""


@pytest.mark.django_db
def test_it_asks_to_log_in_again_after_eight_hours(client, unit_manager):
    start = timezone.now()
    with freeze_time(start):
        _log_in(client, unit_manager)
    with freeze_time(start + timedelta(hours=7, minutes=50)):
        assert client.get(reverse("home")).status_code == 200
    with freeze_time(start + timedelta(hours=8, minutes=1)):
        response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _settings_value(expression: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SESSION_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="bac_kan_emulation.settings", DEMO_MODE="True")
    code = f"from django.conf import settings; print(settings.{expression})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_session_length_and_browser_close_come_from_the_environment():
    assert _settings_value("SESSION_COOKIE_AGE") == str(8 * 3600)
    assert _settings_value("SESSION_EXPIRE_AT_BROWSER_CLOSE") == "True"
    assert _settings_value("SESSION_COOKIE_AGE", SESSION_AGE_HOURS="10") == str(10 * 3600)
    assert (
        _settings_value("SESSION_EXPIRE_AT_BROWSER_CLOSE", SESSION_EXPIRE_AT_BROWSER_CLOSE="False") == "False"
    )


def test_the_session_variables_are_documented():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for name in ("SESSION_AGE_HOURS", "SESSION_EXPIRE_AT_BROWSER_CLOSE"):
        assert f"{name}=" in example
        assert f"`{name}`" in readme

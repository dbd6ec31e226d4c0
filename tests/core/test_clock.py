"""The demo tells the truth about time: it shows the campaign as it stood on its own date (issue 15)."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse
from freezegun import freeze_time

from core.clock import today

pytestmark = pytest.mark.django_db


@freeze_time("2026-12-02")
def test_the_portal_follows_the_calendar_unless_a_date_is_set():
    assert today() == date(2026, 12, 2)
    with override_settings(PORTAL_TODAY=date(2025, 9, 15)):
        assert today() == date(2025, 9, 15)


@freeze_time("2026-12-02")
def test_every_page_of_a_frozen_portal_says_which_day_its_data_show(client, admin, campaign):
    client.force_login(admin)
    assert "Dữ liệu minh họa tại ngày" not in client.get(reverse("home")).content.decode()
    with override_settings(PORTAL_TODAY=date(2025, 9, 15)):
        for name in ("home", "oversight:dashboard", "oversight:compliance"):
            body = client.get(reverse(name)).content.decode()
            assert "Dữ liệu minh họa tại ngày 15/09/2025" in body, name


@freeze_time("2026-12-02")
def test_lateness_is_judged_on_the_portals_day_not_the_real_calendar(client, admin, campaign):
    """A plan not yet due on the demo's day is not a violation, although the real deadline passed."""
    client.force_login(admin)
    late_today = client.get(reverse("oversight:compliance")).content.decode()
    with override_settings(PORTAL_TODAY=campaign.plan_deadline.replace(day=1)):
        before_deadline = client.get(reverse("oversight:compliance")).content.decode()
    assert late_today.count("Chưa nộp kế hoạch") > before_deadline.count("Chưa nộp kế hoạch")

"""Issue 16: the dashboard benchmark's raw SQL computes the figures the page shows."""

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from oversight.selectors import oversight_dashboard
from tests.factories import DelegateFactory

from .test_figures import campaign_data  # noqa: F401  (the fixture: events, rosters, reports, honours)

pytestmark = pytest.mark.django_db


def _bench():
    path = Path(__file__).resolve().parents[2] / "bench" / "dashboard.py"
    spec = importlib.util.spec_from_file_location("bench_dashboard", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bench_raw_sql_equals_what_the_dashboard_shows(campaign_data, campaign, units):  # noqa: F811
    DelegateFactory.create_batch(3, event=campaign.events.first(), gender="female", ethnic_group="Kinh")
    bench = _bench()
    data = oversight_dashboard(campaign=campaign, today=date(2025, 12, 31))
    raw = bench.raw_figures(connection, campaign.pk)
    assert raw == bench.page_figures(data)
    assert raw["delegates_registered"] > 0 and raw["attended"] > raw["exemplars_attended"] > 0

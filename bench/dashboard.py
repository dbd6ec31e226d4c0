"""Benchmark (run by hand): the oversight dashboard against the raw SQL it needs.

    DATABASE_URL=sqlite:////tmp/bk-province.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bk-province.sqlite3 .venv/bin/python manage.py demo_data --scale province
    DATABASE_URL=sqlite:////tmp/bk-province.sqlite3 .venv/bin/python bench/dashboard.py [--repeat 20]

Prints, for the selector that feeds the page, the whole rendered page (test
client, staff account) and the raw SQL aggregates (the same facts in hand-written
SQL), the median time and the ratio. Target: selector / raw SQL <= 3.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bac_kan_emulation.settings")
os.environ.setdefault("DEMO_MODE", "True")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from congresses.selectors import campaign_active, oversight_dashboard  # noqa: E402
from delegates.models import Delegate  # noqa: E402
from units.models import User  # noqa: E402

RAW_SQL = [
    # units with their parent
    "SELECT u.id, u.name, u.kind, u.parent_id, p.name, u.is_pilot FROM units_unit u "
    "LEFT JOIN units_unit p ON p.id = u.parent_id",
    # events of the campaign
    "SELECT id, unit_id, name, date, status, session, delegate_cap FROM congresses_event WHERE campaign_id = %s",
    # roster size and exemplars per event
    "SELECT d.event_id, COUNT(*), SUM(CASE WHEN d.category IN ('exemplar_individual','exemplar_collective') "
    "THEN 1 ELSE 0 END) FROM delegates_delegate d JOIN congresses_event e ON e.id = d.event_id "
    "WHERE e.campaign_id = %s GROUP BY d.event_id",
    # composition of delegates
    "SELECT COUNT(*), SUM(CASE WHEN gender='female' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN ethnic_group <> 'Kinh' THEN 1 ELSE 0 END), SUM(CASE WHEN is_direct_worker THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN category='exemplar_individual' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN category='exemplar_collective' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN category='guest' THEN 1 ELSE 0 END), SUM(CASE WHEN category='leader' THEN 1 ELSE 0 END) "
    "FROM delegates_delegate d JOIN congresses_event e ON e.id = d.event_id WHERE e.campaign_id = %s",
    # plans: first submission and review status
    "SELECT unit_id, first_submitted_at, status FROM congresses_unitplan WHERE campaign_id = %s AND kind = 'plan'",
    # results reports per tier
    "SELECT e.tier_id, COUNT(*), SUM(r.attended_guests + r.attended_leaders), SUM(r.exemplars_honoured) "
    "FROM congresses_resultreport r JOIN congresses_event e ON e.id = r.event_id WHERE e.campaign_id = %s "
    "GROUP BY e.tier_id",
    # honours by award form
    "SELECT a.name, COUNT(*) FROM honors_honour h JOIN honors_awardtype a ON a.id = h.award_type_id "
    "JOIN congresses_event e ON e.id = h.event_id WHERE e.campaign_id = %s GROUP BY a.name",
]


def timed(fn, repeat: int) -> float:
    fn()  # warm up
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    campaign = campaign_active()
    if campaign is None:
        sys.exit("Chưa có chiến dịch: chạy demo_data --scale province trước.")
    today = timezone.localdate()

    def raw():
        with connection.cursor() as cursor:
            for sql in RAW_SQL:
                cursor.execute(sql, [campaign.pk] if "%s" in sql else [])
                cursor.fetchall()

    def selector():
        oversight_dashboard(campaign=campaign, today=today)

    with CaptureQueriesContext(connection) as queries:
        selector()
    query_count = len(queries.captured_queries)
    staff = User.objects.filter(role=User.Role.STAFF).first()
    client = Client()
    client.force_login(staff)

    def page():
        response = client.get("/oversight/", HTTP_HOST="127.0.0.1")
        assert response.status_code == 200

    events = campaign.events.count()
    delegates = Delegate.objects.filter(event__campaign=campaign).count()
    t_raw, t_sel, t_page = timed(raw, args.repeat), timed(selector, args.repeat), timed(page, args.repeat)
    print(
        f"database: {connection.vendor}; {events} events, {delegates} delegates; median of {args.repeat} runs"
    )
    print(f"raw SQL aggregates ({len(RAW_SQL)} queries):  {t_raw * 1000:8.1f} ms")
    print(f"dashboard selector ({query_count} queries): {t_sel * 1000:8.1f} ms   ratio {t_sel / t_raw:.2f}x")
    print(f"whole page (GET /oversight/):       {t_page * 1000:8.1f} ms   ratio {t_page / t_raw:.2f}x")


if __name__ == "__main__":
    main()

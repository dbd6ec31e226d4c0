"""Benchmark: the oversight dashboard against a raw-SQL floor computing the same figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bk_bench .venv/bin/python bench/dashboard.py [--runs 7]

(any database with demo data: `manage.py demo_data --scale province`). Runs on the database
DATABASE_URL names (PostgreSQL when set so). The floor, `raw_figures`, is hand-written SQL
returning every figure the page shows at the top (events, delegates, results, honours and
the composition); tests/oversight/test_bench_dashboard.py checks it equals the selector's.
Like the page it reads the roster counters, so both sides scale with events, not delegates.
The three sides run alternately, the same number of times; min and median are printed.
Aim: dashboard selector ≤ 2× the raw SQL.
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

HELD = "('held', 'reported')"
RAW_SQL = {
    "events": "SELECT COUNT(*), SUM(CASE WHEN e.status IN " + HELD + " THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN r.id IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN e.status IN " + HELD + " AND r.id IS NULL THEN 1 ELSE 0 END) "
    "FROM congresses_event e LEFT JOIN congresses_resultreport r ON r.event_id = e.id WHERE e.campaign_id = %s",
    "delegates": "SELECT SUM(c.headcount), SUM(CASE WHEN e.status IN "
    + HELD
    + " THEN c.headcount ELSE 0 END), "
    "SUM(c.women), SUM(c.minorities), SUM(c.direct_workers), SUM(c.exemplar_individual), "
    "SUM(c.exemplar_collective), SUM(c.guest), SUM(c.leader) "
    "FROM delegates_rostercounter c JOIN congresses_event e ON e.id = c.event_id WHERE e.campaign_id = %s",
    "results": "SELECT SUM(r.attended_exemplar_individuals), SUM(r.attended_exemplar_collectives), "
    "SUM(r.attended_leaders), SUM(r.attended_guests), SUM(r.exemplars_honoured), SUM(r.delegation_approved) "
    "FROM congresses_resultreport r JOIN congresses_event e ON e.id = r.event_id WHERE e.campaign_id = %s",
    "honours": "SELECT COUNT(*) FROM honors_honour h JOIN congresses_event e ON e.id = h.event_id "
    "WHERE e.campaign_id = %s",
    # what the page lists besides the figures: units with their parent, plans, honours by award
    "units": "SELECT u.id, u.name, u.kind, u.parent_id, p.name, u.is_pilot FROM units_unit u "
    "LEFT JOIN units_unit p ON p.id = u.parent_id",
    "plans": "SELECT unit_id, first_submitted_at, status FROM congresses_unitplan "
    "WHERE campaign_id = %s AND kind = 'plan'",
    "by_award": "SELECT a.name, COUNT(*) FROM honors_honour h JOIN honors_awardtype a ON a.id = h.award_type_id "
    "JOIN congresses_event e ON e.id = h.event_id WHERE e.campaign_id = %s GROUP BY a.name",
}


def raw_figures(connection, campaign_id: int) -> dict[str, int]:
    """Every figure at the top of the dashboard, by figure code, plus the composition, in raw SQL."""
    out: dict[str, list] = {}
    with connection.cursor() as cursor:
        for name, sql in RAW_SQL.items():
            cursor.execute(sql, [campaign_id] if "%s" in sql else [])
            out[name] = (
                [v or 0 for v in cursor.fetchall()[0]] if name not in ("units", "plans", "by_award") else []
            )
    registered, held, reported, awaiting = out["events"]
    total, at_held, women, minorities, direct, ind, col, guest, leader = out["delegates"]
    r_ind, r_col, r_lead, r_guest, honoured, delegation = out["results"]
    return {
        "events_registered": registered, "events_held": held, "events_reported": reported,
        "events_awaiting_report": awaiting, "delegates_registered": total, "delegates_at_held_events": at_held,
        "attended": r_ind + r_col + r_lead + r_guest, "exemplars_attended": r_ind + r_col,
        "exemplars_honoured": honoured, "honours_recorded": out["honours"][0],
        "delegation_approved": delegation, "women": women, "minorities": minorities, "direct_workers": direct,
        "exemplar_individual": ind, "exemplar_collective": col, "guest": guest, "leader": leader,
    }  # fmt: skip


def page_figures(data: dict) -> dict[str, int]:
    """The same figures as the dashboard selector shows them."""
    groups = dict(data["composition"]["groups"])
    categories = dict(data["composition"]["categories"])
    from delegates.models import Delegate

    return {
        **{code: figure.value for code, figure in data["figure"].items()},
        "women": groups["Nữ"], "minorities": groups["Dân tộc thiểu số"],
        "direct_workers": groups["Trực tiếp lao động, sản xuất"],
        **{c.value: categories[c.label] for c in Delegate.Category},
    }  # fmt: skip


def alternate(sides: dict, runs: int) -> dict[str, list[float]]:
    """Run every side `runs` times, alternating the order each round (after one warm-up each)."""
    for fn in sides.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for round_ in range(runs):
        for name in names if round_ % 2 == 0 else names[::-1]:
            start = time.perf_counter()
            sides[name]()
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from congresses.selectors import campaign_active
    from delegates.models import Delegate
    from oversight.selectors import oversight_dashboard
    from units.models import User

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", "--repeat", type=int, default=7)
    args = parser.parse_args()
    campaign = campaign_active()
    if campaign is None:
        sys.exit("Chưa có chiến dịch: chạy demo_data --scale province trước.")
    today = timezone.localdate()
    data = oversight_dashboard(campaign=campaign, today=today)
    assert raw_figures(connection, campaign.pk) == page_figures(data), "raw SQL and the page disagree"
    with CaptureQueriesContext(connection) as queries:
        oversight_dashboard(campaign=campaign, today=today)
    query_count = len(queries.captured_queries)  # now: each request of the page resets the query log
    client = Client()
    client.force_login(User.objects.filter(role=User.Role.STAFF).first())

    def page():
        assert client.get("/oversight/", HTTP_HOST="127.0.0.1").status_code == 200

    times = alternate(
        {
            "raw": lambda: raw_figures(connection, campaign.pk),
            "selector": lambda: oversight_dashboard(campaign=campaign, today=today),
            "page": page,
        },
        args.runs,
    )
    med = {k: statistics.median(v) for k, v in times.items()}
    events = campaign.events.count()
    delegates = Delegate.objects.filter(event__campaign=campaign).count()
    print(
        f"database {connection.vendor}; {events} events, {delegates} delegates; {args.runs} alternating runs"
    )
    print(f"baseline: raw SQL computing the same figures ({len(RAW_SQL)} queries)")
    for name, label in (("raw", f"raw SQL ({len(RAW_SQL)} queries)"),
                        ("selector", f"dashboard selector ({query_count} queries)"),
                        ("page", "whole page GET /oversight/")):  # fmt: skip
        print(f"  {label:<40} min {min(times[name]) * 1000:8.1f} ms   median {med[name] * 1000:8.1f} ms")
    print(f"TABLE\tdashboard selector (median)\t{med['selector'] * 1000:.1f} ms\t"
          f"raw SQL {med['raw'] * 1000:.1f} ms\t{med['selector'] / med['raw']:.2f}×\t≤ 2×")  # fmt: skip
    print(f"TABLE\tdashboard page (median)\t{med['page'] * 1000:.1f} ms\t"
          f"raw SQL {med['raw'] * 1000:.1f} ms\t{med['page'] / med['raw']:.2f}×\t< 150 ms page")  # fmt: skip


if __name__ == "__main__":
    main()

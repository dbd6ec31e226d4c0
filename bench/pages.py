"""Benchmark: server time and query count of each main page, logged in as Sở Nội vụ (sonoivu).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bk_nation .venv/bin/python bench/pages.py [--runs 7]

Needs demo data in that database (`manage.py demo_data --scale nation` for the figures the
issue asks about: about 1,500 events and 350,000 delegates). Each page is requested in-process
through Django's test Client (the whole middleware stack, templates rendered, no network),
the pages taking turns round by round so that other work on the machine falls on all of
them alike; the first round warms caches and is not counted. For each page: min and median
server time, the queries it ran (CaptureQueriesContext) and the size of its HTML.
Aim (issue 16): every page under 150 ms with a query count that does not grow with the data.
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

AIM_MS = 150


def pages() -> list[tuple[str, str]]:
    """(label, path) of each page measured: the big lists, and the biggest event's pages."""
    from django.db.models import Count
    from django.urls import reverse

    from congresses.models import Event
    from delegates.models import RosterCounter

    counter = RosterCounter.objects.order_by("-headcount", "event_id").select_related("event").first()
    big = counter.event if counter is not None else Event.objects.order_by("pk").first()
    honoured = (
        Event.objects.annotate(n=Count("honours")).order_by("-n", "pk").values_list("pk", flat=True).first()
    )
    listed = [
        ("home /", reverse("home")),
        ("events", reverse("congresses:event_list")),
        ("plans", reverse("congresses:plan_list")),
        ("documents", reverse("reports:documents_home")),
        ("event honours list", reverse("honors:event_list")),
        ("results", reverse("oversight:results")),
        ("compliance", reverse("oversight:compliance")),
        ("units", reverse("units:list")),
        ("exemplar search", reverse("honors:exemplar_list") + "?q=Nông"),
    ]
    if big is not None:
        roster = reverse("delegates:roster", args=[big.pk])
        listed += [("roster (biggest event)", roster), ("roster search", roster + "?q=Hoàng")]
    if honoured is not None:
        listed.append(("event honours (most)", reverse("honors:event_detail", args=[honoured])))
    return listed


def measure(runs: int, only: str | None) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from units.models import User

    client = Client()
    client.force_login(User.objects.get(username="sonoivu"))
    listed = [p for p in pages() if only is None or only in p[0]]
    times: dict[str, list[float]] = {label: [] for label, _ in listed}
    info: dict[str, dict] = {}
    for round_number in range(runs + 1):
        order = listed if round_number % 2 == 0 else list(reversed(listed))
        for label, path in order:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SystemExit(f"{label} {path}: HTTP {response.status_code}")
            if round_number == 0:  # warm-up: caches, template loading
                info[label] = {"path": path, "queries": len(queries), "kb": len(response.content) / 1024}
                continue
            times[label].append(elapsed * 1000)
    return [
        {"label": label, **info[label], "min": min(times[label]), "median": statistics.median(times[label])}
        for label, _ in listed
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="measure only the pages whose label contains this")
    args = parser.parse_args()
    from congresses.models import Event
    from delegates.models import Delegate

    print(
        f"{Event.objects.count()} events, {Delegate.objects.count()} delegates on "
        f"{django.db.connection.vendor}; {args.runs} rounds (pages alternate), logged in as sonoivu"
    )
    rows = measure(args.runs, args.only)
    print(f"\n{'page':<26} {'min ms':>8} {'median':>8} {'queries':>8} {'KB':>7}  path")
    for row in rows:
        print(
            f"{row['label']:<26} {row['min']:8.1f} {row['median']:8.1f} {row['queries']:8d} "
            f"{row['kb']:7.0f}  {row['path']}"
        )
    over = [r["label"] for r in rows if r["median"] > AIM_MS]
    print(
        f"\naim: every page's median under {AIM_MS} ms: "
        + ("met" if not over else f"NOT met ({', '.join(over)})")
    )
    for row in rows:  # for bench/run_all.py's table
        print(
            f"TABLE\tpage {row['label']} ({row['queries']} queries)\t{row['median']:.0f} ms median"
            f"\t\t\t< {AIM_MS} ms"
        )


if __name__ == "__main__":
    main()

"""Benchmark (run by hand): the unit list and the reorganisation preview for a province of 200+ units.

    DATABASE_URL=sqlite:////tmp/bk-bench-reorg.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bk-bench-reorg.sqlite3 .venv/bin/python manage.py demo_data
    DATABASE_URL=sqlite:////tmp/bk-bench-reorg.sqlite3 .venv/bin/python bench/reorganisation.py [--repeat 10]

Loads the 2025 reorganisation (Bắc Kạn's 154 units ending, Thái Nguyên's 93 units and
32 bodies beginning: about 280 units in all), then times the whole rendered pages (test
client, Sở Nội vụ account): the unit list and the preview, before applying, then the
unit list and the preview after applying. The pages of each state are requested in
turn, alternating, `--repeat` times each. Prints min, median and the number of
queries. Target: under 200 ms each.
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

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from oversight.services_reorganisation import reorganisation_apply  # noqa: E402
from units.models import Unit, User  # noqa: E402
from units.services_reorganisation import reorganisation_load_from_file  # noqa: E402

TARGET_MS = 200


def timed(client: Client, pages: list[tuple[str, str]], repeat: int) -> list[tuple[str, float, float, int]]:
    """Each page `repeat` times, alternating between them: (name, min ms, median ms, queries)."""
    times: dict[str, list[float]] = {name: [] for name, _ in pages}
    for _, url in pages:
        client.get(url)  # warm up
    for _ in range(repeat):
        for name, url in pages:
            start = time.perf_counter()
            response = client.get(url)
            times[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    results = []
    for name, url in pages:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results.append((name, min(times[name]), statistics.median(times[name]), len(queries)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    staff = User.objects.get(username="sonoivu")
    client = Client()
    client.force_login(staff)
    with transaction.atomic():
        reorganisation = reorganisation_load_from_file()
        print(f"{Unit.objects.count()} units, {reorganisation.items.count()} mapping rows")
        preview = f"/oversight/reorganisations/{reorganisation.pk}/"
        results = timed(client, [("unit list, before", "/units/"), ("preview, before", preview)], args.repeat)
        reorganisation_apply(reorganisation=reorganisation, by=staff)
        results += timed(client, [("unit list, after", "/units/"), ("preview, after", preview)], args.repeat)
        transaction.set_rollback(True)  # leave the database as it was
    for name, fastest, median, queries in results:
        verdict = "ok" if median < TARGET_MS else "SLOW"
        print(
            f"{name:<20} min {fastest:7.1f} ms  median {median:7.1f} ms  {queries:3d} queries"
            f"  (target < {TARGET_MS} ms: {verdict})"
        )


if __name__ == "__main__":
    main()

"""Measure the public exemplar page: time and queries per request with many published exemplars.

Run by hand (own SQLite file, nothing else touched):
    DATABASE_URL=sqlite:////tmp/bench-honours.sqlite3 .venv/bin/python bench/honors_public_page.py [count]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bac_kan_emulation.settings")
os.environ.setdefault("DEBUG", "True")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(count: int) -> None:
    from congresses.selectors import campaign_active
    from honors.domain import FIELDS
    from honors.models import Exemplar
    from units.models import Unit

    call_command("migrate", verbosity=0)
    call_command("load_bac_kan", verbosity=0, stdout=open(os.devnull, "w"))
    campaign = campaign_active()
    movements = list(campaign.movements.all())
    units = list(Unit.objects.exclude(kind="province"))
    existing = Exemplar.objects.filter(publication="approved").count()
    rows = [
        Exemplar(unit=units[i % len(units)], kind="individual", name=f"Hoàng Thị Điển Hình {i}",
                 field=FIELDS[i % len(FIELDS)], achievements="Thành tích.", story="Câu chuyện ngắn " * 10,
                 publication="approved", search_text=f"hoang thi dien hinh {i}")
        for i in range(existing, count)
    ]  # fmt: skip
    created = Exemplar.objects.bulk_create(rows, batch_size=500)
    through = Exemplar.movements.through
    through.objects.bulk_create(
        [through(exemplar_id=e.pk, movement_id=movements[e.pk % len(movements)].pk) for e in created],
        batch_size=1000,
    )
    client = Client()
    for label, params in (
        ("trang 1", {}),
        ("tìm không dấu", {"q": "dien hinh 1"}),
        ("lọc lĩnh vực", {"linh_vuc": FIELDS[0]}),
    ):
        client.get("/dien-hinh/", params)  # warm up
        runs = 20
        start = time.perf_counter()
        for _ in range(runs):
            response = client.get("/dien-hinh/", params)
        elapsed = (time.perf_counter() - start) / runs
        with CaptureQueriesContext(connection) as ctx:
            client.get("/dien-hinh/", params)
        print(f"{label:<16} {Exemplar.objects.filter(publication='approved').count():>6} điển hình công bố: "
              f"{elapsed * 1000:6.1f} ms/trang, {len(ctx.captured_queries)} truy vấn, HTTP {response.status_code}")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)

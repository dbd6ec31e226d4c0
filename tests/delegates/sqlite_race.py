"""Officers racing for a roster's last seat on the demo's own SQLite settings (run in a subprocess).

Usage: python tests/delegates/sqlite_race.py DB_FILE THREADS
Prints one JSON line: what each thread got back and how many delegates the roster holds.
"""

import json
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[1]}"
os.environ["DEMO_MODE"] = "True"
os.environ["DJANGO_SETTINGS_MODULE"] = "bac_kan_emulation.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def main(threads: int) -> None:
    call_command("migrate", verbosity=0)
    from congresses.services import campaign_load_from_file
    from delegates.models import Delegate
    from delegates.services import delegate_create
    from tests.factories import DelegateFactory, EventFactory
    from units.models import Unit
    from units.services import units_load_bac_kan

    units_load_bac_kan()
    campaign_load_from_file()
    event = EventFactory(unit=Unit.objects.get(name="Thị trấn Chợ Rã"), delegate_cap=5)
    DelegateFactory.create_batch(4, event=event)
    connection.close()

    barrier = threading.Barrier(threads)
    answers: list[str] = []

    def add_last_seat(n: int) -> None:
        data = {
            "category": Delegate.Category.EXEMPLAR_INDIVIDUAL,
            "full_name": f"Hoàng Thị Chạy Đua {n}",
            "gender": "female",
            "birth_year": 1985,
            "ethnic_group": "Tày",
        }
        barrier.wait()
        try:
            delegate_create(event=event, data=data)
            answers.append("saved")
        except Exception as exc:  # what the officer's request would have met
            answers.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    workers = [threading.Thread(target=add_last_seat, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({"answers": answers, "headcount": Delegate.objects.filter(event=event).count()}))


if __name__ == "__main__":
    main(int(sys.argv[2]))

"""Two requests at once on PostgreSQL: one event per unit, plan versions never collide."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from congresses.models import Event, UnitPlan
from congresses.services import event_register, plan_submit
from core.errors import DomainError
from tests.congresses import plan_files

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _run_at_once(count, work):
    barrier = threading.Barrier(count)
    outcomes = []

    def runner(i):
        barrier.wait()
        try:
            outcomes.append(work(i))
        except DomainError as exc:
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")


def test_ten_registrations_at_once_make_one_event(campaign, units, unit_manager):
    data = {"ordinal": "II", "venue": "Chợ Rã", "date": date(2025, 3, 1), "session": "morning"}
    outcomes = _run_at_once(
        10, lambda i: event_register(campaign=campaign, unit=units["chora"], data=data, by=unit_manager)
    )
    assert Event.objects.filter(unit=units["chora"]).count() == 1
    assert sum(isinstance(o, Event) for o in outcomes) == 1
    assert all("đã đăng ký" in str(o) for o in outcomes if not isinstance(o, Event))


def test_resubmissions_at_once_keep_every_version(campaign, units, unit_manager):
    plan_submit(
        campaign=campaign,
        unit=units["chora"],
        kind="plan",
        upload=plan_files.pdf(),
        submitted_by=unit_manager,
    )
    _run_at_once(
        5,
        lambda i: plan_submit(
            campaign=campaign,
            unit=units["chora"],
            kind="plan",
            upload=plan_files.pdf(f"v{i}.pdf"),
            submitted_by=unit_manager,
        ),  # fmt: skip
    )
    plan = UnitPlan.objects.get(unit=units["chora"])
    assert plan.version == 6
    assert sorted(plan.versions.values_list("version", flat=True)) == [1, 2, 3, 4, 5]

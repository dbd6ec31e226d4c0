from datetime import date

import pytest

from congresses.domain import event_full_name
from congresses.models import Event
from core.text import fold_for_search, vietnamese_sort_key
from delegates.models import Delegate


def make_event(
    campaign, unit, *, when: date | None = None, status: str = "planned", session: str = "morning"
):
    tier = next(t for t in campaign.tiers.all() if unit.kind in t.unit_kinds)
    return Event.objects.create(
        campaign=campaign,
        unit=unit,
        tier=tier,
        name=event_full_name(event_name=tier.event_name, unit_name=unit.name),
        ordinal="III",
        venue="Hội trường",
        date=when or tier.window_start,
        session=session,
        status=status,
    )


def add_delegates(event, *, exemplars: int, others: int, women: int = 0, ethnic: str = "Tày") -> None:
    rows = []
    for i in range(exemplars + others):
        name = f"Nguyễn Văn {i}"
        rows.append(
            Delegate(
                event=event,
                category="exemplar_individual" if i < exemplars else "guest",
                full_name=name,
                gender="female" if i < women else "male",
                birth_year=1980,
                ethnic_group=ethnic,
                sort_key=vietnamese_sort_key(name),
                search_text=fold_for_search(name),
            )
        )
    Delegate.objects.bulk_create(rows)


@pytest.fixture
def event_factory(campaign):
    def factory(unit, **kwargs):
        return make_event(campaign, unit, **kwargs)

    return factory


def make_plan(campaign, unit, *, on: date, approved: bool = False):
    """A plan submitted through the plans service on `on` (optionally approved)."""
    from datetime import datetime, time

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from congresses import services
    from congresses.demo import minimal_pdf
    from congresses.models import UnitPlan

    when = timezone.make_aware(datetime.combine(on, time(9, 0)))
    plan = services.plan_submit(campaign=campaign, unit=unit, kind=UnitPlan.Kind.PLAN,
                                upload=SimpleUploadedFile("ke-hoach.pdf", minimal_pdf(["Ke hoach"])),
                                submitted_by=None, now=when)  # fmt: skip
    if approved:
        UnitPlan.objects.filter(pk=plan.pk).update(status=UnitPlan.Status.APPROVED)
    return plan

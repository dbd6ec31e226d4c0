from datetime import date

from delegates.models import Delegate
from delegates.services import roster_recount
from tests.factories import DelegateFactory


def add_delegates(event, *, exemplars: int, others: int, women: int = 0, ethnic: str = "Tày") -> None:
    """`exemplars` exemplar delegates then `others` guests; the first `women` are women."""
    rows = DelegateFactory.build_batch(exemplars + others, event=event, ethnic_group=ethnic)
    for i, row in enumerate(rows):
        row.category = "exemplar_individual" if i < exemplars else "guest"
        row.gender = "female" if i < women else "male"
    Delegate.objects.bulk_create(rows)
    roster_recount(event_id=event.pk)  # as every roster write does


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

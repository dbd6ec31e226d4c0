"""What waits for each user on their home page: counts of work in their hands (a fixed number of queries)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import F, Q

from attendance.models import Replacement
from congresses.models import Campaign, UnitPlan
from honors.selectors import exemplar_publication_requests, nomination_list_to_review
from units.models import DocumentProfile, Reorganisation, Unit
from units.permissions import filter_for_scope, is_staff_of_home_affairs

from .progress import Violation, compliance_violations
from .records import events_awaiting_report


@dataclass(frozen=True)
class WaitingWork:
    """Counts by kind of work; `overdue` lists the rules units in the user's hands break today."""

    plans_to_review: int = 0
    plans_returned: int = 0
    nominations_to_review: int = 0
    publications_to_review: int = 0
    profiles_to_check: int = 0
    reports_overdue: int = 0
    reorganisations_pending: int = 0
    replacements_to_decide: int = 0
    replacements_event_id: int | None = None  # where the first of them is decided
    overdue: list[Violation] = field(default_factory=list)

    @property
    def overdue_units(self) -> int:
        return len({violation.unit_id for violation in self.overdue})


def waiting_work(*, user, campaign: Campaign | None, today: date) -> WaitingWork:
    """What the user should do next. Sở Nội vụ: the province's reviews; an officer: their units'."""
    if campaign is None:
        return WaitingWork()
    staff = is_staff_of_home_affairs(user)
    past_due = today - timedelta(days=settings.OVERSIGHT_REPORT_DUE_DAYS)
    reports_overdue = events_awaiting_report(campaign=campaign, user=user).filter(date__lt=past_due).count()
    violations = compliance_violations(campaign=campaign, today=today)
    if not staff:
        in_hands = set(filter_for_scope(Unit.objects.all(), user).values_list("pk", flat=True))
        violations = [violation for violation in violations if violation.unit_id in in_hands]
    plans = UnitPlan.objects.filter(campaign=campaign)
    replacements = filter_for_scope(
        Replacement.objects.filter(status=Replacement.Status.PENDING, event__campaign=campaign),
        user,
        unit_path="event__unit",
    )
    replacement_events = list(replacements.order_by("event__date").values_list("event_id", flat=True))
    return WaitingWork(
        plans_to_review=plans.filter(status=UnitPlan.Status.SUBMITTED).count() if staff else 0,
        plans_returned=0
        if staff
        else filter_for_scope(plans.filter(status=UnitPlan.Status.RETURNED), user, unit_path="unit").count(),
        nominations_to_review=nomination_list_to_review(user=user).count(),
        publications_to_review=exemplar_publication_requests(user=user).count(),
        profiles_to_check=DocumentProfile.objects.filter(
            Q(checked_at__isnull=True) | Q(updated_at__gt=F("checked_at"))
        ).count()
        if staff
        else 0,
        reports_overdue=reports_overdue,
        reorganisations_pending=Reorganisation.objects.filter(status=Reorganisation.Status.DRAFT).count()
        if staff
        else 0,
        replacements_to_decide=len(replacement_events) if not staff else 0,
        replacements_event_id=replacement_events[0] if replacement_events and not staff else None,
        overdue=violations,
    )

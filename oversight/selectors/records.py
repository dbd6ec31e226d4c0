"""Oversight reads: results reports, pilots and their lessons, the budget, reminders sent."""

from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Case, Count, F, Q, QuerySet, Value, When

from attendance.selectors import present_by_category
from congresses.models import Campaign, Event, TierRule, UnitPlan
from delegates.models import Delegate
from honors.models import Honour
from units.permissions import filter_for_scope

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

from ..domain import (
    BudgetTotals,
    budget_totals,
)
from ..models import BudgetLine, PilotLesson, ReminderSent, ResultReport


def result_report_for_event(*, event: Event) -> ResultReport | None:
    return ResultReport.objects.filter(event=event).prefetch_related("attachments").first()


def events_awaiting_report(*, campaign: Campaign, user) -> QuerySet[Event]:
    """Events held without a results report, oldest first, within the user's scope."""
    qs = Event.objects.filter(
        Q(status=Event.Status.HELD) | Q(status=Event.Status.REPORTED, result_report__isnull=True),
        campaign=campaign,
    ).select_related("unit", "unit__parent", "tier")
    return filter_for_scope(qs, user, unit_path="unit").order_by("date", "unit__name")


def events_for_results(*, campaign: Campaign, user) -> QuerySet[Event]:
    """Events a user may report on or read the report of (held or reported), in their scope."""
    qs = Event.objects.filter(campaign=campaign, status__in=(Event.Status.HELD, Event.Status.REPORTED))
    qs = qs.select_related("unit", "tier", "result_report")
    return filter_for_scope(qs, user, unit_path="unit").order_by("-date", "unit__name")


def pilot_events(*, campaign: Campaign) -> QuerySet[Event]:
    return (
        Event.objects.filter(campaign=campaign, unit__is_pilot=True)
        .select_related("unit", "tier", "pilot_lesson", "result_report")
        .prefetch_related("agenda_items")
        .order_by("tier__order", "date")
    )


def pilot_programmes(*, campaign: Campaign) -> dict[int, UnitPlan]:
    """Unit id -> the pilot programme it submitted for the council's review (one query)."""
    plans = UnitPlan.objects.filter(campaign=campaign, kind=UnitPlan.Kind.PILOT_PROGRAMME)
    return {plan.unit_id: plan for plan in plans}


def pilot_lessons_for_tier(*, tier: TierRule) -> QuerySet[PilotLesson]:
    """Lessons learnt at the pilots of a tier, shown to every unit of that tier."""
    return (
        PilotLesson.objects.filter(event__tier=tier)
        .exclude(lessons="", council_comments="")
        .select_related("event", "event__unit")
        .order_by("event__date")
    )


class _BudgetLineAmounts(TypedDict):
    total: Decimal
    category_order: int


def budget_lines(*, campaign: Campaign) -> "QuerySet[WithAnnotations[BudgetLine, _BudgetLineAmounts]]":
    """The estimate's lines in the order of the categories, with their amounts."""
    order = Case(*(When(category=c, then=Value(i)) for i, c in enumerate(BudgetLine.Category.values)))
    return (
        BudgetLine.objects.filter(campaign=campaign)
        .annotate(total=F("quantity") * F("unit_price"), category_order=order)
        .order_by("category_order", "pk")
    )


def budget_summary(*, campaign: Campaign) -> BudgetTotals:
    lines = BudgetLine.objects.filter(campaign=campaign).values_list("category", "quantity", "unit_price")
    return budget_totals(lines, categories=BudgetLine.Category.values)


def result_report_initial(*, event: Event) -> dict:
    """Suggested figures for a first report: those checked in at the door by category when the door
    was kept on the portal, else the roster by category; and the honours recorded (3 queries)."""
    cat = Delegate.Category
    agg: dict[str, int] = present_by_category(event_ids=[event.pk])[event.pk]
    if not agg:
        agg = Delegate.objects.filter(event=event).aggregate(
            **{c.value: Count("pk", filter=Q(category=c.value)) for c in cat}
        )
    agg = {c.value: agg.get(c.value, 0) for c in cat}
    return {
        "held_on": event.date,
        "attended_exemplar_individuals": agg[cat.EXEMPLAR_INDIVIDUAL.value],
        "attended_exemplar_collectives": agg[cat.EXEMPLAR_COLLECTIVE.value],
        "attended_leaders": agg[cat.LEADER.value],
        "attended_guests": agg[cat.GUEST.value],
        "exemplars_honoured": Honour.objects.filter(event=event).count(),
    }


def reminders_sent(*, campaign: Campaign) -> QuerySet[ReminderSent]:
    return (
        ReminderSent.objects.filter(campaign=campaign)
        .select_related("unit", "unit__parent")
        .prefetch_related("deliveries")
        .order_by("-sent_on", "unit__name")
    )

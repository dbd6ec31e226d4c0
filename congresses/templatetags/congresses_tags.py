"""Template tags of the campaign: a unit's plan and event card, and value formatting."""

from django import template
from django.utils import timezone

from core.clock import today as portal_today
from units.domain import Access
from units.permissions import unit_access

from ..domain import PlanState, format_file_size
from ..domain import plan_status as decide_plan_status
from ..models import UnitPlan
from ..selectors import (
    campaign_active,
    campaigns_in_preparation,
    event_for_unit,
    tier_for_unit,
    unit_plan_summaries,
)

register = template.Library()


@register.filter
def file_size(value: int | None) -> str:
    return format_file_size(value or 0)


@register.filter
def plan_state_label(state: str) -> str:
    return str(PlanState.LABELS.get(state, state))


@register.inclusion_tag("congresses/_unit_campaign_card.html", takes_context=True)
def unit_campaign_card(context, unit, framed: bool = True):
    """The unit's plan status and event, with links, for the unit page and the officer home.

    It reads through selectors (a few queries) and passes finished values to the partial.
    """
    user = context["request"].user
    campaign = campaign_active()
    if campaign is None or unit is None:
        return {"campaign": None}
    can_change = unit_access(user, unit) == Access.WRITE

    tier = tier_for_unit(campaign=campaign, unit=unit)
    owes_plan = tier is not None and tier.upper_tier_id is not None
    plans = []
    today = portal_today()
    for plan in unit_plan_summaries(campaign=campaign, unit=unit):
        plans.append((plan, _status(plan, campaign, today)))
    kinds_done = {plan.kind for plan, _ in plans}
    missing = [
        (
            kind,
            decide_plan_status(
                review_status=None, first_submitted_on=None, deadline=campaign.plan_deadline, today=today
            ),
        )
        for kind in ([UnitPlan.Kind.PLAN] + ([UnitPlan.Kind.PILOT_PROGRAMME] if unit.is_pilot else []))
        if kind not in kinds_done and owes_plan
    ]
    return {
        "campaign": campaign,
        "unit": unit,
        "plans": plans,
        "missing": [(UnitPlan.Kind(kind).label, status) for kind, status in missing],
        "event": event_for_unit(campaign=campaign, unit=unit),
        "has_tier": tier is not None,
        "tier": tier,
        "owes_plan": owes_plan or bool(plans),
        "can_change": can_change,
        "framed": framed,
        "has_children": unit.children.exists(),
        "upcoming": _upcoming(unit),
    }


def _upcoming(unit) -> list[dict]:
    """The campaigns in preparation whose map holds the unit: its tier and event in each."""
    rows = []
    for campaign in campaigns_in_preparation():
        tier = tier_for_unit(campaign=campaign, unit=unit)
        if tier is not None:
            rows.append(
                {"campaign": campaign, "tier": tier, "event": event_for_unit(campaign=campaign, unit=unit)}
            )
    return rows


def _status(plan: UnitPlan, campaign, today):
    return decide_plan_status(
        review_status=plan.status,
        first_submitted_on=timezone.localdate(plan.first_submitted_at),
        deadline=campaign.plan_deadline,
        today=today,
    )

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.listing import SortColumn
from core.text import vietnamese_key
from units.models import Unit
from units.permissions import filter_for_scope
from units.selectors import units_valid_on

from .domain import (
    PlanState,
    PlanStatus,
    plan_status,
    tier_for_kind,
    unit_sort_key,
)
from .models import (
    Campaign,
    Event,
    TierRule,
    UnitPlan,
    UnitPlanVersion,
)
from .rules import campaign_in_preparation, campaign_map_date


def campaign_active() -> Campaign | None:
    return Campaign.objects.filter(is_active=True).first()


def campaigns_in_preparation() -> list[Campaign]:
    """Campaigns being prepared after the active one (`congresses.rules.campaign_in_preparation`)."""
    campaigns = list(Campaign.objects.order_by("period_end_year", "pk"))
    active_end = next((c.period_end_year for c in campaigns if c.is_active), None)
    return [
        c
        for c in campaigns
        if campaign_in_preparation(
            is_active=c.is_active, period_end_year=c.period_end_year, active_end_year=active_end
        )
    ]


def campaign_for_registration(*, pk: int | None) -> Campaign | None:
    """The campaign a unit registers its event in: the active one, or one in preparation."""
    active = campaign_active()
    if pk is None or (active is not None and active.pk == pk):
        return active
    return next((c for c in campaigns_in_preparation() if c.pk == pk), None)


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.all()


def campaign_tiers(*, campaign: Campaign) -> list[TierRule]:
    return list(campaign.tiers.select_related("upper_tier").order_by("order"))


def campaign_map_day(*, campaign: Campaign, tiers: list[TierRule] | None = None) -> date | None:
    """The day whose units the campaign covers (`congresses.rules.campaign_map_date`)."""
    tiers = campaign_tiers(campaign=campaign) if tiers is None else tiers
    return campaign_map_date(map_date=campaign.map_date, window_starts=[t.window_start for t in tiers])


def campaign_units(*, campaign: Campaign, tiers: list[TierRule] | None = None) -> QuerySet[Unit]:
    """The units of the campaign's map: those that exist on its map day."""
    return units_valid_on(Unit.objects.all(), campaign_map_day(campaign=campaign, tiers=tiers))


@dataclass(frozen=True)
class TierOnMap:
    tier: TierRule
    unit_count: int  # units of its kinds on the campaign's map day


def campaign_tiers_on_map(*, campaign: Campaign) -> tuple[date | None, list[TierOnMap]]:
    """The campaign's map day and each tier with how many units it covers on it, in two queries."""
    tiers = campaign_tiers(campaign=campaign)
    day = campaign_map_day(campaign=campaign, tiers=tiers)
    counts = dict(
        units_valid_on(Unit.objects.all(), day)
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return day, [TierOnMap(tier=t, unit_count=sum(counts.get(k, 0) for k in t.unit_kinds)) for t in tiers]


def tier_for_unit(*, campaign: Campaign, unit: Unit) -> TierRule | None:
    """The unit's tier in the campaign; none for a unit not on the campaign's map."""
    tiers = campaign_tiers(campaign=campaign)
    day = campaign_map_day(campaign=campaign, tiers=tiers)
    if day is not None and not unit.is_valid_on(day):
        return None
    return tier_for_kind(tiers, unit.kind)


# --- Unit plans -----------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    unit: Unit
    plan: UnitPlan | None
    status: PlanStatus

    @property
    def state_rank(self) -> int:
        """Position of the row's state in the list's order (missing first, approved last)."""
        return PlanState.ORDER.index(self.status.state)


def plan_status_rows(
    *,
    user,
    campaign: Campaign,
    today: date,
    kind: str = UnitPlan.Kind.PLAN,
    tier: TierRule | None = None,
    unit_kind: str = "",
    status: str = "",
    district_id: int | None = None,
) -> tuple[list[PlanRow], dict[str, int]]:
    """Every unit in the user's scope that owes this document, its state, and counts per state.

    Counts are over the tier/kind selection before the status filter, so the
    filter buttons show how many each would list. Two queries whatever the size.
    """
    all_tiers = campaign_tiers(campaign=campaign)
    tiers = plan_owing_tiers(all_tiers)
    kinds = [k for t in ([tier] if tier else tiers) for k in t.unit_kinds]
    if unit_kind:
        kinds = [k for k in kinds if k == unit_kind]
    on_map = campaign_units(campaign=campaign, tiers=all_tiers)
    units = filter_for_scope(on_map.filter(kind__in=kinds), user).select_related("parent")
    if kind == UnitPlan.Kind.PILOT_PROGRAMME:
        units = units.filter(is_pilot=True)
    if district_id:
        units = units.filter(Q(pk=district_id) | Q(parent_id=district_id))
    # Only what the list shows: every unit needs its plan's state, not the whole plan and its people.
    units = units.prefetch_related(
        Prefetch(
            "plans",
            queryset=UnitPlan.objects.filter(campaign=campaign, kind=kind)
            .select_related("reviewed_by")
            .only(*PLAN_LIST_FIELDS),
            to_attr="campaign_plans",
        )
    )
    rows: list[PlanRow] = []
    counts = dict.fromkeys(PlanState.ORDER, 0)
    for unit in units:
        plan = unit.campaign_plans[0] if unit.campaign_plans else None
        state = plan_status(
            review_status=plan.status if plan else None,
            first_submitted_on=timezone.localdate(plan.first_submitted_at) if plan else None,
            deadline=campaign.plan_deadline,
            today=today,
        )
        counts[state.state] += 1
        if state.late:
            counts[PlanState.LATE] += 1
        if state.matches(status):
            rows.append(PlanRow(unit=unit, plan=plan, status=state))
    # unsorted: the list page sorts and pages them (core.listing), once
    return rows, counts


PLAN_LIST_FIELDS = ("unit_id", "status", "first_submitted_at", "submitted_at", "version", "review_comment",
                    "reviewed_by__first_name", "reviewed_by__last_name", "reviewed_by__username")  # fmt: skip


def plan_owing_tiers(tiers: list[TierRule]) -> list[TierRule]:
    """Tiers whose units send their own plan: every tier under another one. The top
    tier (the province congress) is organised by the campaign's plan itself."""
    return [tier for tier in tiers if tier.upper_tier_id is not None]


def plans_for_unit(*, campaign: Campaign, unit: Unit) -> list[UnitPlan]:
    return list(
        UnitPlan.objects.filter(campaign=campaign, unit=unit)
        .select_related("submitted_by", "reviewed_by")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=UnitPlanVersion.objects.select_related("submitted_by", "reviewed_by"),
            )
        )
        .order_by("kind")
    )


def plan_get(*, pk: int) -> UnitPlan | None:
    return UnitPlan.objects.select_related("unit", "unit__parent", "campaign").filter(pk=pk).first()


def plan_version_get(*, pk: int) -> UnitPlanVersion | None:
    return UnitPlanVersion.objects.select_related("plan__unit", "plan__unit__parent").filter(pk=pk).first()


# --- Events ---------------------------------------------------------------------


def event_list_for_user(
    *, user, campaign: Campaign, tier_id: int | None = None, status: str = "", district_id: int | None = None
) -> QuerySet[Event]:
    events = filter_for_scope(Event.objects.filter(campaign=campaign), user, unit_path="unit")
    events = events_filtered(events, tier_id=tier_id, status=status, district_id=district_id)
    return events.select_related("unit", "unit__parent", "tier").order_by("date", "unit__name")


# The sortable columns of every list of events (core.listing): names in Vietnamese order.
EVENT_SORTS = (
    SortColumn("date", _("Ngày"), ("date", "unit__name")),
    SortColumn("name", _("Tên sự kiện"), ("name",)),
    SortColumn("unit", _("Đơn vị"), ("unit__name",)),
    SortColumn("tier", _("Cấp"), ("tier__order", "date", "unit__name")),
    SortColumn("status", _("Trạng thái"), ("status", "date", "unit__name")),
)


def events_filtered(
    events: QuerySet[Event], *, tier_id: int | None = None, status: str = "", district_id: int | None = None
) -> QuerySet[Event]:
    """Events of one tier, one status, one district or city (its own event and its communes')."""
    if tier_id:
        events = events.filter(tier_id=tier_id)
    if status:
        events = events.filter(status=status)
    if district_id:
        events = events.filter(Q(unit_id=district_id) | Q(unit__parent_id=district_id))
    return events


def event_status_counts(*, events: QuerySet[Event]) -> dict[str, int]:
    rows = events.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def event_get(*, pk: int) -> Event | None:
    return Event.objects.select_related("unit", "unit__parent", "tier", "campaign").filter(pk=pk).first()


def event_for_unit(*, campaign: Campaign, unit: Unit) -> Event | None:
    return Event.objects.select_related("tier").filter(campaign=campaign, unit=unit).first()


def district_choices() -> list[Unit]:
    """Districts and cities (the 2020–2025 map's huyện, thành phố), in Vietnamese alphabet order."""
    return sorted(Unit.objects.filter(kind__in=("district", "city")), key=lambda u: vietnamese_key(u.name))


def unit_plan_summaries(*, campaign: Campaign, unit: Unit) -> list[UnitPlan]:
    """The unit's documents, the plan first and then the pilot programme."""
    order = list(UnitPlan.Kind.values)
    return sorted(
        UnitPlan.objects.filter(campaign=campaign, unit=unit), key=lambda plan: order.index(plan.kind)
    )


def units_without_event(
    *, user, campaign: Campaign, tier_id: int | None = None, district_id: int | None = None
) -> list[Unit]:
    """Units in the user's scope that the plan expects an event from and that have not registered one."""
    tiers = campaign_tiers(campaign=campaign)
    kinds = [kind for tier in tiers if not tier_id or tier.pk == tier_id for kind in tier.unit_kinds]
    on_map = campaign_units(campaign=campaign, tiers=tiers)
    units = filter_for_scope(on_map.filter(kind__in=kinds), user).exclude(events__campaign=campaign)
    if district_id:
        units = units.filter(Q(pk=district_id) | Q(parent_id=district_id))
    rows = list(units.select_related("parent"))
    rows.sort(key=lambda u: (unit_sort_key(u.parent.name if u.parent else ""), unit_sort_key(u.name)))
    return rows

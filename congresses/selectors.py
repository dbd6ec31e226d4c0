from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from units.choices import Gender
from units.models import Unit
from units.permissions import filter_for_scope
from units.reference import MAJORITY_ETHNIC_GROUP

from .domain import (
    OVERDUE_LABELS,
    BudgetTotals,
    PlanState,
    PlanStatus,
    UnitDeadlines,
    budget_totals,
    check_delegation_quota,
    check_event_window,
    check_exemplar_share,
    check_plan,
    check_presenters,
    check_roster_cap,
    check_sessions,
    column_chart,
    hbar_chart,
    month_counts,
    overdue_stages,
    plan_status,
    sessions_used,
    tier_for_kind,
    unit_sort_key,
    week_counts,
)
from .models import (
    AgendaItem,
    BudgetLine,
    Campaign,
    Event,
    PilotLesson,
    ReminderSent,
    ResultReport,
    TierRule,
    UnitPlan,
    UnitPlanVersion,
)


def campaign_active() -> Campaign | None:
    return Campaign.objects.filter(is_active=True).first()


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.all()


def campaign_tiers(*, campaign: Campaign) -> list[TierRule]:
    return list(campaign.tiers.select_related("upper_tier").order_by("order"))


def tier_for_unit(*, campaign: Campaign, unit: Unit) -> TierRule | None:
    return tier_for_kind(campaign_tiers(campaign=campaign), unit.kind)


# --- Unit plans -----------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    unit: Unit
    plan: UnitPlan | None
    status: PlanStatus


def plan_status_rows(
    *,
    user,
    campaign: Campaign,
    today: date,
    kind: str = UnitPlan.Kind.PLAN,
    tier: TierRule | None = None,
    unit_kind: str = "",
    status: str = "",
) -> tuple[list[PlanRow], dict[str, int]]:
    """Every unit in the user's scope that owes this document, its state, and counts per state.

    Counts are over the tier/kind selection before the status filter, so the
    filter buttons show how many each would list. Two queries whatever the size.
    """
    tiers = plan_owing_tiers(campaign_tiers(campaign=campaign))
    kinds = [k for t in ([tier] if tier else tiers) for k in t.unit_kinds]
    if unit_kind:
        kinds = [k for k in kinds if k == unit_kind]
    units = filter_for_scope(Unit.objects.filter(kind__in=kinds), user).select_related("parent")
    if kind == UnitPlan.Kind.PILOT_PROGRAMME:
        units = units.filter(is_pilot=True)
    units = units.prefetch_related(
        Prefetch(
            "plans",
            queryset=UnitPlan.objects.filter(campaign=campaign, kind=kind).select_related(
                "submitted_by", "reviewed_by"
            ),
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
    rows.sort(
        key=lambda row: (
            unit_sort_key(row.unit.parent.name if row.unit.parent else ""),
            unit_sort_key(row.unit.name),
        )
    )
    return rows, counts


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
    if tier_id:
        events = events.filter(tier_id=tier_id)
    if status:
        events = events.filter(status=status)
    if district_id:
        events = events.filter(Q(unit_id=district_id) | Q(unit__parent_id=district_id))
    return events.select_related("unit", "unit__parent", "tier").order_by("date", "unit__name")


def event_status_counts(*, events: QuerySet[Event]) -> dict[str, int]:
    rows = events.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def event_get(*, pk: int) -> Event | None:
    return Event.objects.select_related("unit", "unit__parent", "tier", "campaign").filter(pk=pk).first()


def event_for_unit(*, campaign: Campaign, unit: Unit) -> Event | None:
    return Event.objects.select_related("tier").filter(campaign=campaign, unit=unit).first()


def district_choices() -> QuerySet[Unit]:
    return Unit.objects.filter(kind__in=("district", "city")).order_by("name")


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
    units = filter_for_scope(Unit.objects.filter(kind__in=kinds), user).exclude(events__campaign=campaign)
    if district_id:
        units = units.filter(Q(pk=district_id) | Q(parent_id=district_id))
    rows = list(units.select_related("parent"))
    rows.sort(key=lambda u: (unit_sort_key(u.parent.name if u.parent else ""), unit_sort_key(u.name)))
    return rows


# ---------------------------------------------------------------------------
# Oversight (issue 6): dashboard, compliance, results reports, pilots, budget.
# Each fact other apps own comes from ONE small "hook" function below, so it is
# wired to their models in one place. Every selector runs a fixed number of
# queries whatever the number of units or delegates.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFacts:
    submitted_on: date | None
    approved: bool


def unit_plan_facts(*, campaign: Campaign) -> dict[int, PlanFacts] | None:
    """HOOK (unit plans): unit id -> its plan's first submission date and approval (one query).

    A late plan is judged by its FIRST submission (re-submissions after a return
    do not make it late). Returns None only if plans were not tracked at all.
    """
    rows = UnitPlan.objects.filter(campaign=campaign, kind=UnitPlan.Kind.PLAN).values_list(
        "unit_id", "first_submitted_at", "status"
    )
    return {
        unit_id: PlanFacts(
            submitted_on=timezone.localdate(first) if first is not None else None,
            approved=status == UnitPlan.Status.APPROVED,
        )
        for unit_id, first, status in rows
    }


def delegation_quota_facts(*, campaign: Campaign) -> dict[int, tuple[int | None, int]]:
    """Unit id -> (seats allocated for the upper congress, delegates sent in its approved delegation).

    Two aggregate queries whatever the number of units.
    """
    from delegates.models import DelegationApproval, DelegationQuota

    sent_by_unit = dict(
        DelegationApproval.objects.filter(event__campaign=campaign).values_list("event__unit_id", "size")
    )
    return {
        unit_id: (seats, sent_by_unit.get(unit_id, 0))
        for unit_id, seats in DelegationQuota.objects.filter(campaign=campaign).values_list(
            "unit_id", "seats"
        )
    }


def presenter_counts(*, campaign: Campaign) -> dict[int, int]:
    """Event id -> how many exemplar presenters it chose."""
    from honors.models import Presenter

    rows = Presenter.objects.filter(event__campaign=campaign).values("event_id").annotate(n=Count("pk"))
    return {row["event_id"]: row["n"] for row in rows}


@dataclass
class UnitRow:
    """What the dashboard and the checker know of one unit, all in plain values."""

    unit_id: int
    name: str
    kind: str
    parent_id: int | None
    parent_name: str
    is_pilot: bool
    tier: TierRule
    plan: PlanFacts | None
    event_id: int | None = None
    event_name: str = ""
    event_date: date | None = None
    event_status: str = ""
    event_session: str = ""
    event_cap: int | None = None
    delegates: int = 0
    exemplars: int = 0
    overdue: tuple[str, ...] = ()

    @property
    def registered(self) -> bool:
        return self.event_id is not None

    @property
    def held(self) -> bool:
        return self.event_status in (Event.Status.HELD, Event.Status.REPORTED)

    @property
    def reported(self) -> bool:
        return self.event_status == Event.Status.REPORTED

    @property
    def overdue_labels(self) -> list[str]:
        return [OVERDUE_LABELS[s] for s in self.overdue]


def oversight_unit_rows(
    *, campaign: Campaign, today: date, tiers: list[TierRule] | None = None
) -> list[UnitRow]:
    """One row per unit covered by a tier of the campaign (4 queries + the plan hook)."""
    tiers = tiers if tiers is not None else campaign_tiers(campaign=campaign)
    plans = unit_plan_facts(campaign=campaign)
    events = {
        e["unit_id"]: e
        for e in Event.objects.filter(campaign=campaign).values(
            "id", "unit_id", "name", "date", "status", "session", "delegate_cap"
        )
    }
    from delegates.models import Delegate

    counts: dict[int, dict] = {
        r["event_id"]: dict(r)
        for r in Delegate.objects.filter(event__campaign=campaign)
        .values("event_id")
        .annotate(
            total=Count("pk"), exemplars=Count("pk", filter=Q(category__in=Delegate.EXEMPLAR_CATEGORIES))
        )
    }
    due_days = settings.OVERSIGHT_REPORT_DUE_DAYS
    rows: list[UnitRow] = []
    units = Unit.objects.values("id", "name", "kind", "parent_id", "parent__name", "is_pilot")
    for u in units.order_by("parent__name", "name"):
        tier = tier_for_kind(tiers, u["kind"])
        if tier is None:
            continue
        plan = None if plans is None else plans.get(u["id"], PlanFacts(None, False))
        row = UnitRow(u["id"], u["name"], u["kind"], u["parent_id"], u["parent__name"] or "", u["is_pilot"],
                      tier, plan)  # fmt: skip
        event = events.get(u["id"])
        if event is not None:
            c = counts.get(event["id"], {})
            row.event_id, row.event_name, row.event_date = event["id"], event["name"], event["date"]
            row.event_status, row.event_session = event["status"], event["session"]
            row.event_cap = event["delegate_cap"]
            row.delegates, row.exemplars = c.get("total", 0), c.get("exemplars", 0)
        row.overdue = overdue_stages(_deadlines(row, campaign, due_days), today=today)
        rows.append(row)
    return rows


def _deadlines(row: UnitRow, campaign: Campaign, due_days: int) -> UnitDeadlines:
    return UnitDeadlines(
        plan_deadline=campaign.plan_deadline,
        window_start=row.tier.window_start,
        window_end=row.tier.window_end,
        plan_submitted=None if row.plan is None else row.plan.submitted_on is not None,
        event_date=row.event_date,
        event_held=row.held,
        event_reported=row.reported,
        report_due_days=due_days,
    )


def unit_deadlines(*, row: UnitRow, campaign: Campaign) -> UnitDeadlines:
    return _deadlines(row, campaign, settings.OVERSIGHT_REPORT_DUE_DAYS)


@dataclass
class ProgressCounts:
    """Counts of one group of units (a tier, a district, the bodies)."""

    label: str
    units: int = 0
    plans_submitted: int = 0
    plans_approved: int = 0
    registered: int = 0
    held: int = 0
    reported: int = 0
    overdue: int = 0
    tier: TierRule | None = None
    link_unit_id: int | None = None
    link_group: str = ""
    plans_tracked: bool = True

    def add(self, row: UnitRow) -> None:
        self.units += 1
        if row.plan is None:
            self.plans_tracked = False
        else:
            self.plans_submitted += row.plan.submitted_on is not None
            self.plans_approved += row.plan.approved
        self.registered += row.registered
        self.held += row.held
        self.reported += row.reported
        self.overdue += bool(row.overdue)

    def percent(self, value: int) -> int:
        return round(value * 100 / self.units) if self.units else 0

    @property
    def reported_percent(self) -> int:
        return self.percent(self.reported)

    @property
    def held_percent(self) -> int:
        return self.percent(self.held)


BODY_KINDS = ("department", "mass_org", "enterprise")
GROUP_BODIES = "bodies"


def progress_by_tier(*, rows: list[UnitRow], tiers: list[TierRule]) -> list[ProgressCounts]:
    groups = {t.pk: ProgressCounts(label=t.label, tier=t) for t in tiers}
    for row in rows:
        groups[row.tier.pk].add(row)
    return list(groups.values())


def progress_by_area(*, rows: list[UnitRow], area_id: int | None, group: str = "") -> list[ProgressCounts]:
    """Drill-down: the province splits into its districts (with their communes) and the bodies;
    a district or the bodies split into their units."""
    if group == GROUP_BODIES or area_id is not None:
        chosen = [
            r
            for r in rows
            if (group == GROUP_BODIES and r.kind in BODY_KINDS)
            or (area_id is not None and area_id in (r.unit_id, r.parent_id))
        ]
        out = []
        for row in chosen:
            counts = ProgressCounts(label=row.name, link_unit_id=row.unit_id)
            counts.add(row)
            out.append(counts)
        return out
    districts: dict[int, ProgressCounts] = {}
    bodies = ProgressCounts(label="Sở, ban, ngành, đoàn thể tỉnh, doanh nghiệp", link_group=GROUP_BODIES)
    province: ProgressCounts | None = None
    for row in rows:
        if row.kind in ("district", "city"):
            districts.setdefault(row.unit_id, ProgressCounts(label=row.name, link_unit_id=row.unit_id))
    for row in rows:
        if row.kind in BODY_KINDS:
            bodies.add(row)
        elif row.unit_id in districts:
            districts[row.unit_id].add(row)
        elif row.parent_id in districts:
            districts[row.parent_id].add(row)
        elif row.kind == "province":
            province = province or ProgressCounts(label=row.name, link_unit_id=row.unit_id)
            province.add(row)
    ordered = sorted(districts.values(), key=lambda c: c.label)
    return ([province] if province else []) + ordered + [bodies]


def area_filter(*, area_id: int | None, group: str = "", unit_path: str = "unit") -> Q:
    """Rows of one drill-down area: a district with its communes, or the provincial bodies."""
    if area_id is not None:
        return Q(**{f"{unit_path}_id": area_id}) | Q(**{f"{unit_path}__parent_id": area_id})
    if group == GROUP_BODIES:
        return Q(**{f"{unit_path}__kind__in": BODY_KINDS})
    return Q()


def delegate_composition(*, campaign: Campaign, where: Q | None = None) -> dict:
    """Women, minorities, direct workers and categories of the delegates (one query)."""
    from delegates.models import Delegate

    cat = Delegate.Category
    agg = Delegate.objects.filter(where or Q(), event__campaign=campaign).aggregate(
        total=Count("pk"),
        women=Count("pk", filter=Q(gender=Gender.FEMALE)),
        minorities=Count("pk", filter=~Q(ethnic_group=MAJORITY_ETHNIC_GROUP)),
        direct=Count("pk", filter=Q(is_direct_worker=True)),
        **{f"cat_{c.value}": Count("pk", filter=Q(category=c.value)) for c in cat},
    )
    return {
        "total": agg["total"],
        "groups": [
            ("Nữ", agg["women"]),
            ("Dân tộc thiểu số", agg["minorities"]),
            ("Trực tiếp lao động, sản xuất", agg["direct"]),
        ],  # fmt: skip
        "categories": [(c.label, agg[f"cat_{c.value}"]) for c in cat],
    }


def honours_by_award(*, campaign: Campaign, where: Q | None = None) -> list[tuple[str, int]]:
    from honors.models import Honour

    rows = (
        Honour.objects.filter(where or Q(), event__campaign=campaign)
        .values("award_type__name", "award_type__order")
        .annotate(n=Count("pk"))
        .order_by("award_type__order", "award_type__name")
    )
    return [(r["award_type__name"], r["n"]) for r in rows]


def held_event_dates(*, rows: list[UnitRow]) -> list[date]:
    return [r.event_date for r in rows if r.held and r.event_date is not None]


# --- Compliance checker -----------------------------------------------------


@dataclass(frozen=True)
class Violation:
    unit_id: int
    unit_name: str
    parent_name: str
    event_id: int | None
    rule: str
    reason: str


def agenda_hours_by_event(*, campaign: Campaign) -> dict[int, list[int]]:
    hours: dict[int, list[int]] = {}
    items = AgendaItem.objects.filter(event__campaign=campaign, start_time__isnull=False)
    for event_id, start in items.values_list("event_id", "start_time"):
        if start is not None:
            hours.setdefault(event_id, []).append(start.hour)
    return hours


def compliance_violations(
    *, campaign: Campaign, today: date, rows: list[UnitRow] | None = None
) -> list[Violation]:
    """Every rule of the campaign every unit breaks today (a fixed number of queries)."""
    rows = rows if rows is not None else oversight_unit_rows(campaign=campaign, today=today)
    hours = agenda_hours_by_event(campaign=campaign)
    quotas = delegation_quota_facts(campaign=campaign)
    presenters = presenter_counts(campaign=campaign)
    out: list[Violation] = []
    for row in rows:
        tier = row.tier
        checks = []
        if row.plan is not None:
            checks.append(
                check_plan(deadline=campaign.plan_deadline, submitted_on=row.plan.submitted_on, today=today)
            )
        if row.unit_id in quotas:
            quota, sent = quotas[row.unit_id]
            checks.append(check_delegation_quota(quota=quota, sent=sent))
        if row.event_id is not None and row.event_date is not None:
            used = sessions_used(session=row.event_session, agenda_hours=hours.get(row.event_id, ()))
            checks += [
                check_event_window(event_date=row.event_date, window_start=tier.window_start,
                                   window_end=tier.window_end, label=tier.window_label),
                check_sessions(allowed=tier.sessions, used=used),
                check_roster_cap(cap=row.event_cap or tier.delegate_cap, total=row.delegates),
                check_exemplar_share(min_percent=tier.min_exemplar_share_percent, exemplars=row.exemplars,
                                     total=row.delegates),
            ]  # fmt: skip
            checks.append(check_presenters(presenters=presenters.get(row.event_id, 0)))
        for result in checks:
            if result.broken:
                out.append(
                    Violation(
                        row.unit_id, row.name, row.parent_name, row.event_id, result.rule, result.reason
                    )
                )
    return out


# --- Results reports, pilots, budget -----------------------------------------


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


def budget_lines(*, campaign: Campaign) -> QuerySet[BudgetLine]:
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


def oversight_dashboard(
    *, campaign: Campaign, today: date, area: Unit | None = None, group: str = ""
) -> dict:
    """Everything the dashboard shows, as finished values (a fixed number of queries)."""
    tiers = campaign_tiers(campaign=campaign)
    rows = oversight_unit_rows(campaign=campaign, today=today, tiers=tiers)
    area_id = area.pk if area is not None else None
    if area_id is not None:
        scoped = [r for r in rows if area_id in (r.unit_id, r.parent_id)]
    elif group == GROUP_BODIES:
        scoped = [r for r in rows if r.kind in BODY_KINDS]
    else:
        scoped = rows
    held_dates = held_event_dates(rows=scoped)
    start = min(t.window_start for t in tiers) if tiers else today
    end = max([t.window_end for t in tiers] + held_dates) if tiers else today
    weeks = week_counts(held_dates, start=start, end=min(end, max(today, start)))
    where = area_filter(area_id=area_id, group=group, unit_path="event__unit")
    composition = delegate_composition(campaign=campaign, where=where)
    honours = honours_by_award(campaign=campaign, where=where)
    return {
        "tier_progress": progress_by_tier(rows=scoped, tiers=tiers),
        "area_progress": progress_by_area(rows=rows, area_id=area_id, group=group),
        "overdue_rows": [r for r in scoped if r.overdue],
        "plans_tracked": all(r.plan is not None for r in rows) if rows else False,
        "weeks": weeks,
        "week_bars": column_chart([(m.strftime("%d/%m"), n) for m, n in weeks]),
        "months": month_counts(held_dates),
        "held_total": len(held_dates),
        "composition": composition,
        "composition_bars": hbar_chart(
            composition["groups"] + composition["categories"], total=composition["total"]
        ),
        "honours": honours,
        "honour_total": sum(n for _, n in honours),
        "honour_bars": hbar_chart(honours, width=420, row_height=42),
        "results_summary": results_summary(
            campaign=campaign, where=area_filter(area_id=area_id, group=group, unit_path="event__unit")
        ),
    }


def result_report_initial(*, event: Event) -> dict:
    """Suggested figures for a first report: the roster by category and the honours recorded (2 queries)."""
    from delegates.models import Delegate
    from honors.models import Honour

    cat = Delegate.Category
    agg = Delegate.objects.filter(event=event).aggregate(
        **{c.value: Count("pk", filter=Q(category=c.value)) for c in cat}
    )
    return {
        "held_on": event.date,
        "attended_exemplar_individuals": agg[cat.EXEMPLAR_INDIVIDUAL.value],
        "attended_exemplar_collectives": agg[cat.EXEMPLAR_COLLECTIVE.value],
        "attended_leaders": agg[cat.LEADER.value],
        "attended_guests": agg[cat.GUEST.value],
        "exemplars_honoured": Honour.objects.filter(event=event).count(),
    }


@dataclass(frozen=True)
class ResultsSummaryRow:
    label: str
    reports: int
    attended: int
    exemplars_attended: int
    exemplars_honoured: int
    delegation_approved: int


def results_summary(*, campaign: Campaign, where: Q | None = None) -> list[ResultsSummaryRow]:
    """Totals of the results reports per tier (one query): the figures of the summary to the Central Council."""
    from django.db.models import Sum

    rows = (
        ResultReport.objects.filter(where or Q(), event__campaign=campaign)
        .values("event__tier__label", "event__tier__order")
        .annotate(
            n=Count("pk"),
            ind=Sum("attended_exemplar_individuals"),
            col=Sum("attended_exemplar_collectives"),
            lead=Sum("attended_leaders"),
            guest=Sum("attended_guests"),
            honoured=Sum("exemplars_honoured"),
            delegation=Sum("delegation_approved"),
        )
        .order_by("event__tier__order")
    )
    out = [
        ResultsSummaryRow(
            r["event__tier__label"], r["n"], r["ind"] + r["col"] + r["lead"] + r["guest"], r["ind"] + r["col"],
            r["honoured"], r["delegation"],
        )
        for r in rows
    ]  # fmt: skip
    if out:
        out.append(
            ResultsSummaryRow("Toàn tỉnh", *(sum(getattr(r, f) for r in out) for f in
                              ("reports", "attended", "exemplars_attended", "exemplars_honoured", "delegation_approved")))
        )  # fmt: skip
    return out


def reminders_sent(*, campaign: Campaign) -> QuerySet[ReminderSent]:
    return (
        ReminderSent.objects.filter(campaign=campaign)
        .select_related("unit", "unit__parent")
        .order_by("-sent_on", "unit__name")
    )

"""Oversight reads: the facts of every unit, progress, the dashboard and the compliance checker.

Each fact other apps own comes from ONE small "hook" function, so it is wired to
their models in one place. Every selector runs a fixed number of queries whatever
the number of units or delegates.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext

from congresses import rules
from congresses.domain import tier_for_kind
from congresses.models import AgendaItem, Campaign, Event, TierRule, UnitPlan
from congresses.selectors import campaign_tiers, campaign_units
from core.text import vietnamese_key
from delegates.models import Delegate, DelegationApproval, DelegationQuota, RosterCounter
from honors.models import Honour, Presenter
from units.models import Unit

from ..domain import (
    OVERDUE_LABELS,
    RULE_CAP,
    RULE_QUOTA,
    RULE_SESSIONS,
    RULE_SHARE,
    RULE_WINDOW,
    UnitDeadlines,
    check_plan,
    check_presenters,
    column_chart,
    hbar_chart,
    month_counts,
    overdue_stages,
    week_counts,
)
from .figures import DELEGATES_REGISTERED, RESULT_FIGURES, campaign_figures
from .scope import BODY_KINDS, GROUP_BODIES, area_filter


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


def delegation_quota_facts(*, campaign: Campaign) -> dict[int, tuple[int, int]]:
    """Unit id -> (seats allocated for the upper congress, delegates sent in its approved delegation),
    for the units that approved one.

    Two aggregate queries whatever the number of units.
    """

    sent_by_unit = dict(
        DelegationApproval.objects.filter(event__campaign=campaign).values_list("event__unit_id", "size")
    )
    return {
        unit_id: (seats, sent_by_unit[unit_id])
        for unit_id, seats in DelegationQuota.objects.filter(campaign=campaign).values_list(
            "unit_id", "seats"
        )
        if unit_id in sent_by_unit
    }


def presenter_counts(*, campaign: Campaign) -> dict[int, int]:
    """Event id -> how many exemplar presenters it chose."""
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
    event_has_report: bool = False
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
        """Has a results report: the figure "events reported" (figures.py), not the event's status."""
        return self.event_has_report

    @property
    def overdue_labels(self) -> list[str]:
        return [str(OVERDUE_LABELS[s]) for s in self.overdue]


def oversight_unit_rows(
    *, campaign: Campaign, today: date, tiers: list[TierRule] | None = None
) -> list[UnitRow]:
    """One row per unit covered by a tier of the campaign (4 queries + the plan hook)."""
    tiers = tiers if tiers is not None else campaign_tiers(campaign=campaign)
    plans = unit_plan_facts(campaign=campaign)
    events = {
        e["unit_id"]: e
        for e in Event.objects.filter(campaign=campaign).values(
            "id", "unit_id", "name", "date", "status", "session", "delegate_cap", "result_report"
        )
    }

    # the roster counters each roster write keeps (delegates.RosterCounter), not a scan of the delegates
    counts: dict[int, dict] = {
        r["event_id"]: {
            "total": r["headcount"],
            "exemplars": r["exemplar_individual"] + r["exemplar_collective"],
        }
        for r in RosterCounter.objects.filter(event__campaign=campaign).values(
            "event_id", "headcount", "exemplar_individual", "exemplar_collective"
        )
    }
    due_days = settings.OVERSIGHT_REPORT_DUE_DAYS
    rows: list[UnitRow] = []
    units = campaign_units(campaign=campaign, tiers=tiers).values(
        "id", "name", "kind", "parent_id", "parent__name", "is_pilot"
    )
    # one collation for every list of units: the Vietnamese alphabet (core.text.vietnamese_key)
    for u in sorted(
        units, key=lambda u: (vietnamese_key(u["parent__name"] or ""), vietnamese_key(u["name"]))
    ):
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
            row.event_has_report = event["result_report"] is not None
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
    bodies = ProgressCounts(
        label=gettext("Sở, ban, ngành, đoàn thể tỉnh, doanh nghiệp"), link_group=GROUP_BODIES
    )
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


def delegate_composition(*, campaign: Campaign, where: Q | None = None) -> dict:
    """Women, minorities, direct workers and categories of the delegates on the rosters (one query
    over the roster counters).

    How many delegates there are is the figure "delegates registered" (figures.py), not counted here.
    """
    cat = Delegate.Category
    agg = RosterCounter.objects.filter(where or Q(), event__campaign=campaign).aggregate(
        women=Sum("women"),
        minorities=Sum("minorities"),
        direct=Sum("direct_workers"),
        **{f"cat_{c.value}": Sum(c.value) for c in cat},
    )
    agg = {key: value or 0 for key, value in agg.items()}
    return {
        "groups": [
            (gettext("Nữ"), agg["women"]),
            (gettext("Dân tộc thiểu số"), agg["minorities"]),
            (gettext("Trực tiếp lao động, sản xuất"), agg["direct"]),
        ],  # fmt: skip
        "categories": [(str(c.label), agg[f"cat_{c.value}"]) for c in cat],
    }


def honours_by_award(*, campaign: Campaign, where: Q | None = None) -> list[tuple[str, int]]:
    rows = (
        Honour.objects.filter(where or Q(), event__campaign=campaign)
        .values("award_type__name", "award_type__order")
        .annotate(n=Count("pk"))
        .order_by("award_type__order", "award_type__name")
    )
    return [(r["award_type__name"], r["n"]) for r in rows]


def held_event_dates(*, rows: list[UnitRow]) -> list[date]:
    return [r.event_date for r in rows if r.held and r.event_date is not None]


@dataclass(frozen=True)
class Violation:
    unit_id: int
    unit_name: str
    parent_name: str
    event_id: int | None
    rule: str
    reason: str
    parent_id: int | None = None


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
        checks: list[tuple[str, rules.Decision]] = []
        if row.plan is not None:
            plan = check_plan(
                deadline=campaign.plan_deadline, submitted_on=row.plan.submitted_on, today=today
            )
            checks.append((plan.rule, rules.Decision(not plan.broken, plan.reason)))
        if row.unit_id in quotas:
            quota, sent = quotas[row.unit_id]
            # Approval already required a finalised roster; here only the size sent is judged.
            checks.append(
                (RULE_QUOTA, rules.delegation_size(quota=quota, chosen=sent, roster_finalised=True))
            )
        if row.event_id is not None and row.event_date is not None:
            cap = rules.effective_cap(own_cap=row.event_cap, tier_cap=tier.delegate_cap).value
            checks += [
                (RULE_WINDOW, rules.date_in_window(day=row.event_date, window_start=tier.window_start,
                                                   window_end=tier.window_end, window_label=tier.window_label)),
                (RULE_SESSIONS, rules.sessions_within(allowed=tier.sessions, session=row.event_session,
                                                      agenda_hours=hours.get(row.event_id, ()))),
                (RULE_CAP, rules.seats_left(cap=cap, headcount=row.delegates, requested=0)),
                (RULE_SHARE, rules.exemplar_share(exemplars=row.exemplars, total=row.delegates,
                                                  min_percent=tier.min_exemplar_share_percent, cap=cap)),
            ]  # fmt: skip
            presenting = check_presenters(presenters=presenters.get(row.event_id, 0))
            checks.append((presenting.rule, rules.Decision(not presenting.broken, presenting.reason)))
        for rule, decision in checks:
            if not decision:
                out.append(
                    Violation(
                        row.unit_id,
                        row.name,
                        row.parent_name,
                        row.event_id,
                        rule,
                        decision.reason,
                        row.parent_id,
                    )
                )
    return out


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
    figures = campaign_figures(campaign=campaign, tiers=tiers, area_id=area_id, group=group)
    total = figures.total
    return {
        "figures": total.figures,
        "figure": total.by_code,
        "results_header": [gettext(d.label) for d in RESULT_FIGURES],
        "results_rows": figures.table(RESULT_FIGURES),
        "tier_progress": progress_by_tier(rows=scoped, tiers=tiers),
        "area_progress": progress_by_area(rows=rows, area_id=area_id, group=group),
        "overdue_rows": [r for r in scoped if r.overdue],
        "plans_tracked": all(r.plan is not None for r in rows) if rows else False,
        "weeks": weeks,
        "week_bars": column_chart([(m.strftime("%d/%m"), n) for m, n in weeks]),
        "months": month_counts(held_dates),
        "composition": composition,
        "composition_bars": hbar_chart(
            composition["groups"] + composition["categories"], total=total.value(DELEGATES_REGISTERED)
        ),
        "honours": honours,
        "honour_bars": hbar_chart(honours, width=420, row_height=42),
    }

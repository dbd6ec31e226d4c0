"""Reads of rosters, quotas and delegations: constant query counts, scoped by unit."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from congresses import rules
from congresses.models import Campaign, Event
from congresses.permissions import get_event_for_user
from congresses.selectors import tier_for_unit
from core.text import fold_for_search, vietnamese_sort_key
from honors.models import Exemplar
from units.choices import Gender
from units.domain import unit_period_label
from units.models import UNIT_EPOCH, Unit, UnitLineage
from units.permissions import filter_for_scope
from units.reference import (
    ETHNIC_GROUPS,
    MAJORITY_ETHNIC_GROUP,
    NO_RELIGION,
    YOUTH_MAX_AGE,
    YOUTH_MIN_AGE,
    youth_birth_years,
)

from .domain import likely_duplicates, person_key
from .models import Delegate, DelegationApproval, DelegationQuota, RosterCounter, RosterImport

ROSTER_PAGE_SIZE = 100


def event_for_user(*, user, pk: int, write: bool = False) -> Event:
    """The event of a unit the user may see (404 otherwise; 403 on a write by a reader)."""
    return get_event_for_user(user, pk, write=write)


def event_cap(event: Event) -> int | None:
    """The cap that applies to the event's roster (the rule's value)."""
    return rules.effective_cap(own_cap=event.delegate_cap, tier_cap=event.tier.delegate_cap).value


# What each field of RosterCounter counts, as a filter on the event's delegates ("headcount" counts all).
COUNTER_FILTERS: dict[str, Q] = {
    **{c.value: Q(category=c.value) for c in Delegate.Category},
    "women": Q(gender=Gender.FEMALE),
    "minorities": ~Q(ethnic_group=MAJORITY_ETHNIC_GROUP),
    "religious": ~Q(religion__in=("", NO_RELIGION)),
    "direct_workers": Q(is_direct_worker=True),
    # youth in the year of the event's date (units.reference.youth_birth_years, as a filter)
    "youth": Q(
        birth_year__gte=F("event__date__year") - YOUTH_MAX_AGE,
        birth_year__lte=F("event__date__year") - YOUTH_MIN_AGE,
    ),
    # Attendance's rows about each delegate, by relation name (one-to-one, so no row is counted
    # twice): as congresses counts `event.delegates`, this lower app reads a higher app's rows
    # without importing it. Every roster write recounts them too, since deleting a delegate
    # deletes its invitation and check-in.
    "answered_yes": Q(invitation__answer="yes"),
    "answered_no": Q(invitation__answer="no"),
    "answered_replace": Q(invitation__answer="replace"),
    "answered_none": Q(invitation__isnull=True) | Q(invitation__answer="pending"),
    "checked_in": Q(checkin__isnull=False),
}
COUNTER_FIELDS: tuple[str, ...] = ("headcount", *COUNTER_FILTERS)


def roster_counts(*, event_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """A fresh count of each event's roster, field by field of RosterCounter (one grouped query)."""
    ids = list(event_ids)
    rows = cast(
        Iterable[dict[str, Any]],
        Delegate.objects.filter(event_id__in=ids)
        .values("event_id")
        .annotate(
            headcount=Count("pk"), **{name: Count("pk", filter=q) for name, q in COUNTER_FILTERS.items()}
        )
        .order_by(),
    )
    found: dict[int, dict[str, int]] = {row["event_id"]: {n: row[n] for n in COUNTER_FIELDS} for row in rows}
    return {event_id: found.get(event_id) or dict.fromkeys(COUNTER_FIELDS, 0) for event_id in ids}


def roster_counter(*, event: Event) -> RosterCounter:
    """The event's kept counters (zeros for an event nothing was ever added to)."""
    return RosterCounter.objects.filter(event=event).first() or RosterCounter(event=event)


def roster_count(*, event: Event) -> int:
    return Delegate.objects.filter(event=event).count()


def exemplar_count(*, event: Event) -> int:
    return Delegate.objects.filter(event=event, category__in=Delegate.EXEMPLAR_CATEGORIES).count()


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: str  # formatted for display, e.g. "42,5"


@dataclass(frozen=True)
class RosterFigures:
    total: int
    cap: int | None
    cap_rule: rules.Decision  # which cap applies and why (the event's own or the tier's)
    cap_decision: rules.Decision
    exemplars: int
    min_percent: int
    share: rules.Decision
    women: Share
    minorities: Share
    youth: Share
    direct_workers: Share
    religious: Share
    by_category: list[Share]
    by_religion: list[Share]
    by_field: list[Share]
    by_ethnic_group: list[Share]
    youth_rule: str

    @property
    def highlights(self) -> tuple[Share, ...]:
        return (self.women, self.minorities, self.youth, self.direct_workers, self.religious)


def _share(label: str, count: int, total: int) -> Share:
    percent = f"{count * 100 / total:.1f}".replace(".", ",") if total else "0"
    return Share(label, count, percent)


def _breakdown(qs: QuerySet, field: str, total: int, labels: dict | None = None) -> list[Share]:
    rows = qs.values(field).annotate(n=Count("id")).order_by("-n", field)
    return [
        _share((labels or {}).get(r[field], r[field]) or gettext("(chưa ghi)"), r["n"], total) for r in rows
    ]


def roster_figures(*, event: Event) -> RosterFigures:
    """Headcount against the cap, the exemplar share and the composition, in 5 queries."""
    qs = Delegate.objects.filter(event=event)
    youth_from, youth_to = youth_birth_years(event.date.year)
    agg = qs.aggregate(
        total=Count("id"),
        exemplars=Count("id", filter=Q(category__in=Delegate.EXEMPLAR_CATEGORIES)),
        women=Count("id", filter=Q(gender="female")),
        minorities=Count("id", filter=~Q(ethnic_group=MAJORITY_ETHNIC_GROUP)),
        youth=Count("id", filter=Q(birth_year__gte=youth_from, birth_year__lte=youth_to)),
        direct=Count("id", filter=Q(is_direct_worker=True)),
        religious=Count("id", filter=~Q(religion=NO_RELIGION)),
    )
    total = agg["total"]
    cap_rule = rules.effective_cap(own_cap=event.delegate_cap, tier_cap=event.tier.delegate_cap)
    cap = cap_rule.value
    min_percent = event.tier.min_exemplar_share_percent
    return RosterFigures(
        total=total,
        cap=cap,
        cap_rule=cap_rule,
        cap_decision=rules.seats_left(cap=cap, headcount=total),
        exemplars=agg["exemplars"],
        min_percent=min_percent,
        share=rules.exemplar_share(exemplars=agg["exemplars"], total=total, min_percent=min_percent, cap=cap),
        women=_share(gettext("Nữ"), agg["women"], total),
        minorities=_share(gettext("Dân tộc thiểu số"), agg["minorities"], total),
        youth=_share(gettext("Thanh niên"), agg["youth"], total),
        direct_workers=_share(gettext("Trực tiếp lao động, sản xuất"), agg["direct"], total),
        religious=_share(gettext("Có tôn giáo"), agg["religious"], total),
        by_category=_breakdown(qs, "category", total, dict(Delegate.Category.choices)),
        by_religion=_breakdown(qs, "religion", total),
        by_field=_breakdown(qs, "field", total),
        by_ethnic_group=_breakdown(qs, "ethnic_group", total),
        youth_rule=(
            gettext(
                "sinh từ năm %(youth_from)s đến năm %(youth_to)s (từ %(YOUTH_MIN_AGE)s đến %(YOUTH_MAX_AGE)s tuổi trong năm %(year)s, Luật Thanh niên 2020)"
            )
            % {
                "youth_from": youth_from,
                "youth_to": youth_to,
                "YOUTH_MIN_AGE": YOUTH_MIN_AGE,
                "YOUTH_MAX_AGE": YOUTH_MAX_AGE,
                "year": event.date.year,
            }
        ),
    )


@dataclass(frozen=True)
class RosterFilter:
    """What the officer typed and picked above the roster; unknown choices are ignored."""

    query: str = ""
    category: str = ""
    gender: str = ""
    ethnic_group: str = ""

    @classmethod
    def from_params(cls, params) -> "RosterFilter":
        return cls(
            query=params.get("q", "").strip(),
            category=params.get("category", "") if params.get("category") in Delegate.Category.values else "",
            gender=params.get("gender", "") if params.get("gender") in Gender.values else "",
            ethnic_group=params.get("ethnic_group", "")
            if params.get("ethnic_group") in ETHNIC_GROUPS
            else "",
        )

    @property
    def is_empty(self) -> bool:
        return not (self.query or self.category or self.gender or self.ethnic_group)

    def as_query_string(self) -> str:
        """The filter as URL parameters, for the page links (the page number is added after it)."""
        pairs = {
            "q": self.query,
            "category": self.category,
            "gender": self.gender,
            "ethnic_group": self.ethnic_group,
        }
        return urlencode({key: value for key, value in pairs.items() if value})


def roster_list(*, event: Event, filters: RosterFilter = RosterFilter()) -> QuerySet[Delegate]:
    """The roster sorted the Vietnamese way; search ignores diacritics and quotes, and covers ethnicity."""
    qs = Delegate.objects.filter(event=event).select_related("exemplar", "source_delegate__event__unit")
    for word in fold_for_search(filters.query).split():
        qs = qs.filter(search_text__contains=word)
    if filters.category:
        qs = qs.filter(category=filters.category)
    if filters.gender:
        qs = qs.filter(gender=filters.gender)
    if filters.ethnic_group:
        qs = qs.filter(ethnic_group=filters.ethnic_group)
    return qs.order_by("sort_key", "pk")


def roster_page(*, event: Event, filters: RosterFilter = RosterFilter(), page: str | int = 1) -> Page:
    return Paginator(roster_list(event=event, filters=filters), ROSTER_PAGE_SIZE).get_page(page)


def roster_for_export(*, event: Event) -> QuerySet[Delegate]:
    return Delegate.objects.filter(event=event).order_by("sort_key", "pk")


def delegate_for_event(*, event: Event, pk: int) -> Delegate:
    delegate = Delegate.objects.filter(event=event, pk=pk).first()
    if delegate is None:
        raise Http404(gettext("Không tìm thấy đại biểu."))
    return delegate


def exemplar_choices(*, unit: Unit):
    return Exemplar.objects.filter(unit=unit).order_by("name")


def roster_import_for(*, event: Event, token: str, user) -> RosterImport:
    found = RosterImport.objects.filter(event=event, token=token, created_by=user).first()
    if found is None:
        raise Http404(gettext("Không tìm thấy bản nhập (có thể đã được lưu hoặc đã hết hạn)."))
    return found


# --- Delegations to the upper congress -------------------------------------------


def upper_event(*, event: Event) -> Event | None:
    """The congress of the unit's upper unit in the same campaign (commune → district → province)."""
    if event.unit.parent_id is None:
        return None
    return Event.objects.filter(campaign_id=event.campaign_id, unit_id=event.unit.parent_id).first()


def quota_for(*, campaign: Campaign, unit: Unit) -> DelegationQuota | None:
    return DelegationQuota.objects.filter(campaign=campaign, unit=unit).first()


def delegation_approval(*, event: Event) -> DelegationApproval | None:
    return DelegationApproval.objects.filter(event=event).select_related("approved_by").first()


@dataclass(frozen=True)
class QuotaRow:
    unit: Unit
    seats: int | None
    approved: int | None  # size of the approved delegation, None if not approved


def quota_rows(*, campaign: Campaign, upper_unit: Unit) -> list[QuotaRow]:
    """The units that send delegates to `upper_unit`'s congress, with their quota (3 queries)."""
    children = sorted(
        Unit.objects.filter(parent=upper_unit),
        key=lambda u: (u.kind not in ("city", "district"), vietnamese_sort_key(u.name)),
    )
    quotas = dict(
        DelegationQuota.objects.filter(campaign=campaign, upper_unit=upper_unit).values_list(
            "unit_id", "seats"
        )
    )
    approved = dict(
        DelegationApproval.objects.filter(
            event__campaign=campaign, event__unit__parent=upper_unit
        ).values_list("event__unit_id", "size")
    )
    return [QuotaRow(u, quotas.get(u.pk), approved.get(u.pk)) for u in children]


def delegation_candidates(*, event: Event) -> QuerySet[Delegate]:
    """Delegates the lower units approved for this congress and not yet on its roster."""
    taken = Delegate.objects.filter(event=event, source_delegate__isnull=False).values("source_delegate_id")
    return (
        Delegate.objects.filter(
            event__campaign_id=event.campaign_id,
            event__unit__parent_id=event.unit_id,
            event__delegation__isnull=False,
            in_delegation=True,
        )
        .exclude(pk__in=taken)
        .select_related("event__unit")
        .order_by("event__unit__name", "sort_key", "pk")
    )


# --- Navigation --------------------------------------------------------------------


@dataclass(frozen=True)
class RosterLink:
    event_pk: int
    label: str


def roster_links_for_unit(*, unit: Unit, user) -> list[RosterLink]:
    """The roster of the unit's event in the active campaign, if the user may see it."""
    events = filter_for_scope(
        Event.objects.filter(unit=unit, campaign__is_active=True), user, unit_path="unit"
    ).only("pk", "name")
    return [RosterLink(e.pk, e.name) for e in events]


def unit_event(*, campaign: Campaign, unit: Unit) -> Event | None:
    return Event.objects.filter(campaign=campaign, unit=unit).select_related("tier").first()


def province_unit() -> Unit | None:
    return Unit.objects.filter(kind="province").first()


def congress_cap(*, campaign: Campaign, unit: Unit) -> int | None:
    """The cap of the unit's congress: its event's own cap, else its tier's (event not registered yet)."""
    event = unit_event(campaign=campaign, unit=unit)
    if event is not None:
        return event_cap(event)
    tier = tier_for_unit(campaign=campaign, unit=unit)
    return tier.delegate_cap if tier else None


@dataclass(frozen=True)
class ImportOutlook:
    """What the roster would look like once the staged rows are saved."""

    cap: rules.Decision
    share_after: rules.Decision
    total_after: int


def import_duplicates(*, event: Event, rows: list[dict]) -> dict[int, str]:
    """Staged rows that are likely people already on the roster or earlier in the file (one query)."""
    on_roster = {
        person_key(full_name=name, birth_year=year): name
        for name, year in Delegate.objects.filter(event=event).values_list("full_name", "birth_year")
    }
    return likely_duplicates(rows=rows, on_roster=on_roster)


def import_outlook(*, event: Event, rows: list[dict]) -> ImportOutlook:
    counts = Delegate.objects.filter(event=event).aggregate(
        total=Count("id"), exemplars=Count("id", filter=Q(category__in=Delegate.EXEMPLAR_CATEGORIES))
    )
    new_exemplars = sum(1 for row in rows if row["category"] in Delegate.EXEMPLAR_CATEGORIES)
    total_after = counts["total"] + len(rows)
    cap = event_cap(event)
    return ImportOutlook(
        cap=rules.seats_left(cap=cap, headcount=counts["total"], requested=len(rows)),
        share_after=rules.exemplar_share(
            exemplars=counts["exemplars"] + new_exemplars,
            total=total_after,
            min_percent=event.tier.min_exemplar_share_percent,
            cap=cap,
        ),
        total_after=total_after,
    )


def exemplar_initial(*, unit: Unit, pk: str | None) -> dict:
    """Initial form values copied from one of the unit's exemplar records (empty if none)."""
    if not pk or not str(pk).isdigit():
        return {}
    exemplar = Exemplar.objects.filter(unit=unit, pk=pk).first()
    if exemplar is None:
        return {}
    collective = exemplar.kind == Exemplar.Kind.COLLECTIVE
    initial = {
        "exemplar": exemplar.pk,
        "category": Delegate.Category.EXEMPLAR_COLLECTIVE
        if collective
        else Delegate.Category.EXEMPLAR_INDIVIDUAL,
        "full_name": exemplar.representative if collective else exemplar.name,
        "collective_name": exemplar.name if collective else "",
        "gender": exemplar.gender,
        "birth_year": exemplar.birth_year,
        "ethnic_group": exemplar.ethnic_group,
        "religion": exemplar.religion,
        "position": exemplar.position,
        "workplace": unit.name,
        "field": exemplar.field,
        "is_direct_worker": exemplar.is_direct_worker,
    }
    return {key: value for key, value in initial.items() if value not in ("", None)}


# --- A unit's records kept by the units it succeeded (the unit page after a reorganisation) ----


@dataclass(frozen=True)
class PastEventRow:
    event_pk: int
    name: str
    campaign: str
    date: date
    status: str
    delegates: int
    honours: int


@dataclass(frozen=True)
class PredecessorRecords:
    """A unit merged into (or renamed to) this one, with its dates and the events it held."""

    unit_id: int
    name: str
    period: str
    events: tuple[PastEventRow, ...]


def predecessor_records(*, unit: Unit, user) -> list[PredecessorRecords]:
    """The events, rosters and honours of the units `unit` succeeded whole, as `user` may see them.

    Nothing moved: they stay with the unit that held them and are reached from here. Two queries.
    """
    links = (
        UnitLineage.objects.filter(successor=unit, kind__in=(UnitLineage.Kind.MERGE, UnitLineage.Kind.RENAME))
        .select_related("predecessor")
        .order_by("predecessor__name")
    )
    predecessors = [link.predecessor for link in links]
    events = (
        filter_for_scope(Event.objects.filter(unit__in=predecessors), user, unit_path="unit")
        .select_related("campaign")
        .annotate(
            delegate_count=Count("delegates", distinct=True), honour_count=Count("honours", distinct=True)
        )
        .order_by("campaign__period_end_year", "date")
    )
    by_unit: dict[int, list[PastEventRow]] = {}
    for event in events:
        by_unit.setdefault(event.unit_id, []).append(
            PastEventRow(
                event_pk=event.pk, name=event.name, campaign=str(event.campaign), date=event.date,
                status=event.get_status_display(), delegates=event.delegate_count, honours=event.honour_count,
            )
        )  # fmt: skip
    return [
        PredecessorRecords(
            unit_id=old.pk,
            name=old.name,
            period=unit_period_label(valid_from=old.valid_from, valid_to=old.valid_to, epoch=UNIT_EPOCH),
            events=tuple(by_unit.get(old.pk, ())),
        )
        for old in predecessors
    ]

"""Reads of the honours app: every queryset a user sees goes through here, with constant query counts."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from congresses.models import Event, Movement
from congresses.selectors import campaign_active
from core.text import fold_for_search
from units.models import Unit, UnitKind, User
from units.permissions import filter_for_scope

from . import domain
from .models import AwardReceived, AwardType, Exemplar, Honour, Nomination, Presenter


def award_type_list(*, active_only: bool = False) -> QuerySet[AwardType]:
    qs = AwardType.objects.all()
    return qs.filter(is_active=True) if active_only else qs


def _search(qs: QuerySet[Exemplar], q: str) -> QuerySet[Exemplar]:
    for word in fold_for_search(q).split():
        qs = qs.filter(search_text__contains=word)
    return qs


def exemplar_list_for_user(
    *, user, q: str = "", field: str = "", kind: str = "", unit_id: int | None = None
) -> QuerySet[Exemplar]:
    qs = filter_for_scope(Exemplar.objects.all(), user, unit_path="unit").select_related("unit")
    qs = _search(qs, q)
    if field:
        qs = qs.filter(field=field)
    if kind:
        qs = qs.filter(kind=kind)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return qs.annotate(award_count=Count("awards_received", distinct=True)).order_by("unit__name", "name")


def exemplar_detail(*, exemplar: Exemplar) -> dict:
    return {
        "movements": list(exemplar.movements.all()),
        "awards": list(
            AwardReceived.objects.filter(exemplar=exemplar)
            .select_related("award_type")
            .order_by("-decision_date")
        ),
        "nominations": list(
            Nomination.objects.filter(exemplar=exemplar).select_related(
                "event", "proposed_award", "decided_award"
            )
        ),
        "honours": list(Honour.objects.filter(exemplar=exemplar).select_related("event", "award_type")),
    }


def units_writable_for_user(*, user) -> QuerySet[Unit]:
    """Units in which the user may keep exemplar records (their unit and its direct children)."""
    if user.role == User.Role.LEADERSHIP:
        return Unit.objects.none()
    return filter_for_scope(Unit.objects.all(), user).order_by("kind", "name")


def movements_of_active_campaign() -> QuerySet[Movement]:
    campaign = campaign_active()
    if campaign is None:
        return Movement.objects.none()
    return campaign.movements.order_by("order")


# --- Nominations -----------------------------------------------------------------


def _nomination_qs() -> QuerySet[Nomination]:
    return Nomination.objects.select_related(
        "exemplar__unit", "event__unit", "proposed_award", "decided_award", "reviewed_by"
    )


def nomination_list_proposed(*, user, status: str = "") -> QuerySet[Nomination]:
    """Proposals made by the units the user sees (their own unit and children)."""
    qs = filter_for_scope(_nomination_qs(), user, unit_path="exemplar__unit")
    return qs.filter(status=status) if status else qs


def nomination_list_to_review(*, user, status: str = "pending") -> QuerySet[Nomination]:
    """Proposals the user is the reviewing level for (see domain.may_review)."""
    qs = _nomination_qs()
    base_kinds = list(domain.BASE_KINDS)
    if user.role == User.Role.STAFF:
        qs = qs.exclude(exemplar__unit__kind__in=base_kinds)
    elif user.role == User.Role.OFFICER and user.unit_id:
        qs = qs.filter(exemplar__unit__parent_id=user.unit_id, exemplar__unit__kind__in=base_kinds)
    else:
        return qs.none()
    return qs.filter(status=status) if status else qs


def events_for_nomination(*, exemplar: Exemplar) -> QuerySet[Event]:
    """The exemplar unit's own event and the event(s) of the level above, in the active campaign."""
    campaign = campaign_active()
    if campaign is None:
        return Event.objects.none()
    unit = exemplar.unit
    if unit.kind in domain.BASE_KINDS:
        upper = Q(unit_id=unit.parent_id)
    elif unit.kind == UnitKind.PROVINCE:
        upper = Q(pk__in=[])
    else:
        upper = Q(unit__kind=UnitKind.PROVINCE)
    return (
        Event.objects.filter(Q(unit=unit) | upper, campaign=campaign).select_related("unit").order_by("date")
    )


# --- Events: honours, decisions, presenters ---------------------------------------


def event_list_for_user(*, user) -> QuerySet[Event]:
    campaign = campaign_active()
    qs = filter_for_scope(Event.objects.all(), user, unit_path="unit").select_related("unit", "tier")
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return qs.annotate(
        honour_count=Count("honours", distinct=True),
        presenter_count=Count("presenters", distinct=True),
        pending_count=Count("nominations", filter=Q(nominations__status="pending"), distinct=True),
    ).order_by("date", "unit__name")


@dataclass(frozen=True)
class DecisionGroup:
    number: str
    date: object
    signer: str
    honours: list


def event_decisions(*, event: Event) -> list[DecisionGroup]:
    honours = (
        Honour.objects.filter(event=event)
        .select_related("exemplar__unit", "award_type")
        .order_by("decision_number", "award_type__order", "exemplar__name")
    )
    groups: dict[str, DecisionGroup] = {}
    for honour in honours:
        group = groups.get(honour.decision_number)
        if group is None:
            group = groups[honour.decision_number] = DecisionGroup(
                honour.decision_number, honour.decision_date, honour.signer, []
            )
        group.honours.append(honour)
    return list(groups.values())


def event_nominations(*, event: Event) -> list[Nomination]:
    return list(
        Nomination.objects.filter(event=event)
        .select_related("exemplar__unit", "proposed_award", "decided_award")
        .order_by("status", "exemplar__name")
    )


def decision_honours(*, event: Event, decision_number: str) -> list[Honour]:
    return list(
        Honour.objects.filter(event=event, decision_number=decision_number)
        .select_related("exemplar__unit", "award_type")
        .order_by("award_type__order", "exemplar__name")
    )


def event_presenters(*, event: Event) -> list[Presenter]:
    return list(
        Presenter.objects.filter(event=event).select_related("exemplar__unit").order_by("order", "pk")
    )


def presenter_candidates(*, event: Event) -> QuerySet[Exemplar]:
    """Exemplars that may present at an event: of its unit and the units below (all, for the province)."""
    qs = Exemplar.objects.select_related("unit").exclude(presentations__event=event)
    if event.unit.kind != UnitKind.PROVINCE:
        qs = qs.filter(Q(unit_id=event.unit_id) | Q(unit__parent_id=event.unit_id))
    return qs.order_by("unit__name", "name")


def presenter_facts(presenters: list[Presenter]) -> list[domain.PresenterFacts]:
    return [
        domain.PresenterFacts(
            kind=p.exemplar.kind,
            field=p.exemplar.field,
            unit_kind=p.exemplar.unit.kind,
            is_woman=p.exemplar.is_woman,
            ethnic_group=p.exemplar.ethnic_group,
            is_direct_worker=p.exemplar.is_direct_worker,
        )
        for p in presenters
    ]


# --- Public page --------------------------------------------------------------------


def public_exemplars(
    *, q: str = "", district_id: int | None = None, field: str = "", movement_id: int | None = None
) -> QuerySet[Exemplar]:
    """Published exemplars only; the public template shows no private field."""
    qs = Exemplar.objects.filter(is_published=True).select_related("unit__parent")
    qs = _search(qs, q)
    if district_id:
        qs = qs.filter(Q(unit_id=district_id) | Q(unit__parent_id=district_id))
    if field:
        qs = qs.filter(field=field)
    if movement_id:
        qs = qs.filter(movements__id=movement_id)
    return qs.prefetch_related(
        Prefetch("movements", queryset=Movement.objects.order_by("order")),
    ).order_by("name", "pk")


def public_districts() -> QuerySet[Unit]:
    return Unit.objects.filter(kind__in=list(domain.DISTRICT_KINDS)).order_by("kind", "name")


def public_exemplar_detail(*, pk: int) -> Exemplar | None:
    return (
        Exemplar.objects.filter(pk=pk, is_published=True)
        .select_related("unit__parent")
        .prefetch_related("movements")
        .first()
    )


def public_honours(*, exemplar: Exemplar) -> list[Honour]:
    return list(Honour.objects.filter(exemplar=exemplar).select_related("event", "award_type"))

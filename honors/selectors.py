"""Reads of the honours app: every queryset a user sees goes through here, with constant query counts."""

from django.db.models import Count, Prefetch, Q, QuerySet

from congresses import rules
from congresses.models import Event, Movement
from congresses.selectors import campaign_active
from core.text import fold_for_search
from units.models import Unit, UnitKind
from units.permissions import filter_for_scope, is_leadership, is_staff_of_home_affairs, is_unit_officer

from . import domain
from .models import (
    AwardDecision,
    AwardReceived,
    AwardType,
    BaseSalary,
    DocumentRegister,
    Exemplar,
    Honour,
    Nomination,
    Presenter,
    RegisterEntry,
)


def award_type_list(*, active_only: bool = False) -> QuerySet[AwardType]:
    qs = AwardType.objects.all()
    return qs.filter(is_active=True) if active_only else qs


def _fits(qs: QuerySet[AwardType], exemplar_kind: str) -> QuerySet[AwardType]:
    return qs.filter(is_active=True, recipient__in=[exemplar_kind, AwardType.Recipient.BOTH])


def award_types_proposable(*, exemplar: Exemplar) -> QuerySet[AwardType]:
    """The forms the exemplar's unit may propose (rules.may_propose), fitting the exemplar."""
    kind = exemplar.unit.kind
    allowed = [
        a.pk
        for a in _fits(AwardType.objects.all(), exemplar.kind)
        if rules.may_propose(
            unit_kind=kind, form_name=a.name, proposer_kinds=a.proposer_kinds, form_authorities=a.authorities
        )
    ]
    return AwardType.objects.filter(pk__in=allowed)


def nomination_granting_authority(*, nomination: Nomination) -> str:
    """The authority that grants the proposed form to this unit (rules.granting_authority), "" if none."""
    award = nomination.proposed_award
    kind = nomination.exemplar.unit.kind
    return rules.granting_authority(form_authorities=award.authorities, proposer_kind=kind) or ""


def award_types_to_raise(*, nomination: Nomination) -> QuerySet[AwardType]:
    """The higher forms the reviewer may raise a proposal to (rules.check_raise)."""
    proposed = nomination.proposed_award
    kind = nomination.exemplar.unit.kind
    allowed = [
        a.pk
        for a in _fits(AwardType.objects.filter(level__gt=proposed.level), nomination.exemplar.kind)
        if rules.check_raise(
            proposed_level=proposed.level,
            new_level=a.level,
            proposer_kind=kind,
            new_authorities=a.authorities,
        )
    ]
    return AwardType.objects.filter(pk__in=allowed)


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
        "honours": list(
            Honour.objects.filter(exemplar=exemplar).select_related("event", "award_type", "decision")
        ),
        "publication_label": rules.PUBLICATION_LABELS.get(exemplar.publication, ""),
    }


def units_writable_for_user(*, user) -> QuerySet[Unit]:
    """Units in which the user may keep exemplar records (their unit and its direct children)."""
    if is_leadership(user):
        return Unit.objects.none()
    return filter_for_scope(Unit.objects.all(), user).order_by("kind", "name")


def public_campaign_movements() -> tuple[QuerySet[Movement], str]:
    """The active campaign's movements (the public page's filter) and the period it honours
    ("2020 - 2025"), in one query."""
    campaign = campaign_active()
    if campaign is None:
        return Movement.objects.none(), ""
    return campaign.movements.order_by("order"), f"{campaign.period_start_year} - {campaign.period_end_year}"


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


def _reviewed_by(qs: QuerySet, user, *, unit_path: str) -> QuerySet:
    """Rows of units the user is the reviewing level for (see rules.may_review)."""
    base_kinds = list(rules.BASE_KINDS)
    if is_staff_of_home_affairs(user):
        return qs.exclude(**{f"{unit_path}__kind__in": base_kinds})
    if is_unit_officer(user) and user.unit_id:
        return qs.filter(**{f"{unit_path}__parent_id": user.unit_id, f"{unit_path}__kind__in": base_kinds})
    return qs.none()


def nomination_list_to_review(*, user, status: str = "pending") -> QuerySet[Nomination]:
    """Proposals the user is the reviewing level for (see rules.may_review)."""
    qs = _reviewed_by(_nomination_qs(), user, unit_path="exemplar__unit")
    return qs.filter(status=status) if status else qs


def exemplar_publication_requests(*, user) -> QuerySet[Exemplar]:
    """Exemplars waiting for this user to approve their publication (rules.may_decide_publication)."""
    qs = Exemplar.objects.filter(publication=rules.Publication.REQUESTED).select_related("unit")
    return _reviewed_by(qs, user, unit_path="unit").order_by("publication_changed_at", "pk")


def events_for_nomination(*, exemplar: Exemplar) -> QuerySet[Event]:
    """The exemplar unit's own event and the event(s) of the level above, in the active campaign."""
    campaign = campaign_active()
    if campaign is None:
        return Event.objects.none()
    unit = exemplar.unit
    if unit.kind in rules.BASE_KINDS:
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
    """The events of the active campaign in the user's scope; `event_list_rows` adds the counts."""
    qs = filter_for_scope(Event.objects.all(), user, unit_path="unit").select_related("unit", "tier")
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return qs.order_by("date", "unit__name")


def event_list_rows(events: QuerySet[Event]) -> QuerySet[Event]:
    """Honours, presenters and pending nominations of each event, counted in the page's one query."""
    return events.annotate(
        honour_count=Count("honours", distinct=True),
        presenter_count=Count("presenters", distinct=True),
        pending_count=Count("nominations", filter=Q(nominations__status="pending"), distinct=True),
    )


def _decisions_with_rewards(event: Event) -> list[tuple[AwardDecision, int]]:
    honours = Honour.objects.select_related("exemplar__unit", "award_type").order_by(
        "award_type__order", "exemplar__name"
    )
    decisions = list(
        AwardDecision.objects.filter(event=event)
        .prefetch_related(Prefetch("honours", queryset=honours, to_attr="honour_list"))
        .order_by("date", "number")
    )
    rates = base_salary_rates()
    for decision in decisions:
        attach_rewards(decision.honour_list, decision=decision, rates=rates)
    return [(decision, len(decision.honour_list)) for decision in decisions]


def event_decisions(*, event: Event) -> list[AwardDecision]:
    """The event's decisions (quyết định khen thưởng), each with its honours (`honour_list`), their
    reward money (`honour.reward`, a domain.RewardAmount) and the decision's total (`reward_total`)."""
    return [decision for decision, _ in _decisions_with_rewards(event)]


def event_decision_summaries(*, event: Event) -> list[tuple[AwardDecision, int, int]]:
    """(decision, number of honours, reward total) of each of the event's decisions (three queries)."""
    return [(d, count, d.reward_total) for d, count in _decisions_with_rewards(event)]


# --- Reward money ------------------------------------------------------------------


def base_salary_list() -> QuerySet[BaseSalary]:
    return BaseSalary.objects.order_by("-effective_from")


def base_salary_rates() -> list[tuple]:
    """(effective_from, amount) of every base salary: one query, for domain.base_salary_on."""
    return list(BaseSalary.objects.values_list("effective_from", "amount"))


def award_reward(award: AwardType, *, exemplar_kind: str, on, rates: list[tuple]) -> domain.RewardAmount:
    """The reward money of `award` to an individual or a collective on a day (the one money rule)."""
    coefficient = domain.reward_coefficient(
        individual=award.reward_individual, collective=award.reward_collective, kind=exemplar_kind
    )
    return domain.reward_amount(coefficient=coefficient, base_salary=domain.base_salary_on(rates, on))


def honour_reward(honour: Honour, *, decision_date, rates: list[tuple]) -> domain.RewardAmount:
    return award_reward(honour.award_type, exemplar_kind=honour.exemplar.kind, on=decision_date, rates=rates)


def attach_rewards(honours: list[Honour], *, decision: AwardDecision, rates: list[tuple]) -> int:
    """Sets `honour.reward` on each honour of the decision and `decision.reward_total`; returns the total."""
    for honour in honours:
        honour.reward = honour_reward(honour, decision_date=decision.date, rates=rates)
    decision.reward_total = sum((h.reward.amount or 0) for h in honours)
    return decision.reward_total


def _budget(honours: QuerySet[Honour]) -> domain.RewardBudget:
    rates = base_salary_rates()
    rows = honours.select_related("award_type", "exemplar", "decision").order_by(
        "award_type__level", "award_type__order", "award_type__name"
    )
    return domain.reward_budget(
        (h.award_type.name, honour_reward(h, decision_date=h.decision.date, rates=rates).amount) for h in rows
    )


def event_reward_budget(*, event: Event) -> domain.RewardBudget:
    """The event's reward money by award form (two queries)."""
    return _budget(Honour.objects.filter(event=event))


def province_reward_budget() -> domain.RewardBudget:
    """The reward money of every event of the active campaign, by award form (three queries)."""
    campaign = campaign_active()
    honours = Honour.objects.all()
    if campaign is not None:
        honours = honours.filter(event__campaign=campaign)
    return _budget(honours)


def event_decision(*, event: Event, number: str) -> AwardDecision | None:
    return AwardDecision.objects.filter(event=event, number=number).first()


def event_accepted_nominations(*, event: Event, on) -> list[Nomination]:
    """The event's accepted (or raised) proposals, highest form first, each with the reward money of
    its decided form on `on` (`nomination.reward`): what a Tờ trình asks the higher authority for."""
    nominations = list(
        Nomination.objects.filter(
            event=event, status__in=[Nomination.Status.ACCEPTED, Nomination.Status.RAISED],
            decided_award__isnull=False,
        )
        .select_related("exemplar__unit__parent__parent", "decided_award")
        .order_by("-decided_award__level", "decided_award__order", "decided_award__name", "exemplar__name")
    )  # fmt: skip
    rates = base_salary_rates()
    for nomination in nominations:
        award = nomination.decided_award or nomination.proposed_award  # decided: filtered above
        nomination.reward = award_reward(award, exemplar_kind=nomination.exemplar.kind, on=on, rates=rates)
    return nominations


def event_accepted_nomination_count(*, event: Event) -> int:
    return Nomination.objects.filter(
        event=event,
        status__in=[Nomination.Status.ACCEPTED, Nomination.Status.RAISED],
        decided_award__isnull=False,
    ).count()


def event_nominations(*, event: Event) -> list[Nomination]:
    return list(
        Nomination.objects.filter(event=event)
        .select_related("exemplar__unit", "proposed_award", "decided_award")
        .order_by("status", "exemplar__name")
    )


def decision_honours(*, decision: AwardDecision) -> list[Honour]:
    """The decision's honours, each with its reward money (`honour.reward`)."""
    honours = list(
        Honour.objects.filter(decision=decision)
        .select_related("exemplar__unit", "award_type")
        .order_by("award_type__order", "exemplar__name")
    )
    attach_rewards(honours, decision=decision, rates=base_salary_rates())
    return honours


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
    qs = Exemplar.objects.filter(publication=rules.Publication.APPROVED).select_related("unit__parent")
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
    return Unit.objects.filter(kind__in=list(rules.DISTRICT_KINDS)).order_by("kind", "name")


def public_exemplar_detail(*, pk: int) -> Exemplar | None:
    return (
        Exemplar.objects.filter(pk=pk, publication=rules.Publication.APPROVED)
        .select_related("unit__parent")
        .prefetch_related("movements")
        .first()
    )


def public_honours(*, exemplar: Exemplar) -> list[Honour]:
    return list(Honour.objects.filter(exemplar=exemplar).select_related("event", "award_type", "decision"))


# --- The register of documents (sổ đăng ký văn bản) --------------------------------------------


def register_entries_for_user(*, user, year: int | None = None, kind: str = "") -> QuerySet[RegisterEntry]:
    """The numbers issued by the bodies the user sees (their unit and the units below), one query."""
    qs = filter_for_scope(
        RegisterEntry.objects.select_related("register__unit", "event"), user, unit_path="register__unit"
    )
    if year:
        qs = qs.filter(register__year=year)
    if kind:
        qs = qs.filter(register__kind=kind)
    return qs.order_by("register__unit__name", "-register__year", "register__kind", "seq", "pk")


def register_years_for_user(*, user) -> list[int]:
    qs = filter_for_scope(DocumentRegister.objects.all(), user, unit_path="unit")
    return sorted(set(qs.values_list("year", flat=True)), reverse=True)


def event_submission_entry(*, event: Event, on_or_before=None) -> RegisterEntry | None:
    """The number of the Tờ trình the event's organising unit sent up for it, if it made one (by a
    decision's date, when given: a decision never cites a submission made after it)."""
    qs = RegisterEntry.objects.filter(
        event=event, register__unit_id=event.unit_id, register__kind=DocumentRegister.Kind.SUBMISSION
    )
    if on_or_before is not None:
        qs = qs.filter(date__lte=on_or_before)
    return qs.order_by("pk").first()


def unit_latest_decision_signer(*, unit: Unit) -> str:
    """Who signed the body's latest decision: the submission's signer when its profile names nobody."""
    signer = (
        AwardDecision.objects.filter(issuing_unit=unit)
        .order_by("-date", "-pk")
        .values_list("signer", flat=True)
        .first()
    )
    return signer or ""

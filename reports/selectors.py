"""Reads for documents: every query a document or a page needs, with constant query counts."""

from typing import Any

from django.db.models import QuerySet

from congresses import rules
from congresses.models import AgendaItem, Campaign, Event
from delegates.models import Delegate
from honors.models import Honour
from units.models import DocumentSigner, Unit
from units.permissions import filter_for_scope
from units.selectors import IssuerBlock, document_issuer

from . import domain
from .models import AgendaTemplateItem, GeneratedReport


def event_get(*, pk: int) -> Event | None:
    return Event.objects.select_related("unit__parent", "tier__upper_tier", "campaign").filter(pk=pk).first()


def agenda_template_for(*, campaign: Campaign) -> list[AgendaTemplateItem]:
    return list(AgendaTemplateItem.objects.filter(campaign=campaign).order_by("order"))


def agenda_items(*, event: Event) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(event=event).order_by("order", "pk"))


def event_delegates(*, event: Event) -> QuerySet[Delegate]:
    return Delegate.objects.filter(event=event).order_by("sort_key", "pk")


def event_certificate_honours(*, event: Event) -> QuerySet[Honour]:
    return (
        Honour.objects.filter(event=event, award_type__is_certificate=True)
        .select_related("exemplar__unit__parent__parent", "award_type", "decision__issuing_unit__parent")
        .order_by("award_type__order", "exemplar__name", "pk")
    )


def report_list_for_event(*, event: Event) -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.filter(event=event).select_related("requested_by", "superseded_by")


def report_list_for_campaign(*, campaign: Campaign) -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.filter(campaign=campaign, event__isnull=True).select_related(
        "requested_by", "superseded_by"
    )


def report_get(*, pk: int) -> GeneratedReport | None:
    return GeneratedReport.objects.select_related("event__unit", "campaign").filter(pk=pk).first()


def events_visible(*, user) -> QuerySet[Event]:
    return filter_for_scope(Event.objects.select_related("unit"), user, unit_path="unit")


# --- The title block and issuer of an event's documents --------------------------------------


def event_heading(event: Event) -> dict[str, Any]:
    """Finished values for the header of every document of an event.

    The organising committee issues them under its unit's document profile (`body`).
    """
    body = document_issuer(unit=event.unit, purpose=DocumentSigner.Purpose.EVENT)
    return {
        "body": body,
        "place": body.place,
        "event_name": event.name,
        "ordinal": event.ordinal,
        "ordinal_line": f"Lần thứ {event.ordinal}",
        "venue_date_line": domain.place_date_line(event.venue, event.date),
        "date_words": domain.date_words(event.date),
        "session_words": domain.session_words(event.session),
        "start_time": domain.session_start(event.session).strftime("%H giờ %M"),
        "venue": event.venue,
        "is_congress": event.tier.is_congress,
        "kind_word": "Đại hội" if event.tier.is_congress else "Hội nghị",
    }


# --- The issuer of the province summary report (built in oversight) ------------------------


def province_issuer() -> IssuerBlock | None:
    """Sở Nội vụ issues the summary report on behalf of the province, under its document profile."""
    unit = Unit.objects.select_related("parent").filter(kind="department", name="Sở Nội vụ").first()
    if unit is None:
        unit = Unit.objects.filter(kind="province").first()
    if unit is None:
        return None
    return document_issuer(unit=unit, purpose=DocumentSigner.Purpose.REPORT)


# --- The issuer of a decision and of its certificates ----------------------------------------


def _chain(unit: Unit | None) -> list[Unit]:
    chain: list[Unit] = []
    while unit is not None and len(chain) < 6:
        chain.append(unit)
        unit = unit.parent if unit.parent_id else None
    return chain


def decision_issuing_unit(honour: Honour) -> Unit | None:
    """The body that issued the honour's decision: recorded on the decision, else the rulebook's
    choice on the exemplar's unit chain (decisions recorded before the portal kept the body)."""
    decision = honour.decision
    if decision.issuing_unit_id:
        return decision.issuing_unit
    chain = _chain(honour.exemplar.unit)
    chosen = rules.issuing_unit_id(authority=decision.authority, chain=[(u.pk, u.kind) for u in chain])
    if chosen is None:
        return None
    found = next((u for u in chain if u.pk == chosen), None)
    if found is None or found.parent_id and found.parent is None:
        return Unit.objects.select_related("parent").filter(pk=chosen).first()
    return found


class DecisionIssuers:
    """The issuing bodies' document profiles, each read once however many certificates it signs."""

    def __init__(self) -> None:
        self._blocks: dict[int, IssuerBlock] = {}

    def for_honour(self, honour: Honour) -> IssuerBlock | None:
        unit = decision_issuing_unit(honour)
        if unit is None:
            return None
        if unit.pk not in self._blocks:
            self._blocks[unit.pk] = document_issuer(unit=unit, purpose=DocumentSigner.Purpose.DECISION)
        return self._blocks[unit.pk]


def report_issuing_unit(report: GeneratedReport) -> Unit | None:
    """Whose key signs a document: the organising unit of an event's document, Sở Nội vụ for the
    province's summary."""
    if report.event_id:
        return Unit.objects.filter(events__pk=report.event_id).first()
    issuer = province_issuer()
    return Unit.objects.filter(pk=issuer.unit_id).first() if issuer is not None else None


def signing_credentials() -> QuerySet:
    from .models import SigningCredential

    return SigningCredential.objects.select_related("unit", "uploaded_by").order_by("unit__name")


# --- The higher authority a submission goes to --------------------------------------------------


def nomination_granting_body(nomination) -> tuple[str, Unit | None]:
    """(authority code, the body whose head holds it) for an accepted proposal's decided form, on the
    exemplar's unit chain (the rulebook's choice, as for a decision); no body above the province."""
    award = nomination.decided_award
    unit = nomination.exemplar.unit
    authority = rules.granting_authority(form_authorities=award.authorities, proposer_kind=unit.kind) or ""
    chain = _chain(unit)
    chosen = rules.issuing_unit_id(authority=authority, chain=[(u.pk, u.kind) for u in chain])
    return authority, next((u for u in chain if u.pk == chosen), None)

"""Reads of the congress day: constant query counts whatever the roster's size."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from congresses import rules
from congresses.models import Event
from core.clock import today as portal_today
from delegates.models import Delegate
from delegates.selectors import event_cap
from units.domain import Access
from units.permissions import unit_access

from . import domain
from .models import CheckIn, EventDay, Invitation, ReceptionGrant, Replacement, SeatAssignment, SeatRow

CATEGORY_LABELS: dict[str, str | Promise] = dict(Delegate.Category.choices)
# Who sits in front: leaders, then exemplar individuals and collectives, then guests.
CATEGORY_RANK: dict[str, int] = {
    Delegate.Category.LEADER: 0,
    Delegate.Category.EXEMPLAR_INDIVIDUAL: 1,
    Delegate.Category.EXEMPLAR_COLLECTIVE: 2,
    Delegate.Category.GUEST: 3,
}


def invitation_link(invitation: Invitation) -> str:
    token = domain.make_token(invitation_id=invitation.pk, nonce=invitation.nonce)
    return settings.PORTAL_BASE_URL + reverse("attendance:answer", kwargs={"token": token})


def invitation_token(invitation: Invitation) -> str:
    return domain.make_token(invitation_id=invitation.pk, nonce=invitation.nonce)


@dataclass(frozen=True)
class CodeLookup:
    invitation: Invitation | None
    decision: rules.Decision


FORGED = _("Mã mời không đúng. Xin kiểm tra lại đường dẫn hoặc liên hệ Ban Tổ chức.")


def code_lookup(token: str, *, today=None) -> CodeLookup:
    """The invitation a genuine, current code names, or why the code cannot be used."""
    read = domain.read_token(token)
    if read is None:
        return CodeLookup(None, rules.Decision(False, str(FORGED)))
    pk, nonce = read
    invitation = (
        Invitation.objects.select_related(
            "delegate__event__tier", "delegate__event__unit", "delegate__seat__row"
        )
        .filter(pk=pk)
        .first()
    )
    if invitation is None:
        return CodeLookup(None, rules.Decision(False, str(FORGED)))
    revoked = invitation.nonce != nonce
    if revoked and nonce not in invitation.revoked_nonces:
        return CodeLookup(None, rules.Decision(False, str(FORGED)))
    decision = rules.invitation_open(
        event_date=invitation.delegate.event.date, today=today or portal_today(), revoked=revoked
    )
    return CodeLookup(invitation if decision else None, decision)


def event_day(*, event: Event) -> EventDay:
    return EventDay.objects.filter(event=event).first() or EventDay(event=event)


def pending_replacement(*, invitation: Invitation) -> Replacement | None:
    return Replacement.objects.filter(
        original_id=invitation.delegate_id, status=Replacement.Status.PENDING
    ).first()


@dataclass(frozen=True)
class AttendanceRow:
    delegate_id: int
    full_name: str
    category: str
    category_label: str
    unit_line: str
    email: str
    short_code: str
    answer: str
    answer_label: str
    reason: str
    answered_at: datetime | None
    sent_at: datetime | None
    reminded_at: datetime | None
    checked_at: datetime | None
    seat: str


def attendance_rows(*, event: Event) -> list[AttendanceRow]:
    """Every delegate of the roster with their answer, check-in and seat (one query)."""
    delegates = (
        Delegate.objects.filter(event=event)
        .select_related("invitation", "checkin", "seat__row", "source_delegate__event__unit")
        .order_by("sort_key", "pk")
    )
    rows = []
    answers = dict(Invitation.Answer.choices)
    for d in delegates:
        invitation = getattr(d, "invitation", None)
        checkin = getattr(d, "checkin", None)
        seat = getattr(d, "seat", None)
        answer = invitation.answer if invitation else Invitation.Answer.PENDING
        rows.append(
            AttendanceRow(
                delegate_id=d.pk,
                full_name=d.full_name,
                category=d.category,
                category_label=str(CATEGORY_LABELS.get(d.category, d.category)),
                unit_line=delegation_of(d),
                email=d.email,
                short_code=invitation.short_code if invitation else "",
                answer=answer,
                answer_label=str(answers[answer]),
                reason=invitation.reason if invitation else "",
                answered_at=invitation.answered_at if invitation else None,
                sent_at=invitation.sent_at if invitation else None,
                reminded_at=invitation.reminded_at if invitation else None,
                checked_at=checkin.checked_at if checkin else None,
                seat=seat.label if seat else "",
            )
        )
    return rows


def delegation_of(delegate: Delegate) -> str:
    """The delegation a delegate comes with: the lower unit that sent them, else where they work."""
    if delegate.source_delegate_id and delegate.source_delegate is not None:
        return delegate.source_delegate.event.unit.name
    return delegate.collective_name or delegate.workplace


def replacements_pending(*, event: Event) -> QuerySet[Replacement]:
    return Replacement.objects.filter(event=event, status=Replacement.Status.PENDING).select_related(
        "original"
    )


def reception_grants(*, event: Event) -> QuerySet[ReceptionGrant]:
    return ReceptionGrant.objects.filter(event=event).select_related("user").order_by("user__username")


def may_check_in(user, event: Event) -> bool:
    """The unit's own writers and the accounts named for this event's reception."""
    if unit_access(user, event.unit) == Access.WRITE:
        return True
    return ReceptionGrant.objects.filter(event=event, user_id=user.pk).exists()


def may_grant_reception(user, event: Event) -> bool:
    return unit_access(user, event.unit) == Access.WRITE


def door_roster(*, event: Event) -> list[dict]:
    """What a door phone keeps offline: per delegate the code's fingerprint, never the code."""
    delegates = Delegate.objects.filter(event=event).select_related("invitation", "checkin", "seat__row")
    entries = []
    for d in delegates.order_by("sort_key", "pk"):
        invitation = getattr(d, "invitation", None)
        checkin = getattr(d, "checkin", None)
        seat = getattr(d, "seat", None)
        entries.append(
            {
                "id": d.pk,
                "name": d.full_name,
                "category": str(CATEGORY_LABELS.get(d.category, d.category)),
                "seat": seat.label if seat else "",
                "code": invitation.short_code if invitation else "",
                "fp": domain.token_fingerprint(invitation_token(invitation)) if invitation else "",
                "search": d.search_text,
                "checked_at": timezone.localtime(checkin.checked_at).isoformat() if checkin else None,
            }
        )
    return entries


@dataclass(frozen=True)
class CategoryAttendance:
    category: str
    label: str
    roster: int
    present: int
    yes: int
    no: int
    pending: int


@dataclass(frozen=True)
class PresidiumFigures:
    roster: int
    present: int
    yes: int
    no: int
    pending: int
    replace: int
    by_category: list[CategoryAttendance]
    share_present: rules.Decision
    exemplars_present: int


def presidium_figures(*, event: Event) -> PresidiumFigures:
    """Present / answered yes / declined / no answer, by category, and the share of those present.

    One query, however many delegates have arrived.
    """
    answer = "invitation__answer"
    present = Q(checkin__isnull=False)
    rows = (
        Delegate.objects.filter(event=event)
        .values("category")
        .annotate(
            roster=Count("id"),
            present=Count("id", filter=present),
            yes=Count("id", filter=Q(**{answer: Invitation.Answer.YES})),
            no=Count("id", filter=Q(**{answer: Invitation.Answer.NO})),
            replace=Count("id", filter=Q(**{answer: Invitation.Answer.REPLACE})),
        )
        .order_by()
    )
    counted = {r["category"]: r for r in rows}
    by_category = []
    for category, label in Delegate.Category.choices:
        r = counted.get(category, {"roster": 0, "present": 0, "yes": 0, "no": 0, "replace": 0})
        by_category.append(
            CategoryAttendance(
                category=category,
                label=str(label),
                roster=r["roster"],
                present=r["present"],
                yes=r["yes"],
                no=r["no"],
                pending=r["roster"] - r["yes"] - r["no"] - r["replace"],
            )
        )
    total_present = sum(c.present for c in by_category)
    exemplars_present = sum(c.present for c in by_category if c.category in Delegate.EXEMPLAR_CATEGORIES)
    share = rules.exemplar_share(
        exemplars=exemplars_present,
        total=total_present,
        min_percent=event.tier.min_exemplar_share_percent,
        cap=event_cap(event),
    )
    return PresidiumFigures(
        roster=sum(c.roster for c in by_category),
        present=total_present,
        yes=sum(c.yes for c in by_category),
        no=sum(c.no for c in by_category),
        pending=sum(c.pending for c in by_category),
        replace=sum(r.get("replace", 0) for r in counted.values()),
        by_category=by_category,
        share_present=share,
        exemplars_present=exemplars_present,
    )


def present_by_category(*, event_ids: list[int]) -> dict[int, dict[str, int]]:
    """Delegates checked in per event and category (for results reports and the dashboard)."""
    counts: dict[int, dict[str, int]] = {pk: {} for pk in event_ids}
    rows = (
        CheckIn.objects.filter(event_id__in=event_ids)
        .values("event_id", "delegate__category")
        .annotate(n=Count("id"))
        .order_by()
    )
    for r in rows:
        counts[r["event_id"]][r["delegate__category"]] = r["n"]
    return counts


def seat_rows(*, event: Event) -> list[SeatRow]:
    return list(SeatRow.objects.filter(event=event).annotate(taken=Count("assignments")))


def hall_text(*, event: Event) -> str:
    return "\n".join(f"{r.label}: {r.seats}" for r in SeatRow.objects.filter(event=event))


def seat_map(*, event: Event) -> list[dict]:
    """The hall row by row, each seat with who sits there (two queries)."""
    rows = list(SeatRow.objects.filter(event=event))
    taken = {
        (a.row_id, a.number): a.delegate
        for a in SeatAssignment.objects.filter(row__event=event).select_related("delegate")
    }
    plan = []
    for row in rows:
        seats = []
        for number in range(1, row.seats + 1):
            delegate = taken.get((row.pk, number))
            seats.append(
                {
                    "label": domain.seat_label(row.label, number),
                    "name": delegate.full_name if delegate else "",
                    "category": delegate.category if delegate else "",
                }
            )
        plan.append({"label": row.label, "seats": seats})
    return plan


def earlier_halls(*, event: Event, user) -> QuerySet[Event]:
    """Events of the same unit (any campaign) whose hall can be copied."""
    return (
        Event.objects.filter(unit_id=event.unit_id, seat_rows__isnull=False)
        .exclude(pk=event.pk)
        .distinct()
        .order_by("-date")
    )


def invitation_extras(delegate_ids: list[int]) -> dict[int, dict]:
    """Each delegate's code, its QR (vector) and seat, for the invitation letter (one query)."""
    invitations = Invitation.objects.filter(delegate_id__in=delegate_ids).select_related(
        "delegate__seat__row"
    )
    extras = {}
    for invitation in invitations:
        link = invitation_link(invitation)
        seat = getattr(invitation.delegate, "seat", None)
        extras[invitation.delegate_id] = {
            "qr_svg": domain.qr_svg(link),
            "short_code": invitation.short_code,
            "link": link,
            "seat": seat.label if seat else "",
        }
    return extras


def badges(*, event: Event) -> list[dict]:
    """One badge per delegate: name, delegation, category and its colour, seat, QR (one query)."""
    delegates = (
        Delegate.objects.filter(event=event)
        .select_related("invitation", "seat__row", "source_delegate__event__unit")
        .order_by("sort_key", "pk")
    )
    result = []
    for d in delegates:
        seat = getattr(d, "seat", None)
        invitation = getattr(d, "invitation", None)
        link = invitation_link(invitation) if invitation else ""
        result.append(
            {
                "full_name": d.full_name,
                "unit_line": delegation_of(d) or event.unit.name,
                "category": str(CATEGORY_LABELS.get(d.category, d.category)),
                "colour": domain.CATEGORY_COLOURS.get(d.category, "#555"),
                "seat": seat.label if seat else "",
                "qr_svg": domain.qr_svg(link) if link else "",
                "link": link,
                "short_code": invitation.short_code if invitation else "",
            }
        )
    return result


@dataclass(frozen=True)
class DoorAttendance:
    total: int
    roster: int
    by_category: list[tuple[str, int]]


def door_attendance(*, event: Event) -> DoorAttendance | None:
    """Who was checked in at the door, by category (None when the door was not kept on the portal)."""
    counts = present_by_category(event_ids=[event.pk])[event.pk]
    if not counts:
        return None
    return DoorAttendance(
        total=sum(counts.values()),
        roster=Delegate.objects.filter(event=event).count(),
        by_category=[(str(label), counts.get(c, 0)) for c, label in Delegate.Category.choices],
    )


def reception_events(*, user) -> QuerySet[Event]:
    """The events whose door this account was named to keep (for its home page)."""
    return Event.objects.filter(reception_grants__user_id=user.pk).order_by("date")


def door_event(*, pk: int) -> Event | None:
    """The event a door request names, with just what the door needs (its unit, for the scope)."""
    return Event.objects.select_related("unit").filter(pk=pk).order_by().first()

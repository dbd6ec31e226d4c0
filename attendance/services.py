"""Writes of the congress day: invitations and answers, replacements, reception, check-ins."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from congresses import rules
from congresses.models import Event
from core.errors import DomainError
from core.text import fold_for_search, normalise_text, vietnamese_sort_key
from delegates.models import Delegate
from delegates.selectors import event_cap, roster_counter
from delegates.services import roster_recount
from units.models import User

from . import domain, selectors
from .models import CheckIn, Invitation, ReceptionGrant, Replacement


class AttendanceError(DomainError):
    pass


# --- Personal codes -------------------------------------------------------------------


def invitations_ensure(*, event: Event) -> int:
    """Give every delegate of the roster a personal code (idempotent); how many were made."""
    made = 0
    for _attempt in range(5):  # a short code drawn twice is simply drawn again
        missing = list(
            Delegate.objects.filter(event=event, invitation__isnull=True).values_list("pk", flat=True)
        )
        if not missing:
            return made
        created = Invitation.objects.bulk_create(
            [Invitation(delegate_id=pk, nonce=domain.new_nonce(), short_code=domain.new_short_code())
             for pk in missing],
            ignore_conflicts=True,
        )  # fmt: skip
        made += len(created)
    return made


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """A new code replaces the old one: the old link and short code stop working."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    locked.revoked_nonces = [*locked.revoked_nonces, locked.nonce][-20:]
    locked.nonce = domain.new_nonce()
    for _attempt in range(5):
        locked.short_code = domain.new_short_code()
        if not Invitation.objects.filter(short_code=locked.short_code).exists():
            break
    locked.save(update_fields=["nonce", "short_code", "revoked_nonces"])
    return locked


# --- Answers ---------------------------------------------------------------------------


def _usable(token: str) -> Invitation:
    lookup = selectors.code_lookup(token)
    if lookup.invitation is None:
        raise AttendanceError(lookup.decision.reason)
    return lookup.invitation


@transaction.atomic
def invitation_answer(*, token: str, answer: str, reason: str = "") -> Invitation:
    """The delegate says they will come or cannot come (with a reason)."""
    invitation = _usable(token)
    reason = normalise_text(reason)[:500]
    if answer not in (Invitation.Answer.YES, Invitation.Answer.NO):
        raise AttendanceError(gettext("Câu trả lời không hợp lệ."))
    if answer == Invitation.Answer.NO and not reason:
        raise AttendanceError(gettext("Xin cho biết lý do không tham dự được."))
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    locked.answer = answer
    locked.reason = reason if answer == Invitation.Answer.NO else ""
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "reason", "answered_at"])
    Replacement.objects.filter(original_id=locked.delegate_id, status=Replacement.Status.PENDING).delete()
    roster_recount(event_id=invitation.delegate.event_id)  # the event's answer counters
    return locked


def _replacement_decision(event: Event, original_category: str, category: str) -> rules.Decision:
    counter = roster_counter(event=event)  # the locked event's kept counters
    return rules.replacement_change(
        original_category=original_category,
        replacement_category=category,
        exemplar_categories=tuple(Delegate.EXEMPLAR_CATEGORIES),
        cap=event_cap(event),
        headcount=counter.headcount,
        exemplars=counter.exemplars,
        min_percent=event.tier.min_exemplar_share_percent,
    )


@dataclass(frozen=True)
class ReplacementData:
    full_name: str
    gender: str
    birth_year: int
    ethnic_group: str
    position: str = ""
    workplace: str = ""
    email: str = ""


@transaction.atomic
def replacement_request(*, token: str, data: ReplacementData) -> Replacement:
    """The delegate names someone of the same category to go instead; the unit decides."""
    invitation = _usable(token)
    delegate = invitation.delegate
    event = Event.objects.select_for_update().select_related("tier").get(pk=delegate.event_id)
    decision = _replacement_decision(event, delegate.category, delegate.category)
    if not decision:
        raise AttendanceError(decision.reason)
    Replacement.objects.filter(original=delegate, status=Replacement.Status.PENDING).delete()
    replacement = Replacement(
        event=event,
        original=delegate,
        original_name=delegate.full_name,
        category=delegate.category,
        full_name=normalise_text(data.full_name),
        gender=data.gender,
        birth_year=data.birth_year,
        ethnic_group=data.ethnic_group,
        position=normalise_text(data.position),
        workplace=normalise_text(data.workplace),
        email=data.email,
    )
    replacement.full_clean(exclude=["original", "new_delegate", "decided_by"])
    replacement.save()
    Invitation.objects.filter(pk=invitation.pk).update(
        answer=Invitation.Answer.REPLACE, reason="", answered_at=timezone.now()
    )
    roster_recount(event_id=event.pk)
    return replacement


@transaction.atomic
def replacement_decide(*, replacement: Replacement, accept: bool, by: User, note: str = "") -> Replacement:
    """Accept (the replacement takes the delegate's place, within the cap and share) or refuse."""
    event = Event.objects.select_for_update().select_related("tier").get(pk=replacement.event_id)
    locked = (
        Replacement.objects.select_for_update(of=("self",)).select_related("original").get(pk=replacement.pk)
    )
    if locked.status != Replacement.Status.PENDING:
        raise AttendanceError(gettext("Đề nghị này đã được xem xét."))
    original = locked.original
    if original is None:
        raise AttendanceError(gettext("Đại biểu được mời không còn trong danh sách."))
    locked.decided_by, locked.decided_at, locked.decision_note = (
        by,
        timezone.now(),
        normalise_text(note)[:500],
    )
    if not accept:
        locked.status = Replacement.Status.REFUSED
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        Invitation.objects.filter(delegate=original).update(
            answer=Invitation.Answer.PENDING, answered_at=None
        )
        roster_recount(event_id=event.pk)
        return locked
    decision = _replacement_decision(event, original.category, locked.category)
    if not decision:
        raise AttendanceError(decision.reason)
    if Delegate.objects.filter(source_delegate=original).exists():
        raise AttendanceError(gettext("Đại biểu này đã được cử lên cấp trên; hãy điều chỉnh đoàn trước."))
    newcomer = Delegate(
        event=event,
        category=locked.category,
        full_name=locked.full_name,
        gender=locked.gender,
        birth_year=locked.birth_year,
        ethnic_group=locked.ethnic_group,
        position=locked.position,
        workplace=locked.workplace,
        email=locked.email,
        in_delegation=original.in_delegation,
        sort_key=vietnamese_sort_key(locked.full_name),
        search_text=fold_for_search(" ".join((locked.full_name, locked.position, locked.workplace)))[:600],
    )
    newcomer.full_clean(exclude=["event", "source_delegate", "exemplar"])
    newcomer.save()
    seat = getattr(original, "seat", None)
    original.delete()  # its invitation, seat and any check-in go with it
    if seat is not None:
        seat.pk = None
        seat.delegate = newcomer
        seat.save()
    locked.status, locked.new_delegate, locked.original = Replacement.Status.ACCEPTED, newcomer, None
    locked.save(
        update_fields=["status", "new_delegate", "original", "decided_by", "decided_at", "decision_note"]
    )
    invitations_ensure(event=event)
    Invitation.objects.filter(delegate=newcomer).update(
        answer=Invitation.Answer.YES, answered_at=timezone.now()
    )
    roster_recount(event_id=event.pk)  # after the newcomer's answer: its counters follow
    return locked


# --- Sending invitations and reminders -------------------------------------------------


def invitations_send_schedule(*, event: Event, delegate_ids: Iterable[int], remind: bool) -> int:
    """Queue the mails (a Celery task taking ids); how many delegates have an address to write to."""
    from .tasks import invitations_send_task

    invitations_ensure(event=event)
    delegates = Delegate.objects.filter(event=event, pk__in=list(delegate_ids)).exclude(email="")
    if remind:
        delegates = delegates.filter(invitation__answer=Invitation.Answer.PENDING)
    ids = list(delegates.values_list("pk", flat=True))
    if ids:
        transaction.on_commit(lambda: invitations_send_task.delay(event.pk, ids, remind))
    return len(ids)


# --- Reception team --------------------------------------------------------------------


def reception_grant(*, event: Event, username: str, by: User) -> ReceptionGrant:
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise AttendanceError(
            gettext("Không có tài khoản «%(value)s» đang hoạt động.") % {"value": username.strip()[:50]}
        )
    try:
        with transaction.atomic():
            return ReceptionGrant.objects.create(event=event, user=user, granted_by=by)
    except IntegrityError as exc:
        raise AttendanceError(
            gettext("Tài khoản %(username)s đã có quyền điểm danh sự kiện này.") % {"username": user.username}
        ) from exc


def reception_revoke(*, event: Event, grant_id: int) -> None:
    ReceptionGrant.objects.filter(event=event, pk=grant_id).delete()


# --- Check-in at the door ---------------------------------------------------------------


@dataclass(frozen=True)
class CheckInResult:
    ok: bool
    message: str
    delegate_id: int | None = None
    name: str = ""
    category: str = ""
    seat: str = ""
    checked_at: datetime | None = None
    first_time: bool = False


MAX_CLOCK_SKEW = timedelta(minutes=5)


# One query finds the delegate, their event, seat and any check-in already held.
_INVITATION_AT_DOOR = Invitation.objects.select_related(
    "delegate__event", "delegate__seat__row", "delegate__checkin"
)


def _delegate_for_code(event: Event, code: str) -> tuple[Delegate | None, str]:
    short = domain.normalise_short_code(code) if len(code) <= 12 else ""
    if short:
        invitation = _INVITATION_AT_DOOR.filter(short_code=short).first()
        if invitation is None:
            return None, gettext("Không tìm thấy mã đại biểu này.")
    else:
        read = domain.read_token(code)
        invitation = None
        if read is not None:
            invitation = _INVITATION_AT_DOOR.filter(pk=read[0]).first()
        if invitation is None or read is None or invitation.nonce != read[1]:
            revoked = invitation is not None and read is not None and read[1] in invitation.revoked_nonces
            return (
                None,
                gettext("Mã này đã bị thu hồi.")
                if revoked
                else gettext("Mã không đúng (không phải mã của Ban Tổ chức)."),
            )
    delegate = invitation.delegate
    admission = rules.door_admission(
        code_event_id=delegate.event_id, door_event_id=event.pk, code_event_name=delegate.event.name
    )
    if not admission:
        return None, admission.reason
    return delegate, ""


def checkin_record(*, event: Event, code: str = "", delegate_id: int | None = None,
                   at: datetime | None = None, door: str = "", by: User | None = None) -> CheckInResult:  # fmt: skip
    """Check one delegate in, once: a second check-in keeps the earliest time and says when it was."""
    now = timezone.now()
    at = min(at or now, now + MAX_CLOCK_SKEW)  # a phone's clock ahead of the server's is clipped
    if delegate_id is not None:
        delegate = (
            Delegate.objects.select_related("seat__row", "checkin")
            .filter(event=event, pk=delegate_id)
            .first()
        )
        problem = "" if delegate else gettext("Đại biểu không có trong danh sách của sự kiện này.")
    else:
        delegate, problem = _delegate_for_code(event, code)
    if delegate is None:
        return CheckInResult(False, problem)
    first_time = False
    held = getattr(delegate, "checkin", None)
    stored = held.checked_at if held is not None else None
    if stored is None:
        try:
            with transaction.atomic():
                CheckIn.objects.create(event=event, delegate=delegate, checked_at=at, door=door[:50], by=by)
                roster_recount(event_id=event.pk)  # the event's check-in counter, in the same transaction
            stored, first_time = at, True
        except IntegrityError:  # another door recorded them in the meantime
            stored = CheckIn.objects.filter(delegate=delegate).values_list("checked_at", flat=True).first()
    assert stored is not None
    if at < stored:  # the earliest time wins, whichever door's record reached the server first
        CheckIn.objects.filter(delegate=delegate, checked_at__gt=at).update(checked_at=at, door=door[:50])
        stored = at
    seat = getattr(delegate, "seat", None)
    local = timezone.localtime(stored)
    message = (
        gettext("Đã điểm danh.")
        if first_time
        else gettext("Đã điểm danh lúc %(local)s.") % {"local": format(local, "%H:%M")}
    )
    return CheckInResult(
        True,
        message,
        delegate_id=delegate.pk,
        name=delegate.full_name,
        category=str(selectors.CATEGORY_LABELS.get(delegate.category, delegate.category)),
        seat=seat.label if seat else "",
        checked_at=stored,
        first_time=first_time,
    )


# --- Abuse: the public answer page is rate-limited ------------------------------------


def rate_limit_hit(*, key: str, limit: int, window_seconds: int) -> bool:
    """Count one more request under `key`; True when the key is over `limit` in the window."""
    from django.core.cache import cache

    cache_key = f"attendance-rate:{key}"
    if cache.add(cache_key, 1, window_seconds):
        return False
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, window_seconds)
        return False
    return count > limit

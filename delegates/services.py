"""Writes of rosters: every path that adds delegates locks the event and checks the cap."""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from congresses import rules
from congresses.models import Campaign, Event
from core import bulk_audit
from core.bulk_insert import insert_many
from core.errors import DomainError
from core.text import normalise_text, vietnamese_sort_key
from core.versioning import ensure_current
from units.choices import Gender
from units.models import Unit
from units.reference import ETHNIC_GROUPS

from .domain import delegate_search_text, email_problem, staged_rows_pack
from .models import Delegate, DelegationApproval, DelegationQuota, RosterCounter, RosterImport
from .selectors import (
    COUNTER_FIELDS,
    congress_cap,
    delegation_candidates,
    event_cap,
    roster_counter,
    roster_counts,
)

# The fields an officer fills in (form, Excel, copy from a lower roster).
DELEGATE_FIELDS = (
    "category",
    "full_name",
    "collective_name",
    "gender",
    "birth_year",
    "ethnic_group",
    "religion",
    "position",
    "workplace",
    "field",
    "is_direct_worker",
    "email",
)
_TEXT_FIELDS = ("full_name", "collective_name", "religion", "position", "workplace", "field")


class RosterError(DomainError):
    pass


class DelegateCapExceeded(RosterError):
    pass


class RosterFinalised(RosterError):
    pass


class ExemplarShareTooLow(RosterError):
    pass


class QuotaError(DomainError):
    pass


def _lock_event(event: Event) -> Event:
    """Lock the event row: concurrent writes to one roster queue up here.

    FOR NO KEY UPDATE (on PostgreSQL): roster writers still queue behind each other and
    behind every FOR UPDATE of the event, but a door's check-in, whose foreign key to the
    event takes a KEY SHARE lock, is not held up, so it cannot deadlock with the delete of
    the delegate it checks in (which waits for the check-in's lock on the delegate).
    """
    return Event.objects.select_for_update(no_key=True).select_related("tier", "unit").get(pk=event.pk)


def _ensure_open(event: Event) -> None:
    if event.roster_finalised_at is not None:
        raise RosterFinalised(
            gettext("Danh sách đại biểu đã được chốt. Hãy mở lại danh sách trước khi thay đổi.")
        )


def _ensure_room(event: Event, requested: int) -> None:
    """Refuse more delegates than the cap leaves, reading the locked event's kept headcount."""
    current = roster_counter(event=event).headcount
    decision = rules.seats_left(cap=event_cap(event), headcount=current, requested=requested)
    if not decision:
        raise DelegateCapExceeded(decision.reason)


def roster_recount(*, event_id: int) -> None:
    """Set the event's RosterCounter from a fresh count of its roster (three queries, whatever its size).

    Every roster write (and every answer or check-in, from attendance) calls it in its own
    transaction, after the write. It locks the counter row before counting: recounts of one
    event queue on that lock and each commits before the next counts, so the last recount
    always sees every committed write and the counters equal a fresh count, also when
    check-ins (which take no event lock) run beside roster edits. A recount rather than
    +1/-1 arithmetic: one definition of each figure, and no write path can drift it.
    """
    rosters_recount(event_ids=[event_id])


@transaction.atomic
def rosters_recount(*, event_ids: Iterable[int]) -> None:
    """roster_recount() for many events at once (demo data, the admin's bulk delete): three queries."""
    ids = sorted(set(event_ids))
    if not ids:
        return
    locked = RosterCounter.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk")
    if len(list(locked)) < len(ids):  # a first delegate: make the missing rows, then lock them all
        RosterCounter.objects.bulk_create([RosterCounter(event_id=pk) for pk in ids], ignore_conflicts=True)
        list(locked.all())
    counts = roster_counts(event_ids=ids)
    RosterCounter.objects.bulk_create(
        [RosterCounter(event_id=event_id, **values) for event_id, values in counts.items()],
        update_conflicts=True,
        unique_fields=["event"],
        update_fields=list(COUNTER_FIELDS),
    )


def _fill(delegate: Delegate, data: dict) -> Delegate:
    for field in DELEGATE_FIELDS:
        if field in data:
            value = data[field]
            if field in _TEXT_FIELDS:
                value = normalise_text(value or "")
            setattr(delegate, field, value)
    if not delegate.religion:
        delegate.religion = "Không"
    if delegate.category != Delegate.Category.EXEMPLAR_COLLECTIVE:
        delegate.collective_name = ""
    if "exemplar" in data:
        delegate.exemplar = data["exemplar"]
    delegate.sort_key = vietnamese_sort_key(delegate.full_name)
    delegate.search_text = delegate_search_text(
        full_name=delegate.full_name,
        collective_name=delegate.collective_name,
        position=delegate.position,
        workplace=delegate.workplace,
        ethnic_group=delegate.ethnic_group,
    )
    return delegate


def _check_exemplar_link(event: Event, delegate: Delegate) -> None:
    if delegate.exemplar is not None and delegate.exemplar.unit_id != event.unit_id:
        raise RosterError(gettext("Hồ sơ điển hình được chọn không thuộc đơn vị tổ chức."))
    if delegate.exemplar_id is not None and not delegate.is_exemplar:
        raise RosterError(gettext("Chỉ đại biểu điển hình tiên tiến mới gắn với hồ sơ điển hình."))


def _validated(delegate: Delegate) -> Delegate:
    try:
        delegate.full_clean(exclude=["event", "source_delegate", "exemplar"])
    except ValidationError as exc:
        raise RosterError("; ".join(m for msgs in exc.message_dict.values() for m in msgs)) from exc
    return delegate


_FIELD_LIMITS: dict[str, tuple[int, str]] = {}
for _name in _TEXT_FIELDS:
    _field = Delegate._meta.get_field(_name)
    assert isinstance(_field, models.CharField) and _field.max_length
    _FIELD_LIMITS[_name] = (_field.max_length, str(_field.verbose_name))
_ETHNIC_GROUPS = frozenset(ETHNIC_GROUPS)
# Once, not per row: Django's Choices.values builds a new list each time it is read.
_CATEGORIES = frozenset(Delegate.Category.values)
_GENDERS = frozenset(Gender.values)


def _validated_fast(delegate: Delegate, position: int) -> Delegate:
    """The checks of full_clean() for many rows at once, without its per-row overhead.

    Bulk paths (Excel import, copying a lower unit's delegation) hold thousands of
    rows; full_clean() per row costs more than reading the file. Same rules:
    required name, known choices, lengths, the birth-year constraint.
    """
    problems = []
    if not delegate.full_name:
        problems.append(gettext("thiếu họ và tên"))
    if delegate.category not in _CATEGORIES:
        problems.append(gettext("thành phần không hợp lệ"))
    if delegate.gender not in _GENDERS:
        problems.append(gettext("giới tính không hợp lệ"))
    if delegate.ethnic_group not in _ETHNIC_GROUPS:
        problems.append(gettext("dân tộc không có trong danh mục 54 dân tộc"))
    if not isinstance(delegate.birth_year, int) or not 1900 <= delegate.birth_year <= 2100:
        problems.append(gettext("năm sinh không hợp lệ"))
    for name, (limit, label) in _FIELD_LIMITS.items():
        if len(getattr(delegate, name)) > limit:
            problems.append(gettext("%(label)s dài quá %(limit)s ký tự") % {"label": label, "limit": limit})
    if email := email_problem(delegate.email):
        problems.append(email)
    if problems:
        raise RosterError(
            gettext("Đại biểu thứ %(position)s (%(value)s): ")
            % {"position": position, "value": delegate.full_name or "?"}
            + "; ".join(problems)
            + "."
        )
    return delegate


@transaction.atomic
def delegate_create(*, event: Event, data: dict) -> Delegate:
    locked = _lock_event(event)
    _ensure_open(locked)
    _ensure_room(locked, 1)
    delegate = _validated(_fill(Delegate(event=locked), data))
    _check_exemplar_link(locked, delegate)
    delegate.save()
    roster_recount(event_id=locked.pk)
    return delegate


@transaction.atomic
def delegate_update(*, delegate: Delegate, data: dict, expected_version: int | None = None) -> Delegate:
    """Save an edited delegate; a save from a form opened before someone else's is refused."""
    locked = _lock_event(delegate.event)
    _ensure_open(locked)
    ensure_current(delegate, expected=expected_version, data=data)
    _validated(_fill(delegate, data))
    _check_exemplar_link(locked, delegate)
    delegate.save()
    roster_recount(event_id=locked.pk)
    return delegate


@transaction.atomic
def delegate_delete(*, delegate: Delegate) -> None:
    """Remove a delegate, unless an upper congress already holds its copy (the quota would leak)."""
    locked = _lock_event(delegate.event)
    _ensure_open(locked)
    copied_to = Delegate.objects.filter(source_delegate=delegate).values_list("event__name", flat=True)
    decision = rules.delegate_removal(copied_to=sorted(set(copied_to)))
    if not decision:
        raise QuotaError(decision.reason)
    delegate.delete()
    roster_recount(event_id=locked.pk)
    if DelegationApproval.objects.filter(event=locked).exists():  # keep the approved delegation's size true
        size = Delegate.objects.filter(event=locked, in_delegation=True).count()
        if size:
            DelegationApproval.objects.filter(event=locked).update(size=size)
        else:
            DelegationApproval.objects.filter(event=locked).delete()


def _record_created(delegates: list[Delegate], *, event: Event, source: str, by=None) -> None:
    bulk_audit.record(
        bulk_audit.BulkChange(
            action=bulk_audit.CREATED, rows=delegates, source=source, unit_id=event.unit_id, actor=by
        )
    )


def _set_in_delegation(
    event: Event, rows: models.QuerySet[Delegate], value: bool, *, source: str, by
) -> None:
    """Flip `in_delegation` on the rows that differ, with one audit entry per changed row."""
    changed = list(rows.exclude(in_delegation=value).only("pk", "full_name"))
    if not changed:
        return
    Delegate.objects.filter(pk__in=[d.pk for d in changed]).update(in_delegation=value)
    bulk_audit.record(
        bulk_audit.BulkChange(
            action=bulk_audit.UPDATED,
            rows=changed,
            source=source,
            changes={"in_delegation": (not value, value)},
            unit_id=event.unit_id,
            actor=by,
        )
    )


@transaction.atomic
def delegates_bulk_create(
    *, event: Event, rows: list[dict], source: str = "Nhập nhiều đại biểu", by=None
) -> list[Delegate]:
    """Add many delegates at once (the Excel import): all or nothing, within the cap, audited per row."""
    locked = _lock_event(event)
    _ensure_open(locked)
    _ensure_room(locked, len(rows))
    delegates = [
        _validated_fast(_fill(Delegate(event=locked), row), position) for position, row in enumerate(rows, 1)
    ]
    created = insert_many(delegates)  # COPY on PostgreSQL, batched INSERTs elsewhere
    _record_created(created, event=locked, source=source, by=by)
    roster_recount(event_id=locked.pk)
    return created


def roster_import_stage(*, event: Event, file_name: str, rows: list[dict], by) -> RosterImport:
    """Keep parsed rows until the officer confirms the preview (nothing on the roster yet)."""
    if event.roster_finalised_at is not None:
        raise RosterFinalised(
            gettext("Danh sách đại biểu đã được chốt. Hãy mở lại danh sách trước khi nhập.")
        )
    current = roster_counter(event=event).headcount
    decision = rules.seats_left(cap=event_cap(event), headcount=current, requested=len(rows))
    if not decision:
        raise DelegateCapExceeded(gettext("Không nhập tệp: %(reason)s") % {"reason": decision.reason})
    # One pending import per officer and event; abandoned previews go after a day.
    RosterImport.objects.filter(event=event, created_by=by).delete()
    RosterImport.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    staged = RosterImport(event=event, file_name=file_name[:255], rows=staged_rows_pack(rows), created_by=by)
    staged.full_clean()
    staged.save()
    return staged


@transaction.atomic
def roster_import_confirm(*, staged: RosterImport, skip: Iterable[int] = ()) -> list[Delegate]:
    """Add the staged rows, but those the officer chose to skip in the preview (row indexes)."""
    skipped = set(skip)
    rows = [row for index, row in enumerate(staged.parsed_rows) if index not in skipped]
    if not rows:
        raise RosterError(gettext("Mọi dòng của tệp đều được chọn bỏ qua: không có đại biểu nào để nhập."))
    delegates = delegates_bulk_create(
        event=staged.event,
        rows=rows,
        source=f"Nhập từ tệp Excel {staged.file_name}",
        by=staged.created_by,
    )
    staged.delete()
    return delegates


def roster_import_discard(*, staged: RosterImport) -> None:
    staged.delete()


@transaction.atomic
def roster_finalise(*, event: Event, now: datetime | None = None) -> Event:
    """Close the roster (`now`: when, for the demo's past events; the real time otherwise)."""
    locked = _lock_event(event)
    _ensure_open(locked)
    counter = roster_counter(event=locked)  # kept by every roster write, under this same lock
    share = rules.exemplar_share(
        exemplars=counter.exemplars,
        total=counter.headcount,
        min_percent=locked.tier.min_exemplar_share_percent,
        cap=event_cap(locked),
    )
    if not share:
        raise ExemplarShareTooLow(gettext("Chưa thể chốt danh sách. %(reason)s") % {"reason": share.reason})
    locked.roster_finalised_at = now or timezone.now()
    locked.save(update_fields=["roster_finalised_at"])
    return locked


@transaction.atomic
def roster_reopen(*, event: Event) -> Event:
    locked = _lock_event(event)
    locked.roster_finalised_at = None
    locked.save(update_fields=["roster_finalised_at"])
    return locked


# --- Delegations to the upper congress -------------------------------------------


@transaction.atomic
def quota_set_many(*, campaign: Campaign, upper_unit: Unit, seats: Mapping[int, int | None], by) -> None:
    """Set the seats each lower unit sends to `upper_unit`'s congress (None clears a quota)."""
    Unit.objects.select_for_update().get(pk=upper_unit.pk)
    children = set(Unit.objects.filter(parent=upper_unit).values_list("pk", flat=True))
    if not set(seats) <= children:
        raise QuotaError(gettext("Chỉ phân bổ cho các đơn vị trực thuộc."))
    current = dict(
        DelegationQuota.objects.filter(campaign=campaign, upper_unit=upper_unit).values_list(
            "unit_id", "seats"
        )
    )
    wanted = {**current, **{k: v for k, v in seats.items() if v is not None}}
    for unit_id, value in seats.items():
        if value is None:
            wanted.pop(unit_id, None)
    approved = dict(
        DelegationApproval.objects.filter(
            event__campaign=campaign, event__unit_id__in=list(children)
        ).values_list("event__unit_id", "size")
    )
    decision = rules.quota_change(
        cap=congress_cap(campaign=campaign, unit=upper_unit), before=current, after=wanted, approved=approved
    )
    if not decision:
        raise QuotaError(decision.reason)
    DelegationQuota.objects.filter(
        campaign=campaign, upper_unit=upper_unit, unit_id__in=[k for k, v in seats.items() if v is None]
    ).delete()
    for unit_id, value in seats.items():
        if value is None:
            continue
        quota = DelegationQuota.objects.filter(campaign=campaign, unit_id=unit_id).first() or DelegationQuota(
            campaign=campaign, unit_id=unit_id
        )
        quota.upper_unit = upper_unit
        quota.seats = value
        quota.updated_by = by
        quota.full_clean()
        quota.save()


@transaction.atomic
def delegation_approve(*, event: Event, delegate_ids: Iterable[int], by) -> DelegationApproval:
    """The event approves who goes to the upper congress, within its quota."""
    locked = _lock_event(event)
    ids = set(delegate_ids)
    chosen = Delegate.objects.filter(event=locked, pk__in=ids)
    if chosen.count() != len(ids):
        raise QuotaError(gettext("Chỉ chọn được đại biểu trong danh sách của hội nghị, đại hội này."))
    if (
        Delegate.objects.filter(source_delegate__in=Delegate.objects.filter(event=locked))
        .exclude(source_delegate_id__in=ids)
        .exists()
    ):
        raise QuotaError(
            gettext(
                "Cấp trên đã đưa một số đại biểu của đoàn vào danh sách Đại hội; không thể bỏ họ khỏi đoàn."
            )
        )
    quota = DelegationQuota.objects.filter(campaign_id=locked.campaign_id, unit_id=locked.unit_id).first()
    decision = rules.delegation_size(
        quota=quota.seats if quota else None,
        chosen=len(ids),
        roster_finalised=locked.roster_finalised_at is not None,
    )
    if not decision:
        raise QuotaError(decision.reason)
    source = f"Thông qua đoàn đại biểu của {locked.name} đi dự Đại hội cấp trên"
    _set_in_delegation(
        locked, Delegate.objects.filter(event=locked).exclude(pk__in=ids), False, source=source, by=by
    )
    _set_in_delegation(locked, chosen, True, source=source, by=by)
    approval = DelegationApproval.objects.filter(event=locked).first() or DelegationApproval(event=locked)
    approval.approved_at = timezone.now()
    approval.approved_by = by
    approval.size = len(ids)
    approval.full_clean()
    approval.save()
    return approval


@transaction.atomic
def delegation_withdraw(*, event: Event, by=None) -> None:
    locked = _lock_event(event)
    if Delegate.objects.filter(source_delegate__event=locked).exists():
        raise QuotaError(
            gettext("Cấp trên đã đưa đại biểu của đoàn vào danh sách Đại hội; không thể hủy thông qua.")
        )
    DelegationApproval.objects.filter(event=locked).delete()
    _set_in_delegation(
        locked,
        Delegate.objects.filter(event=locked),
        False,
        source=f"Hủy thông qua đoàn đại biểu của {locked.name}",
        by=by,
    )


@transaction.atomic
def delegates_add_from_candidates(*, event: Event, source_ids: Iterable[int], by=None) -> list[Delegate]:
    """Copy approved delegates of lower units onto the upper congress's roster, within its cap."""
    locked = _lock_event(event)
    _ensure_open(locked)
    ids = set(source_ids)
    sources = list(delegation_candidates(event=locked).filter(pk__in=ids))
    if not ids or len(sources) != len(ids):
        raise RosterError(gettext("Có đại biểu không còn trong danh sách được cử (có thể đã được thêm)."))
    _ensure_room(locked, len(sources))
    copies = []
    for position, source in enumerate(sources, 1):
        data = {field: getattr(source, field) for field in DELEGATE_FIELDS}
        copies.append(_validated_fast(_fill(Delegate(event=locked, source_delegate=source), data), position))
    created = Delegate.objects.bulk_create(copies)
    by_event: dict[str, list[Delegate]] = {}
    for copy, source in zip(created, sources, strict=True):
        by_event.setdefault(
            f"Thêm từ đoàn được cử của {source.event.name} ({source.event.unit.name})", []
        ).append(copy)
    for label, rows in by_event.items():
        _record_created(rows, event=locked, source=label, by=by)
    roster_recount(event_id=locked.pk)
    return created

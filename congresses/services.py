import json
import re
import zipfile
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from typing import IO

from django.core.files.base import File
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext

from core.clock import today as portal_today
from core.errors import DomainError
from core.uploads import UploadRefused, check_zip
from core.versioning import ensure_current
from units.models import Unit
from units.permissions import is_staff_of_home_affairs

from . import rules
from .domain import (
    OLE_MAGIC,
    PLAN_MAX_BYTES,
    ZIP_MAGIC,
    DocumentFacts,
    check_event_transition,
    check_plan_file,
    check_plan_review,
    event_full_name,
    event_is_editable,
    normalise_ordinal,
    shift_years,
    tier_for_kind,
)
from .models import (
    Campaign,
    Event,
    Movement,
    TierRule,
    UnitPlan,
    UnitPlanVersion,
)


class CampaignError(DomainError):
    pass


@transaction.atomic
def campaign_copy(
    *,
    source: Campaign,
    name: str,
    ordinal: str,
    years_later: int,
    map_date: date | None = None,
    tier_codes: Collection[str] | None = None,
) -> Campaign:
    """Copy a campaign, its tier rules and movements into a new, inactive campaign.

    Dates move by `years_later`; caps, shares, deadlines and names are copied as they are
    so the next campaign starts from this one's rules and is then edited. `tier_codes`
    (default: all) leaves out the tiers the new map no longer has (the district level after
    1 July 2025); a tier whose upper tier is left out sends its delegation nowhere until
    edited. `map_date` is the day whose units the new campaign covers.
    """
    if years_later < 1:
        raise CampaignError(gettext("Chiến dịch mới phải sau chiến dịch cũ ít nhất 1 năm."))
    tiers = [t for t in source.tiers.order_by("order") if tier_codes is None or t.code in tier_codes]
    if not tiers:
        raise CampaignError(gettext("Hãy chọn ít nhất một cấp để chép sang chiến dịch mới."))
    copy = Campaign(
        name=name,
        ordinal=ordinal,
        period_start_year=source.period_start_year + years_later,
        period_end_year=source.period_end_year + years_later,
        next_period_label=_shift_label(source.next_period_label, years_later),
        plan_deadline=shift_years(source.plan_deadline, years_later),
        map_date=map_date,
        is_active=False,
    )
    copy.full_clean()
    copy.save()
    old_to_new: dict[int, TierRule] = {}
    for tier in tiers:
        new_tier = TierRule(
            campaign=copy,
            code=tier.code,
            label=tier.label,
            unit_kinds=list(tier.unit_kinds),
            event_name=tier.event_name,
            is_congress=tier.is_congress,
            delegate_cap=tier.delegate_cap,
            min_exemplar_share_percent=tier.min_exemplar_share_percent,
            window_start=shift_years(tier.window_start, years_later),
            window_end=shift_years(tier.window_end, years_later),
            window_label=_shift_label(tier.window_label, years_later),
            sessions=tier.sessions,
            sends_delegation_upward=tier.sends_delegation_upward,
            order=tier.order,
            cap_setter=tier.cap_setter,
        )
        new_tier.full_clean()
        new_tier.save()
        old_to_new[tier.pk] = new_tier
    for tier in tiers:
        if tier.upper_tier_id in old_to_new:
            new_tier = old_to_new[tier.pk]
            new_tier.upper_tier = old_to_new[tier.upper_tier_id]
            new_tier.save(update_fields=["upper_tier"])
    Movement.objects.bulk_create(
        Movement(campaign=copy, name=m.name, order=m.order) for m in source.movements.all()
    )
    return copy


def _shift_label(label: str, years: int) -> str:
    """Shift every four-digit year in a label ("Quý I năm 2025" -> "Quý I năm 2030")."""
    return re.sub(r"\b(19|20)\d{2}\b", lambda m: str(int(m.group(0)) + years), label)


@transaction.atomic
def campaign_activate(*, campaign: Campaign) -> Campaign:
    Campaign.objects.filter(is_active=True).exclude(pk=campaign.pk).update(is_active=False)
    campaign.is_active = True
    campaign.save(update_fields=["is_active"])
    return campaign


def campaign_update(*, campaign: Campaign, data: dict) -> Campaign:
    for field, value in data.items():
        setattr(campaign, field, value)
    campaign.full_clean()
    campaign.save(update_fields=list(data))
    return campaign


def tier_update(*, tier: TierRule, data: dict) -> TierRule:
    for field, value in data.items():
        setattr(tier, field, value)
    tier.full_clean()
    tier.save(update_fields=list(data))
    return tier


def movement_save(*, movement: Movement) -> Movement:
    movement.full_clean()
    movement.save()
    return movement


CAMPAIGN_SEED_FILE = Path(__file__).resolve().parent / "data" / "campaign_bac_kan_vi.json"


@transaction.atomic
def campaign_load_from_file(*, path: Path = CAMPAIGN_SEED_FILE, activate: bool = True) -> Campaign:
    """Create or update a campaign, its tiers and movements from a seed file.

    The seed file is the plan turned into data; matching is by (name, ordinal)
    for the campaign, by code for tiers and by name for movements.
    """
    seed = json.loads(path.read_text(encoding="utf-8"))
    data = seed["campaign"]
    campaign, _ = Campaign.objects.update_or_create(
        name=data["name"],
        ordinal=data["ordinal"],
        defaults={
            "period_start_year": data["period_start_year"],
            "period_end_year": data["period_end_year"],
            "next_period_label": data["next_period_label"],
            "plan_deadline": date.fromisoformat(data["plan_deadline"]),
        },
    )
    tiers: dict[str, TierRule] = {}
    for tier_data in seed["tiers"]:
        fields = {k: v for k, v in tier_data.items() if k not in ("code", "upper_tier")}
        fields["window_start"] = date.fromisoformat(fields["window_start"])
        fields["window_end"] = date.fromisoformat(fields["window_end"])
        tier, _ = TierRule.objects.update_or_create(
            campaign=campaign, code=tier_data["code"], defaults=fields
        )
        tiers[tier.code] = tier
    for tier_data in seed["tiers"]:
        tier = tiers[tier_data["code"]]
        tier.upper_tier = tiers.get(tier_data["upper_tier"]) if tier_data["upper_tier"] else None
        tier.save(update_fields=["upper_tier"])
    for order, name in enumerate(seed["movements"], start=1):
        Movement.objects.update_or_create(campaign=campaign, name=name, defaults={"order": order})
    if activate:
        campaign_activate(campaign=campaign)
    return campaign


# --- Unit plans -----------------------------------------------------------------


class PlanError(DomainError):
    pass


class PlanFileRefused(PlanError):
    pass


_WORD_STREAM_NAME = "WordDocument".encode("utf-16-le")


def document_facts(upload: IO[bytes], *, size: int, file_name: str = "tải lên") -> DocumentFacts:
    """Read what the rules need from an uploaded file's bytes (its name is ignored, except in messages).

    A zip (Word .docx) is bounded by core.uploads first: too many entries or unpacked bytes
    refuse it (UploadRefused, naming the file) before its entries are tested."""
    upload.seek(0)
    head = upload.read(8)
    zip_names: tuple[str, ...] | None = None
    zip_intact = True
    has_word_stream = False
    if size > PLAN_MAX_BYTES:
        pass  # refused on size alone: never unpack or scan an oversized file
    elif head.startswith(ZIP_MAGIC):
        check_zip(upload, file_name=file_name, max_unpacked=20 * PLAN_MAX_BYTES)
        try:
            with zipfile.ZipFile(upload) as archive:
                zip_names = tuple(archive.namelist())
                unpacked = sum(info.file_size for info in archive.infolist())
                # A Word file unpacks to a few times its size; far more is a zip bomb, not a plan.
                zip_intact = unpacked <= 20 * PLAN_MAX_BYTES and archive.testzip() is None
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
            zip_names = None
    elif head.startswith(OLE_MAGIC):
        upload.seek(0)
        # The OLE directory names its streams in UTF-16; a Word 97-2003 file has "WordDocument".
        has_word_stream = _WORD_STREAM_NAME in upload.read()
    upload.seek(0)
    return DocumentFacts(
        size=size, head=head, zip_names=zip_names, zip_intact=zip_intact, has_word_stream=has_word_stream
    )


def _clean_original_name(name: str) -> str:
    name = Path(name.replace("\\", "/")).name.strip() or "ke-hoach"
    return name[-255:]


@transaction.atomic
def plan_submit(
    *,
    campaign: Campaign,
    unit: Unit,
    kind: str,
    upload: File,
    submitted_by,
    now: datetime | None = None,
) -> UnitPlan:
    """Submit (or re-submit) a unit's plan or pilot programme.

    A re-submission keeps the previous file and its review as a UnitPlanVersion,
    replaces the current file and goes back to "submitted".
    """
    if kind not in UnitPlan.Kind.values:
        raise PlanError(gettext("Loại tài liệu không hợp lệ."))
    if kind == UnitPlan.Kind.PILOT_PROGRAMME and not unit.is_pilot:
        raise PlanError(
            gettext("Chỉ đơn vị chỉ đạo điểm gửi chương trình Hội nghị (Đại hội) điểm để xin ý kiến.")
        )
    try:
        facts = document_facts(
            upload, size=upload.size or 0, file_name=_clean_original_name(upload.name or "")
        )
    except UploadRefused as exc:
        raise PlanFileRefused(str(exc)) from exc
    check = check_plan_file(facts)
    if not check.allowed:
        raise PlanFileRefused(check.reason)
    now = now or timezone.now()
    Unit.objects.select_for_update().get(pk=unit.pk)
    plan = UnitPlan.objects.filter(campaign=campaign, unit=unit, kind=kind).first()
    if plan is None:
        plan = UnitPlan(campaign=campaign, unit=unit, kind=kind, version=1, first_submitted_at=now)
    else:
        if plan.status == UnitPlan.Status.APPROVED:
            raise PlanError(gettext("Tài liệu đã được duyệt; không nộp lại được."))
        UnitPlanVersion.objects.create(
            plan=plan,
            version=plan.version,
            file=plan.file.name,
            original_name=plan.original_name,
            file_type=plan.file_type,
            size=plan.size,
            submitted_at=plan.submitted_at,
            submitted_by=plan.submitted_by,
            status=plan.status,
            review_comment=plan.review_comment,
            reviewed_by=plan.reviewed_by,
            reviewed_at=plan.reviewed_at,
        )
        plan.version += 1
    original_name = _clean_original_name(upload.name or "")
    plan.original_name = original_name
    plan.file_type = check.file_type
    plan.size = upload.size or 0
    plan.submitted_at = now
    plan.submitted_by = submitted_by
    plan.status = UnitPlan.Status.SUBMITTED
    plan.review_comment = ""
    plan.reviewed_by = None
    plan.reviewed_at = None
    upload.seek(0)
    plan.file.save(f"{Path(original_name).stem[:40]}{check.extension}", upload, save=False)
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_review(
    *, plan: UnitPlan, action: str, comment: str, reviewed_by, now: datetime | None = None
) -> UnitPlan:
    """Sở Nội vụ approves the plan or returns it with comments."""
    plan = UnitPlan.objects.select_for_update().get(pk=plan.pk)
    decision = check_plan_review(current_status=plan.status, action=action, comment=comment)
    if not decision.allowed:
        raise PlanError(decision.reason)
    plan.status = UnitPlan.Status.APPROVED if action == "approve" else UnitPlan.Status.RETURNED
    plan.review_comment = comment.strip()
    plan.reviewed_by = reviewed_by
    plan.reviewed_at = now or timezone.now()
    plan.full_clean()
    plan.save(update_fields=["status", "review_comment", "reviewed_by", "reviewed_at"])
    return plan


# --- Events ---------------------------------------------------------------------


class EventError(DomainError):
    pass


def _event_delegate_count(event: Event) -> int:
    if event.pk is None:
        return 0
    return event.delegates.count()


def _handed_down_seats(event: Event) -> int:
    """Seats the event's unit has handed down to its lower units as delegation quotas."""
    if event.pk is None:
        return 0
    seats = event.unit.quotas_given.filter(campaign_id=event.campaign_id).aggregate(n=Sum("seats"))["n"]
    return seats or 0


def _apply_cap(*, event: Event, requested: int | None, by) -> None:
    """The one path that changes an event's own cap (event form and roster page alike)."""
    if requested == event.delegate_cap:
        return
    tier = event.tier
    decision = rules.cap_change(
        tier_cap=tier.delegate_cap,
        setter=tier.cap_setter,
        by_staff=is_staff_of_home_affairs(by),
        requested=requested,
        headcount=_event_delegate_count(event),
        handed_down=_handed_down_seats(event),
    )
    if not decision:
        raise EventError(decision.reason)
    event.delegate_cap = requested


def _apply_event_data(*, event: Event, data: dict, by) -> None:
    tier = event.tier
    date_decision = rules.date_in_window(
        day=data.get("date"),
        window_start=tier.window_start,
        window_end=tier.window_end,
        window_label=tier.window_label,
    )
    if not date_decision:
        raise EventError(date_decision.reason)
    if "delegate_cap" in data:
        _apply_cap(event=event, requested=data["delegate_cap"], by=by)
    event.ordinal = normalise_ordinal(data["ordinal"])
    event.venue = " ".join(data["venue"].split())
    event.date = data["date"]
    event.session = data["session"]


@transaction.atomic
def event_register(*, campaign: Campaign, unit: Unit, data: dict, by) -> Event:
    """Register the unit's one event of the campaign, named from its tier and the unit."""
    Unit.objects.select_for_update().get(pk=unit.pk)
    if Event.objects.filter(campaign=campaign, unit=unit).exists():
        raise EventError(gettext("%(name)s đã đăng ký sự kiện của chiến dịch này.") % {"name": unit.name})
    tiers = list(campaign.tiers.order_by("order"))
    map_day = rules.campaign_map_date(
        map_date=campaign.map_date, window_starts=[t.window_start for t in tiers]
    )
    if map_day is not None and not unit.is_valid_on(map_day):
        raise EventError(
            gettext("%(name)s không có trên bản đồ đơn vị của chiến dịch này (ngày %(map_day)s).")
            % {"name": unit.name, "map_day": format(map_day, "%d/%m/%Y")}
        )
    tier = tier_for_kind(tiers, unit.kind)
    if tier is None:
        raise EventError(
            gettext("Kế hoạch không quy định sự kiện cho %(lower)s.")
            % {"lower": unit.get_kind_display().lower()}
        )
    event = Event(
        campaign=campaign,
        unit=unit,
        tier=tier,
        name=event_full_name(event_name=tier.event_name, unit_name=unit.name),
        created_by=by,
    )
    _apply_event_data(event=event, data=data, by=by)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def event_update(*, event: Event, data: dict, by, expected_version: int | None = None) -> Event:
    """Save an edited event; a save from a form opened before someone else's is refused."""
    Unit.objects.select_for_update().get(pk=event.unit_id)  # quotas handed down are set under this lock
    event = Event.objects.select_for_update().select_related("tier", "unit").get(pk=event.pk)
    if not event_is_editable(event.status):
        raise EventError(gettext("Sự kiện đã tổ chức; không sửa thông tin đăng ký được nữa."))
    ensure_current(event, expected=expected_version, data=data)
    _apply_event_data(event=event, data=data, by=by)
    event.full_clean()
    event.save(update_fields=["ordinal", "venue", "date", "session", "delegate_cap", "version"])
    return event


@transaction.atomic
def event_set_cap(*, event: Event, cap: int | None, by) -> Event:
    """Set the event's own delegate cap (None: the tier's), where and by whom the tier allows."""
    Unit.objects.select_for_update().get(pk=event.unit_id)  # quotas handed down are set under this lock
    locked = Event.objects.select_for_update().select_related("tier", "unit").get(pk=event.pk)
    _apply_cap(event=locked, requested=cap, by=by)  # the rule has validated the one field written
    locked.save(update_fields=["delegate_cap"])
    return locked


@transaction.atomic
def event_change_status(*, event: Event, target: str, by, today: date | None = None) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    today = today or portal_today()
    decision = check_event_transition(current=event.status, target=target, event_date=event.date, today=today)
    if not decision.allowed:
        raise EventError(decision.reason)
    event.status = target
    event.full_clean()
    event.save(update_fields=["status"])
    return event

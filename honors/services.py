"""Writes of the honours app: validate -> lock -> mutate. Each raises HonoursError with a Vietnamese message."""

import io
import json
import uuid
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from PIL import Image, UnidentifiedImageError

from congresses import rules
from congresses.models import Event, Movement
from congresses.selectors import campaign_active
from core.clock import today as portal_today
from core.errors import DomainError
from core.text import fold_for_search, normalise_text
from core.versioning import ensure_current
from units.models import Unit, User
from units.permissions import is_leadership, is_staff_of_home_affairs
from units.reference import is_youth
from units.selectors import document_profile_values

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

AWARD_TYPES_FILE = Path(__file__).resolve().parent / "data" / "award_types_2022.json"
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 800
PHOTO_MAX_PIXELS = 40_000_000


class HonoursError(DomainError):
    pass


class PhotoRejected(HonoursError):
    pass


def validation_message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# --- Reference data -----------------------------------------------------------


@transaction.atomic
def award_types_load_from_file(*, path: Path = AWARD_TYPES_FILE) -> int:
    """Create or update the titles and forms of the 2022 Law from the committed data file (by name)."""
    seed = json.loads(path.read_text(encoding="utf-8"))
    for row in seed["award_types"]:
        award_type = AwardType.objects.filter(name=row["name"]).first() or AwardType(name=row["name"])
        for key, value in row.items():
            setattr(award_type, key, value)
        try:
            award_type.full_clean(validate_unique=False)
        except ValidationError as exc:
            raise HonoursError(f"{row['name']}: {validation_message(exc)}") from exc
        award_type.save()
    return len(seed["award_types"])


def award_type_save(*, award_type: AwardType) -> AwardType:
    award_type.name = normalise_text(award_type.name)
    award_type.full_clean()
    award_type.save()
    return award_type


@transaction.atomic
def base_salary_save(*, base_salary: BaseSalary) -> BaseSalary:
    """Add or correct a base salary (Sở Nội vụ); the audit log records who changed what."""
    base_salary.legal_basis = normalise_text(base_salary.legal_basis)
    if base_salary.amount is None or base_salary.amount <= 0:
        raise HonoursError(gettext("Mức lương cơ sở phải là số tiền dương (đồng/tháng)."))
    clash = BaseSalary.objects.filter(effective_from=base_salary.effective_from).exclude(pk=base_salary.pk)
    if clash.exists():
        raise HonoursError(
            gettext("Đã có mức lương cơ sở áp dụng từ ngày %(effective_from)s; hãy sửa dòng đó.")
            % {"effective_from": format(base_salary.effective_from, "%d/%m/%Y")}
        )
    try:
        base_salary.full_clean()
    except ValidationError as exc:
        raise HonoursError(validation_message(exc)) from exc
    base_salary.save()
    return base_salary


# --- Exemplars ----------------------------------------------------------------


def photo_normalise(*, data: bytes) -> ContentFile:
    """Accept only a real image (checked by Pillow, not by name), re-encoded as JPEG at most 800 px."""
    if len(data) > PHOTO_MAX_BYTES:
        raise PhotoRejected(
            gettext("Ảnh quá lớn: tối đa %(value)s MB.") % {"value": PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > PHOTO_MAX_PIXELS:
                raise PhotoRejected(gettext("Ảnh có kích thước điểm ảnh quá lớn."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGB")
    except PhotoRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoRejected(
            gettext("Tệp tải lên không phải là ảnh hợp lệ (chấp nhận JPEG, PNG, WebP...).")
        ) from exc
    picture.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def exemplar_search_text(exemplar: Exemplar) -> str:
    parts = [exemplar.name, exemplar.representative, exemplar.position, exemplar.field, exemplar.unit.name]
    return fold_for_search(" ".join(p for p in parts if p))[:600]


@transaction.atomic
def exemplar_save(
    *,
    exemplar: Exemplar,
    movements: Iterable[Movement],
    by: User | None,
    photo_data: bytes | None = None,
    remove_photo: bool = False,
    expected_version: int | None = None,
    submitted: dict | None = None,
) -> Exemplar:
    """Create or update an exemplar record; a new photo is checked and re-encoded first.

    An update from a form opened before someone else's save is refused (nothing saved).
    """
    if exemplar.pk is not None:
        ensure_current(exemplar, expected=expected_version, data=submitted or {})
    exemplar.name = normalise_text(exemplar.name)
    exemplar.representative = normalise_text(exemplar.representative)
    if exemplar.kind == Exemplar.Kind.COLLECTIVE:
        exemplar.gender = ""
        exemplar.birth_year = None
        exemplar.is_youth = False
    elif exemplar.birth_year:
        # a birth year decides it, by the one definition of youth (units/reference.py)
        exemplar.is_youth = is_youth(birth_year=exemplar.birth_year, in_year=portal_today().year)
    new_photo = photo_normalise(data=photo_data) if photo_data is not None else None
    if exemplar.pk is None and by is not None:
        exemplar.created_by = by
    exemplar.search_text = exemplar_search_text(exemplar)
    old_photo = exemplar.photo.name if exemplar.photo else ""
    if remove_photo or new_photo is not None:
        exemplar.photo = ""  # type: ignore[assignment]
    try:
        exemplar.full_clean(exclude=["photo"])
    except ValidationError as exc:
        raise HonoursError(validation_message(exc)) from exc
    exemplar.save()
    if new_photo is not None:
        exemplar.photo.save(new_photo.name or "photo.jpg", new_photo, save=False)
        exemplar.save(update_fields=["photo"])
    if old_photo and (remove_photo or new_photo is not None):
        name = old_photo
        storage = exemplar.photo.storage
        transaction.on_commit(lambda: storage.delete(name))
    exemplar.movements.set(list(movements))
    return exemplar


def award_received_add(
    *,
    exemplar: Exemplar,
    award_type: AwardType,
    decision_number: str,
    decision_date: date,
    issuing_authority: str,
    is_earlier_history: bool = False,
) -> AwardReceived:
    campaign = campaign_active()
    if campaign is None:
        raise HonoursError(gettext("Chưa có chiến dịch đang triển khai để xác định giai đoạn thi đua."))
    for decision in (
        rules.award_fits_recipient(award_recipient=award_type.recipient, exemplar_kind=exemplar.kind),
        rules.check_award_period(
            decision_year=decision_date.year,
            period_start=campaign.period_start_year,
            period_end=campaign.period_end_year,
            is_earlier_history=is_earlier_history,
        ),
    ):
        if not decision.allowed:
            raise HonoursError(decision.reason)
    award = AwardReceived(
        exemplar=exemplar,
        award_type=award_type,
        decision_number=normalise_text(decision_number),
        decision_date=decision_date,
        issuing_authority=normalise_text(issuing_authority),
        is_earlier_history=is_earlier_history,
    )
    try:
        award.full_clean()
    except ValidationError as exc:
        raise HonoursError(validation_message(exc)) from exc
    award.save()
    return award


def award_received_delete(*, award: AwardReceived) -> None:
    award.delete()


# --- Nominations and honours ------------------------------------------------


def award_may_propose(*, award_type: AwardType, unit_kind: str) -> rules.Decision:
    return rules.may_propose(
        unit_kind=unit_kind,
        form_name=award_type.name,
        proposer_kinds=award_type.proposer_kinds,
        form_authorities=award_type.authorities,
    )


def nomination_create(
    *, exemplar: Exemplar, event: Event, target: str, proposed_award: AwardType, by: User
) -> Nomination:
    unit = exemplar.unit
    for decision in (
        rules.check_nomination_target(
            target=target,
            exemplar_unit_id=unit.pk,
            exemplar_unit_kind=unit.kind,
            exemplar_parent_id=unit.parent_id,
            event_unit_id=event.unit_id,
            event_unit_kind=event.unit.kind,
        ),
        rules.award_fits_recipient(award_recipient=proposed_award.recipient, exemplar_kind=exemplar.kind),
        award_may_propose(award_type=proposed_award, unit_kind=unit.kind),
    ):
        if not decision.allowed:
            raise HonoursError(decision.reason)
    if Nomination.objects.filter(event=event, exemplar=exemplar).exists():
        raise HonoursError(
            gettext("“%(name)s” đã được đề nghị tại %(name2)s.")
            % {"name": exemplar.name, "name2": event.name}
        )
    nomination = Nomination(
        exemplar=exemplar, event=event, target=target, proposed_award=proposed_award, proposed_by=by
    )
    nomination.full_clean()
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:
        raise HonoursError(
            gettext("“%(name)s” đã được đề nghị tại %(name2)s.")
            % {"name": exemplar.name, "name2": event.name}
        ) from exc
    return nomination


def nomination_may_review(*, nomination: Nomination, reviewer: User) -> rules.Decision:
    unit = nomination.exemplar.unit
    return rules.may_review(
        is_leadership=is_leadership(reviewer),
        is_home_affairs=is_staff_of_home_affairs(reviewer),
        reviewer_unit_id=reviewer.unit_id,
        proposer_kind=unit.kind,
        proposer_parent_id=unit.parent_id,
    )


def nomination_review(
    *,
    nomination: Nomination,
    reviewer: User,
    status: str,
    reason: str = "",
    raised_award: AwardType | None = None,
    decision_authority: str = "",
    decision_issuer: str = "",
    decision_number: str = "",
    decision_date: date | None = None,
    decision_place: str = "",
    signer: str = "",
    expected_version: int | None = None,
) -> Nomination:
    """Accept, reject (with a reason) or raise a proposal; accepted ones are recorded as honours
    under the decision (quyết định khen thưởng) of the authority that grants the decided form.
    A review sent from a form opened before someone else's review is refused, showing what changed."""
    with transaction.atomic():
        locked = (
            Nomination.objects.select_for_update()
            .select_related("exemplar__unit", "proposed_award", "event__unit")
            .get(pk=nomination.pk)
        )
        right = nomination_may_review(nomination=locked, reviewer=reviewer)
        if not right.allowed:
            raise HonoursError(right.reason)
        ensure_current(
            locked,
            expected=expected_version,
            data={"status": status, "reason": reason, "decided_award": raised_award or locked.proposed_award},
        )
        if locked.status != Nomination.Status.PENDING:
            raise HonoursError(gettext("Đề nghị này đã được xét."))
        checks = [rules.check_review(status=status, reason=reason)]
        award = locked.proposed_award
        if status == Nomination.Status.RAISED:
            checks.append(
                rules.check_raise(
                    proposed_level=award.level,
                    new_level=raised_award.level if raised_award else None,
                    proposer_kind=locked.exemplar.unit.kind,
                    new_authorities=raised_award.authorities if raised_award else [],
                )
            )
            if raised_award is not None:
                checks.append(
                    rules.award_fits_recipient(
                        award_recipient=raised_award.recipient, exemplar_kind=locked.exemplar.kind
                    )
                )
                award = raised_award
        for decision in checks:
            if not decision.allowed:
                raise HonoursError(decision.reason)
        locked.status = status
        locked.reason = reason.strip()
        locked.decided_award = award if status != Nomination.Status.REJECTED else None
        locked.reviewed_by = reviewer
        locked.reviewed_at = timezone.now()
        locked.full_clean()
        locked.save(
            update_fields=["status", "reason", "decided_award", "reviewed_by", "reviewed_at", "version"]
        )
        if status in (Nomination.Status.ACCEPTED, Nomination.Status.RAISED):
            award_decision = award_decision_get_or_create(
                event=locked.event,
                issuing_unit=decision_issuing_unit(authority=decision_authority, unit=locked.exemplar.unit),
                authority=decision_authority,
                issuer=decision_issuer,
                number=decision_number,
                date=decision_date,
                place=decision_place,
                signer=signer,
            )
            honour_record(
                event=locked.event,
                exemplar=locked.exemplar,
                award_type=award,
                decision=award_decision,
                nomination=locked,
            )
    return locked


def decision_issuing_unit(*, authority: str, unit: Unit) -> Unit | None:
    """The body that issues a decision of `authority` for an exemplar of `unit` (the rulebook's choice)."""
    chain: list[Unit] = []
    current: Unit | None = unit
    while current is not None and len(chain) < 6:
        chain.append(current)
        current = current.parent if current.parent_id else None
    chosen = rules.issuing_unit_id(authority=authority, chain=[(u.pk, u.kind) for u in chain])
    return next((u for u in chain if u.pk == chosen), None)


def award_decision_get_or_create(
    *,
    event: Event,
    authority: str,
    issuer: str,
    number: str,
    date: date | None,
    place: str,
    signer: str,
    issuing_unit: Unit | None = None,
) -> AwardDecision:
    """The event's decision of this number, or a new one; one decision honours many exemplars.

    A new decision of a body the portal knows is entered in that body's register of decisions for
    the year: left blank, its number is the register's next ("12/QĐ-UBND"), and a blank number
    names the event's decision of the same authority and date when there is one; typed by hand, the
    number is kept unless the register already has it."""
    number = normalise_text(number)
    if date is None or not signer.strip() or not issuer.strip() or not place.strip():
        raise HonoursError(
            gettext(
                "Hãy nhập đủ cấp quyết định, người/cơ quan ban hành, ngày, địa danh và người ký của quyết định."
            )
        )
    if not number and issuing_unit is None:
        raise HonoursError(
            gettext(
                "Hãy nhập số quyết định: cấp quyết định này không có sổ đăng ký văn bản trên cổng thông tin."
            )
        )
    signer_problem = rules.signer_name_problem(signer)
    if signer_problem:
        raise HonoursError(signer_problem)
    same = AwardDecision.objects.filter(event=event)
    existing = (
        same.filter(number=number).first()
        if number
        else same.filter(authority=authority, date=date, issuing_unit=issuing_unit).order_by("pk").first()
    )
    if existing is not None:
        if existing.authority != authority or existing.date != date:
            raise HonoursError(
                gettext(
                    "Quyết định số %(number)s đã được ghi là của %(authority_label)s ngày %(date)s; hãy kiểm tra lại cấp quyết định và ngày."
                )
                % {
                    "number": number,
                    "authority_label": rules.authority_label(existing.authority),
                    "date": format(existing.date, "%d/%m/%Y"),
                }
            )
        return existing
    decision = AwardDecision(
        event=event,
        authority=authority,
        issuing_unit=issuing_unit,
        issuer=normalise_text(issuer),
        number=number or "…",
        date=date,
        place=normalise_text(place),
        signer=normalise_text(signer),
    )
    try:
        decision.full_clean()
        with transaction.atomic():
            entry = None
            if issuing_unit is not None:
                entry = register_take(
                    unit=issuing_unit, kind=DocumentRegister.Kind.DECISION, on=date, typed_number=number,
                    title=f"Quyết định khen thưởng tại {event.name}", event=event,
                )  # fmt: skip
                decision.number = entry.number
            decision.save()
            if entry is not None:
                entry.decision = decision
                entry.save(update_fields=["decision"])
    except ValidationError as exc:
        raise HonoursError(validation_message(exc)) from exc
    except IntegrityError as exc:
        raise HonoursError(
            gettext("Quyết định số %(number)s đã có tại %(name)s.")
            % {"number": decision.number, "name": event.name}
        ) from exc
    return decision


# --- The register of documents (sổ đăng ký văn bản) -------------------------------------------


def _register_label(kind: str, year: int, unit: Unit) -> str:
    return f"sổ đăng ký {DocumentRegister.Kind(kind).label.lower()} năm {year} của {unit.name}"


def register_take(
    *, unit: Unit, kind: str, on: date, title: str, typed_number: str = "", event: Event | None = None
) -> RegisterEntry:
    """Enter a document in its body's register for the year and kind, under the register's row lock:
    the next number, or the number typed by hand kept (refused when the register has it already).
    Two officers issuing at once never get the same number: the lock serialises them, and the unique
    constraints on (register, seq) and (register, number) are the backstop."""
    typed_number = normalise_text(typed_number)
    symbol = document_profile_values(unit=unit)[0].symbol
    with transaction.atomic():
        DocumentRegister.objects.get_or_create(unit=unit, year=on.year, kind=kind)
        register = DocumentRegister.objects.select_for_update().get(unit=unit, year=on.year, kind=kind)
        typed_seq = domain.typed_register_seq(typed_number) if typed_number else None
        clash = RegisterEntry.objects.filter(register=register, number=typed_number)
        if typed_seq is not None:
            clash = RegisterEntry.objects.filter(register=register, seq=typed_seq) | clash
        allocated = domain.register_allocate(
            last_number=register.last_number, typed_number=typed_number, typed_seq=typed_seq,
            taken=bool(typed_number) and clash.exists(), register_label=_register_label(kind, on.year, unit),
        )  # fmt: skip
        if not allocated.allowed:
            raise HonoursError(allocated.reason)
        number = typed_number or domain.register_number(seq=allocated.seq or 0, kind=kind, symbol=symbol)
        register.last_number = allocated.last_number
        register.save(update_fields=["last_number"])
        try:
            with transaction.atomic():
                return RegisterEntry.objects.create(
                    register=register,
                    seq=allocated.seq,
                    number=number,
                    date=on,
                    title=title[:500],
                    event=event,
                )
        except IntegrityError as exc:
            raise HonoursError(
                f"Số {number} đã có trong {_register_label(kind, on.year, unit)}; hãy thử lại."
            ) from exc


def submission_register_entry(*, event: Event, unit: Unit, on: date, title: str) -> RegisterEntry:
    """The number of the event's Tờ trình đề nghị khen thưởng from its body's register: taken the
    first time the submission is made, the same for its PDF and Word and for any later print."""
    with transaction.atomic():
        # the register's row lock first: the PDF and the Word job, run at once, take one number
        DocumentRegister.objects.get_or_create(unit=unit, year=on.year, kind=DocumentRegister.Kind.SUBMISSION)
        DocumentRegister.objects.select_for_update().get(
            unit=unit, year=on.year, kind=DocumentRegister.Kind.SUBMISSION
        )
        found = (
            RegisterEntry.objects.select_related("register")
            .filter(event=event, register__unit=unit, register__kind=DocumentRegister.Kind.SUBMISSION)
            .order_by("pk")
            .first()
        )
        if found is not None:
            return found
        return register_take(
            unit=unit, kind=DocumentRegister.Kind.SUBMISSION, on=on, title=title, event=event
        )


def honour_record(
    *,
    event: Event,
    exemplar: Exemplar,
    award_type: AwardType,
    decision: AwardDecision,
    nomination: Nomination | None = None,
) -> Honour:
    """Record an honour under a decision of the authority that grants its form; anything else is refused."""
    if decision.event_id != event.pk:
        raise HonoursError(
            gettext("Quyết định số %(number)s không thuộc %(name)s.")
            % {"number": decision.number, "name": event.name}
        )
    lawful = rules.may_grant(
        issuer_authority=decision.authority,
        form_name=award_type.name,
        form_authorities=award_type.authorities,
    )
    if not lawful.allowed:
        raise HonoursError(lawful.reason)
    already = gettext(
        "“%(name)s” đã được khen thưởng tại %(name2)s; mỗi điển hình chỉ được khen một lần."
    ) % {"name": exemplar.name, "name2": event.name}
    if Honour.objects.filter(event=event, exemplar=exemplar).exists():
        raise HonoursError(already)
    honour = Honour(
        event=event, exemplar=exemplar, award_type=award_type, nomination=nomination, decision=decision
    )
    try:
        honour.full_clean(validate_constraints=False)
        with transaction.atomic():
            honour.save()
    except ValidationError as exc:
        raise HonoursError(validation_message(exc)) from exc
    except IntegrityError as exc:
        raise HonoursError(already) from exc
    return honour


# --- Presenters -----------------------------------------------------------------


def presenter_add(*, event: Event, exemplar: Exemplar, topic: str, order: int | None = None) -> Presenter:
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        if Presenter.objects.filter(event=event, exemplar=exemplar).exists():
            raise HonoursError(
                gettext("“%(name)s” đã có trong danh sách báo cáo tham luận.") % {"name": exemplar.name}
            )
        if order is None:
            order = Presenter.objects.filter(event=event).count() + 1
        presenter = Presenter(event=event, exemplar=exemplar, topic=normalise_text(topic), order=order)
        try:
            presenter.full_clean()
        except ValidationError as exc:
            raise HonoursError(validation_message(exc)) from exc
        presenter.save()
    return presenter


def presenter_remove(*, presenter: Presenter) -> None:
    presenter.delete()

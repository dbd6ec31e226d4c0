"""Writes of the publication workflow: the unit asks, the level above approves or refuses, either withdraws."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from congresses import rules
from units.domain import Access
from units.models import User
from units.permissions import is_leadership, is_staff_of_home_affairs, unit_access

from .models import Exemplar
from .services import HonoursError, validation_message

# --- Publishing on the public page ------------------------------------------------


def _is_unit_writer(user: User, exemplar: Exemplar) -> bool:
    return unit_access(user, exemplar.unit) == Access.WRITE and not is_staff_of_home_affairs(user)


def exemplar_may_decide_publication(*, exemplar: Exemplar, user: User) -> rules.Decision:
    unit = exemplar.unit
    return rules.may_decide_publication(
        status=exemplar.publication,
        is_leadership=is_leadership(user),
        is_home_affairs=is_staff_of_home_affairs(user),
        reviewer_unit_id=user.unit_id,
        unit_kind=unit.kind,
        unit_parent_id=unit.parent_id,
    )


def _is_publication_reviewer(user: User, exemplar: Exemplar) -> bool:
    unit = exemplar.unit
    return rules.may_review(
        is_leadership=is_leadership(user),
        is_home_affairs=is_staff_of_home_affairs(user),
        reviewer_unit_id=user.unit_id,
        proposer_kind=unit.kind,
        proposer_parent_id=unit.parent_id,
    ).allowed


def _publication_set(exemplar: Exemplar, *, status: str, by: User, reason: str = "", requested: bool = False):
    exemplar.publication = status
    exemplar.publication_reason = reason
    exemplar.publication_changed_at = timezone.now()
    fields = ["publication", "publication_reason", "publication_changed_at"]
    if requested:
        exemplar.publication_requested_by = by
        fields.append("publication_requested_by")
    else:
        exemplar.publication_decided_by = by
        fields.append("publication_decided_by")
    try:
        exemplar.full_clean(exclude=["photo"])
    except ValidationError as exc:
        raise HonoursError(validation_message(exc)) from exc
    exemplar.save(update_fields=fields)
    return exemplar


def _lock(exemplar: Exemplar) -> Exemplar:
    return Exemplar.objects.select_for_update().select_related("unit").get(pk=exemplar.pk)


def exemplar_publication_rights(*, exemplar: Exemplar, user: User) -> dict[str, rules.Decision]:
    """What this user may do about the exemplar's publication now: the same rules the writes enforce."""
    return {
        "request": rules.may_request_publication(
            status=exemplar.publication,
            has_story=bool(exemplar.story.strip()),
            is_unit_writer=_is_unit_writer(user, exemplar),
        ),
        "decide": exemplar_may_decide_publication(exemplar=exemplar, user=user),
        "withdraw": rules.may_withdraw_publication(
            status=exemplar.publication,
            is_unit_writer=_is_unit_writer(user, exemplar),
            is_reviewer=_is_publication_reviewer(user, exemplar),
        ),
    }


@transaction.atomic
def exemplar_publication_request(*, exemplar: Exemplar, by: User) -> Exemplar:
    """The exemplar's unit asks the level above to publish it on /dien-hinh/."""
    locked = _lock(exemplar)
    decision = rules.may_request_publication(
        status=locked.publication,
        has_story=bool(locked.story.strip()),
        is_unit_writer=_is_unit_writer(by, locked),
    )
    if not decision.allowed:
        raise HonoursError(decision.reason)
    return _publication_set(locked, status=rules.Publication.REQUESTED, by=by, requested=True)


@transaction.atomic
def exemplar_publication_decide(*, exemplar: Exemplar, by: User, approve: bool, reason: str = "") -> Exemplar:
    """The reviewer above the unit approves publication, or refuses it with a reason."""
    locked = _lock(exemplar)
    for decision in (
        exemplar_may_decide_publication(exemplar=locked, user=by),
        rules.Decision(True) if approve else rules.check_publication_refusal(reason=reason),
    ):
        if not decision.allowed:
            raise HonoursError(decision.reason)
    status = rules.Publication.APPROVED if approve else rules.Publication.REFUSED
    return _publication_set(locked, status=status, by=by, reason="" if approve else reason.strip())


@transaction.atomic
def exemplar_publication_withdraw(*, exemplar: Exemplar, by: User) -> Exemplar:
    """The unit or its reviewer takes the exemplar off the public page (or takes a request back), at once."""
    locked = _lock(exemplar)
    decision = rules.may_withdraw_publication(
        status=locked.publication,
        is_unit_writer=_is_unit_writer(by, locked),
        is_reviewer=_is_publication_reviewer(by, locked),
    )
    if not decision.allowed:
        raise HonoursError(decision.reason)
    return _publication_set(locked, status=rules.Publication.DRAFT, by=by)

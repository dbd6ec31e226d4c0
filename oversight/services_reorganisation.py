"""Applying a reorganisation of the map as one reviewed operation, and undoing it.

Nothing of a campaign is rewritten: events, rosters, honours, documents and audit entries
stay with the unit that held them (the successor's page reaches them through the lineage).
What moves to an ending unit's primary successor: its officer accounts (they act for the
successor) and its exemplars, whose awards and nominations go with them.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from congresses.models import Event, UnitPlan
from core.errors import DomainError
from honors.models import Exemplar
from units.models import Reorganisation, User
from units.selectors import portal_identity_forget
from units.selectors_reorganisation import reorganisation_mapping
from units.services_reorganisation import (
    reorganisation_end_units,
    reorganisation_move_rows,
    reorganisation_revert,
)


class ReorganisationRefused(DomainError):
    def __init__(self, reasons: tuple[str, ...] | list[str]):
        super().__init__(gettext("Không thể thực hiện: ") + " ".join(reasons))
        self.reasons = tuple(reasons)


@dataclass(frozen=True)
class ApplyResult:
    changed: bool
    accounts_moved: int = 0
    exemplars_moved: int = 0


def _locked(reorganisation: Reorganisation) -> Reorganisation:
    return Reorganisation.objects.select_for_update().get(pk=reorganisation.pk)


@transaction.atomic
def reorganisation_apply(*, reorganisation: Reorganisation, by: User) -> ApplyResult:
    """Apply it in one transaction; applying an applied reorganisation changes nothing."""
    reorganisation = _locked(reorganisation)
    if reorganisation.status == Reorganisation.Status.APPLIED:
        return ApplyResult(changed=False)
    mapping = reorganisation_mapping(reorganisation=reorganisation)
    if not mapping.decision.allowed:
        raise ReorganisationRefused(mapping.decision.reasons)
    reorganisation_end_units(reorganisation=reorganisation)
    accounts = reorganisation_move_rows(
        reorganisation=reorganisation, rows=User.objects.all(), primary=mapping.primary
    )
    exemplars = reorganisation_move_rows(
        reorganisation=reorganisation, rows=Exemplar.objects.all(), primary=mapping.primary
    )
    reorganisation.status = Reorganisation.Status.APPLIED
    reorganisation.applied_at = timezone.now()
    reorganisation.applied_by = by
    reorganisation.save(update_fields=["status", "applied_at", "applied_by"])
    portal_identity_forget()  # the province at the root may have changed
    return ApplyResult(changed=True, accounts_moved=accounts, exemplars_moved=exemplars)


def recorded_since(*, reorganisation: Reorganisation) -> list[str]:
    """What was recorded under the successors after the reorganisation: each blocks an undo."""
    successors = list(reorganisation.lineage.values_list("successor_id", flat=True).distinct())
    moved = {
        label: set(reorganisation.moves.filter(model_label=label).values_list("object_id", flat=True))
        for label in ("units.User", "honors.Exemplar")
    }
    found = [
        f"Sự kiện «{e.name}» của {e.unit.name}"
        for e in Event.objects.filter(unit_id__in=successors).select_related("unit").order_by("pk")
    ]
    found += [
        f"Kế hoạch của {p.unit.name}"
        for p in UnitPlan.objects.filter(unit_id__in=successors).select_related("unit").order_by("pk")
    ]
    found += [
        f"Điển hình «{x.name}» của {x.unit.name}"
        for x in Exemplar.objects.filter(unit_id__in=successors)
        .exclude(pk__in=moved["honors.Exemplar"])
        .select_related("unit")
        .order_by("pk")
    ]
    found += [
        f"Tài khoản {username} của {unit_name}"
        for username, unit_name in User.objects.filter(unit_id__in=successors)
        .exclude(pk__in=moved["units.User"])
        .order_by("pk")
        .values_list("username", "unit__name")
    ]
    return found


@transaction.atomic
def reorganisation_undo(*, reorganisation: Reorganisation, by: User) -> Reorganisation:
    """Undo an applied reorganisation, only while nothing new is recorded under its new units."""
    reorganisation = _locked(reorganisation)
    if reorganisation.status != Reorganisation.Status.APPLIED:
        raise ReorganisationRefused([gettext("Đợt sắp xếp này chưa được áp dụng.")])
    blocking = recorded_since(reorganisation=reorganisation)
    if blocking:
        raise ReorganisationRefused(
            [gettext("Đã có dữ liệu mới ghi nhận dưới các đơn vị kế thừa:"), *(f"{b};" for b in blocking)]
        )
    reorganisation_revert(reorganisation=reorganisation)
    reorganisation.status = Reorganisation.Status.UNDONE
    reorganisation.save(update_fields=["status"])
    portal_identity_forget()
    return reorganisation

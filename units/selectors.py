from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from .domain import basis_label, day_label, unit_period_label
from .models import UNIT_EPOCH, Unit, UnitKind, UnitLineage
from .permissions import filter_for_scope

ADMINISTRATIVE_KINDS = (
    UnitKind.PROVINCE,
    UnitKind.CITY,
    UnitKind.DISTRICT,
    UnitKind.WARD,
    UnitKind.COMMUNE,
    UnitKind.TOWN,
    UnitKind.SPECIAL_ZONE,
)


def units_valid_on(units: QuerySet[Unit], day: date | None) -> QuerySet[Unit]:
    """The units that exist on `day`; all of them when no day is given."""
    if day is None:
        return units
    return units.filter(Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day)))


def unit_list_for_user(*, user, kind: str | None = None, parent_id: int | None = None) -> QuerySet[Unit]:
    units = filter_for_scope(Unit.objects.all(), user).select_related("parent")
    if kind:
        units = units.filter(kind=kind)
    if parent_id:
        units = units.filter(parent_id=parent_id)
    return units.annotate(children_count=Count("children")).order_by("parent__name", "kind", "name")


def unit_children(*, unit: Unit) -> QuerySet[Unit]:
    return unit.children.order_by("kind", "name")


def unit_kind_counts(*, on: date | None = None) -> dict[str, int]:
    rows = units_valid_on(Unit.objects.all(), on).values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


@dataclass(frozen=True)
class LineageRow:
    """One neighbour of a unit in its history, with finished labels."""

    unit_id: int
    name: str
    period: str
    kind_label: str
    share: str
    note: str
    effective_date: str
    basis: str


@dataclass(frozen=True)
class UnitHistory:
    period: str
    established: str
    ended: str
    predecessors: tuple[LineageRow, ...]
    successors: tuple[LineageRow, ...]


def _lineage_row(link: UnitLineage, other: Unit) -> LineageRow:
    return LineageRow(
        unit_id=other.pk,
        name=other.name,
        period=unit_period_label(valid_from=other.valid_from, valid_to=other.valid_to, epoch=UNIT_EPOCH),
        kind_label=link.get_kind_display(),
        share=f"{link.share.normalize():f} %" if link.share is not None else "",
        note=link.note,
        effective_date=day_label(link.effective_date),
        basis=basis_label(number=link.basis, issued_on=link.basis_date),
    )


def unit_history(*, unit: Unit) -> UnitHistory:
    """The unit's own dates and its lineage both ways, in two queries."""
    before = (
        UnitLineage.objects.filter(successor=unit).select_related("predecessor").order_by("predecessor__name")
    )
    after = (
        UnitLineage.objects.filter(predecessor=unit).select_related("successor").order_by("successor__name")
    )
    return UnitHistory(
        period=unit_period_label(valid_from=unit.valid_from, valid_to=unit.valid_to, epoch=UNIT_EPOCH),
        established=basis_label(number=unit.established_basis, issued_on=unit.established_basis_date),
        ended=basis_label(number=unit.ended_basis, issued_on=unit.ended_basis_date),
        predecessors=tuple(_lineage_row(link, link.predecessor) for link in before),
        successors=tuple(_lineage_row(link, link.successor) for link in after),
    )

from django.db.models import Count, QuerySet

from .models import Unit, UnitKind
from .permissions import filter_for_scope

ADMINISTRATIVE_KINDS = (
    UnitKind.PROVINCE,
    UnitKind.CITY,
    UnitKind.DISTRICT,
    UnitKind.WARD,
    UnitKind.COMMUNE,
    UnitKind.TOWN,
)


def unit_list_for_user(*, user, kind: str | None = None, parent_id: int | None = None) -> QuerySet[Unit]:
    units = filter_for_scope(Unit.objects.all(), user).select_related("parent")
    if kind:
        units = units.filter(kind=kind)
    if parent_id:
        units = units.filter(parent_id=parent_id)
    return units.annotate(children_count=Count("children")).order_by("parent__name", "kind", "name")


def unit_children(*, unit: Unit) -> QuerySet[Unit]:
    return unit.children.order_by("kind", "name")


def unit_kind_counts() -> dict[str, int]:
    rows = Unit.objects.values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}

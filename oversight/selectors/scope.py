"""The drill-down areas of the dashboard: a district with its communes, or the provincial bodies."""

from django.db.models import Q

BODY_KINDS = ("department", "mass_org", "enterprise")

GROUP_BODIES = "bodies"


def area_filter(*, area_id: int | None, group: str = "", unit_path: str = "unit") -> Q:
    """Rows of one drill-down area: a district with its communes, or the provincial bodies."""
    if area_id is not None:
        return Q(**{f"{unit_path}_id": area_id}) | Q(**{f"{unit_path}__parent_id": area_id})
    if group == GROUP_BODIES:
        return Q(**{f"{unit_path}__kind__in": BODY_KINDS})
    return Q()

"""Access to campaign objects owned by a unit, always through units.permissions."""

from django.http import Http404

from units.permissions import require_unit_access

from .models import Event, UnitPlan, UnitPlanVersion
from .selectors import event_get, plan_get, plan_version_get


def get_event_for_user(user, pk: int, *, write: bool = False) -> Event:
    event = event_get(pk=pk)
    if event is None:
        raise Http404("Không tìm thấy sự kiện.")
    require_unit_access(user, event.unit, write=write)
    return event


def get_plan_for_user(user, pk: int) -> UnitPlan:
    plan = plan_get(pk=pk)
    if plan is None:
        raise Http404("Không tìm thấy tài liệu.")
    require_unit_access(user, plan.unit)
    return plan


def get_plan_version_for_user(user, pk: int) -> UnitPlanVersion:
    version = plan_version_get(pk=pk)
    if version is None:
        raise Http404("Không tìm thấy tài liệu.")
    require_unit_access(user, version.plan.unit)
    return version

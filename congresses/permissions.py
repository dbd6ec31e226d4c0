"""Access to campaign objects owned by a unit, always through units.permissions."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from units.permissions import is_staff_of_home_affairs, require_unit_access

from . import rules
from .models import Event, TierRule, UnitPlan, UnitPlanVersion
from .selectors import event_get, plan_get, plan_version_get


def get_event_for_user(user, pk: int, *, write: bool = False) -> Event:
    event = event_get(pk=pk)
    if event is None:
        raise Http404(gettext("Không tìm thấy sự kiện."))
    require_unit_access(user, event.unit, write=write)
    return event


def get_plan_for_user(user, pk: int) -> UnitPlan:
    plan = plan_get(pk=pk)
    if plan is None:
        raise Http404(gettext("Không tìm thấy tài liệu."))
    require_unit_access(user, plan.unit)
    return plan


def get_plan_version_for_user(user, pk: int) -> UnitPlanVersion:
    version = plan_version_get(pk=pk)
    if version is None:
        raise Http404(gettext("Không tìm thấy tài liệu."))
    require_unit_access(user, version.plan.unit)
    return version


def cap_setting(user, tier: TierRule) -> rules.Decision:
    """May this user set an event's own cap on this tier (the rule, for this user)?"""
    return rules.may_set_cap(setter=tier.cap_setter, by_staff=is_staff_of_home_affairs(user))


def require_cap_setting(user, tier: TierRule) -> None:
    """403 with the rule's reason where the tier does not let this user set a cap."""
    decision = cap_setting(user, tier)
    if not decision:
        raise PermissionDenied(decision.reason)

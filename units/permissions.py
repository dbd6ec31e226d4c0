"""The one place that decides which units a user may see and change.

Every selector filters through `filter_for_scope`, and every view that touches a
unit-owned object goes through `require_unit_access`: an object outside the
user's scope answers 404 (its existence is not revealed) and a write by a
read-only user answers 403.
"""

from functools import wraps
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from .domain import NO_SCOPE, Access, UnitScope
from .models import Unit, UnitLineage, User

M = TypeVar("M", bound=Model)


def scope_for(*, role: str, unit_id: int | None, is_active: bool = True) -> UnitScope:
    """The one mapping from a role to what it may see and change (pure: no request, no query)."""
    if not is_active:
        return NO_SCOPE
    if role == User.Role.STAFF:
        return UnitScope(sees_all=True, changes_anything=True, root_unit_id=None)
    if role == User.Role.LEADERSHIP:
        return UnitScope(sees_all=True, changes_anything=False, root_unit_id=None)
    if role == User.Role.OFFICER and unit_id is not None:
        return UnitScope(sees_all=False, changes_anything=True, root_unit_id=unit_id)
    return NO_SCOPE


def unit_scope(user) -> UnitScope:
    if not getattr(user, "is_authenticated", False):
        return scope_for(role="", unit_id=None)
    return scope_for(role=user.role, unit_id=user.unit_id, is_active=user.is_active)


def filter_for_scope(queryset: QuerySet[M], user, *, unit_path: str = "") -> QuerySet[M]:
    """Restrict `queryset` to rows whose unit the user may see.

    `unit_path` is the lookup from the queryset's model to its Unit ("" when the
    queryset is of units, "unit" for an event, "event__unit" for a delegate).
    """
    scope = unit_scope(user)
    if scope.sees_all:
        return queryset
    if scope.root_unit_id is None:
        return queryset.none()
    prefix = f"{unit_path}__" if unit_path else ""
    # An officer acts for their unit and for the units it succeeded (their 2025 records stay there).
    predecessors = _predecessor_ids(scope.root_unit_id)
    return queryset.filter(
        Q(**{f"{prefix}pk": scope.root_unit_id})
        | Q(**{f"{prefix}parent_id": scope.root_unit_id})
        | Q(**{f"{prefix}pk__in": predecessors})
        | Q(**{f"{prefix}parent_id__in": predecessors})
    )


def _predecessor_ids(unit_id: int) -> QuerySet:
    """The units `unit_id` succeeded whole (merged into it or renamed to it), as a subquery.

    A unit split among several (a district whose communes went to several new ones) is
    nobody's to act for: each successor took only part of it.
    """
    whole = (UnitLineage.Kind.MERGE, UnitLineage.Kind.RENAME)
    return UnitLineage.objects.filter(successor_id=unit_id, kind__in=whole).values("predecessor_id")


def unit_access(user, unit: Unit) -> Access:
    scope = unit_scope(user)
    access = scope.access_to(unit_id=unit.pk, parent_id=unit.parent_id)
    if access != Access.NONE or scope.root_unit_id is None:
        return access
    # Outside the direct scope: a unit the officer's unit succeeded (or one under it) is theirs too.
    ids = [unit.pk] if unit.parent_id is None else [unit.pk, unit.parent_id]
    if _predecessor_ids(scope.root_unit_id).filter(predecessor_id__in=ids).exists():
        return Access.WRITE if scope.changes_anything else Access.READ
    return access


def require_unit_access(user, unit: Unit, *, write: bool = False) -> None:
    """404 outside scope; 403 when a change is asked of a read-only user."""
    access = unit_access(user, unit)
    if access == Access.NONE:
        raise Http404(gettext("Không tìm thấy."))
    if write and access != Access.WRITE:
        raise PermissionDenied(gettext("Tài khoản của bạn chỉ được xem, không được thay đổi."))


def get_unit_for_user(user, pk: int, *, write: bool = False) -> Unit:
    unit = Unit.objects.select_related("parent").filter(pk=pk).first()
    if unit is None:
        raise Http404(gettext("Không tìm thấy đơn vị."))
    require_unit_access(user, unit, write=write)
    return unit


def is_staff_of_home_affairs(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == User.Role.STAFF


def is_leadership(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == User.Role.LEADERSHIP


def is_unit_officer(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == User.Role.OFFICER


def sees_whole_province(user) -> bool:
    """Sở Nội vụ staff and leadership see every unit of the province."""
    return unit_scope(user).sees_all


def can_change_anything(user) -> bool:
    return unit_scope(user).changes_anything


def staff_required(view):
    """Views of Sở Nội vụ's own pages: leadership may read them (GET), nobody else."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        role = request.user.role
        if role == User.Role.STAFF:
            return view(request, *args, **kwargs)
        if role == User.Role.LEADERSHIP and request.method in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if role == User.Role.LEADERSHIP:
            raise PermissionDenied(gettext("Tài khoản của bạn chỉ được xem, không được thay đổi."))
        raise Http404(gettext("Không tìm thấy."))

    return wrapper


def writer_required(view):
    """Any POST by a read-only account answers 403 before the view runs."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS") and not can_change_anything(request.user):
            raise PermissionDenied(gettext("Tài khoản của bạn chỉ được xem, không được thay đổi."))
        return view(request, *args, **kwargs)

    return wrapper

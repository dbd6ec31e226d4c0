"""Access to documents, through units/permissions.py (the one scoping function)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from congresses.permissions import get_event_for_user
from units.permissions import (
    can_change_anything,
    is_staff_of_home_affairs,
    require_unit_access,
    sees_whole_province,
)

from . import selectors
from .exporters import EXPORTERS
from .models import GeneratedReport

__all__ = ["get_event_for_user", "get_report_for_user", "sees_province_reports"]


def sees_province_reports(user) -> bool:
    return sees_whole_province(user)


def get_report_for_user(user, pk: int, *, write: bool = False) -> GeneratedReport:
    """A job of an event: whoever may see the event. A province job: staff and leadership."""
    report = selectors.report_get(pk=pk)
    if report is None:
        raise Http404(gettext("Không tìm thấy văn bản."))
    event = report.event
    if event is not None and not EXPORTERS[report.kind].staff_only:
        require_unit_access(user, event.unit, write=write)
        return report
    if not sees_province_reports(user):
        raise Http404(gettext("Không tìm thấy văn bản."))
    if write and not (is_staff_of_home_affairs(user) and can_change_anything(user)):
        raise PermissionDenied(gettext("Tài khoản của bạn chỉ được xem, không được thay đổi."))
    return report

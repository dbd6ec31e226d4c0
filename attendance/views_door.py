"""The door (a phone of the reception team, working offline) and the presidium's live view."""

import json
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from congresses.permissions import get_event_for_user
from units.domain import Access
from units.permissions import unit_access

from . import selectors, services

MAX_BATCH = 500
SERVICE_WORKER = Path(settings.BASE_DIR, "static", "js", "door-sw.js")


def _door_event(request, event_pk: int):
    """The event whose door this account keeps: its unit's writers or the named reception team."""
    event = selectors.door_event(pk=event_pk)
    if event is None:
        raise Http404(gettext("Không tìm thấy sự kiện."))
    if not selectors.may_check_in(request.user, event):
        if unit_access(request.user, event.unit) == Access.NONE:
            raise Http404(gettext("Không tìm thấy sự kiện."))  # outside the account's scope: not revealed
        raise PermissionDenied(gettext("Tài khoản của bạn chưa được giao điểm danh sự kiện này."))
    return event


@login_required
def door(request, event_pk: int):
    event = _door_event(request, event_pk)
    return render(request, "attendance/door.html", {"event": event})


@never_cache
@login_required
def door_roster(request, event_pk: int):
    event = _door_event(request, event_pk)
    return JsonResponse({"event": {"id": event.pk, "name": event.name}, "delegates": selectors.door_roster(event=event),
                         "at": timezone.now().isoformat()})  # fmt: skip


def _when(text) -> datetime | None:
    value = parse_datetime(text) if isinstance(text, str) else None
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


@require_POST
@login_required
def door_checkins(request, event_pk: int):
    """A batch of check-ins (one scan, or the queue a phone kept offline): each is recorded once."""
    event = _door_event(request, event_pk)
    try:
        items = json.loads(request.body or b"{}").get("items", [])
        assert isinstance(items, list) and len(items) <= MAX_BATCH
    except (ValueError, AttributeError, AssertionError):
        return JsonResponse({"error": gettext("Dữ liệu điểm danh không hợp lệ.")}, status=400)
    results = []
    for item in items:
        if not isinstance(item, dict):
            results.append({"ok": False, "message": gettext("Dữ liệu điểm danh không hợp lệ.")})
            continue
        delegate_id = item.get("delegate_id")
        result = services.checkin_record(
            event=event,
            code=str(item.get("code", ""))[:200],
            delegate_id=delegate_id if isinstance(delegate_id, int) else None,
            at=_when(item.get("at")),
            door=str(item.get("door", ""))[:50],
            by=request.user,
        )
        results.append({
            "key": str(item.get("key", ""))[:60], "ok": result.ok, "message": result.message,
            "delegate_id": result.delegate_id, "name": result.name, "category": result.category,
            "seat": result.seat, "first_time": result.first_time,
            "checked_at": timezone.localtime(result.checked_at).isoformat() if result.checked_at else None,
        })  # fmt: skip
    return JsonResponse({"results": results})


@login_required
def door_service_worker(request, event_pk: int):
    """The offline worker, served from the door's own path so that it may control the door page."""
    _door_event(request, event_pk)
    response = HttpResponse(SERVICE_WORKER.read_text(encoding="utf-8"), content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response


@login_required
def presidium(request, event_pk: int):
    event = get_event_for_user(request.user, event_pk)
    return render(
        request,
        "attendance/presidium.html",
        {"event": event, "figures": selectors.presidium_figures(event=event)},
    )


@never_cache
@login_required
def presidium_data(request, event_pk: int):
    event = get_event_for_user(request.user, event_pk)
    f = selectors.presidium_figures(event=event)
    return JsonResponse({
        "roster": f.roster, "present": f.present, "yes": f.yes, "no": f.no, "pending": f.pending,
        "exemplars_present": f.exemplars_present, "share_ok": f.share_present.allowed,
        "share_text": f.share_present.reason, "share_percent": f.share_present.value,
        "categories": [
            {"category": c.category, "label": c.label, "roster": c.roster, "present": c.present, "yes": c.yes,
             "no": c.no, "pending": c.pending} for c in f.by_category
        ],
        "at": timezone.localtime().strftime("%H:%M:%S"),
    })  # fmt: skip

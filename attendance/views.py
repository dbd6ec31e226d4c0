"""The unit officer's page of the congress day: answers, mails, replacements, reception, the hall."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from congresses.models import Event
from core.errors import DomainError
from delegates.selectors import event_for_user
from units.domain import Access
from units.permissions import unit_access

from . import selectors, services, services_hall
from .forms import EventDayForm, GrantForm, HallForm, SeatForm
from .models import Invitation, Replacement


def _event(request, event_pk: int) -> Event:
    return event_for_user(user=request.user, pk=event_pk, write=request.method == "POST")


def _back(event: Event, anchor: str = ""):
    response = redirect("attendance:manage", event_pk=event.pk)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


@login_required
def manage(request, event_pk: int):
    event = _event(request, event_pk)
    can_write = unit_access(request.user, event.unit) == Access.WRITE
    if can_write:
        services.invitations_ensure(event=event)
    rows = selectors.attendance_rows(event=event)
    context = {
        "event": event,
        "rows": rows,
        "figures": selectors.presidium_figures(event=event),
        "can_write": can_write,
        "day_form": EventDayForm(instance=selectors.event_day(event=event)),
        "hall_form": HallForm(initial={"rows": selectors.hall_text(event=event)}),
        "seat_rows": selectors.seat_rows(event=event),
        "earlier_halls": selectors.earlier_halls(event=event, user=request.user),
        "replacements": selectors.replacements_pending(event=event),
        "grants": selectors.reception_grants(event=event),
        "grant_form": GrantForm(),
        "with_email": sum(1 for r in rows if r.email),
        "pending_with_email": sum(1 for r in rows if r.email and r.answer == Invitation.Answer.PENDING),
    }
    return render(request, "attendance/manage.html", context)


def _run(request, action, success: str) -> None:
    try:
        result = action()
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success.format(result=result))


@require_POST
@login_required
def day_save(request, event_pk: int):
    event = _event(request, event_pk)
    form = EventDayForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services_hall.event_day_save(event=event, **form.cleaned_data),
            gettext("Đã lưu thông tin."),
        )
    else:
        messages.error(
            request,
            gettext("Thông tin chưa hợp lệ: ") + "; ".join(str(e) for es in form.errors.values() for e in es),
        )
    return _back(event, "day")


@require_POST
@login_required
def send(request, event_pk: int):
    event = _event(request, event_pk)
    remind = request.POST.get("kind") == "remind"
    ids = [int(v) for v in request.POST.getlist("delegate") if v.isdigit()]
    if not remind:
        ids = list(event.delegates.values_list("pk", flat=True))
    if remind and not ids:
        messages.error(request, gettext("Hãy chọn những đại biểu cần nhắc."))
        return _back(event, "answers")
    count = services.invitations_send_schedule(event=event, delegate_ids=ids, remind=remind)
    what = gettext("lời nhắc") if remind else gettext("giấy mời")
    if count:
        messages.success(
            request,
            gettext("Đang gửi %(what)s qua thư điện tử cho %(count)s đại biểu.")
            % {"what": what, "count": count},
        )
    else:
        messages.warning(
            request,
            gettext("Không có đại biểu nào để gửi %(what)s (chưa có thư điện tử hoặc đã trả lời).")
            % {"what": what},
        )
    return _back(event, "answers")


@require_POST
@login_required
def revoke(request, event_pk: int, delegate_pk: int):
    event = _event(request, event_pk)
    services.invitations_ensure(event=event)
    invitation = Invitation.objects.filter(delegate__event=event, delegate_id=delegate_pk).first()
    if invitation is None:
        raise Http404(gettext("Không tìm thấy đại biểu."))
    invitation = services.invitation_revoke(invitation=invitation)
    messages.success(
        request,
        gettext("Đã thu hồi mã cũ; mã mới của %(full_name)s: %(short_code)s.")
        % {"full_name": invitation.delegate.full_name, "short_code": invitation.short_code},
    )
    return _back(event, "answers")


@require_POST
@login_required
def replacement_decide(request, event_pk: int, pk: int):
    event = _event(request, event_pk)
    replacement = Replacement.objects.filter(event=event, pk=pk).first()
    if replacement is None:
        raise Http404(gettext("Không tìm thấy đề nghị."))
    accept = request.POST.get("decision") == "accept"
    done = gettext("Đã chấp nhận người đi thay.") if accept else gettext("Đã không chấp nhận người đi thay.")
    _run(request, lambda: services.replacement_decide(replacement=replacement, accept=accept, by=request.user,
                                                      note=request.POST.get("note", "")), done)  # fmt: skip
    return _back(event, "replacements")


@require_POST
@login_required
def grant(request, event_pk: int):
    event = _event(request, event_pk)
    if not selectors.may_grant_reception(request.user, event):
        raise PermissionDenied(gettext("Chỉ cán bộ của đơn vị tổ chức được giao quyền điểm danh."))
    form = GrantForm(request.POST)
    if form.is_valid():
        _run(request, lambda: services.reception_grant(event=event, username=form.cleaned_data["username"],
                                                       by=request.user), gettext("Đã giao quyền điểm danh."))  # fmt: skip
    return _back(event, "reception")


@require_POST
@login_required
def ungrant(request, event_pk: int, pk: int):
    event = _event(request, event_pk)
    services.reception_revoke(event=event, grant_id=pk)
    messages.success(request, gettext("Đã thu hồi quyền điểm danh."))
    return _back(event, "reception")


@require_POST
@login_required
def hall(request, event_pk: int):
    event = _event(request, event_pk)
    source_pk = request.POST.get("copy_from", "")
    if source_pk.isdigit():
        source = selectors.earlier_halls(event=event, user=request.user).filter(pk=int(source_pk)).first()
        if source is None:
            raise Http404(gettext("Không tìm thấy sự kiện."))
        _run(request, lambda: len(services_hall.hall_copy(event=event, source=source)),
             gettext("Đã chép sơ đồ hội trường ({result} hàng)."))  # fmt: skip
    else:
        form = HallForm(request.POST)
        text = form.cleaned_data["rows"] if form.is_valid() else ""
        _run(request, lambda: len(services_hall.hall_save(event=event, text=text)),
             gettext("Đã lưu sơ đồ hội trường ({result} hàng)."))  # fmt: skip
    return _back(event, "hall")


@require_POST
@login_required
def seats_assign(request, event_pk: int):
    event = _event(request, event_pk)
    try:
        seated, unseated = services_hall.seats_assign(event=event)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        text = gettext("Đã xếp chỗ cho %(seated)s đại biểu.") % {"seated": seated}
        if unseated:
            messages.warning(
                request,
                gettext("%(text)s Còn %(unseated)s đại biểu chưa có chỗ: hội trường không đủ ghế.")
                % {"text": text, "unseated": unseated},
            )
        else:
            messages.success(request, text)
    return _back(event, "hall")


@require_POST
@login_required
def seat_set(request, event_pk: int):
    event = _event(request, event_pk)
    form = SeatForm(request.POST)
    if form.is_valid():
        _run(request, lambda: services_hall.seat_set(event=event, delegate_id=form.cleaned_data["delegate"],
                                                     label=form.cleaned_data["seat"]), gettext("Đã đổi chỗ ngồi."))  # fmt: skip
    return _back(event, "answers")

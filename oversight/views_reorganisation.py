"""Sở Nội vụ's reorganisation pages: load one, review its preview, apply it, undo it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from units.models import Reorganisation
from units.permissions import is_staff_of_home_affairs, staff_required
from units.services_reorganisation import (
    ReorganisationEntryError,
    reorganisation_create,
    reorganisation_load_from_file,
)

from .forms import MappingFormSet, NewUnitFormSet, ReorganisationEntryForm
from .selectors.reorganisation import reorganisation_list, reorganisation_preview
from .services_reorganisation import ReorganisationRefused, reorganisation_apply, reorganisation_undo


@staff_required
def reorganisations(request):
    return render(
        request,
        "oversight/reorganisation_list.html",
        {"reorganisations": reorganisation_list(), "can_change": is_staff_of_home_affairs(request.user)},
    )


@require_POST
@staff_required
def reorganisation_load(request):
    reorganisation = reorganisation_load_from_file()
    messages.success(
        request,
        gettext("Đã nạp đợt sắp xếp từ dữ liệu chuyển đổi của Cục Thống kê. Hãy xem trước rồi áp dụng."),
    )
    return redirect("oversight:reorganisation", pk=reorganisation.pk)


def _with_more_rows(data, prefix: str, more: int):
    data = data.copy()
    data[f"{prefix}-TOTAL_FORMS"] = str(int(data.get(f"{prefix}-TOTAL_FORMS") or 0) + more)
    return data


@staff_required
def reorganisation_new(request):
    """Enter a reorganisation by hand: it is saved as a draft and judged by the same preview."""
    if not is_staff_of_home_affairs(request.user):
        raise PermissionDenied(gettext("Tài khoản của bạn chỉ được xem, không được thay đổi."))
    data = request.POST if request.method == "POST" else None
    if data is not None and "more" in data:  # "Thêm dòng": show the form again with more rows, save nothing
        data = _with_more_rows(_with_more_rows(data, "units", 2), "rows", 5)
    form = ReorganisationEntryForm(data)
    units = NewUnitFormSet(data, prefix="units")
    rows = MappingFormSet(data, prefix="rows")
    if (
        data is not None
        and "more" not in request.POST
        and form.is_valid()
        and units.is_valid()
        and rows.is_valid()
    ):
        try:
            reorganisation = reorganisation_create(
                **form.cleaned_data,
                new_units=[f.cleaned_data for f in units if f.has_changed() and f.cleaned_data],
                items=[f.cleaned_data for f in rows if f.has_changed() and f.cleaned_data],
            )
        except ReorganisationEntryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, gettext("Đã lưu đợt sắp xếp (chờ áp dụng). Hãy xem trước rồi áp dụng."))
            return redirect("oversight:reorganisation", pk=reorganisation.pk)
    return render(request, "oversight/reorganisation_form.html", {"form": form, "units": units, "rows": rows})


@staff_required
def reorganisation_detail(request, pk: int):
    reorganisation = get_object_or_404(Reorganisation, pk=pk)
    return render(
        request,
        "oversight/reorganisation_detail.html",
        {
            "preview": reorganisation_preview(reorganisation=reorganisation),
            "can_change": is_staff_of_home_affairs(request.user),
        },
    )


@require_POST
@staff_required
def reorganisation_apply_view(request, pk: int):
    reorganisation = get_object_or_404(Reorganisation, pk=pk)
    try:
        result = reorganisation_apply(reorganisation=reorganisation, by=request.user)
    except ReorganisationRefused as exc:
        for reason in exc.reasons:
            messages.error(request, reason)
    else:
        if result.changed:
            messages.success(
                request,
                gettext(
                    "Đã áp dụng: chuyển %(accounts_moved)s tài khoản và %(exemplars_moved)s điển hình sang đơn vị kế thừa; sự kiện, danh sách đại biểu và khen thưởng giữ nguyên ở đơn vị cũ."
                )
                % {"accounts_moved": result.accounts_moved, "exemplars_moved": result.exemplars_moved},
            )
        else:
            messages.info(request, gettext("Đợt sắp xếp này đã được áp dụng trước đó; không có gì thay đổi."))
    return redirect("oversight:reorganisation", pk=reorganisation.pk)


@require_POST
@staff_required
def reorganisation_undo_view(request, pk: int):
    reorganisation = get_object_or_404(Reorganisation, pk=pk)
    try:
        reorganisation_undo(reorganisation=reorganisation, by=request.user)
    except ReorganisationRefused as exc:
        for reason in exc.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, gettext("Đã hoàn tác đợt sắp xếp: các đơn vị cũ hoạt động trở lại."))
    return redirect("oversight:reorganisation", pk=reorganisation.pk)

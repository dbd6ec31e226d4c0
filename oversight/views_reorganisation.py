"""Sở Nội vụ's reorganisation pages: load one, review its preview, apply it, undo it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from units.models import Reorganisation
from units.permissions import is_staff_of_home_affairs, staff_required
from units.services_reorganisation import reorganisation_load_from_file

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
        request, "Đã nạp đợt sắp xếp từ dữ liệu chuyển đổi của Cục Thống kê. Hãy xem trước rồi áp dụng."
    )
    return redirect("oversight:reorganisation", pk=reorganisation.pk)


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
                f"Đã áp dụng: chuyển {result.accounts_moved} tài khoản và {result.exemplars_moved} điển hình "
                "sang đơn vị kế thừa; sự kiện, danh sách đại biểu và khen thưởng giữ nguyên ở đơn vị cũ.",
            )
        else:
            messages.info(request, "Đợt sắp xếp này đã được áp dụng trước đó; không có gì thay đổi.")
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
        messages.success(request, "Đã hoàn tác đợt sắp xếp: các đơn vị cũ hoạt động trở lại.")
    return redirect("oversight:reorganisation", pk=reorganisation.pk)

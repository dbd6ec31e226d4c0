from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .domain import Access
from .forms import UnitForm
from .models import UnitKind
from .permissions import get_unit_for_user, is_staff_of_home_affairs, staff_required, unit_access
from .selectors import unit_children, unit_history, unit_list_for_user
from .services import unit_update


@login_required
def unit_list(request):
    kind = request.GET.get("kind") or None
    units = unit_list_for_user(user=request.user, kind=kind)
    return render(
        request,
        "units/unit_list.html",
        {"units": units, "kinds": UnitKind.choices, "selected_kind": kind or ""},
    )


@login_required
def unit_detail(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "children": unit_children(unit=unit),
            "history": unit_history(unit=unit),
            "can_edit_unit": is_staff_of_home_affairs(request.user),
            "can_change": unit_access(request.user, unit) == Access.WRITE,
        },
    )


@staff_required
def unit_edit(request, pk: int):
    unit = get_unit_for_user(request.user, pk, write=request.method == "POST")
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        unit_update(unit=unit, data={f: form.cleaned_data[f] for f in form.Meta.fields})
        messages.success(request, "Đã lưu thông tin đơn vị.")
        return redirect("units:detail", pk=unit.pk)
    return render(request, "units/unit_form.html", {"unit": unit, "form": form})

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from congresses.selectors import campaign_active, campaign_tiers, tier_for_unit

from .domain import Access
from .forms import UnitForm
from .models import UnitKind, User
from .permissions import get_unit_for_user, staff_required, unit_access
from .selectors import unit_children, unit_kind_counts, unit_list_for_user
from .services import unit_update


@login_required
def home(request):
    user = request.user
    campaign = campaign_active()
    context = {"campaign": campaign}
    if user.role in (User.Role.STAFF, User.Role.LEADERSHIP):
        counts = unit_kind_counts()
        tiers = campaign_tiers(campaign=campaign) if campaign else []
        context["tier_rows"] = [
            {"tier": tier, "unit_count": sum(counts.get(kind, 0) for kind in tier.unit_kinds)}
            for tier in tiers
        ]
        template = "units/home_staff.html" if user.role == User.Role.STAFF else "units/home_leadership.html"
    else:
        unit = user.unit
        context["unit"] = unit
        context["tier"] = tier_for_unit(campaign=campaign, unit=unit) if campaign else None
        context["child_units"] = unit_children(unit=unit)
        template = "units/home_officer.html"
    return render(request, template, context)


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
    campaign = campaign_active()
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "children": unit_children(unit=unit),
            "tier": tier_for_unit(campaign=campaign, unit=unit) if campaign else None,
            "can_edit_unit": request.user.role == User.Role.STAFF,
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

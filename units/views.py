from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import id_param
from core.listing import SortColumn, listing_page
from core.versioning import submitted_version

from .domain import Access
from .forms import DocumentProfileForm, UnitForm
from .models import UnitKind
from .permissions import get_unit_for_user, is_staff_of_home_affairs, staff_required, unit_access
from .selectors import (
    document_profile_get,
    document_profile_initial,
    unit_children,
    unit_history,
    unit_list_for_user,
    unit_list_rows,
    unit_parent_choices,
)
from .services import document_profile_check as document_profile_check_service
from .services import document_profile_save, unit_update

UNIT_SORTS = (
    SortColumn("name", _("Tên đơn vị"), ("name",)),
    SortColumn("kind", _("Loại"), ("kind", "name")),
    SortColumn("code", _("Mã"), ("code", "name")),
    SortColumn("parent", _("Cấp trên"), ("parent__name", "name")),
)


@login_required
def unit_list(request):
    kind = request.GET.get("kind") if request.GET.get("kind") in UnitKind.values else None
    parents = unit_parent_choices(user=request.user)
    parent_id = id_param(request.GET.get("parent"))
    parent_id = parent_id if any(pk == parent_id for pk, _name in parents) else None
    units = unit_list_for_user(user=request.user, kind=kind, parent_id=parent_id)
    listing = listing_page(
        units, params=request.GET, columns=UNIT_SORTS, default="parent", page_rows=unit_list_rows
    )
    return render(
        request,
        "units/unit_list.html",
        {
            "listing": listing,
            "kinds": UnitKind.choices,
            "selected_kind": kind or "",
            "parents": parents,
            "selected_parent": parent_id or "",
        },
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
        data = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            unit_update(unit=unit, data=data, expected_version=submitted_version(form))
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, gettext("Đã lưu thông tin đơn vị."))
            return redirect("units:detail", pk=unit.pk)
    return render(request, "units/unit_form.html", {"unit": unit, "form": form})


@login_required
def document_profile(request, pk: int):
    """A body's document profile: its officers edit it, Sở Nội vụ checks it, leadership reads it."""
    unit = get_unit_for_user(request.user, pk, write=request.method == "POST")
    form = DocumentProfileForm(request.POST or None, initial=document_profile_initial(unit=unit))
    if request.method == "POST" and form.is_valid():
        document_profile_save(unit=unit, by=request.user, profile_data=form.profile_data(),
                              signers=form.signers_data())  # fmt: skip
        messages.success(request, gettext("Đã lưu thể thức văn bản của cơ quan."))
        return redirect("units:document_profile", pk=unit.pk)
    profile = document_profile_get(unit=unit)
    return render(
        request,
        "units/document_profile.html",
        {
            "unit": unit,
            "form": form,
            "profile": profile,
            "can_change": unit_access(request.user, unit) == Access.WRITE,
            "can_check": profile is not None and profile.checked_at is None
            and is_staff_of_home_affairs(request.user),
        },
    )  # fmt: skip


@require_POST
@staff_required
def document_profile_check(request, pk: int):
    unit = get_unit_for_user(request.user, pk, write=True)
    profile = document_profile_get(unit=unit)
    if profile is None:
        raise Http404
    document_profile_check_service(profile=profile, by=request.user)
    messages.success(request, gettext("Đã xác nhận thể thức văn bản theo Nghị định 30/2020/NĐ-CP."))
    return redirect("units:document_profile", pk=unit.pk)

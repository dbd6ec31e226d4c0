from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from congresses.permissions import cap_setting, require_cap_setting
from congresses.selectors import campaign_active
from congresses.services import event_set_cap
from core.errors import DomainError
from core.versioning import submitted_version
from units.choices import Gender
from units.domain import Access
from units.permissions import get_unit_for_user, unit_access
from units.reference import ETHNIC_GROUPS

from . import selectors, services
from .exporter import XLSX_MIME, render_roster
from .forms import CapForm, DelegateForm, ImportForm, QuotaForm
from .importer import ImportFileError, display_row, parse_roster
from .models import Delegate


def _event(request, event_pk: int, *, form_page: bool = False):
    """The event in the user's scope; a change (or a page that only serves to change) needs write access."""
    write = form_page or request.method == "POST"
    return selectors.event_for_user(user=request.user, pk=event_pk, write=write)


def _back(event_pk: int):
    return redirect("delegates:roster", event_pk=event_pk)


@login_required
def roster(request, event_pk: int):
    event = _event(request, event_pk)
    filters = selectors.RosterFilter.from_params(request.GET)
    can_write = unit_access(request.user, event.unit) == Access.WRITE
    quota = selectors.quota_for(campaign=event.campaign, unit=event.unit)
    context = {
        "event": event,
        "figures": selectors.roster_figures(event=event),
        "page": selectors.roster_page(event=event, filters=filters, page=request.GET.get("page", 1)),
        "filters": filters,
        "categories": Delegate.Category.choices,
        "genders": Gender.choices,
        "ethnic_groups": ETHNIC_GROUPS,
        "can_write": can_write,
        "can_edit": can_write and event.roster_finalised_at is None,
        "can_set_cap": can_write
        and event.roster_finalised_at is None
        and cap_setting(request.user, event.tier).allowed,
        "candidates": list(selectors.delegation_candidates(event=event)),
        "quota": quota,
        "approval": selectors.delegation_approval(event=event),
        "cap_form": CapForm(initial={"cap": event.delegate_cap}),
        "has_lower_units": event.unit.parent_id is None or event.unit.kind in ("district", "city"),
    }
    return render(request, "delegates/roster.html", context)


def _delegate_form(request, event, instance=None):
    initial = {} if instance else selectors.exemplar_initial(unit=event.unit, pk=request.GET.get("exemplar"))
    return DelegateForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        exemplars=selectors.exemplar_choices(unit=event.unit),
        event_year=event.date.year,
    )


@login_required
def delegate_add(request, event_pk: int):
    event = _event(request, event_pk, form_page=True)
    form = _delegate_form(request, event)
    if request.method == "POST" and form.is_valid():
        try:
            delegate = services.delegate_create(event=event, data=form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, gettext("Đã thêm đại biểu %(full_name)s.") % {"full_name": delegate.full_name}
            )
            return _back(event.pk)
    context = {
        "event": event,
        "form": form,
        "delegate": None,
        "exemplars": selectors.exemplar_choices(unit=event.unit),
    }
    return render(request, "delegates/delegate_form.html", context)


@login_required
def delegate_edit(request, event_pk: int, pk: int):
    event = _event(request, event_pk, form_page=True)
    delegate = selectors.delegate_for_event(event=event, pk=pk)
    form = _delegate_form(request, event, instance=delegate)
    if request.method == "POST" and form.is_valid():
        try:
            services.delegate_update(
                delegate=delegate, data=form.cleaned_data, expected_version=submitted_version(form)
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, gettext("Đã lưu đại biểu %(full_name)s.") % {"full_name": delegate.full_name}
            )
            return _back(event.pk)
    return render(
        request, "delegates/delegate_form.html", {"event": event, "form": form, "delegate": delegate}
    )


@require_POST
@login_required
def delegate_delete(request, event_pk: int, pk: int):
    event = _event(request, event_pk)
    delegate = selectors.delegate_for_event(event=event, pk=pk)
    try:
        services.delegate_delete(delegate=delegate)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            gettext("Đã xóa đại biểu %(full_name)s khỏi danh sách.") % {"full_name": delegate.full_name},
        )
    return _back(event.pk)


@require_POST
@login_required
def roster_finalise(request, event_pk: int):
    event = _event(request, event_pk)
    try:
        services.roster_finalise(event=event)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, gettext("Đã chốt danh sách đại biểu. Danh sách chỉ được xem cho đến khi mở lại.")
        )
    return _back(event.pk)


@require_POST
@login_required
def roster_reopen(request, event_pk: int):
    event = _event(request, event_pk)
    services.roster_reopen(event=event)
    messages.success(request, gettext("Đã mở lại danh sách đại biểu để chỉnh sửa."))
    return _back(event.pk)


@require_POST
@login_required
def roster_set_cap(request, event_pk: int):
    event = _event(request, event_pk)
    require_cap_setting(request.user, event.tier)
    form = CapForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Số đại biểu tối đa phải là số nguyên từ 1 trở lên, hoặc để trống."))
        return _back(event.pk)
    try:
        event_set_cap(event=event, cap=form.cleaned_data["cap"], by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Đã lưu số đại biểu tối đa của đơn vị."))
    return _back(event.pk)


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def roster_template(request, event_pk: int):
    event = _event(request, event_pk)
    return _xlsx(render_roster(title=event.name, delegates=[], blank_rows=300), "mau-danh-sach-dai-bieu.xlsx")


@login_required
def roster_export(request, event_pk: int):
    event = _event(request, event_pk)
    content = render_roster(title=event.name, delegates=selectors.roster_for_export(event=event))
    return _xlsx(content, f"danh-sach-dai-bieu-{event.pk}.xlsx")


@login_required
def roster_import(request, event_pk: int):
    event = _event(request, event_pk, form_page=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = parse_roster(upload, event_year=event.date.year)
            if result.errors:
                errors = result.errors
            else:
                staged = services.roster_import_stage(
                    event=event, file_name=upload.name, rows=result.rows, by=request.user
                )
                return redirect("delegates:import_preview", event_pk=event.pk, token=staged.token)
        except (ImportFileError, DomainError) as exc:
            errors = [str(exc)]
    return render(request, "delegates/import_form.html", {"event": event, "form": form, "errors": errors})


@login_required
def import_preview(request, event_pk: int, token):
    event = _event(request, event_pk)
    staged = selectors.roster_import_for(event=event, token=token, user=request.user)
    duplicates = selectors.import_duplicates(event=event, rows=staged.parsed_rows)
    context = {
        "event": event,
        "staged": staged,
        "rows": [
            {**display_row(row), "index": index, "duplicate": duplicates.get(index, "")}
            for index, row in enumerate(staged.parsed_rows[:500])
        ],
        "total": len(staged.parsed_rows),
        "outlook": selectors.import_outlook(event=event, rows=staged.parsed_rows),
        "duplicates": duplicates,
    }
    return render(request, "delegates/import_preview.html", context)


@require_POST
@login_required
def import_confirm(request, event_pk: int, token):
    event = _event(request, event_pk)
    staged = selectors.roster_import_for(event=event, token=token, user=request.user)
    skip = {int(value) for value in request.POST.getlist("skip") if value.isdigit()}
    try:
        created = services.roster_import_confirm(staged=staged, skip=skip)
    except DomainError as exc:
        messages.error(request, gettext("Chưa lưu được: %(exc)s") % {"exc": exc})
        return redirect("delegates:import_preview", event_pk=event.pk, token=token)
    except (OperationalError, InterfaceError):  # the database connection dropped mid-import
        connection.close()  # the transaction was rolled back with it: nothing half-written
        messages.error(
            request,
            gettext(
                "Chưa lưu được tệp “%(file_name)s”: mất kết nối tới cơ sở dữ liệu trong lúc lưu; danh sách không thay đổi. Hãy bấm “Xác nhận nhập” lại."
            )
            % {"file_name": staged.file_name},
        )
        return redirect("delegates:import_preview", event_pk=event.pk, token=token)
    left_out = len(staged.parsed_rows) - len(created)
    skipped = gettext("; bỏ qua %(left_out)s dòng trùng") % {"left_out": left_out} if left_out else ""
    messages.success(
        request,
        gettext("Đã nhập %(count)s đại biểu từ tệp Excel%(skipped)s.")
        % {"count": len(created), "skipped": skipped},
    )
    return _back(event.pk)


@require_POST
@login_required
def import_discard(request, event_pk: int, token):
    event = _event(request, event_pk)
    services.roster_import_discard(
        staged=selectors.roster_import_for(event=event, token=token, user=request.user)
    )
    messages.info(request, gettext("Đã hủy bản nhập; danh sách không thay đổi."))
    return _back(event.pk)


@require_POST
@login_required
def candidates_add(request, event_pk: int):
    event = _event(request, event_pk)
    ids = [int(v) for v in request.POST.getlist("source") if v.isdigit()]
    try:
        added = services.delegates_add_from_candidates(event=event, source_ids=ids, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            gettext("Đã thêm %(count)s đại biểu do cấp dưới cử vào danh sách.") % {"count": len(added)},
        )
    return _back(event.pk)


@login_required
def delegation(request, event_pk: int):
    event = _event(request, event_pk)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("delegate") if v.isdigit()]
        try:
            approval = services.delegation_approve(event=event, delegate_ids=ids, by=request.user)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                gettext("Đã thông qua đoàn %(size)s đại biểu đi dự Đại hội cấp trên.")
                % {"size": approval.size},
            )
            return redirect("delegates:delegation", event_pk=event.pk)
    context = {
        "event": event,
        "quota": selectors.quota_for(campaign=event.campaign, unit=event.unit),
        "approval": selectors.delegation_approval(event=event),
        "upper_event": selectors.upper_event(event=event),
        "delegates": selectors.roster_list(event=event),
        "chosen": {int(v) for v in request.POST.getlist("delegate") if v.isdigit()}
        if request.method == "POST"
        else None,
        "can_write": unit_access(request.user, event.unit) == Access.WRITE,
    }
    return render(request, "delegates/delegation.html", context)


@require_POST
@login_required
def delegation_withdraw(request, event_pk: int):
    event = _event(request, event_pk)
    try:
        services.delegation_withdraw(event=event, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Đã hủy thông qua đoàn đại biểu."))
    return redirect("delegates:delegation", event_pk=event.pk)


@login_required
def quotas(request, unit_pk: int):
    unit = get_unit_for_user(request.user, unit_pk, write=request.method == "POST")
    campaign = campaign_active()
    rows = selectors.quota_rows(campaign=campaign, upper_unit=unit) if campaign else []
    form = QuotaForm(
        request.POST or None, units=[r.unit for r in rows], initial_seats={r.unit.pk: r.seats for r in rows}
    )
    if request.method == "POST" and campaign and form.is_valid():
        try:
            services.quota_set_many(campaign=campaign, upper_unit=unit, seats=form.seats(), by=request.user)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, gettext("Đã lưu phân bổ đại biểu dự Đại hội."))
            return redirect("delegates:quotas", unit_pk=unit.pk)
    context = {
        "unit": unit,
        "campaign": campaign,
        "rows": list(zip(rows, [field for _, field in form.rows()], strict=True)),
        "form": form,
        "upper_event": selectors.unit_event(campaign=campaign, unit=unit) if campaign else None,
        "upper_cap": selectors.congress_cap(campaign=campaign, unit=unit) if campaign else None,
        "allocated": sum(r.seats or 0 for r in rows),
        "can_write": unit_access(request.user, unit) == Access.WRITE,
    }
    return render(request, "delegates/quotas.html", context)

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.clock import today as portal_today
from core.downloads import content_type_for, download_name
from core.errors import DomainError
from core.forms import id_param
from core.listing import SortColumn, listing_page
from core.versioning import submitted_version
from units.domain import Access
from units.models import UnitKind
from units.permissions import (
    get_unit_for_user,
    is_staff_of_home_affairs,
    sees_whole_province,
    staff_required,
    unit_access,
    unit_scope,
    writer_required,
)

from . import rules, services
from .domain import (
    NEXT_STATUS_BUTTONS,
    PlanState,
    event_is_editable,
    event_title_block,
    next_event_status,
    plan_status,
)
from .forms import (
    CampaignCopyForm,
    CampaignForm,
    EventForm,
    MovementForm,
    PlanReviewForm,
    PlanUploadForm,
    TierRuleForm,
)
from .models import Campaign, Event, Movement, TierRule, UnitPlan
from .permissions import cap_setting, get_event_for_user, get_plan_for_user, get_plan_version_for_user
from .selectors import (
    EVENT_SORTS,
    campaign_active,
    campaign_for_registration,
    campaign_tiers,
    campaign_tiers_on_map,
    district_choices,
    event_for_unit,
    event_list_for_user,
    event_status_counts,
    plan_owing_tiers,
    plan_status_rows,
    plans_for_unit,
    tier_for_unit,
    units_without_event,
)
from .selectors import campaign_list as select_campaigns


@staff_required
def campaign_list(request):
    return render(request, "congresses/campaign_list.html", {"campaigns": select_campaigns()})


@staff_required
def campaign_detail(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    map_day, tiers = campaign_tiers_on_map(campaign=campaign)
    return render(
        request,
        "congresses/campaign_detail.html",
        {
            "campaign": campaign,
            "map_day": map_day,
            "tiers": tiers,
            "movements": campaign.movements.all(),
            "can_edit": is_staff_of_home_affairs(request.user),
        },
    )


@staff_required
def campaign_edit(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        services.campaign_update(campaign=campaign, data={f: form.cleaned_data[f] for f in form.Meta.fields})
        messages.success(request, gettext("Đã lưu chiến dịch."))
        return redirect("congresses:campaign_detail", pk=campaign.pk)
    return render(request, "congresses/campaign_form.html", {"campaign": campaign, "form": form})


@staff_required
def tier_edit(request, pk: int, tier_pk: int):
    tier = get_object_or_404(TierRule, pk=tier_pk, campaign_id=pk)
    form = TierRuleForm(request.POST or None, instance=tier)
    if request.method == "POST" and form.is_valid():
        services.tier_update(tier=tier, data={f: form.cleaned_data[f] for f in form.Meta.fields})
        messages.success(request, gettext("Đã lưu quy định %(label)s.") % {"label": tier.label})
        return redirect("congresses:campaign_detail", pk=pk)
    return render(request, "congresses/tier_form.html", {"tier": tier, "form": form})


@staff_required
def campaign_copy(request, pk: int):
    source = get_object_or_404(Campaign, pk=pk)
    form = CampaignCopyForm(
        request.POST or None,
        initial={"ordinal": "", "name": source.name},
        tiers=campaign_tiers(campaign=source),
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.campaign_copy(source=source, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                gettext("Đã tạo chiến dịch “%(copy)s” từ chiến dịch cũ. Hãy rà soát quy định.")
                % {"copy": copy},
            )
            return redirect("congresses:campaign_detail", pk=copy.pk)
    return render(request, "congresses/campaign_copy.html", {"source": source, "form": form})


@require_POST
@staff_required
def campaign_activate(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    services.campaign_activate(campaign=campaign)
    messages.success(
        request, gettext("Chiến dịch “%(campaign)s” đang được triển khai.") % {"campaign": campaign}
    )
    return redirect("congresses:campaign_detail", pk=campaign.pk)


@staff_required
def movement_add(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    return _movement_form(request, Movement(campaign=campaign))


@staff_required
def movement_edit(request, pk: int, movement_pk: int):
    return _movement_form(request, get_object_or_404(Movement, pk=movement_pk, campaign_id=pk))


def _movement_form(request, movement: Movement):
    form = MovementForm(request.POST or None, instance=movement)
    if request.method == "POST" and form.is_valid():
        services.movement_save(movement=form.instance)
        messages.success(request, gettext("Đã lưu phong trào thi đua."))
        return redirect("congresses:campaign_detail", pk=movement.campaign_id)
    return render(request, "congresses/movement_form.html", {"movement": movement, "form": form})


def _active_campaign_or_404() -> Campaign:
    campaign = campaign_active()
    if campaign is None:
        raise Http404(gettext("Chưa có chiến dịch nào đang triển khai."))
    return campaign


# --- Unit plans -----------------------------------------------------------------


PLAN_SORTS = (
    SortColumn("unit", _("Đơn vị"), ("unit__name",)),
    SortColumn("parent", _("Trực thuộc"), ("unit__parent__name", "unit__name")),
    SortColumn("status", _("Trạng thái"), ("state_rank", "unit__parent__name", "unit__name")),
    SortColumn("first", _("Nộp lần đầu"), ("plan__first_submitted_at", "unit__name")),
)


@login_required
def plan_list(request):
    """Staff and leadership see every unit; a district officer its own and its communes' plans."""
    campaign = _active_campaign_or_404()
    tiers = plan_owing_tiers(campaign_tiers(campaign=campaign))
    tier_id = id_param(request.GET.get("tier"))
    tier = next((t for t in tiers if t.pk == tier_id), None)
    kind = request.GET.get("kind") if request.GET.get("kind") in UnitPlan.Kind.values else UnitPlan.Kind.PLAN
    status = request.GET.get("status") if request.GET.get("status") in PlanState.ORDER else ""
    unit_kind = request.GET.get("unit_kind") if request.GET.get("unit_kind") in UnitKind.values else ""
    districts = district_choices() if sees_whole_province(request.user) else []
    district_id = id_param(request.GET.get("district"))
    rows, counts = plan_status_rows(
        user=request.user,
        campaign=campaign,
        today=portal_today(),
        kind=kind,
        tier=tier,
        unit_kind=unit_kind,
        status=status,
        district_id=district_id,
    )
    listing = listing_page(rows, params=request.GET, columns=PLAN_SORTS, default="parent")
    filters = {
        "kind": kind,
        "tier": tier.pk if tier else "",
        "unit_kind": unit_kind,
        "district": district_id or "",
    }
    filter_query = urlencode({name: value for name, value in filters.items() if value})
    return render(
        request,
        "congresses/plan_list.html",
        {
            "campaign": campaign,
            "listing": listing,
            "rows": listing.rows,
            "filter_query": filter_query,
            "districts": districts,
            "selected_district": district_id or "",
            "state_filters": [(s, PlanState.LABELS[s], counts[s]) for s in PlanState.ORDER],
            "total": sum(counts[s] for s in PlanState.ORDER if s != PlanState.LATE),
            "tiers": tiers,
            "selected_tier": tier.pk if tier else "",
            "kinds": UnitPlan.Kind.choices,
            "selected_kind": kind,
            "unit_kinds": UnitKind.choices,
            "selected_unit_kind": unit_kind,
            "selected_status": status,
        },
    )


def _unit_plans_context(request, unit, campaign, *, bound_form=None, bound_kind=""):
    can_submit = unit_access(request.user, unit) == Access.WRITE
    plans = {plan.kind: plan for plan in plans_for_unit(campaign=campaign, unit=unit)}
    kinds = [UnitPlan.Kind.PLAN] + ([UnitPlan.Kind.PILOT_PROGRAMME] if unit.is_pilot else [])
    sections = []
    for kind in kinds:
        plan = plans.get(kind)
        label = UnitPlan.Kind(kind).label
        form = bound_form if kind == bound_kind else PlanUploadForm()
        status = plan_status(
            review_status=plan.status if plan else None,
            first_submitted_on=timezone.localdate(plan.first_submitted_at) if plan else None,
            deadline=campaign.plan_deadline,
            today=portal_today(),
        )
        sections.append(
            {
                "status": status,
                "kind": kind,
                "label": label,
                "plan": plan,
                "form": form,
                "can_submit": can_submit and (plan is None or plan.status != UnitPlan.Status.APPROVED),
                "can_review": is_staff_of_home_affairs(request.user)
                and plan is not None
                and plan.status == "submitted",
            }
        )
    return {"unit": unit, "campaign": campaign, "sections": sections}


@login_required
def unit_plans(request, unit_pk: int):
    unit = get_unit_for_user(request.user, unit_pk)
    campaign = _active_campaign_or_404()
    return render(request, "congresses/unit_plans.html", _unit_plans_context(request, unit, campaign))


@require_POST
@writer_required
def plan_submit(request, unit_pk: int, kind: str):
    unit = get_unit_for_user(request.user, unit_pk, write=True)
    campaign = _active_campaign_or_404()
    if kind not in UnitPlan.Kind.values:
        raise Http404(gettext("Không tìm thấy loại tài liệu."))
    form = PlanUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            plan = services.plan_submit(
                campaign=campaign,
                unit=unit,
                kind=kind,
                upload=form.cleaned_data["file"],
                submitted_by=request.user,
            )
        except DomainError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request,
                gettext("Đã nộp %(lower)s (lần %(version)s).")
                % {"lower": plan.get_kind_display().lower(), "version": plan.version},
            )
            return redirect("congresses:unit_plans", unit_pk=unit.pk)
    context = _unit_plans_context(request, unit, campaign, bound_form=form, bound_kind=kind)
    return render(request, "congresses/unit_plans.html", context, status=400)


@require_POST
@staff_required
def plan_review(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    form = PlanReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Thao tác xem xét không hợp lệ."))
        return redirect("congresses:unit_plans", unit_pk=plan.unit_id)
    try:
        reviewed = services.plan_review(plan=plan, reviewed_by=request.user, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            gettext("Đã ghi kết quả xem xét: %(lower)s.") % {"lower": reviewed.get_status_display().lower()},
        )
    return redirect("congresses:unit_plans", unit_pk=plan.unit_id)


def _file_response(stored_file, original_name: str, file_type: str) -> FileResponse:
    """Serve as the type checked at upload (core/downloads.py), never as the uploaded name says."""
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(original_name, file_type, fallback="ke-hoach"),
        content_type=content_type_for(file_type),
    )


@login_required
def plan_download(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    return _file_response(plan.file, plan.original_name, plan.file_type)


@login_required
def plan_version_download(request, pk: int):
    version = get_plan_version_for_user(request.user, pk)
    return _file_response(version.file, version.original_name, version.file_type)


# --- Events ---------------------------------------------------------------------


@login_required
def event_list(request):
    campaign = _active_campaign_or_404()
    tier_id = id_param(request.GET.get("tier"))
    district_id = id_param(request.GET.get("district"))
    status = request.GET.get("status") if request.GET.get("status") in Event.Status.values else ""
    scoped = event_list_for_user(user=request.user, campaign=campaign)
    events = event_list_for_user(
        user=request.user, campaign=campaign, tier_id=tier_id, status=status, district_id=district_id
    )
    counts = event_status_counts(events=scoped)
    missing = units_without_event(
        user=request.user, campaign=campaign, tier_id=tier_id, district_id=district_id
    )
    sees_province = sees_whole_province(request.user)
    listing = listing_page(events, params=request.GET, columns=EVENT_SORTS, default="date")
    return render(
        request,
        "congresses/event_list.html",
        {
            "campaign": campaign,
            "listing": listing,
            "events": listing.rows,
            "status_filters": [(value, label, counts.get(value, 0)) for value, label in Event.Status.choices],
            "total": sum(counts.values()),
            "tiers": campaign_tiers(campaign=campaign),
            "districts": district_choices() if sees_province else [],
            "selected_tier": tier_id or "",
            "selected_status": status,
            "selected_district": district_id or "",
            "units_without_event": missing,
            "can_register": unit_scope(request.user).changes_anything,
        },
    )


def _event_data(form: EventForm) -> dict:
    return {name: form.cleaned_data[name] for name in form.fields}


@writer_required
def event_register(request, unit_pk: int):
    unit = get_unit_for_user(request.user, unit_pk, write=True)
    # The active campaign, or (?campaign=) one in preparation whose map holds the unit.
    campaign = campaign_for_registration(pk=id_param(request.GET.get("campaign")))
    if campaign is None:
        raise Http404(gettext("Không có chiến dịch đang triển khai hoặc đang chuẩn bị này."))
    existing = event_for_unit(campaign=campaign, unit=unit)
    if existing is not None:
        messages.info(request, gettext("%(name)s đã đăng ký sự kiện.") % {"name": unit.name})
        return redirect("congresses:event_detail", pk=existing.pk)
    tier = tier_for_unit(campaign=campaign, unit=unit)
    if tier is None:
        raise Http404(gettext("Kế hoạch không quy định sự kiện cho đơn vị này."))
    # A congress carries the campaign's ordinal ("Đại hội ... lần thứ VI"); a conference is numbered by the unit.
    initial = {"ordinal": campaign.ordinal} if tier.is_congress else {}
    form = EventForm(
        request.POST or None, initial=initial, tier=tier, may_set_cap=cap_setting(request.user, tier).allowed
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_register(
                campaign=campaign, unit=unit, data=_event_data(form), by=request.user
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, gettext("Đã đăng ký %(name)s.") % {"name": event.name})
            return redirect("congresses:event_detail", pk=event.pk)
    return render(
        request,
        "congresses/event_form.html",
        {"unit": unit, "tier": tier, "form": form, "event": None, "campaign": campaign},
    )


@login_required
def event_detail(request, pk: int):
    event = get_event_for_user(request.user, pk)
    can_change = unit_access(request.user, event.unit) == Access.WRITE
    next_status = next_event_status(event.status)
    cap = rules.effective_cap(own_cap=event.delegate_cap, tier_cap=event.tier.delegate_cap)
    return render(
        request,
        "congresses/event_detail.html",
        {
            "event": event,
            "title": event_title_block(
                name=event.name, ordinal=event.ordinal, venue=event.venue, day=event.date
            ),
            "effective_cap": cap.value,
            "cap_reason": cap.reason,
            "can_change": can_change,
            "can_edit": can_change and event_is_editable(event.status),
            "next_status": next_status,
            "next_status_label": NEXT_STATUS_BUTTONS.get(next_status or "", ""),
        },
    )


@writer_required
def event_edit(request, pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    if not event_is_editable(event.status):
        messages.error(request, gettext("Sự kiện đã tổ chức; không sửa thông tin đăng ký được nữa."))
        return redirect("congresses:event_detail", pk=event.pk)
    form = EventForm(
        request.POST or None,
        instance=event,
        tier=event.tier,
        may_set_cap=cap_setting(request.user, event.tier).allowed,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                event=event, data=_event_data(form), by=request.user, expected_version=submitted_version(form)
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, gettext("Đã lưu thông tin sự kiện."))
            return redirect("congresses:event_detail", pk=event.pk)
    return render(
        request,
        "congresses/event_form.html",
        {"unit": event.unit, "tier": event.tier, "form": form, "event": event},
    )


@require_POST
@writer_required
def event_status(request, pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    try:
        event = services.event_change_status(
            event=event, target=request.POST.get("status", ""), by=request.user
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, gettext("Trạng thái mới: %(lower)s.") % {"lower": event.get_status_display().lower()}
        )
    return redirect("congresses:event_detail", pk=event.pk)

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from congresses import rules
from congresses.forms import event_filters
from congresses.models import Event
from congresses.selectors import EVENT_SORTS, district_choices, events_filtered
from core.errors import DomainError
from core.forms import id_param
from core.listing import listing_page
from core.versioning import VERSION_FIELD, submitted_version
from units.domain import Access
from units.models import UnitKind
from units.permissions import (
    can_change_anything,
    is_leadership,
    is_staff_of_home_affairs,
    require_unit_access,
    sees_whole_province,
    staff_required,
    unit_access,
    writer_required,
)

from . import domain, selectors, services, services_publication
from .exporters import decision_list_xlsx, decision_rows, reward_budget_xlsx
from .forms import (
    AwardReceivedForm,
    AwardTypeForm,
    BaseSalaryForm,
    ExemplarForm,
    NominationForm,
    PresenterForm,
    PublicationDecisionForm,
    ReviewForm,
)
from .models import AwardReceived, AwardType, BaseSalary, DocumentRegister, Exemplar, Nomination
from .permissions import (
    get_event_for_user,
    get_exemplar_for_user,
    get_nomination_for_user,
    get_presenter_for_user,
)

# --- Reference data (Sở Nội vụ) --------------------------------------------------


@staff_required
def award_type_list(request):
    return render(
        request,
        "honors/awardtype_list.html",
        {"award_types": selectors.award_type_list(), "can_edit": is_staff_of_home_affairs(request.user)},
    )


@staff_required
def award_type_add(request):
    return _award_type_form(request, AwardType())


@staff_required
def award_type_edit(request, pk: int):
    return _award_type_form(request, get_object_or_404(AwardType, pk=pk))


def _award_type_form(request, award_type: AwardType):
    form = AwardTypeForm(request.POST or None, instance=award_type)
    if request.method == "POST" and form.is_valid():
        services.award_type_save(award_type=form.instance)
        messages.success(request, gettext("Đã lưu “%(name)s”.") % {"name": form.instance.name})
        return redirect("honors:award_type_list")
    return render(request, "honors/awardtype_form.html", {"form": form, "award_type": award_type})


# --- Base salary (mức lương cơ sở) and reward money -----------------------------------


@staff_required
def base_salary_list(request):
    can_edit = is_staff_of_home_affairs(request.user)
    return _base_salary_page(request, BaseSalary(), BaseSalaryForm() if can_edit else None)


@staff_required
def base_salary_edit(request, pk: int):
    base_salary = get_object_or_404(BaseSalary, pk=pk)
    if request.method == "POST":
        return _base_salary_save(request, base_salary)
    return _base_salary_page(request, base_salary, BaseSalaryForm(instance=base_salary))


@require_POST
@staff_required
def base_salary_add(request):
    return _base_salary_save(request, BaseSalary())


def _base_salary_save(request, base_salary: BaseSalary):
    form = BaseSalaryForm(request.POST, instance=base_salary)
    if form.is_valid():
        try:
            saved = services.base_salary_save(base_salary=form.instance)
        except services.HonoursError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                gettext("Đã lưu mức lương cơ sở áp dụng từ ngày %(effective_from)s.")
                % {"effective_from": format(saved.effective_from, "%d/%m/%Y")},
            )
            return redirect("honors:base_salary_list")
    return _base_salary_page(request, base_salary, form, status=400)


def _base_salary_page(request, base_salary: BaseSalary, form, status: int = 200):
    return render(
        request,
        "honors/basesalary_list.html",
        {
            "rates": selectors.base_salary_list(),
            "award_types": selectors.award_type_list(active_only=True),
            "form": form,
            "editing": base_salary if base_salary.pk else None,
        },
        status=status,
    )


def _xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@login_required
def event_budget(request, pk: int):
    event = get_event_for_user(request.user, pk)
    budget = selectors.event_reward_budget(event=event)
    if request.GET.get("xuat") == "xlsx":
        title = ["KINH PHÍ TIỀN THƯỞNG THEO HÌNH THỨC KHEN THƯỞNG", event.name, event.unit.name]
        return _xlsx_response(
            reward_budget_xlsx(title_lines=title, budget=budget), f"kinh-phi-khen-thuong-{event.pk}.xlsx"
        )
    return render(request, "honors/reward_budget.html", {"event": event, "budget": budget})


@staff_required
def province_budget(request):
    budget = selectors.province_reward_budget()
    if request.GET.get("xuat") == "xlsx":
        title = [
            "KINH PHÍ TIỀN THƯỞNG TOÀN TỈNH THEO HÌNH THỨC KHEN THƯỞNG",
            "Các sự kiện của đợt thi đua đang diễn ra",
        ]
        return _xlsx_response(
            reward_budget_xlsx(title_lines=title, budget=budget), "kinh-phi-khen-thuong-toan-tinh.xlsx"
        )
    return render(request, "honors/reward_budget.html", {"event": None, "budget": budget})


# --- Exemplar records ---------------------------------------------------------------


@login_required
def exemplar_list(request):
    q, field, kind = request.GET.get("q", ""), request.GET.get("field", ""), request.GET.get("kind", "")
    unit_id = id_param(request.GET.get("unit"))
    exemplars = selectors.exemplar_list_for_user(
        user=request.user, q=q, field=field, kind=kind, unit_id=unit_id
    )
    page = Paginator(exemplars, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "honors/exemplar_list.html",
        {
            "page": page, "q": q, "field": field, "kind": kind, "fields": domain.FIELDS, "unit_id": unit_id,
            "kinds": Exemplar.Kind.choices, "can_create": not is_leadership(request.user),
        },
    )  # fmt: skip


@writer_required
def exemplar_create(request):
    if not can_change_anything(request.user):
        raise PermissionDenied(gettext("Tài khoản của bạn chỉ được xem, không được thay đổi."))
    return _exemplar_form(request, Exemplar())


@login_required
def exemplar_edit(request, pk: int):
    return _exemplar_form(request, get_exemplar_for_user(request.user, pk, write=True))


def _exemplar_form(request, exemplar: Exemplar):
    units = selectors.units_writable_for_user(user=request.user)
    form = ExemplarForm(
        request.POST or None,
        request.FILES or None,
        instance=exemplar,
        units=units,
        movements=selectors.movements_of_active_campaign(),
        initial={"unit": request.user.unit_id} if exemplar.pk is None else None,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("photo_upload")
        try:
            saved = services.exemplar_save(
                exemplar=form.instance,
                movements=form.cleaned_data["movements"],
                by=request.user,
                photo_data=upload.read() if upload else None,
                remove_photo=form.cleaned_data.get("remove_photo", False),
                expected_version=submitted_version(form),
                submitted=form.cleaned_data,
            )
        except DomainError as exc:
            form.add_error("photo_upload" if isinstance(exc, services.PhotoRejected) else None, str(exc))
        else:
            messages.success(request, gettext("Đã lưu hồ sơ “%(name)s”.") % {"name": saved.name})
            return redirect("honors:exemplar_detail", pk=saved.pk)
    return render(request, "honors/exemplar_form.html", {"form": form, "exemplar": exemplar})


@login_required
def exemplar_detail(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk)
    can_change = unit_access(request.user, exemplar.unit) == Access.WRITE
    return render(request, "honors/exemplar_detail.html", _exemplar_context(request, exemplar, can_change))


def _exemplar_context(request, exemplar: Exemplar, can_change: bool, award_form=None) -> dict:
    rights = services_publication.exemplar_publication_rights(exemplar=exemplar, user=request.user)
    return {
        "exemplar": exemplar,
        "can_change": can_change,
        "award_form": award_form or (AwardReceivedForm() if can_change else None),
        "can_request_publication": rights["request"].allowed,
        "publication_hint": rights["request"].reason
        if can_change and exemplar.publication in (rules.Publication.DRAFT, rules.Publication.REFUSED)
        else "",
        "publication_form": PublicationDecisionForm() if rights["decide"].allowed else None,
        "can_withdraw_publication": rights["withdraw"].allowed,
        **selectors.exemplar_detail(exemplar=exemplar),
    }


def exemplar_photo(request, pk: int):
    """A published exemplar's photo is public; any other photo needs scope over its unit."""
    exemplar = Exemplar.objects.select_related("unit").filter(pk=pk).first()
    if exemplar is None or not exemplar.photo:
        raise Http404(gettext("Không có ảnh."))
    if not exemplar.is_published:
        if not request.user.is_authenticated:
            raise Http404(gettext("Không có ảnh."))
        require_unit_access(request.user, exemplar.unit)
    response = FileResponse(exemplar.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=3600" if exemplar.is_published else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def award_received_add(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk, write=True)
    form = AwardReceivedForm(request.POST)
    if form.is_valid():
        try:
            services.award_received_add(exemplar=exemplar, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, gettext("Đã ghi khen thưởng đã nhận."))
            return redirect("honors:exemplar_detail", pk=exemplar.pk)
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            text = " ".join(str(e) for e in errors)
            messages.error(request, f"{label}: {text}" if label else text)
    ctx = _exemplar_context(request, exemplar, True, award_form=form)
    return render(request, "honors/exemplar_detail.html", ctx, status=400)


@require_POST
@login_required
def award_received_delete(request, pk: int, award_pk: int):
    exemplar = get_exemplar_for_user(request.user, pk, write=True)
    award = get_object_or_404(AwardReceived, pk=award_pk, exemplar=exemplar)
    services.award_received_delete(award=award)
    messages.success(request, gettext("Đã xóa khen thưởng đã nhận."))
    return redirect("honors:exemplar_detail", pk=exemplar.pk)


# --- Nominations ---------------------------------------------------------------------


@login_required
def nomination_create(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk, write=True)
    form = NominationForm(
        request.POST or None,
        events=selectors.events_for_nomination(exemplar=exemplar),
        awards=selectors.award_types_proposable(exemplar=exemplar),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_create(exemplar=exemplar, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, gettext("Đã gửi đề nghị khen thưởng lên cấp xét."))
            return redirect("honors:exemplar_detail", pk=exemplar.pk)
    return render(request, "honors/nomination_form.html", {"form": form, "exemplar": exemplar})


@login_required
def nomination_list(request):
    status = request.GET.get("status", "")
    return render(
        request,
        "honors/nomination_list.html",
        {
            "to_review": selectors.nomination_list_to_review(user=request.user, status=status or "pending"),
            "proposed": selectors.nomination_list_proposed(user=request.user, status=status)[:200],
            "status": status,
            "statuses": Nomination.Status.choices,
            "is_reviewer": not is_leadership(request.user),
        },
    )


@login_required
def nomination_review(request, pk: int):
    nomination = get_nomination_for_user(request.user, pk, write=True)
    right = services.nomination_may_review(nomination=nomination, reviewer=request.user)
    if not right.allowed:
        raise PermissionDenied(right.reason)
    form = ReviewForm(
        request.POST or None,
        higher_awards=selectors.award_types_to_raise(nomination=nomination),
        nomination=nomination,
        initial={"decision_authority": selectors.nomination_granting_authority(nomination=nomination)},
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != VERSION_FIELD}
        try:
            services.nomination_review(
                nomination=nomination, reviewer=request.user, expected_version=submitted_version(form), **data
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                gettext("Đã ghi kết quả xét đề nghị cho “%(name)s”.") % {"name": nomination.exemplar.name},
            )
            return redirect("honors:nomination_list")
    return render(request, "honors/nomination_review.html", {"form": form, "nomination": nomination})


# --- Events: honours, decisions, presenters --------------------------------------------


@login_required
def event_list(request):
    filters = event_filters(
        request.GET,
        tiers=[],
        statuses=[(k, str(v)) for k, v in Event.Status.choices],
        districts=district_choices() if sees_whole_province(request.user) else [],
    )
    events = events_filtered(selectors.event_list_for_user(user=request.user), **filters.lookups)
    listing = listing_page(events, params=request.GET, columns=EVENT_SORTS, default="date",
                           page_rows=selectors.event_list_rows)  # fmt: skip
    context = {"listing": listing, "events": listing.rows, "filters": filters}
    return render(request, "honors/event_list.html", context)


@login_required
def event_detail(request, pk: int):
    event = get_event_for_user(request.user, pk)
    can_change = unit_access(request.user, event.unit) == Access.WRITE
    return _event_page(request, event, can_change, None)


def _event_page(request, event, can_change: bool, presenter_form, status: int = 200):
    presenters = selectors.event_presenters(event=event)
    spread = domain.presenter_spread(
        selectors.presenter_facts(presenters),
        check_field_variety=event.unit.kind not in domain.SECTOR_KINDS,
        kind_labels={k: str(v) for k, v in Exemplar.Kind.choices},
        unit_kind_labels={k: str(v) for k, v in UnitKind.choices},
    )
    if can_change and presenter_form is None:
        presenter_form = PresenterForm(candidates=selectors.presenter_candidates(event=event))
    return render(
        request,
        "honors/event_detail.html",
        {
            "event": event,
            "decisions": selectors.event_decisions(event=event),
            "nominations": selectors.event_nominations(event=event),
            "presenters": presenters,
            "spread": spread,
            "can_change": can_change,
            "presenter_form": presenter_form,
        },
        status=status,
    )


@login_required
def decision_export(request, pk: int):
    event = get_event_for_user(request.user, pk)
    number = request.GET.get("so", "")
    decision = selectors.event_decision(event=event, number=number)
    honours = selectors.decision_honours(decision=decision) if decision is not None else []
    if decision is None or not honours:
        raise Http404(gettext("Không có quyết định này."))
    title = [
        f"DANH SÁCH KÈM THEO QUYẾT ĐỊNH SỐ {decision.number} NGÀY {decision.date:%d/%m/%Y} CỦA {decision.issuer.upper()}",
        f"Khen thưởng tại {event.name}",
        f"Người ký: {decision.signer}",
    ]
    content = decision_list_xlsx(title_lines=title, rows=decision_rows(honours))
    filename = "danh-sach-qd-" + "".join(c if c.isalnum() else "-" for c in number) + ".xlsx"
    return _xlsx_response(content, filename)


@require_POST
@login_required
def presenter_add(request, pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    form = PresenterForm(request.POST, candidates=selectors.presenter_candidates(event=event))
    if form.is_valid():
        try:
            services.presenter_add(
                event=event,
                exemplar=form.cleaned_data["exemplar"],
                topic=form.cleaned_data["topic"],
                order=form.cleaned_data.get("order"),
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, gettext("Đã thêm báo cáo tham luận."))
            return redirect(reverse("honors:event_detail", args=[event.pk]) + "#tham-luan")
    return _event_page(request, event, True, form, status=400)


@require_POST
@login_required
def presenter_remove(request, pk: int, presenter_pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    presenter = get_presenter_for_user(request.user, event, presenter_pk)
    services.presenter_remove(presenter=presenter)
    messages.success(request, gettext("Đã bỏ báo cáo của “%(name)s”.") % {"name": presenter.exemplar.name})
    return redirect(reverse("honors:event_detail", args=[event.pk]) + "#tham-luan")


# --- Public page (no login) ------------------------------------------------------------


def public_list(request):
    q = request.GET.get("q", "")
    district_id = id_param(request.GET.get("huyen"))
    field = request.GET.get("linh_vuc", "")
    movement_id = id_param(request.GET.get("phong_trao"))
    exemplars = selectors.public_exemplars(q=q, district_id=district_id, field=field, movement_id=movement_id)
    page = Paginator(exemplars, 24).get_page(request.GET.get("trang"))
    movements, period = selectors.public_campaign_movements()
    return render(
        request,
        "honors/public_list.html",
        {
            "page": page, "q": q, "district_id": district_id, "field": field, "movement_id": movement_id,
            "districts": selectors.public_districts(), "fields": domain.FIELDS,
            "movements": movements, "period": period,
        },
    )  # fmt: skip


def public_detail(request, pk: int):
    exemplar = selectors.public_exemplar_detail(pk=pk)
    if exemplar is None:
        raise Http404(gettext("Không tìm thấy điển hình đã công bố."))
    return render(
        request,
        "honors/public_detail.html",
        {"exemplar": exemplar, "honours": selectors.public_honours(exemplar=exemplar)},
    )


@login_required
@require_GET
def register_list(request):
    """The register of documents (sổ đăng ký văn bản) of the user's unit: each number issued."""
    year = request.GET.get("nam", "")
    kind = request.GET.get("loai", "")
    year_value = int(year) if year.isdigit() else None
    kind_value = kind if kind in DocumentRegister.Kind.values else ""
    entries = selectors.register_entries_for_user(user=request.user, year=year_value, kind=kind_value)
    context = {
        "entries": entries,
        "years": selectors.register_years_for_user(user=request.user),
        "kinds": DocumentRegister.Kind.choices,
        "year": year_value,
        "kind": kind_value,
    }
    return render(request, "honors/register_list.html", context)

"""Document pages: thin views (permission helper -> form -> one service -> redirect)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from congresses.forms import event_filters
from congresses.models import Event
from congresses.selectors import EVENT_SORTS, campaign_active, district_choices, events_filtered
from core.errors import DomainError
from core.listing import listing_page
from core.text import fold_for_search
from honors.selectors import event_accepted_nomination_count, event_decision_summaries, event_submission_entry
from units.domain import Access
from units.permissions import is_staff_of_home_affairs, sees_whole_province, staff_required, unit_access

from . import selectors, services
from .exporters import EXPORTERS, campaign_kinds, event_kinds
from .exporters.award_submission import submission_refusal
from .exporters.base import FORMAT_LABELS
from .forms import AgendaFormSet, AgendaItemForm, ReportRequestForm, agenda_formset_initial, new_request_key
from .models import GeneratedReport
from .permissions import get_event_for_user, get_report_for_user


def _buttons(kinds, reasons: dict[str, str] | None = None) -> dict[str, dict]:
    reasons = reasons or {}
    return {
        kind: {"kind": kind, "key": new_request_key(), "label": f"Tạo {EXPORTERS[kind].verbose_name[:1].lower()}{EXPORTERS[kind].verbose_name[1:]}",
               "disabled": bool(reasons.get(kind)), "reason": reasons.get(kind, ""),
               "formats": [{"value": f, "label": FORMAT_LABELS[f]} for f in EXPORTERS[kind].formats]}
        for kind in kinds
    }  # fmt: skip


def _say_queued(request, report, *, retry: bool = False) -> None:
    if getattr(report, "enqueue_failed", False):
        messages.warning(request, f"{report.title}: {services.BROKER_DOWN_MESSAGE}.")
    elif retry:
        messages.success(request, gettext("Đang tạo lại: %(title)s.") % {"title": report.title})
    else:
        messages.success(request, gettext("Đã đưa vào hàng đợi: %(title)s.") % {"title": report.title})


@login_required
@require_GET
def documents_home(request):
    filters = event_filters(
        request.GET,
        tiers=[],
        statuses=[(k, str(v)) for k, v in Event.Status.choices],
        districts=district_choices() if sees_whole_province(request.user) else [],
    )
    events = events_filtered(selectors.events_visible(user=request.user), **filters.lookups)
    listing = listing_page(events, params=request.GET, columns=EVENT_SORTS, default="date")
    return render(request, "reports/documents_home.html", {"listing": listing, "filters": filters})


def _requester_label(report: GeneratedReport) -> str:
    """Who asked for a document; an account deleted since shows as such (never a 500)."""
    user = report.requested_by
    if user is None:
        return gettext("tài khoản đã xóa")
    return user.get_full_name() or user.username


def _job_rows(reports) -> list[dict]:
    return [
        {
            "report": r,
            "requester": _requester_label(r),
            "can_retry": r.status == GeneratedReport.Status.FAILED,
            "can_sign": r.status == GeneratedReport.Status.DONE
            and r.signed_at is None
            and r.file.name.endswith(".pdf"),
            "can_supersede": r.signed_at is not None and not hasattr(r, "superseded_by"),
            "waiting_note": f"{services.BROKER_DOWN_MESSAGE.capitalize()}." if r.waiting_for_broker else "",
        }
        for r in reports
    ]


@login_required
@require_GET
def event_documents(request, pk: int):
    event = get_event_for_user(request.user, pk)
    delegates = list(selectors.event_delegates(event=event).values("pk", "full_name", "position"))
    agenda_count = len(selectors.agenda_items(event=event))
    certificate_count = selectors.event_certificate_honours(event=event).count()
    accepted = event_accepted_nomination_count(event=event)
    submission = event_submission_entry(event=event)
    reasons = {
        "agenda": "" if agenda_count else gettext("Chưa có chương trình."),
        "invitations": "" if delegates else gettext("Chưa có đại biểu."),
        "certificates": "" if certificate_count else gettext("Chưa có điển hình được khen thưởng."),
        "badges": "" if delegates else gettext("Chưa có đại biểu."),
        "attendance_list": "" if delegates else gettext("Chưa có đại biểu."),
        "award_submission": submission_refusal(accepted),
    }
    for kind in event_kinds():
        if EXPORTERS[kind].checked_on_page:
            reasons[kind] = EXPORTERS[kind]().check(event=event, campaign=None, params={})
    buttons = _buttons(event_kinds(), reasons)
    buttons["badges"]["label"] = gettext("In thẻ đại biểu")
    buttons["seat_map"]["label"] = gettext("In sơ đồ chỗ ngồi")
    buttons["attendance_list"]["label"] = gettext("Tải danh sách trả lời, điểm danh")
    buttons["agenda"]["label"] = gettext("In chương trình")
    buttons["invitations"]["label"] = gettext("In giấy mời toàn bộ đại biểu")
    buttons["certificates"]["label"] = gettext("In Giấy khen, Bằng khen")
    buttons["award_submission"]["label"] = gettext("In tờ trình")
    for mode in ("blank", "calibration"):  # PDF only: printed at measured places on the sheet
        buttons[f"certificates_{mode}"] = {**buttons["certificates"], "key": new_request_key(),
                                           "formats": [{"value": "pdf", "label": "PDF"}]}  # fmt: skip
    decisions = [
        {"decision": d, "key": new_request_key(), "count": count, "total": total}
        for d, count, total in event_decision_summaries(event=event)
    ]
    context = {
        "event": event,
        "buttons": buttons,
        "decisions": decisions,
        "start_url": reverse("reports:event_report_start", args=[event.pk]),
        "single_key": new_request_key(),
        "can_write": unit_access(request.user, event.unit) == Access.WRITE,
        "jobs": _job_rows(selectors.report_list_for_event(event=event)),
        "delegates": delegates,
        "agenda_count": agenda_count,
        "certificate_count": certificate_count,
        "submission_note": gettext("%(count)s đề nghị đã được đồng ý") % {"count": accepted}
        if accepted
        else submission_refusal(accepted),
        "submission_number": submission.number if submission is not None else "",
    }
    return render(request, "reports/event_documents.html", context)


@login_required
@require_POST
def event_report_start(request, pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    form = ReportRequestForm(request.POST)
    if not form.is_valid() or form.cleaned_data["kind"] not in event_kinds():
        messages.error(request, gettext("Yêu cầu tạo văn bản không hợp lệ. Hãy tải lại trang và thử lại."))
        return redirect("reports:event_documents", pk=event.pk)
    data = form.cleaned_data
    try:
        report = services.report_request(
            kind=data["kind"],
            event=event,
            params=form.params(),
            requested_by=request.user,
            key=form.job_key(),
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        _say_queued(request, report)
    return redirect("reports:event_documents", pk=event.pk)


def _render_agenda(request, event, *, add_form=None, formset=None, status=200):
    if formset is None:
        formset = AgendaFormSet(initial=agenda_formset_initial(selectors.agenda_items(event=event)))
    context = {
        "event": event,
        "formset": formset,
        "rows": formset.forms,
        "add_form": add_form or AgendaItemForm(),
        "can_write": unit_access(request.user, event.unit) == Access.WRITE,
        "request_key": new_request_key(),
        "last_agenda_job": selectors.report_list_for_event(event=event).filter(kind="agenda").first(),
    }
    return render(request, "reports/agenda_edit.html", context, status=status)


@login_required
@require_GET
def agenda(request, pk: int):
    return _render_agenda(request, get_event_for_user(request.user, pk))


@login_required
@require_POST
def agenda_generate(request, pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    try:
        items = services.agenda_generate(event=event, replace=request.POST.get("replace") == "1")
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, gettext("Đã tạo chương trình theo mẫu (%(count)s mục).") % {"count": len(items)}
        )
    return redirect("reports:agenda", pk=event.pk)


@login_required
@require_POST
def agenda_item_add(request, pk: int):
    event = get_event_for_user(request.user, pk, write=True)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        return _render_agenda(request, event, add_form=form, status=400)
    data = form.cleaned_data
    services.agenda_item_add(
        event=event, title=data["title"], start_time=data["start_time"], speaker=data["speaker"]
    )
    messages.success(request, gettext("Đã thêm mục vào chương trình."))
    return redirect("reports:agenda", pk=event.pk)


@login_required
@require_POST
def agenda_save(request, pk: int):
    """Every row of the programme at once: texts, order (TT) and the rows ticked for deletion."""
    event = get_event_for_user(request.user, pk, write=True)
    formset = AgendaFormSet(request.POST)
    if not formset.is_valid():
        return _render_agenda(request, event, formset=formset, status=400)
    kept = [form.cleaned_data for form in formset.ordered_forms]
    dropped = [form.cleaned_data for form in formset.deleted_forms]
    rows = [services.AgendaRow(**_row(data)) for data in kept]
    rows += [services.AgendaRow(**_row(data), delete=True) for data in dropped]
    try:
        services.agenda_save(event=event, rows=rows)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("Đã lưu chương trình."))
    return redirect("reports:agenda", pk=event.pk)


def _row(data: dict) -> dict:
    return {key: data[key] for key in ("item_id", "start_time", "title", "speaker")}


@login_required
@require_GET
def report_status(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return JsonResponse(
        {
            "id": report.pk,
            "status": report.status,
            "status_label": report.get_status_display(),
            "progress": report.progress,
            "error": report.error,
            "finished": report.is_finished,
        }
    )


@login_required
@require_GET
def report_download(request, pk: int):
    report = get_report_for_user(request.user, pk)
    if report.status != GeneratedReport.Status.DONE or not report.file:
        raise Http404(gettext("Văn bản chưa sẵn sàng."))
    extension = (report.file.name or "").rsplit(".", 1)[-1]
    filename = fold_for_search(report.title).replace(" ", "-").replace(":", "").replace("/", "-")[:80]
    try:
        handle = report.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
    return FileResponse(handle, as_attachment=True, filename=f"{filename}-{report.pk}.{extension}")


@login_required
@require_POST
def report_retry(request, pk: int):
    report = get_report_for_user(request.user, pk, write=True)
    try:
        services.report_retry(report=report)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        _say_queued(request, report, retry=True)
    if report.event_id is not None:
        return redirect("reports:event_documents", pk=report.event_id)
    return redirect("reports:province")


@staff_required
@require_GET
def province_reports(request):
    campaign = campaign_active()
    context = {
        "campaign": campaign,
        "jobs": _job_rows(selectors.report_list_for_campaign(campaign=campaign)) if campaign else [],
        "can_write": is_staff_of_home_affairs(request.user),
        "buttons": list(_buttons(campaign_kinds()).values()),
        "start_url": reverse("reports:province_start"),
    }
    return render(request, "reports/province_reports.html", context)


@staff_required
@require_POST
def province_report_start(request):
    campaign = campaign_active()
    form = ReportRequestForm(request.POST)
    if campaign is None or not form.is_valid() or form.cleaned_data["kind"] not in campaign_kinds():
        messages.error(request, gettext("Yêu cầu tạo báo cáo không hợp lệ. Hãy tải lại trang và thử lại."))
        return redirect("reports:province")
    try:
        report = services.report_request(
            kind=form.cleaned_data["kind"], campaign=campaign, requested_by=request.user,
            params=form.params(), key=form.job_key(),
        )  # fmt: skip
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        _say_queued(request, report)
    return redirect("reports:province")

"""Oversight pages (issue 6): dashboard, compliance, results reports, pilots, budget.

Staff of Sở Nội vụ and leadership read the province-wide pages (leadership
changes nothing); officers report their own (and their communes') results.
"""

from collections import Counter
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from attendance.selectors import door_attendance
from congresses.forms import event_filters
from congresses.models import Campaign, Event
from congresses.selectors import (
    EVENT_SORTS,
    campaign_active,
    campaign_tiers,
    district_choices,
    events_filtered,
    tier_for_unit,
)
from core.clock import today as portal_today
from core.downloads import content_type_for, download_name
from core.errors import DomainError
from core.forms import id_param
from core.listing import SortColumn, listing_page
from core.text import vietnamese_key
from reports.exporters.base import FORMAT_LABELS
from reports.forms import new_request_key
from units.domain import Access
from units.models import Unit
from units.permissions import (
    is_staff_of_home_affairs,
    is_unit_officer,
    require_unit_access,
    sees_whole_province,
    staff_required,
    unit_access,
    writer_required,
)

from . import selectors, services
from .domain import RULE_LABELS
from .exporters import ResultReportExporter
from .exports import xlsx_response
from .forms import (
    BudgetLineForm,
    NarrativeRestoreForm,
    PilotLessonForm,
    ResultAttachmentForm,
    ResultReportForm,
    SummaryNarrativeForm,
)
from .models import BudgetLine, ResultAttachment

COMPLIANCE_PAGE_SIZE = 50  # violations per page of the compliance list
COMPLIANCE_SORTS = (
    SortColumn("unit", _("Đơn vị"), ("unit_name", "parent_name")),
    SortColumn("parent", _("Trực thuộc"), ("parent_name", "unit_name")),
    SortColumn("rule", _("Quy định bị vi phạm"), ("reason", "parent_name", "unit_name")),
)


def _campaign() -> Campaign:
    campaign = campaign_active()
    if campaign is None:
        raise Http404(gettext("Chưa có chiến dịch nào đang triển khai."))
    return campaign


def _event_for_user(user, pk: int, *, write: bool = False) -> Event:
    event = get_object_or_404(Event.objects.select_related("unit", "unit__parent", "tier", "campaign"), pk=pk)
    require_unit_access(user, event.unit, write=write)
    return event


# --- Dashboard ----------------------------------------------------------------

PROGRESS_HEADER = [_("Đơn vị / nhóm"), _("Số đơn vị"), _("Đã nộp kế hoạch"), _("Kế hoạch được duyệt"), _("Đã đăng ký"),
                   _("Đã tổ chức"), _("Đã báo cáo"), _("Có việc quá hạn")]  # fmt: skip


def _progress_rows(groups) -> list[list]:
    return [[g.label, g.units, g.plans_submitted if g.plans_tracked else "", g.plans_approved if g.plans_tracked
             else "", g.registered, g.held, g.reported, g.overdue] for g in groups]  # fmt: skip


@staff_required
def dashboard(request):
    campaign = _campaign()
    area = None
    if request.GET.get("unit"):
        if not request.GET["unit"].isdigit():
            raise Http404(gettext("Không tìm thấy địa bàn."))
        area = get_object_or_404(Unit, pk=int(request.GET["unit"]), kind__in=("district", "city"))
    group = request.GET.get("group", "")
    data = selectors.oversight_dashboard(campaign=campaign, today=portal_today(), area=area, group=group)
    export = request.GET.get("export")
    if export:
        return _dashboard_export(export, data)
    return render(
        request,
        "oversight/dashboard.html",
        {"campaign": campaign, "area": area, "group": group, "today": portal_today(), **data},
    )


FIGURES_HEADER = [_("Số liệu"), _("Giá trị"), _("Cách tính")]


def _dashboard_export(table: str, data: dict):
    if table == "figures":
        rows = [[f.label, f.value, f.counts] for f in data["figures"]]
        return xlsx_response(
            filename="so-lieu-chinh.xlsx", title=gettext("Số liệu chính"), header=FIGURES_HEADER, rows=rows
        )
    if table == "tiers":
        rows = _progress_rows(data["tier_progress"])
        return xlsx_response(
            filename="tien-do-theo-cap.xlsx",
            title=gettext("Tiến độ theo cấp"),
            header=PROGRESS_HEADER,
            rows=rows,
        )
    if table == "areas":
        rows = _progress_rows(data["area_progress"])
        return xlsx_response(
            filename="tien-do-theo-dia-ban.xlsx",
            title=gettext("Theo địa bàn"),
            header=PROGRESS_HEADER,
            rows=rows,
        )
    if table == "overdue":
        rows = [
            [r.name, r.parent_name, r.tier.label, "; ".join(r.overdue_labels)] for r in data["overdue_rows"]
        ]
        header = [gettext("Đơn vị"), gettext("Trực thuộc"), gettext("Cấp"), gettext("Việc quá hạn")]
        return xlsx_response(filename="qua-han.xlsx", title=gettext("Quá hạn"), header=header, rows=rows)
    if table == "weeks":
        rows = [[monday.strftime("%d/%m/%Y"), n] for monday, n in data["weeks"]]
        header = [gettext("Tuần bắt đầu"), gettext("Số sự kiện đã tổ chức")]
        return xlsx_response(
            filename="tien-do-theo-tuan.xlsx", title=gettext("Theo tuần"), header=header, rows=rows
        )
    if table == "composition":
        comp = data["composition"]
        registered = data["figure"]["delegates_registered"]
        rows = [[label, n] for label, n in comp["groups"] + comp["categories"]] + [
            [registered.label, registered.value]
        ]
        return xlsx_response(
            filename="co-cau-dai-bieu.xlsx",
            title=gettext("Cơ cấu đại biểu"),
            header=[gettext("Thành phần"), gettext("Số người")],
            rows=rows,
        )
    if table == "honours":
        recorded = data["figure"]["honours_recorded"]
        rows = [[label, n] for label, n in data["honours"]] + [[recorded.label, recorded.value]]
        header = [gettext("Hình thức khen thưởng"), gettext("Số lượt")]
        return xlsx_response(
            filename="khen-thuong.xlsx", title=gettext("Khen thưởng"), header=header, rows=rows
        )
    if table == "results":
        rows = [[label, *(f.value for f in line)] for label, line in data["results_rows"]]
        header = [gettext("Cấp"), *data["results_header"]]
        return xlsx_response(
            filename="tong-hop-ket-qua.xlsx", title=gettext("Tổng hợp kết quả"), header=header, rows=rows
        )
    raise Http404(gettext("Không có bảng này."))


# --- Compliance checker ----------------------------------------------------------

# Where each rule is fixed: the first route that exists wins (the event, roster,
# plan and presenter pages come from other parts), else the unit's page.
RULE_FIX_ROUTES: dict[str, tuple[tuple[str, str], ...]] = {
    "plan": (("congresses:unit_plans", "unit"),),
    "window": (("congresses:event_edit", "event"),),
    "sessions": (("congresses:event_detail", "event"),),
    "cap": (("delegates:roster", "event"), ("congresses:event_detail", "event")),
    "share": (("delegates:roster", "event"), ("congresses:event_detail", "event")),
    "quota": (("delegates:quotas", "unit"),),
    "presenters": (("honors:event_detail", "event"),),
}


def fix_url(*, rule: str, unit_id: int, event_id: int | None) -> str:
    for name, arg in RULE_FIX_ROUTES.get(rule, ()):
        value = event_id if arg == "event" else unit_id
        if value is None:
            continue
        try:
            return reverse(name, args=[value])
        except NoReverseMatch:
            continue
    return reverse("units:detail", args=[unit_id])


@staff_required
def compliance(request):
    campaign = _campaign()
    violations = selectors.compliance_violations(campaign=campaign, today=portal_today())
    areas = sorted(
        {(v.parent_id, v.parent_name) for v in violations if v.parent_id is not None},
        key=lambda area: vietnamese_key(area[1]),
    )
    area = id_param(request.GET.get("area"))
    if area is not None:
        violations = [v for v in violations if v.parent_id == area]
    counts = Counter(v.rule for v in violations)
    rule = request.GET.get("rule", "")
    if rule:
        violations = [v for v in violations if v.rule == rule]
    if request.GET.get("export") == "xlsx":
        cells = [[v.unit_name, v.parent_name, v.reason] for v in violations]
        return xlsx_response(filename="kiem-tra-tuan-thu.xlsx", title=gettext("Vi phạm quy định"),
                             header=[gettext("Đơn vị"), gettext("Trực thuộc"), gettext("Quy định bị vi phạm")], rows=cells)  # fmt: skip
    listing = listing_page(violations, params=request.GET, columns=COMPLIANCE_SORTS, default="parent",
                           page_size=COMPLIANCE_PAGE_SIZE)  # fmt: skip
    page = listing.page
    rows = [(v, fix_url(rule=v.rule, unit_id=v.unit_id, event_id=v.event_id)) for v in listing.rows]
    rule_filters = [(code, label, counts[code]) for code, label in RULE_LABELS.items() if counts[code]]
    filters = urlencode({key: value for key, value in (("area", area or ""), ("rule", rule)) if value})
    context = {
        "campaign": campaign,
        "rows": rows,
        "page": page,
        "listing": listing,
        "rule": rule,
        "rule_filters": rule_filters,
        "areas": areas,
        "area": area,
        "filters": filters,
        "area_query": f"area={area}&" if area else "",
        "total": sum(counts.values()),
        "violation_count": len(violations),
        "unit_count": len({v.unit_id for v in violations}),
    }
    return render(request, "oversight/compliance.html", context)


# --- Results reports -----------------------------------------------------------------


@login_required
def results_list(request):
    campaign = _campaign()
    filters = event_filters(
        request.GET,
        tiers=[],
        statuses=[
            (s, str(label))
            for s, label in Event.Status.choices
            if s in (Event.Status.HELD, Event.Status.REPORTED)
        ],
        districts=district_choices() if sees_whole_province(request.user) else [],
    )
    events = events_filtered(
        selectors.events_for_results(campaign=campaign, user=request.user), **filters.lookups
    )
    listing = listing_page(events, params=request.GET, columns=EVENT_SORTS, default="-date")
    tier = None
    if is_unit_officer(request.user):
        tier = tier_for_unit(campaign=campaign, unit=request.user.unit)
    lessons = selectors.pilot_lessons_for_tier(tier=tier) if tier is not None else []
    context = {
        "campaign": campaign,
        "listing": listing,
        "filters": filters,
        "events": listing.rows,
        "lessons": lessons,
    }
    return render(request, "oversight/results_list.html", context)


@staff_required
def unreported(request):
    campaign = _campaign()
    events = list(selectors.events_awaiting_report(campaign=campaign, user=request.user))
    today = portal_today()
    due_days = settings.OVERSIGHT_REPORT_DUE_DAYS
    rows = [(e, (today - e.date).days, (today - e.date).days > due_days) for e in events]
    if request.GET.get("export") == "xlsx":
        data = [[e.unit.name, e.unit.parent.name if e.unit.parent else "", e.name, e.date.strftime("%d/%m/%Y"), days]
                for e, days, _ in rows]  # fmt: skip
        return xlsx_response(filename="chua-bao-cao.xlsx", title=gettext("Chưa báo cáo kết quả"),
                             header=[gettext("Đơn vị"), gettext("Trực thuộc"), gettext("Sự kiện"), gettext("Ngày tổ chức"), gettext("Số ngày đã qua")], rows=data)  # fmt: skip
    figures = selectors.campaign_figures(campaign=campaign, tiers=campaign_tiers(campaign=campaign))
    awaiting = figures.total.by_code["events_awaiting_report"]
    return render(
        request, "oversight/unreported.html", {"rows": rows, "due_days": due_days, "awaiting": awaiting}
    )


@writer_required
def result_report(request, event_pk: int):
    event = _event_for_user(request.user, event_pk, write=request.method == "POST")
    report = selectors.result_report_for_event(event=event)
    can_write = unit_access(request.user, event.unit) == Access.WRITE
    initial = selectors.result_report_initial(event=event) if report is None else None
    form = ResultReportForm(request.POST or None, instance=report, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.result_report_submit(event=event, data=form.cleaned_data, by=request.user)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, gettext("Đã gửi báo cáo kết quả. Sự kiện chuyển sang “Đã báo cáo kết quả”.")
            )
            return redirect("oversight:result_report", event_pk=event.pk)
    context = {
        "event": event,
        "report": report,
        "form": form,
        "can_write": can_write and event.status in (Event.Status.HELD, Event.Status.REPORTED),
        "attachment_form": ResultAttachmentForm(),
        "lessons": selectors.pilot_lessons_for_tier(tier=event.tier),
        "door_attendance": door_attendance(event=event),
        # the report as a document, PDF and Word side by side (made on the event's documents page)
        "document_button": result_document_button() if report is not None and can_write else None,
        "document_start_url": reverse("reports:event_report_start", args=[event.pk]),
    }
    return render(request, "oversight/result_report.html", context)


def result_document_button() -> dict:
    exporter = ResultReportExporter
    return {"kind": exporter.identifier, "key": new_request_key(), "label": _("Tải báo cáo kết quả"),
            "formats": [{"value": f, "label": FORMAT_LABELS[f]} for f in exporter.formats]}  # fmt: skip


@require_POST
@writer_required
def result_attachment_add(request, event_pk: int):
    event = _event_for_user(request.user, event_pk, write=True)
    report = selectors.result_report_for_event(event=event)
    form = ResultAttachmentForm(request.POST, request.FILES)
    if report is None:
        messages.error(request, gettext("Hãy gửi báo cáo kết quả trước khi đính kèm tệp."))
    elif not form.is_valid():
        messages.error(request, gettext("Chưa chọn tệp để đính kèm."))
    else:
        try:
            services.result_attachment_add(report=report, upload=form.cleaned_data["file"], by=request.user)
            messages.success(request, gettext("Đã đính kèm tệp."))
        except DomainError as exc:
            messages.error(request, exc.message)
    return redirect("oversight:result_report", event_pk=event.pk)


def _attachment_for_user(user, pk: int, *, write: bool = False) -> ResultAttachment:
    attachment = get_object_or_404(ResultAttachment.objects.select_related("report__event__unit"), pk=pk)
    require_unit_access(user, attachment.report.event.unit, write=write)
    return attachment


@login_required
def result_attachment_download(request, pk: int):
    attachment = _attachment_for_user(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
    # The type read from the file's bytes at upload, never the uploaded name (core/downloads.py).
    return FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(attachment.original_name, attachment.kind, fallback="dinh-kem"),
        content_type=content_type_for(attachment.kind),
    )


@require_POST
@writer_required
def result_attachment_delete(request, pk: int):
    attachment = _attachment_for_user(request.user, pk, write=True)
    event_pk = attachment.report.event_id
    services.result_attachment_delete(attachment=attachment)
    messages.success(request, gettext("Đã xóa tệp đính kèm."))
    return redirect("oversight:result_report", event_pk=event_pk)


# --- Pilots and lessons ---------------------------------------------------------------


@staff_required
def pilots(request):
    campaign = _campaign()
    events = selectors.pilot_events(campaign=campaign)
    programmes = selectors.pilot_programmes(campaign=campaign)
    rows = [
        (
            e,
            PilotLessonForm(instance=getattr(e, "pilot_lesson", None), prefix=f"e{e.pk}"),
            programmes.get(e.unit_id),
        )
        for e in events
    ]
    can_write = is_staff_of_home_affairs(request.user)
    return render(request, "oversight/pilots.html", {"rows": rows, "can_write": can_write})


@require_POST
@staff_required
def pilot_lesson_save(request, event_pk: int):
    event = _event_for_user(request.user, event_pk, write=True)
    form = PilotLessonForm(request.POST, prefix=f"e{event.pk}")
    if form.is_valid():
        try:
            services.pilot_lesson_save(event=event, by=request.user, **form.cleaned_data)
            messages.success(
                request,
                gettext("Đã lưu ý kiến và bài học kinh nghiệm của %(name)s.") % {"name": event.unit.name},
            )
        except DomainError as exc:
            messages.error(request, exc.message)
    return redirect("oversight:pilots")


@login_required
def lessons(request):
    """Lessons learnt at the pilots: an officer sees its own tier's; the province sees all."""
    campaign = _campaign()
    tiers = campaign_tiers(campaign=campaign)
    if is_unit_officer(request.user):
        tier = tier_for_unit(campaign=campaign, unit=request.user.unit)
        tiers = [tier] if tier is not None else []
    groups = [(t, list(selectors.pilot_lessons_for_tier(tier=t))) for t in tiers]
    return render(request, "oversight/lessons.html", {"groups": groups})


# --- Budget --------------------------------------------------------------------------


@staff_required
def budget(request):
    campaign = _campaign()
    lines = list(selectors.budget_lines(campaign=campaign))
    summary = selectors.budget_summary(campaign=campaign)
    labels = dict(BudgetLine.Category.choices)
    if request.GET.get("export") == "xlsx":
        rows = [[labels[line.category], line.description, line.quantity, line.unit_price, line.total, line.notes]
                for line in lines]  # fmt: skip
        rows += [
            [gettext("Cộng: %(value)s") % {"value": labels[c]}, "", "", "", amount, ""]
            for c, amount in summary.by_category
            if amount
        ]
        rows.append([gettext("TỔNG CỘNG"), "", "", "", summary.total, ""])
        header = [
            gettext("Nhóm chi"),
            gettext("Nội dung chi"),
            gettext("Số lượng"),
            gettext("Đơn giá (đồng)"),
            gettext("Thành tiền (đồng)"),
            gettext("Ghi chú"),
        ]
        return xlsx_response(
            filename="du-toan-kinh-phi-dai-hoi.xlsx",
            title=gettext("Dự toán kinh phí"),
            header=header,
            rows=rows,
        )
    context = {
        "campaign": campaign,
        "lines": lines,
        "totals": [(labels[c], amount) for c, amount in summary.by_category],
        "total": summary.total,
        "can_write": is_staff_of_home_affairs(request.user),
    }
    return render(request, "oversight/budget.html", context)


@staff_required
def budget_line_add(request):
    campaign = _campaign()
    form = BudgetLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.budget_line_create(campaign=campaign, data=form.cleaned_data)
        messages.success(request, gettext("Đã thêm dòng dự toán."))
        return redirect("oversight:budget")
    return render(
        request, "oversight/budget_form.html", {"form": form, "title": gettext("Thêm dòng dự toán")}
    )


@staff_required
def budget_line_edit(request, pk: int):
    line = get_object_or_404(BudgetLine, pk=pk)
    form = BudgetLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        services.budget_line_update(line=line, data=form.cleaned_data)
        messages.success(request, gettext("Đã lưu dòng dự toán."))
        return redirect("oversight:budget")
    return render(request, "oversight/budget_form.html", {"form": form, "title": gettext("Sửa dòng dự toán")})


@require_POST
@staff_required
def budget_line_delete(request, pk: int):
    line = get_object_or_404(BudgetLine, pk=pk)
    services.budget_line_delete(line=line)
    messages.success(request, gettext("Đã xóa dòng dự toán."))
    return redirect("oversight:budget")


@staff_required
def reminders(request):
    overview = selectors.reminders_overview(campaign=_campaign(), today=portal_today())
    if request.GET.get("export") == "xlsx":
        return xlsx_response(filename="nhac-viec-da-gui.xlsx", title=gettext("Nhắc việc đã gửi"),
                             header=list(overview.HEADER), rows=overview.export_rows())  # fmt: skip
    context = {"overview": overview, "lead_days": settings.OVERSIGHT_REMINDER_LEAD_DAYS,
               "due_days": settings.OVERSIGHT_REPORT_DUE_DAYS}  # fmt: skip
    return render(request, "oversight/reminders.html", context)


# --- The summary's narrative sections (issue 11) ---------------------------------------------


def _narrative_page(request, campaign, *, form=None, status=200):
    sections = selectors.summary_narrative(
        campaign=campaign, summary=selectors.summary_tables(campaign=campaign)
    )
    if form is None:
        form = SummaryNarrativeForm(initial={s.code: s.text for s in sections})
    rows = [(s, form[s.code]) for s in sections]
    context = {
        "campaign": campaign,
        "rows": rows,
        "form": form,
        "can_write": is_staff_of_home_affairs(request.user),
    }
    return render(request, "oversight/summary_narrative.html", context, status=status)


@staff_required
def summary_narrative(request):
    """Sở Nội vụ reads the summary's sections as assembled from the reports, edits and saves them."""
    campaign = _campaign()
    if request.method != "POST":
        return _narrative_page(request, campaign)
    if not is_staff_of_home_affairs(request.user):
        raise PermissionDenied
    form = SummaryNarrativeForm(request.POST)
    if not form.is_valid():
        return _narrative_page(request, campaign, form=form, status=400)
    sections = selectors.summary_narrative(
        campaign=campaign, summary=selectors.summary_tables(campaign=campaign)
    )
    try:
        services.summary_narrative_save(campaign=campaign, texts=form.cleaned_data,
                                        drafts={s.code: s.draft for s in sections}, by=request.user)  # fmt: skip
    except DomainError as exc:
        messages.error(request, exc.message)
        return _narrative_page(request, campaign, form=form, status=400)
    messages.success(
        request, _("Đã lưu nội dung báo cáo tổng hợp; bản PDF và Word tạo từ nay dùng nội dung này.")
    )
    return redirect("oversight:summary_narrative")


@require_POST
@staff_required
def summary_narrative_restore(request):
    campaign = _campaign()
    if not is_staff_of_home_affairs(request.user):
        raise PermissionDenied
    form = NarrativeRestoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu không hợp lệ. Hãy tải lại trang và thử lại."))
        return redirect("oversight:summary_narrative")
    services.summary_narrative_restore(
        campaign=campaign, section=form.cleaned_data["section"], by=request.user
    )
    messages.success(request, _("Đã khôi phục bản tự động tổng hợp từ báo cáo của các đơn vị."))
    return redirect("oversight:summary_narrative")

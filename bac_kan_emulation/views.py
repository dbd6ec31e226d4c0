"""The portal's home page: one per role, composed from every app (so it lives above them all)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from attendance.selectors import reception_events
from congresses.selectors import campaign_active, campaign_map_day, campaign_tiers, tier_for_unit
from core.clock import today as portal_today
from oversight.selectors import WaitingWork, campaign_figures, waiting_work
from reports.renderers.pdf import render_pdf
from units.permissions import is_staff_of_home_affairs, sees_whole_province
from units.selectors import unit_children, unit_kind_counts

from .guide import GUIDES, GUIDES_BY_KEY, guide_key_for

OVERDUE_SHOWN = 8  # an officer's home lists this many overdue items of their units, then counts the rest


def _waiting_links(work: WaitingWork) -> list[dict]:
    """The to-do list's lines: what waits, how many, where to do it (only lines with work)."""
    lines = [
        (work.plans_to_review, _("Kế hoạch, chương trình chờ Sở Nội vụ xem xét"), reverse("congresses:plan_list") + "?status=submitted"),
        (work.plans_returned, _("Kế hoạch bị trả lại, cần sửa và nộp lại"), reverse("congresses:plan_list") + "?status=returned"),
        (work.nominations_to_review, _("Đề nghị khen thưởng chờ bạn xét"), reverse("honors:nomination_list") + "?status=pending"),
        (work.publications_to_review, _("Điển hình chờ duyệt công bố"), reverse("honors:publication_requests")),
        (work.reports_overdue, _("Sự kiện đã tổ chức, quá hạn báo cáo kết quả"), reverse("oversight:unreported")),
        (work.profiles_to_check, _("Thông tin ban hành văn bản chờ Sở Nội vụ kiểm tra"), reverse("units:list")),
        (work.reorganisations_pending, _("Sắp xếp đơn vị hành chính chờ áp dụng"), reverse("oversight:reorganisations")),
    ]  # fmt: skip
    if work.replacements_event_id is not None:
        lines.append((work.replacements_to_decide, _("Đại biểu xin cử người đi thay, chờ bạn quyết định"), reverse("attendance:manage", args=[work.replacements_event_id])))  # fmt: skip
    return [{"count": count, "label": label, "url": url} for count, label, url in lines if count]


@login_required
def home(request):
    user = request.user
    campaign = campaign_active()
    context: dict[str, object] = {"campaign": campaign}
    if sees_whole_province(user):
        tiers = campaign_tiers(campaign=campaign) if campaign else []
        counts = unit_kind_counts(on=campaign_map_day(campaign=campaign, tiers=tiers) if campaign else None)
        context["tier_rows"] = [
            {"tier": tier, "unit_count": sum(counts.get(kind, 0) for kind in tier.unit_kinds)}
            for tier in tiers
        ]
        if is_staff_of_home_affairs(user):
            template = "portal/home_staff.html"
            work = waiting_work(user=user, campaign=campaign, today=portal_today())
            context.update(waiting=_waiting_links(work), work=work)
        else:
            template = "portal/home_leadership.html"
            if campaign:
                context["headline"] = campaign_figures(campaign=campaign, tiers=list(tiers)).total.figures
                context["work"] = waiting_work(user=user, campaign=campaign, today=portal_today())
    else:
        unit = user.unit
        context["unit"] = unit
        context["tier"] = tier_for_unit(campaign=campaign, unit=unit) if campaign else None
        context["child_units"] = unit_children(unit=unit)
        work = waiting_work(user=user, campaign=campaign, today=portal_today())
        context.update(
            waiting=_waiting_links(work),
            work=work,
            overdue=work.overdue[:OVERDUE_SHOWN],
            overdue_more=max(len(work.overdue) - OVERDUE_SHOWN, 0),
        )
        context["reception_events"] = list(reception_events(user=user))
        template = "portal/home_officer.html"
    return render(request, template, context)


@login_required
def guide_index(request):
    """The user guides of every role, the reader's own first."""
    own = guide_key_for(request.user)
    guides = sorted(GUIDES, key=lambda guide: guide.key != own)
    return render(request, "guide/index.html", {"guides": guides, "own_key": own})


@login_required
def guide_page(request, key: str):
    guide = GUIDES_BY_KEY.get(key)
    if guide is None:
        raise Http404(_("Không có hướng dẫn này."))
    return render(request, "guide/page.html", {"guide": guide, "guides": GUIDES})


@login_required
def guide_pdf(request, key: str):
    guide = GUIDES_BY_KEY.get(key)
    if guide is None:
        raise Http404(_("Không có hướng dẫn này."))
    pdf = render_pdf(template_name="guide/pdf.html", context={"guide": guide})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="huong-dan-{guide.key}.pdf"'
    return response

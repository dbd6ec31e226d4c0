"""The documents of one event: its agenda, the invitations and the certificates."""

from datetime import date
from typing import Any

from django.utils import timezone

from attendance.selectors import invitation_extras
from attendance.services import invitations_ensure
from congresses.models import Campaign, Event

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.pdf import render_pdf
from .base import PDF, BaseExporter, Output, Progress


def issue_date(report: GeneratedReport) -> date:
    """The date a document is issued: the day its job was asked for (the same on every retry)."""
    return timezone.localdate(report.created_at) if report.created_at else timezone.localdate()


def committee_context(report: GeneratedReport, event: Event, doc_type: str) -> dict[str, Any]:
    """Heading, number ("Số: …/GM-BTC") and date line of a document of the organising committee."""
    heading = selectors.event_heading(event)
    body = heading["body"]
    return {
        "heading": heading,
        "number_code": f"{doc_type}-{body.committee_symbol}",
        "date_line": domain.place_date_line(body.place, issue_date(report)),
    }


def _event(report: GeneratedReport) -> Event:
    event = selectors.event_get(pk=report.event_id) if report.event_id else None
    if event is None:
        raise LookupError("Sự kiện của văn bản không còn tồn tại.")
    return event


class AgendaExporter(BaseExporter):
    identifier = "agenda"
    verbose_name = "Chương trình"

    def check(self, *, event, campaign, params):
        if event is not None and not selectors.agenda_items(event=event):
            return "Sự kiện chưa có chương trình: hãy tạo chương trình theo mẫu trước khi in."
        return ""

    def title(self, *, event, campaign, params):
        count = len(selectors.agenda_items(event=event)) if event is not None else 0
        return f"Chương trình ({count} mục)"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = _event(report)
        context = {**committee_context(report, event, "CT"), "items": selectors.agenda_items(event=event)}
        return Output(render_pdf(template_name="reports/pdf/agenda.html", context=context,
                                 on_progress=progress), "pdf", PDF)  # fmt: skip


class InvitationsExporter(BaseExporter):
    identifier = "invitations"
    verbose_name = "Giấy mời"

    def _delegates(self, event: Event, params: dict[str, Any]):
        delegates = selectors.event_delegates(event=event)
        if params.get("delegate_id"):
            delegates = delegates.filter(pk=params["delegate_id"])
        return delegates

    def check(self, *, event, campaign, params):
        if event is not None and not self._delegates(event, params).exists():
            if params.get("delegate_id"):
                return "Không tìm thấy đại biểu này trong danh sách của sự kiện."
            return "Sự kiện chưa có đại biểu nào để in giấy mời."
        return ""

    def title(self, *, event, campaign, params):
        if event is not None and params.get("delegate_id"):
            delegate = self._delegates(event, params).first()
            if delegate is not None:
                return f"Giấy mời: {domain.honorific(delegate.gender)} {delegate.full_name}"
        count = self._delegates(event, params).count() if event is not None else 0
        return f"Giấy mời: toàn bộ đại biểu ({count} người)"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = _event(report)
        invitations_ensure(event=event)  # each letter carries the delegate's personal code
        delegates = list(self._delegates(event, report.params))
        extras = invitation_extras([d.pk for d in delegates])
        pages = [
            {
                "salutation": domain.honorific(d.gender),
                "full_name": d.full_name,
                "details": ", ".join(p for p in (d.position, d.collective_name or d.workplace) if p),
                "extra": extras.get(d.pk, {}),
            }
            for d in delegates
        ]
        context = committee_context(report, event, "GM")
        pdf = render_pdf(template_name="reports/pdf/invitations.html", context=context, pages=pages,
                         on_progress=progress)  # fmt: skip
        return Output(pdf, "pdf", PDF)


class CertificatesExporter(BaseExporter):
    identifier = "certificates"
    verbose_name = "Giấy khen, Bằng khen"

    def check(self, *, event, campaign, params):
        if event is not None and not selectors.event_certificate_honours(event=event).exists():
            return "Sự kiện chưa có điển hình nào được khen thưởng bằng Giấy khen hoặc Bằng khen."
        return ""

    def title(self, *, event, campaign, params):
        count = selectors.event_certificate_honours(event=event).count() if event is not None else 0
        return f"Giấy khen, Bằng khen ({count} bản)"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = _event(report)
        campaign: Campaign = event.campaign
        pages = []
        for honour in selectors.event_certificate_honours(event=event):
            exemplar = honour.exemplar
            decision = honour.decision
            individual = exemplar.kind == "individual"
            pages.append(
                {
                    "award": domain.certificate_heading(honour.award_type.name),
                    "grantor": decision.issuer,
                    "recipient": (
                        f"{domain.honorific(exemplar.gender)} {exemplar.name}"
                        if individual
                        else exemplar.name
                    ),  # fmt: skip
                    "position": exemplar.position if individual else "",
                    "decision_number": decision.number,
                    "date_line": domain.place_date_line(decision.place, decision.date),
                    "signer": decision.signer,
                }
            )
        context = {
            "heading": selectors.event_heading(event),
            "period": f"{campaign.period_start_year} - {campaign.period_end_year}",
        }
        pdf = render_pdf(template_name="reports/pdf/certificates.html", context=context, pages=pages,
                         on_progress=progress)  # fmt: skip
        return Output(pdf, "pdf", PDF)

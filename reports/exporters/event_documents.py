"""The documents of one event: its agenda and the invitations, each as PDF and as its Word twin."""

from datetime import date
from typing import Any

from django.utils import timezone

from attendance.selectors import invitation_extras
from attendance.services import invitations_ensure
from congresses.models import Event
from core.clock import fixed_today

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.docx import Block, Grid, Page, Text, WordDocument, field_marker, render_docx
from ..renderers.pdf import render_pdf
from . import word
from .base import PDF, BaseExporter, Output, Progress, docx_output, output_format


def issue_date(report: GeneratedReport) -> date:
    """The date a document is issued: the day its job was asked for (the same on every retry), or
    the portal's frozen day in the demo (a letter for the congress of 26/09/2025 is dated inside
    the campaign, not years after it)."""
    if (frozen := fixed_today()) is not None:
        return frozen
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


def event_of(report: GeneratedReport) -> Event:
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
        event = event_of(report)
        context = {**committee_context(report, event, "CT"), "items": selectors.agenda_items(event=event)}
        if output_format(report.params) == "docx":
            return docx_output(render_docx(agenda_word(context)))
        return Output(render_pdf(template_name="reports/pdf/agenda.html", context=context,
                                 on_progress=progress), "pdf", PDF)  # fmt: skip


def agenda_word(context: dict[str, Any]) -> WordDocument:
    heading, body = context["heading"], context["heading"]["body"]
    rows = [
        (str(n), item.start_time.strftime("%H giờ %M") if item.start_time else "", item.title, item.speaker)
        for n, item in enumerate(context["items"], start=1)
    ]
    return WordDocument([
        word.heading(body, number_code=context["number_code"], date_line=context["date_line"]),
        word.title("CHƯƠNG TRÌNH"),
        *word.event_block(heading),
        Grid(("TT", "Thời gian", "Nội dung", "Người thực hiện"), rows, widths_mm=(12, 28, 75, 50), size=13,
             aligns=("center", "center", "left", "left")),
        word.signature(body),
    ])  # fmt: skip


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

    def pages(self, event: Event, params: dict[str, Any]) -> list[dict[str, Any]]:
        """One letter per delegate: salutation, name, details, personal code (QR) and seat."""
        invitations_ensure(event=event)  # each letter carries the delegate's personal code
        delegates = list(self._delegates(event, params))
        extras = invitation_extras([d.pk for d in delegates])
        return [
            {
                "salutation": domain.honorific(d.gender),
                "full_name": d.full_name,
                "details": ", ".join(p for p in (d.position, d.collective_name or d.workplace) if p),
                "extra": extras.get(d.pk, {}),
            }
            for d in delegates
        ]

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = event_of(report)
        pages = self.pages(event, report.params)
        context = committee_context(report, event, "GM")
        if output_format(report.params) == "docx":
            return docx_output(render_docx(invitations_word(context, pages)))
        pdf = render_pdf(template_name="reports/pdf/invitations.html", context=context, pages=pages,
                         on_progress=progress)  # fmt: skip
        return Output(pdf, "pdf", PDF)


def invitations_word(context: dict[str, Any], pages: list[dict[str, Any]]) -> WordDocument:
    """One letter per delegate, each on its own page, with the PDF's words (invitations.html):
    the letter is laid out once with its fields and repeated for each delegate."""
    heading, body = context["heading"], context["heading"]["body"]
    salutation, name, details = field_marker("salutation"), field_marker("full_name"), field_marker("details")
    letter: list[Block] = [
        word.heading(body, number_code=context["number_code"], date_line=context["date_line"]),
        word.title("GIẤY MỜI"),
        Text(f"Kính gửi: {salutation} {name}", bold=True, align="center", space_before=14, space_after=0),
        Text(details, align="center", space_after=10),
        Text(f"Ban Tổ chức trân trọng kính mời {salutation} đến dự", indent=True),
        *word.event_block(heading),
        Text(f"{heading['start_time']}, {heading['session_words']} {heading['date_words']}.",
             lead="Thời gian: ", indent=True, space_after=4),
        Text(f"{heading['venue']}.", lead="Địa điểm: ", indent=True, space_after=0),
        Text(field_marker("seat_line"), indent=True, space_after=8),
        Text(f"Sự có mặt của {salutation} góp phần vào thành công của {heading['kind_word']}.", indent=True),
        Text("Rất hân hạnh được đón tiếp!", indent=True),
        Text(field_marker("code_line"), italic=True, align="left", space_before=6),
        word.signature(body),
    ]  # fmt: skip
    return WordDocument(
        letter, Page(page_numbers=False), repeat=[_word_letter_fields(page) for page in pages]
    )


def _word_letter_fields(page: dict[str, Any]) -> dict[str, str]:
    """A letter's values for the Word twin: the PDF's seat line, and its personal code with the
    answer link written out (the Word letter carries no QR picture, so the link is typed)."""
    extra = page.get("extra") or {}
    seat, code, link = extra.get("seat", ""), extra.get("short_code", ""), extra.get("link", "")
    return {
        "salutation": page["salutation"],
        "full_name": page["full_name"],
        "details": page["details"],
        "seat_line": f"Chỗ ngồi: {seat}." if seat else "",
        "code_line": (
            f"Mã đại biểu: {code}. Xin trả lời giấy mời tại {link} và xuất trình mã này khi đến dự."
            if code else ""
        ),
    }  # fmt: skip

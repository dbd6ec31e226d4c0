"""Giấy khen and Bằng khen of an event, from each honour's decision and its issuing body's profile.

The grantor ("CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN CHỢ RÃ"), the place of the date line and the
lines over the signature come from the document profile of the body that issued the decision
(never from the event's unit or the catalogue's generic name); the decision's number, date and
signer from the decision. Three modes: the full design on A4 landscape, only the variable text at
the calibrated positions of the pre-printed blank, and the blank's test print with its marks.
"""

from typing import Any

from congresses.models import Event
from honors.models import Honour

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.docx import Page, PageBreak, Signature, Text, WordDocument, render_docx
from ..renderers.pdf import render_pdf
from .base import PDF, BaseExporter, Output, Progress, docx_output, output_format
from .event_documents import event_of

MODES = {"full": "", "blank": "in trên phôi", "calibration": "trang in thử căn chỉnh phôi"}
TEMPLATES = {
    "full": "reports/pdf/certificates.html",
    "blank": "reports/pdf/certificates_blank.html",
    "calibration": "reports/pdf/certificates_calibration.html",
}


def certificate_mode(params: dict[str, Any]) -> str:
    mode = str(params.get("mode") or "full")
    return mode if mode in MODES else "full"


def merit_line(event: Event) -> str:
    campaign = event.campaign
    return (
        f"Đã có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn "
        f"{campaign.period_start_year} - {campaign.period_end_year}, được biểu dương, tôn vinh tại "
        f"{event.name} lần thứ {event.ordinal}."
    )


def certificate_pages(event: Event, honours: list[Honour]) -> list[dict[str, Any]]:
    """One page of finished values per certificate (the same for the PDF, the blank and Word)."""
    issuers = selectors.DecisionIssuers()
    merit = merit_line(event)
    pages = []
    for honour in honours:
        exemplar, decision = honour.exemplar, honour.decision
        issuer = issuers.for_honour(honour)
        if issuer is None:
            raise LookupError(
                f"Không xác định được cơ quan ban hành Quyết định số {decision.number}; "
                "hãy ghi cơ quan ban hành của quyết định."
            )
        individual = exemplar.kind == "individual"
        pages.append(
            {
                "award": domain.certificate_heading(honour.award_type.name),
                "grantor": f"{issuer.head_title} {issuer.name}".strip(),
                "recipient": f"{domain.honorific(exemplar.gender)} {exemplar.name}" if individual else exemplar.name,
                "position": exemplar.position if individual else "",
                "merit": merit,
                "decision": domain.decision_words(decision.number, decision.date),
                "date_line": domain.place_date_line(issuer.place, decision.date),
                "signature_lines": issuer.certificate_signature_lines,
                "signer": decision.signer or issuer.signer_name,
                "offset_mm": issuer.blank_offset_mm,
                "issuer_unit_id": issuer.unit_id,
                "issuer_name": issuer.name,
            }
        )  # fmt: skip
    return pages


def placed(page: dict[str, Any]) -> list[dict[str, Any]]:
    """The variable lines of one certificate at their calibrated places on the blank."""
    text = {
        "grantor": page["grantor"],
        "recipient": page["recipient"],
        "position": page["position"],
        "merit": page["merit"],
        "decision": page["decision"],
        "date_line": page["date_line"],
        "signature": "\n".join(page["signature_lines"]),
        "signer": page["signer"],
    }
    fields = []
    for field in domain.BLANK_FIELDS:
        x, y = domain.blank_position(field, page["offset_mm"])
        fields.append({"field": field, "x": x, "y": y, "text": text[field.name]})
    return fields


def calibration_pages(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One test page per issuing body: the marks of every field at that body's saved shift."""
    seen: dict[int, dict[str, Any]] = {}
    for page in pages:
        seen.setdefault(page["issuer_unit_id"], page)
    return [
        {
            "issuer_name": page["issuer_name"],
            "offset_label": tuple(f"{v:g}".replace(".", ",") for v in page["offset_mm"]),
            "fields": [
                {
                    "field": f,
                    "x": x,
                    "y": y,
                    "cross_x": round(x - 5, 1),
                    "cross_y": round(y - 5, 1),
                    "where": f"{x:.1f}; {y:.1f}".replace(".", ","),
                }  # fmt: skip
                for f in domain.BLANK_FIELDS
                for x, y in [domain.blank_position(f, page["offset_mm"])]
            ],
        }
        for page in seen.values()
    ]


def certificates_word(pages: list[dict[str, Any]]) -> WordDocument:
    """The full design as a Word document: one landscape page per certificate."""
    document = WordDocument(page=Page(landscape=True, left=30, right=20, page_numbers=False))
    for index, page in enumerate(pages):
        if index:
            document.blocks.append(PageBreak())
        document.blocks += [
            Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align="center", space_after=0),
            Text("Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align="center", space_after=12),
            Text(page["grantor"], size=15, bold=True, align="center", upper=True, space_after=0),
            Text("TẶNG", bold=True, align="center", space_after=4),
            Text(page["award"], size=36, bold=True, align="center", upper=True, space_after=4),
            Text(page["recipient"], size=22, bold=True, align="center", space_after=2),
            *([Text(page["position"], align="center", space_after=2)] if page["position"] else []),
            Text(page["merit"], italic=True, align="center", space_after=10),
            Signature(page["signature_lines"], page["signer"], (page["decision"],), page["date_line"], ""),
        ]  # fmt: skip
    return document


class CertificatesExporter(BaseExporter):
    identifier = "certificates"
    verbose_name = "Giấy khen, Bằng khen"

    def check(self, *, event, campaign, params):
        if event is not None and not selectors.event_certificate_honours(event=event).exists():
            return "Sự kiện chưa có điển hình nào được khen thưởng bằng Giấy khen hoặc Bằng khen."
        if certificate_mode(params) != "full" and output_format(params) != "pdf":
            return "In trên phôi và trang in thử chỉ có bản PDF (in đúng vị trí trên giấy)."
        return ""

    def title(self, *, event, campaign, params):
        count = selectors.event_certificate_honours(event=event).count() if event is not None else 0
        mode = MODES[certificate_mode(params)]
        return f"Giấy khen, Bằng khen ({count} bản{', ' + mode if mode else ''})"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = event_of(report)
        pages = certificate_pages(event, list(selectors.event_certificate_honours(event=event)))
        mode = certificate_mode(report.params)
        if output_format(report.params) == "docx":
            return docx_output(render_docx(certificates_word(pages)))
        if mode == "blank":
            pages = [{"fields": placed(page)} for page in pages]
        elif mode == "calibration":
            pages = calibration_pages(pages)
        context = {"heading": selectors.event_heading(event), "rulers_x": range(0, 297, 5),
                   "rulers_y": range(0, 210, 5)}  # fmt: skip
        pdf = render_pdf(template_name=TEMPLATES[mode], context=context, pages=pages, on_progress=progress)
        return Output(pdf, "pdf", PDF)

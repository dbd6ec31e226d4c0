"""The Quyết định khen thưởng (commendation decision) and its attached list (Danh sách kèm theo)
with each honour's reward money and the total, as PDF and as its Word twin.

Heading, place and signature lines come from the document profile of the body that issued the
decision (selectors.DecisionIssuers, as the certificates); the number, date and signer from the
decision itself; the amounts from honors.selectors (coefficient x base salary in force on the
decision date, Nghị định 152/2025/NĐ-CP). Layout: Decree 30/2020/NĐ-CP (reports/pdf/_base.html).
"""

from dataclasses import replace
from typing import Any

from core.text import format_vnd
from honors.models import AwardDecision
from honors.selectors import decision_honours

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.docx import Grid, Heading, PageBreak, Text, WordDocument, render_docx
from ..renderers.pdf import render_pdf
from . import word
from .base import PDF, BaseExporter, Output, Progress, docx_output, output_format
from .event_documents import event_of

LEGAL_BASES = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực "
    "thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;",
)
LIST_HEADER = ("STT", "Họ tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức", "Tiền thưởng (đồng)")


def _decision(event, params: dict[str, Any]) -> AwardDecision | None:
    if event is None or not params.get("decision_id"):
        return None
    return AwardDecision.objects.filter(event=event, pk=params["decision_id"]).first()


def decision_context(decision: AwardDecision) -> dict[str, Any]:
    """Finished values of the decision and its list (the same for the PDF and Word)."""
    honours = decision_honours(decision=decision)
    if not honours:
        raise LookupError(f"Quyết định số {decision.number} chưa có tập thể, cá nhân nào được khen thưởng.")
    issuer = selectors.DecisionIssuers().for_honour(honours[0])
    if issuer is None:
        raise LookupError(
            f"Không xác định được cơ quan ban hành Quyết định số {decision.number}; "
            "hãy ghi cơ quan ban hành của quyết định."
        )
    body = replace(issuer, signer_name=decision.signer or issuer.signer_name,
                   recipients=issuer.recipients or ("- Như Điều 3;", "- Lưu: VT."))  # fmt: skip
    forms = list(dict.fromkeys(h.award_type.name for h in honours))
    authority = f"{issuer.head_title} {issuer.name}".strip().upper()
    total = sum(h.reward.amount or 0 for h in honours)
    rows = [
        (
            str(n),
            h.exemplar.name,
            ", ".join(p for p in (h.exemplar.position, h.exemplar.unit.name) if p),
            h.award_type.name,
            format_vnd(h.reward.amount).removesuffix(" đ") if h.reward.amount is not None else "",
        )
        for n, h in enumerate(honours, start=1)
    ]
    count = len(honours)
    return {
        "body": body,
        "number": decision.number,
        "date_line": domain.place_date_line(issuer.place, decision.date),
        "subject": f"Về việc tặng {', '.join(forms)}",
        "authority": authority,
        "legal_bases": LEGAL_BASES,
        "articles": (
            f"Điều 1. Tặng {', '.join(forms)} cho {count} tập thể, cá nhân (có danh sách kèm theo) đã có "
            f"thành tích xuất sắc trong phong trào thi đua yêu nước, được biểu dương tại {decision.event.name}.",
            f"Điều 2. Tiền thưởng kèm theo: {format_vnd(total)}, theo Nghị định số 152/2025/NĐ-CP; "
            "chi từ quỹ thi đua, khen thưởng theo quy định.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị liên quan và các tập thể, "
            "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ),
        "list_caption": f"(Kèm theo {domain.decision_words(decision.number, decision.date)} của {decision.issuer})",
        "rows": rows,
        "total": format_vnd(total).removesuffix(" đ"),
    }


def award_decision_word(context: dict[str, Any]) -> WordDocument:
    body = context["body"]
    return WordDocument([
        Heading(body.governing_name, body.name_lines, "", context["date_line"], number=context["number"]),
        word.title("QUYẾT ĐỊNH"),
        Text(context["subject"], bold=True, align="center", space_after=10),
        Text(context["authority"], bold=True, align="center", space_after=8),
        *[Text(line, italic=True, indent=True, space_after=2) for line in context["legal_bases"]],
        Text("QUYẾT ĐỊNH:", bold=True, align="center", space_before=8, space_after=6),
        *[Text(article, indent=True, space_after=4) for article in context["articles"]],
        word.signature(body),
        PageBreak(),
        word.title("DANH SÁCH", space_before=0),
        Text(context["subject"], bold=True, align="center", space_after=0),
        Text(context["list_caption"], italic=True, align="center", space_after=10),
        Grid(LIST_HEADER, [*context["rows"], ("", "Tổng cộng", "", "", context["total"])],
             widths_mm=(12, 45, 50, 40, 28), size=12, bold_last_row=True,
             aligns=("center", "left", "left", "left", "right")),
    ])  # fmt: skip


class AwardDecisionExporter(BaseExporter):
    identifier = "award_decision"
    verbose_name = "Quyết định khen thưởng"

    def check(self, *, event, campaign, params):
        decision = _decision(event, params)
        if decision is None:
            return "Không tìm thấy quyết định khen thưởng này của sự kiện."
        if not decision.honours.exists():
            return f"Quyết định số {decision.number} chưa có tập thể, cá nhân nào được khen thưởng."
        return ""

    def title(self, *, event, campaign, params):
        decision = _decision(event, params)
        return f"Quyết định khen thưởng số {decision.number}" if decision else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        decision = _decision(event_of(report), report.params)
        if decision is None:
            raise LookupError("Quyết định khen thưởng của văn bản không còn tồn tại.")
        context = decision_context(decision)
        if output_format(report.params) == "docx":
            return docx_output(render_docx(award_decision_word(context)))
        pdf = render_pdf(
            template_name="reports/pdf/award_decision.html", context=context, on_progress=progress
        )
        return Output(pdf, "pdf", PDF)

"""The Quyết định khen thưởng (commendation decision) and its attached list (Danh sách kèm theo)
with each honour's reward money and the total, as PDF and as its Word twin.

Heading, place and signature lines come from the document profile of the body that issued the
decision (selectors.DecisionIssuers, as the certificates); the number, date and signer from the
decision itself; the amounts from honors.selectors (coefficient x base salary in force on the
decision date, Nghị định 152/2025/NĐ-CP). Layout: Decree 30/2020/NĐ-CP (reports/pdf/_base.html).
"""

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from core.text import format_vnd, vnd_in_words
from honors.models import AwardDecision
from honors.selectors import decision_honours, event_submission_entry
from units.domain import body_in_sentence, head_in_sentence
from units.models import DocumentSigner
from units.selectors import document_issuer

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.docx import Grid, PageBreak, Text, WordDocument, render_docx
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


def money(amount: int | None) -> str:
    """An amount in the list's money column: "1.410.000" (the column says "đồng")."""
    return format_vnd(amount).removesuffix(" đ") if amount is not None else ""


def list_rows(items: Iterable[tuple[Any, Any, Any]]) -> list[tuple[str, ...]]:
    """The attached list's rows from (exemplar, award form, reward amount) triples."""
    return [
        (
            str(n),
            exemplar.name,
            ", ".join(p for p in (exemplar.position, exemplar.unit.name) if p),
            award.name,
            money(reward.amount),
        )
        for n, (exemplar, award, reward) in enumerate(items, start=1)
    ]


def list_word_blocks(context: dict[str, Any], *, title: str) -> list:
    """The Word twin of _award_list.html: title, subject, caption, the table and the total in words."""
    return [
        word.title(title, space_before=0),
        Text(context["subject"], bold=True, align="center", space_after=0),
        Text(context["list_caption"], italic=True, align="center", space_after=10),
        Grid(LIST_HEADER, [*context["rows"], ("", "Tổng cộng", "", "", context["total"])],
             widths_mm=(12, 45, 50, 40, 28), size=12, bold_last_row=True,
             aligns=("center", "left", "left", "left", "right")),
        Text(f"Bằng chữ: {context['total_words']}", italic=True, space_before=6),
    ]  # fmt: skip


def _decision(event, params: dict[str, Any]) -> AwardDecision | None:
    if event is None or not params.get("decision_id"):
        return None
    return AwardDecision.objects.filter(event=event, pk=params["decision_id"]).first()


def _proposal_line(decision: AwardDecision, issuer, honours: list) -> str:
    """ "Xét đề nghị của Chủ tịch Ủy ban nhân dân huyện Ba Bể tại Tờ trình số 3/TTr-UBND ngày …"."""
    event = decision.event
    unit = event.unit
    event_head = head_in_sentence(
        unit_kind=unit.kind, unit_name=unit.name,
        head_title=document_issuer(unit=unit, purpose=DocumentSigner.Purpose.DECISION).head_title
        if unit.pk != issuer.unit_id else "",
    )  # fmt: skip
    proposers = domain.decision_proposers(
        issuing_unit_id=issuer.unit_id,
        event_unit=(unit.pk, event_head),
        exemplar_units=[(h.exemplar.unit.pk, body_in_sentence(unit_kind=h.exemplar.unit.kind,
                                                             unit_name=h.exemplar.unit.name)) for h in honours],
    )  # fmt: skip
    entry = (
        event_submission_entry(event=event, on_or_before=decision.date) if unit.pk != issuer.unit_id else None
    )
    submission = f"Tờ trình số {entry.number} ngày {entry.date:%d/%m/%Y}" if entry is not None else ""
    return domain.proposal_line(proposers=proposers, organiser=event.name, submission=submission)


def _money_article(honours: list, total: int) -> str:
    """Điều 2: each amount (per form, individual or collective) and the total, in figures and words."""
    amounts = dict.fromkeys(
        (h.award_type.name, h.exemplar.kind, h.reward.amount) for h in honours if h.reward.amount
    )
    parts = [
        f"mỗi {'tập thể' if kind == 'collective' else 'cá nhân'} được tặng {award} "
        f"{domain.amount_with_words(amount)}"
        for award, kind, amount in amounts
    ]
    each = f" {'; '.join(parts)}." if parts else ""
    return (
        f"Điều 2. Tiền thưởng kèm theo, theo Nghị định số 152/2025/NĐ-CP:{each} Tổng số tiền thưởng: "
        f"{domain.amount_with_words(total)}; chi từ quỹ thi đua, khen thưởng theo quy định."
    )


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
    proposal = _proposal_line(decision, issuer, honours)
    authority = f"{issuer.head_title} {issuer.name}".strip().upper()
    total = sum(h.reward.amount or 0 for h in honours)
    rows = list_rows((h.exemplar, h.award_type, h.reward) for h in honours)
    count = len(honours)
    return {
        "body": body,
        "number": decision.number,
        "date_line": domain.place_date_line(issuer.place, decision.date),
        "subject": f"Về việc tặng {', '.join(forms)}",
        "authority": authority,
        "legal_bases": LEGAL_BASES,
        "proposal": proposal,
        "articles": (
            f"Điều 1. Tặng {', '.join(forms)} cho {count} tập thể, cá nhân (có danh sách kèm theo) đã có "
            f"thành tích xuất sắc trong phong trào thi đua yêu nước, được biểu dương tại {decision.event.name}.",
            _money_article(honours, total),
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị liên quan và các tập thể, "
            "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ),
        "list_caption": f"(Kèm theo {domain.decision_words(decision.number, decision.date)} của {decision.issuer})",
        "rows": rows,
        "list_title": "DANH SÁCH",
        "total": money(total),
        "total_words": vnd_in_words(total),
    }


def award_decision_word(context: dict[str, Any]) -> WordDocument:
    body = context["body"]
    return WordDocument([
        word.numbered_heading(body, number=context["number"], date_line=context["date_line"]),
        word.title("QUYẾT ĐỊNH"),
        Text(context["subject"], bold=True, align="center", space_after=10),
        Text(context["authority"], bold=True, align="center", space_after=8),
        *[Text(line, italic=True, indent=True, space_after=2) for line in context["legal_bases"]],
        Text(context["proposal"], italic=True, indent=True, space_after=2),
        Text("QUYẾT ĐỊNH:", bold=True, align="center", space_before=8, space_after=6),
        *[Text(article, indent=True, space_after=4) for article in context["articles"]],
        word.signature(body),
        PageBreak(),
        *list_word_blocks(context, title=context["list_title"]),
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

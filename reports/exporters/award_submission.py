"""The Tờ trình đề nghị khen thưởng (submission to the higher authority) and its attached list
(Danh sách kèm theo), built from the event's accepted proposals, as PDF and as its Word twin.

The organising unit of the event submits, under its document profile (heading, place and
signature of its decisions' signer, "Nơi nhận: Như trên; Lưu: VT."); its number "3/TTr-UBND" is
the next of the unit's register of submissions for the year, taken the first time the submission
is made and kept for its PDF, its Word and later prints. "Kính gửi" names the head of each body
that grants a proposed form (the rulebook's choice, as for a decision); the figures count the
individuals and collectives per form and the reward money of each (honors' one money rule,
Nghị định 152/2025/NĐ-CP, on the submission's date). Layout: Decree 30/2020/NĐ-CP.
"""

from dataclasses import replace
from typing import Any

from django.utils.translation import gettext_lazy

from congresses import rules
from core.clock import today
from core.text import vnd_in_words
from honors.domain import proposal_tally
from honors.models import Nomination
from honors.selectors import (
    event_accepted_nomination_count,
    event_accepted_nominations,
    unit_latest_decision_signer,
)
from honors.services import submission_register_entry
from units.domain import body_in_sentence, head_in_sentence
from units.models import DocumentSigner
from units.selectors import IssuerBlock, document_issuer

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.docx import PageBreak, Text, WordDocument, render_docx
from ..renderers.pdf import render_pdf
from . import word
from .award_decision import LEGAL_BASES, list_rows, list_word_blocks, money
from .base import PDF, BaseExporter, Output, Progress, docx_output, output_format
from .event_documents import event_of

NO_PROPOSAL = gettext_lazy(
    "Sự kiện chưa có đề nghị khen thưởng nào được đồng ý, nên chưa lập được tờ trình. "
    "Hãy xét các đề nghị (Đồng ý hoặc Nâng mức) trước."
)


def submission_refusal(accepted: int) -> str:
    """Why no submission can be drawn up yet ("" when it can): the one rule the exporter's check
    and the documents page's button both ask."""
    return "" if accepted else str(NO_PROPOSAL)


def _addressees(nominations: list[Nomination]) -> tuple[str, ...]:
    """The head of each body that grants a proposed form, each once, in the list's order."""
    blocks: dict[int, IssuerBlock] = {}
    names: list[str] = []
    for nomination in nominations:
        authority, unit = selectors.nomination_granting_body(nomination)
        if unit is None:
            names.append(rules.authority_label(authority) if authority else "")
            continue
        if unit.pk not in blocks:
            blocks[unit.pk] = document_issuer(unit=unit, purpose=DocumentSigner.Purpose.DECISION)
        names.append(
            head_in_sentence(unit_kind=unit.kind, unit_name=unit.name, head_title=blocks[unit.pk].head_title)
        )
    return tuple(dict.fromkeys(name for name in names if name))


def submission_context(event) -> dict[str, Any]:
    """Finished values of the submission and its list (the same for the PDF and Word)."""
    on = today()
    nominations = event_accepted_nominations(event=event, on=on)
    if not nominations:
        raise LookupError(str(NO_PROPOSAL))
    unit = event.unit
    proposer = body_in_sentence(unit_kind=unit.kind, unit_name=unit.name)
    issuer = document_issuer(unit=unit, purpose=DocumentSigner.Purpose.DECISION)
    body = replace(issuer, recipients=("- Như trên;", "- Lưu: VT."),
                   signer_name=issuer.signer_name or unit_latest_decision_signer(unit=unit))  # fmt: skip
    forms = list(dict.fromkeys(n.decided_award.name for n in nominations if n.decided_award))
    subject = f"Về việc đề nghị tặng {', '.join(forms)}"
    entry = submission_register_entry(
        event=event, unit=unit, on=on, title=f"Tờ trình {subject[:1].lower()}{subject[1:]}"
    )
    addressees = _addressees(nominations)
    to_whom = ", ".join(addressees)
    tally = proposal_tally(
        (n.decided_award.name if n.decided_award else "", n.exemplar.kind, n.reward.amount)
        for n in nominations
    )
    counts = [
        f"- {row.award}: "
        + ", ".join(part for part in (f"{row.individuals} cá nhân" if row.individuals else "",
                                       f"{row.collectives} tập thể" if row.collectives else "") if part)
        + (f"; tiền thưởng {money(row.amount)} đồng;" if row.amount else ";")
        for row in tally.rows
    ]  # fmt: skip
    whole = ", ".join(p for p in (f"{tally.collectives} tập thể" if tally.collectives else "",
                                  f"{tally.individuals} cá nhân" if tally.individuals else "") if p)  # fmt: skip
    paragraphs = (
        f"Căn cứ kết quả bình xét, đề nghị khen thưởng các tập thể, cá nhân tiêu biểu tại {event.name};",
        f"{proposer} kính trình {to_whom} xem xét, khen thưởng cho {whole} (có danh sách kèm theo) đã có "
        "thành tích xuất sắc trong phong trào thi đua yêu nước, cụ thể:",
    )
    money_line = (
        f"Tổng số tiền thưởng đề nghị: {domain.amount_with_words(tally.total)}, tính theo Nghị định số "
        "152/2025/NĐ-CP (hệ số × mức lương cơ sở áp dụng vào ngày lập tờ trình, làm tròn lên hàng chục nghìn đồng)."
    )
    submission_words = f"Tờ trình số {entry.number} ngày {entry.date:%d/%m/%Y}"
    return {
        "body": body,
        "number": entry.number,
        "date_line": domain.place_date_line(issuer.place, entry.date),
        "subject": subject,
        "addressees": addressees,
        "legal_bases": LEGAL_BASES,
        "paragraphs": paragraphs,
        "counts": counts,
        "money_line": money_line,
        "closing": f"{proposer} kính trình {to_whom} xem xét, quyết định./.",
        "list_title": "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "list_caption": f"(Kèm theo {submission_words} của {proposer})",
        "rows": list_rows((n.exemplar, n.decided_award, n.reward) for n in nominations),
        "total": money(tally.total),
        "total_words": vnd_in_words(tally.total),
        "individuals": tally.individuals,
        "collectives": tally.collectives,
    }


def award_submission_word(context: dict[str, Any]) -> WordDocument:
    body = context["body"]
    addressees = context["addressees"]
    to_lines = (
        [Text(f"Kính gửi: {addressees[0]}.", align="center", space_before=6, space_after=10)]
        if len(addressees) == 1
        else [Text("Kính gửi:", align="center", space_before=6, space_after=0),
              *[Text(f"- {name};", align="center", space_after=0) for name in addressees]]
    )  # fmt: skip
    return WordDocument([
        word.numbered_heading(body, number=context["number"], date_line=context["date_line"]),
        word.title("TỜ TRÌNH"),
        Text(context["subject"], bold=True, align="center", space_after=6),
        *to_lines,
        *[Text(line, italic=True, indent=True, space_after=2) for line in context["legal_bases"]],
        *[Text(line, indent=True, space_after=4) for line in context["paragraphs"]],
        *[Text(line, indent=True, space_after=2) for line in context["counts"]],
        Text(context["money_line"], indent=True, space_before=4, space_after=4),
        Text(context["closing"], indent=True, space_after=4),
        word.signature(body),
        PageBreak(),
        *list_word_blocks(context, title=context["list_title"]),
    ])  # fmt: skip


class AwardSubmissionExporter(BaseExporter):
    identifier = "award_submission"
    verbose_name = "Tờ trình đề nghị khen thưởng"

    def check(self, *, event, campaign, params):
        if event is None:
            return "Tờ trình đề nghị khen thưởng được lập cho một sự kiện."
        return submission_refusal(event_accepted_nomination_count(event=event))

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        context = submission_context(event_of(report))
        if output_format(report.params) == "docx":
            return docx_output(render_docx(award_submission_word(context)))
        pdf = render_pdf(
            template_name="reports/pdf/award_submission.html", context=context, on_progress=progress
        )
        return Output(pdf, "pdf", PDF)

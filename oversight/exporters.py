"""The province's summary report to the Central Emulation and Commendation Council (PDF and Excel).

It lives in oversight because it is built on the units' results reports; reports' registry
receives it from OversightConfig.ready() (reports sits below oversight and never imports it).
Rendering stays in the house renderers, reports/renderers/pdf.py and reports/renderers/xlsx.py.
"""

from dataclasses import dataclass
from typing import Any

from congresses.models import Campaign, Event
from reports.domain import place_date_line
from reports.exporters import word
from reports.exporters.base import PDF, XLSX, BaseExporter, Output, Progress, docx_output, output_format
from reports.exporters.event_documents import issue_date
from reports.models import GeneratedReport
from reports.renderers.docx import Block, Grid, Text, WordDocument, render_docx
from reports.renderers.pdf import render_pdf
from reports.renderers.xlsx import render_xlsx
from reports.selectors import province_issuer
from units.domain import unit_name_in_sentence
from units.models import DocumentSigner
from units.selectors import IssuerBlock, document_issuer

from .domain import ResultDocument, ResultFacts, result_document
from .models import ResultReport
from .selectors import summary_figures_table, summary_narrative, summary_tables
from .templatetags.oversight import doc_cell

ROMAN = ("I", "II", "III", "IV", "V")


@dataclass(frozen=True)
class NumberedSection:
    number: str
    title: str
    paragraphs: tuple[str, ...]


def _campaign(report: GeneratedReport) -> Campaign:
    campaign = Campaign.objects.filter(pk=report.campaign_id).first() if report.campaign_id else None
    if campaign is None:
        raise LookupError("Chiến dịch của báo cáo không còn tồn tại.")
    return campaign


class SummaryPdfExporter(BaseExporter):
    identifier = "summary_pdf"
    verbose_name = "Báo cáo tổng hợp"
    scope = "campaign"
    formats = ("pdf", "docx")
    staff_only = True

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả {campaign}" if campaign else self.verbose_name

    def full_title(self, *, event, campaign, params):
        label = "Word" if output_format(params) == "docx" else "PDF"
        return f"{self.title(event=event, campaign=campaign, params=params)} ({label})"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        campaign = _campaign(report)
        summary = summary_tables(campaign=campaign)
        results, *after_tables = summary_narrative(campaign=campaign, summary=summary)
        progress(1, 2)
        issuer = province_issuer()
        if issuer is None:
            raise LookupError("Chưa có đơn vị Sở Nội vụ để đứng tên báo cáo.")
        context = {
            "campaign": campaign,
            "issuer": issuer,
            "issuer_name": issuer.unit_name,  # in a sentence: "Sở Nội vụ", never "Sở Nội Vụ"
            "number_code": f"BC-{issuer.symbol}",
            "date_line": place_date_line(issuer.place, issue_date(report)),
            "figures": summary.figures.total.figures,
            "tables": summary.tables,
            "results": results,  # I. Kết quả đạt được, over the figures and tables
            "after_tables": [  # II. Đánh giá, III. Bài học…, IV. Kiến nghị, đề xuất
                NumberedSection(ROMAN[number], s.title, s.paragraphs)
                for number, s in enumerate(after_tables, 1)
            ],
        }
        if output_format(report.params) == "docx":
            return docx_output(render_docx(summary_word(context)))
        return Output(render_pdf(template_name="reports/pdf/summary.html", context=context), "pdf", PDF)


def summary_word(context: dict[str, Any]) -> WordDocument:
    """The summary's Word twin: the PDF's words (reports/pdf/summary.html), its tables as Word tables."""
    campaign, issuer = context["campaign"], context["issuer"]
    blocks: list[Block] = [
        word.heading(issuer, number_code=context["number_code"], date_line=context["date_line"]),
        word.title("BÁO CÁO"),
        Text(f"Kết quả tổ chức Hội nghị điển hình tiên tiến các cấp tiến tới {campaign.name} lần thứ "
             f"{campaign.ordinal}", bold=True, align="center", space_after=6),
        Text("Kính gửi: Hội đồng Thi đua - Khen thưởng Trung ương", align="center", space_after=10),
        Text(f"Thực hiện kế hoạch tổ chức Hội nghị điển hình tiên tiến các cấp tiến tới {campaign.name} lần thứ "
             f"{campaign.ordinal} (giai đoạn {campaign.period_start_year} - {campaign.period_end_year}), "
             f"{context['issuer_name']} tổng hợp kết quả như sau:", indent=True),
        Text(f"I. {context['results'].title}".upper(), bold=True, space_before=10, space_after=6),
        *(Text(line, indent=True) for line in context["results"].paragraphs),
        Text("1. Số liệu chính", bold=True, space_before=8, space_after=4),
        Grid(("Số liệu", "Chi tiết"), [(f"{f.label}: {f.shown}", f.counts) for f in context["figures"]], size=11),
    ]  # fmt: skip
    for number, table in enumerate(context["tables"], start=2):
        blocks.append(Text(f"{number}. {table.title}", bold=True, space_before=8, space_after=4))
        rows = [[doc_cell(cell) for cell in row] for row in table.rows] or [
            ["Chưa có số liệu."] + [""] * (len(table.header) - 1)
        ]
        blocks.append(Grid(table.header, rows, size=9 if table.wide else 10.5, bold_last_row=table.has_total))
        if table.note:
            blocks.append(Text(table.note, size=12, italic=True))
    for section in context["after_tables"]:
        blocks.append(
            Text(f"{section.number}. {section.title}".upper(), bold=True, space_before=10, space_after=6)
        )
        blocks += [Text(line, indent=True) for line in section.paragraphs]
    blocks.append(word.signature(issuer))
    return WordDocument(blocks)


class SummaryXlsxExporter(BaseExporter):
    identifier = "summary_xlsx"
    verbose_name = "Bảng số liệu tổng hợp"
    scope = "campaign"
    formats = ("xlsx",)
    staff_only = True

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả {campaign} (Excel)" if campaign else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        campaign = _campaign(report)
        summary = summary_tables(campaign=campaign)
        progress(1, 2)
        issuer = province_issuer()
        if issuer is None:
            raise LookupError("Chưa có đơn vị Sở Nội vụ để đứng tên báo cáo.")
        sheets = [summary_figures_table(total=summary.figures.total), *summary.tables]
        return Output(
            render_xlsx(sheets, title_lines=summary_title_lines(campaign, issuer, report)), "xlsx", XLSX
        )


# Four title lines, the sheet's own title and a blank line over the header (reports.renderers.xlsx).
SUMMARY_HEADER_ROW = 7


def summary_title_lines(campaign: Campaign, issuer: IssuerBlock, report: GeneratedReport) -> list[str]:
    """The workbook's title rows, as the PDF's heading and title say them."""
    body = " - ".join(line for line in (issuer.governing_name, *issuer.name_lines) if line)
    return [
        body,
        "BÁO CÁO KẾT QUẢ TỔ CHỨC HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN CÁC CẤP",
        f"Tiến tới {campaign.name} lần thứ {campaign.ordinal} (giai đoạn {campaign.period_start_year} - "
        f"{campaign.period_end_year})",
        place_date_line(issuer.place, issue_date(report)),
    ]


# --- A unit's results report (báo cáo kết quả), PDF and its Word twin ---------------------------


def _result_facts(event: Event, report: ResultReport) -> ResultFacts:
    parent = event.unit.parent if event.unit.parent_id else None
    council = unit_name_in_sentence(parent.name) if parent is not None else "Trung ương"
    tier = event.tier
    return ResultFacts(
        unit_name=event.unit.name, event_name=event.name, venue=event.venue, held_on=report.held_on,
        addressee=f"Hội đồng Thi đua - Khen thưởng {council}",
        individuals=report.attended_exemplar_individuals, collectives=report.attended_exemplar_collectives,
        leaders=report.attended_leaders, guests=report.attended_guests, honoured=report.exemplars_honoured,
        delegation=report.delegation_approved,
        sends_delegation=tier.sends_delegation_upward and tier.upper_tier_id is not None,
        achievements=report.achievements, shortcomings=report.shortcomings, lessons=report.lessons,
    )  # fmt: skip


class ResultReportExporter(BaseExporter):
    identifier = "result_report"
    verbose_name = "Báo cáo kết quả"
    scope = "event"
    formats = ("pdf", "docx")
    checked_on_page = True

    def check(self, *, event, campaign, params):
        if event is None or not ResultReport.objects.filter(event=event).exists():
            return "Đơn vị chưa gửi báo cáo kết quả."
        return ""

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả: {event.name}" if event else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        events = Event.objects.select_related("unit", "unit__parent", "tier")
        event = events.filter(pk=report.event_id).first() if report.event_id is not None else None
        result = ResultReport.objects.filter(event=event).first() if event is not None else None
        if event is None or result is None:
            raise LookupError("Đơn vị chưa gửi báo cáo kết quả.")
        issuer = document_issuer(unit=event.unit, purpose=DocumentSigner.Purpose.REPORT)
        context = {
            "issuer": issuer,
            "number_code": f"BC-{issuer.symbol}",
            "date_line": place_date_line(issuer.place, issue_date(report)),
            "doc": result_document(_result_facts(event, result)),
        }
        progress(1, 2)
        if output_format(report.params) == "docx":
            return docx_output(render_docx(result_report_word(context)))
        return Output(render_pdf(template_name="reports/pdf/result_report.html", context=context), "pdf", PDF)


def result_report_word(context: dict[str, Any]) -> WordDocument:
    """The results report's Word twin: the words of reports/pdf/result_report.html."""
    doc: ResultDocument = context["doc"]
    blocks: list[Block] = [
        word.heading(context["issuer"], number_code=context["number_code"], date_line=context["date_line"]),
        word.title("BÁO CÁO"),
        Text(doc.subtitle, bold=True, align="center", space_after=6),
        Text(f"Kính gửi: {doc.addressee}", align="center", space_after=10),
        Text(doc.intro, indent=True),
    ]
    for number, section in enumerate(doc.sections, start=1):
        blocks.append(Text(f"{number}. {section.title}", bold=True, space_before=8, space_after=4))
        if section.table is not None:
            rows = [(label, doc_cell(value)) for label, value in section.table.rows]
            blocks.append(Grid(section.table.header, rows, size=13, bold_last_row=True))
        blocks += [Text(line, indent=True) for line in section.paragraphs]
    blocks.append(word.signature(context["issuer"]))
    return WordDocument(blocks)


SUMMARY_EXPORTERS = (SummaryPdfExporter, SummaryXlsxExporter, ResultReportExporter)

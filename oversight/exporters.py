"""The province's summary report to the Central Emulation and Commendation Council (PDF and Excel).

It lives in oversight because it is built on the units' results reports; reports' registry
receives it from OversightConfig.ready() (reports sits below oversight and never imports it).
Rendering stays in the house renderers, reports/renderers/pdf.py and reports/renderers/xlsx.py.
"""

from congresses.models import Campaign
from reports.domain import place_date_line
from reports.exporters.base import PDF, XLSX, BaseExporter, Output, Progress
from reports.exporters.event_documents import issue_date
from reports.models import GeneratedReport
from reports.renderers.pdf import render_pdf
from reports.renderers.xlsx import render_xlsx
from reports.selectors import province_issuer

from .selectors import summary_figures_table, summary_tables


def _campaign(report: GeneratedReport) -> Campaign:
    campaign = Campaign.objects.filter(pk=report.campaign_id).first() if report.campaign_id else None
    if campaign is None:
        raise LookupError("Chiến dịch của báo cáo không còn tồn tại.")
    return campaign


class SummaryPdfExporter(BaseExporter):
    identifier = "summary_pdf"
    verbose_name = "Báo cáo tổng hợp (PDF)"
    scope = "campaign"
    formats = ("pdf",)
    staff_only = True

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả {campaign} (PDF)" if campaign else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        campaign = _campaign(report)
        summary = summary_tables(campaign=campaign)
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
        }
        return Output(render_pdf(template_name="reports/pdf/summary.html", context=context), "pdf", PDF)


class SummaryXlsxExporter(BaseExporter):
    identifier = "summary_xlsx"
    verbose_name = "Báo cáo tổng hợp (Excel)"
    scope = "campaign"
    formats = ("xlsx",)
    staff_only = True

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả {campaign} (Excel)" if campaign else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        summary = summary_tables(campaign=_campaign(report))
        progress(1, 2)
        sheets = [summary_figures_table(total=summary.figures.total), *summary.tables]
        return Output(render_xlsx(sheets), "xlsx", XLSX)


SUMMARY_EXPORTERS = (SummaryPdfExporter, SummaryXlsxExporter)

"""The province's summary report to the Central Emulation and Commendation Council."""

from django.utils import timezone

from congresses.models import Campaign

from .. import domain, selectors
from ..models import GeneratedReport
from ..renderers.pdf import render_pdf
from ..renderers.xlsx import render_xlsx
from .base import PDF, XLSX, BaseExporter, Output, Progress


def _campaign(report: GeneratedReport) -> Campaign:
    campaign = Campaign.objects.filter(pk=report.campaign_id).first() if report.campaign_id else None
    if campaign is None:
        raise LookupError("Chiến dịch của báo cáo không còn tồn tại.")
    return campaign


class SummaryPdfExporter(BaseExporter):
    identifier = "summary_pdf"
    verbose_name = "Báo cáo tổng hợp (PDF)"
    scope = "campaign"
    staff_only = True

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả {campaign} (PDF)" if campaign else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        campaign = _campaign(report)
        tables = selectors.summary_tables(campaign=campaign)
        progress(1, 2)
        issuer = selectors.province_issuer()
        context = {
            "campaign": campaign,
            "issuer": issuer,
            "date_line": domain.place_date_line(issuer["place"], timezone.localdate()),
            "tables": tables,
        }
        return Output(render_pdf(template_name="reports/pdf/summary.html", context=context), "pdf", PDF)


class SummaryXlsxExporter(BaseExporter):
    identifier = "summary_xlsx"
    verbose_name = "Báo cáo tổng hợp (Excel)"
    scope = "campaign"
    staff_only = True

    def title(self, *, event, campaign, params):
        return f"Báo cáo kết quả {campaign} (Excel)" if campaign else self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        tables = selectors.summary_tables(campaign=_campaign(report))
        progress(1, 2)
        return Output(render_xlsx(tables), "xlsx", XLSX)

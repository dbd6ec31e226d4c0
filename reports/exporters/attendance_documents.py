"""The congress day's documents: badges, the seat map, the roster with answers and check-ins."""

from dataclasses import dataclass

from django.utils import timezone

from attendance import selectors as attendance
from attendance.domain import CATEGORY_COLOURS, qr_png
from attendance.services import invitations_ensure
from delegates.models import Delegate

from ..models import GeneratedReport
from ..renderers.docx import Card, Cards, Page, Text, WordDocument, render_docx
from ..renderers.pdf import render_pdf
from ..renderers.xlsx import render_xlsx
from ..selectors import event_heading
from .base import PDF, XLSX, BaseExporter, Output, Progress, docx_output, output_format
from .event_documents import event_of

BADGES_PER_SHEET = 8  # 2 columns x 4 rows of 90 x 62 mm on A4, cut marks in the margins


def _has_delegates(event) -> str:
    if event is not None and not Delegate.objects.filter(event=event).exists():
        return "Sự kiện chưa có đại biểu nào."
    return ""


class BadgesExporter(BaseExporter):
    identifier = "badges"
    verbose_name = "Thẻ đại biểu"

    def check(self, *, event, campaign, params):
        return _has_delegates(event)

    def title(self, *, event, campaign, params):
        count = Delegate.objects.filter(event=event).count() if event is not None else 0
        return f"Thẻ đại biểu ({count} thẻ, {BADGES_PER_SHEET} thẻ mỗi tờ A4)"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = event_of(report)
        invitations_ensure(event=event)
        badges = attendance.badges(event=event)
        heading = event_heading(event)
        if output_format(report.params) == "docx":
            progress(1, 1)
            return docx_output(render_docx(badges_word(heading, badges)))
        for index, badge in enumerate(badges):  # column and row on its sheet
            place = index % BADGES_PER_SHEET
            badge["place"] = f"c{place % 2} r{place // 2}"
        sheets = [
            {"badges": badges[i : i + BADGES_PER_SHEET]} for i in range(0, len(badges), BADGES_PER_SHEET)
        ]
        context = {"heading": heading}
        pdf = render_pdf(template_name="reports/pdf/badges.html", context=context, pages=sheets,
                         chunk_size=10, on_progress=progress)  # fmt: skip
        return Output(pdf, "pdf", PDF)


def badges_word(heading: dict, badges: list[dict]) -> WordDocument:
    """The badges' Word twin: the same sheets of 2 x 4 cards of 90 x 62 mm (the table's borders are
    the cut lines), each with its colour band, the event, name, unit, seat, QR and short code."""
    cards = [
        Card(
            band=badge["category"],
            band_colour=badge["colour"],
            lines=[
                Text(heading["event_name"].upper(), size=7.5, space_after=4),
                Text(badge["full_name"], size=14, bold=True, space_after=2),
                *([Text(badge["unit_line"], size=9, space_after=2)] if badge["unit_line"] else []),
                *([Text(f"Ghế {badge['seat']}", size=12, bold=True)] if badge["seat"] else []),
            ],
            image_png=qr_png(badge["link"], scale=4) if badge["link"] else b"",
            caption=badge["short_code"],
        )
        for badge in badges
    ]
    page = Page(top=12, bottom=10, left=15, right=15, page_numbers=False)
    return WordDocument([Cards(cards, per_page=BADGES_PER_SHEET)], page)


class SeatMapExporter(BaseExporter):
    identifier = "seat_map"
    verbose_name = "Sơ đồ chỗ ngồi"
    formats = ("pdf",)

    def check(self, *, event, campaign, params):
        if event is not None and not attendance.seat_rows(event=event):
            return "Sự kiện chưa có sơ đồ hội trường: hãy nhập các hàng ghế ở trang Ngày hội nghị."
        return ""

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = event_of(report)
        plan = attendance.seat_map(event=event)
        for row in plan:
            for seat in row["seats"]:
                seat["colour"] = CATEGORY_COLOURS.get(seat["category"], "#fff") if seat["name"] else "#fff"
        legend = [{"label": label, "colour": CATEGORY_COLOURS[c]} for c, label in Delegate.Category.choices]
        context = {"heading": event_heading(event), "rows": plan, "legend": legend}
        pdf = render_pdf(template_name="reports/pdf/seat_map.html", context=context, on_progress=progress)
        return Output(pdf, "pdf", PDF)


@dataclass(frozen=True)
class _Table:
    title: str
    header: list[str]
    rows: list[list]


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


class AttendanceListExporter(BaseExporter):
    identifier = "attendance_list"
    verbose_name = "Danh sách trả lời giấy mời và điểm danh"
    formats = ("xlsx",)

    def check(self, *, event, campaign, params):
        return _has_delegates(event)

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        event = event_of(report)
        header = ["STT", "Họ và tên", "Thành phần", "Đơn vị", "Mã đại biểu", "Trả lời", "Lý do", "Trả lời lúc",
                  "Ghế", "Điểm danh lúc"]  # fmt: skip
        rows = [
            [i, r.full_name, r.category_label, r.unit_line, r.short_code, r.answer_label, r.reason,
             _when(r.answered_at), r.seat, _when(r.checked_at)]
            for i, r in enumerate(attendance.attendance_rows(event=event), 1)
        ]  # fmt: skip
        progress(1, 1)
        return Output(render_xlsx([_Table("Trả lời, điểm danh", header, rows)]), "xlsx", XLSX)

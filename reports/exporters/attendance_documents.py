"""The congress day's documents: badges, the seat map, the roster with answers and check-ins."""

from dataclasses import dataclass

from django.utils import timezone

from attendance import selectors as attendance
from attendance.domain import CATEGORY_COLOURS
from attendance.services import invitations_ensure
from delegates.models import Delegate

from ..models import GeneratedReport
from ..renderers.pdf import render_pdf
from ..renderers.xlsx import render_xlsx
from ..selectors import event_heading
from .base import PDF, XLSX, BaseExporter, Output, Progress
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
        for index, badge in enumerate(badges):  # column and row on its sheet
            place = index % BADGES_PER_SHEET
            badge["place"] = f"c{place % 2} r{place // 2}"
        sheets = [
            {"badges": badges[i : i + BADGES_PER_SHEET]} for i in range(0, len(badges), BADGES_PER_SHEET)
        ]
        context = {"heading": event_heading(event)}
        pdf = render_pdf(template_name="reports/pdf/badges.html", context=context, pages=sheets,
                         chunk_size=10, on_progress=progress)  # fmt: skip
        return Output(pdf, "pdf", PDF)


class SeatMapExporter(BaseExporter):
    identifier = "seat_map"
    verbose_name = "Sơ đồ chỗ ngồi"

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
    verbose_name = "Danh sách trả lời giấy mời và điểm danh (Excel)"

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

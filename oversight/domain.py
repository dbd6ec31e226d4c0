"""Oversight: domain (moved from congresses/domain.py)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import format_thousands, format_vnd  # noqa: F401 (the one Vietnamese number format, re-exported)

# ---------------------------------------------------------------------------
# Oversight (issue 6): compliance rules, deadlines, reminders, charts, money.
# Pure: plain values in, frozen dataclasses out; no ORM, no request.
# ---------------------------------------------------------------------------


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class RuleResult:
    """One rule of the campaign checked for one unit: `broken` with a Vietnamese reason."""

    rule: str
    broken: bool
    reason: str = ""


RULE_PLAN = "plan"
RULE_WINDOW = "window"
RULE_SESSIONS = "sessions"
RULE_CAP = "cap"
RULE_SHARE = "share"
RULE_QUOTA = "quota"
RULE_PRESENTERS = "presenters"

RULE_LABELS = {
    RULE_PLAN: _("Kế hoạch"),
    RULE_WINDOW: _("Thời gian tổ chức"),
    RULE_SESSIONS: _("Số buổi"),
    RULE_CAP: _("Số đại biểu tối đa"),
    RULE_SHARE: _("Tỷ lệ điển hình"),
    RULE_QUOTA: _("Chỉ tiêu đoàn đại biểu"),
    RULE_PRESENTERS: _("Tham luận của điển hình"),
}


def check_plan(*, deadline: date, submitted_on: date | None, today: date) -> RuleResult:
    """No plan after the deadline, or a plan submitted after it."""
    if submitted_on is None:
        if today > deadline:
            return RuleResult(
                RULE_PLAN, True, gettext("Chưa nộp kế hoạch (hạn %(deadline)s)") % {"deadline": _d(deadline)}
            )
        return RuleResult(RULE_PLAN, False)
    if submitted_on > deadline:
        late = (submitted_on - deadline).days
        return RuleResult(
            RULE_PLAN,
            True,
            gettext("Nộp kế hoạch muộn %(late)s ngày (nộp %(submitted)s, hạn %(deadline)s)")
            % {"late": late, "submitted": _d(submitted_on), "deadline": _d(deadline)},
        )
    return RuleResult(RULE_PLAN, False)


def check_presenters(*, presenters: int | None) -> RuleResult:
    """An event must give the floor to at least one exemplar (None: not known yet)."""
    if presenters is None or presenters > 0:
        return RuleResult(RULE_PRESENTERS, False)
    return RuleResult(
        RULE_PRESENTERS, True, gettext("Chưa có điển hình tiên tiến báo cáo tham luận tại sự kiện")
    )


# --- Deadlines: what is overdue today, which reminders are due ---------------

STAGE_PLAN = "plan"
STAGE_REGISTER = "register"
STAGE_HOLD = "hold"
STAGE_REPORT = "report"

OVERDUE_LABELS = {
    STAGE_PLAN: _("Chưa nộp kế hoạch"),
    STAGE_REGISTER: _("Chưa đăng ký sự kiện"),
    STAGE_HOLD: _("Quá thời gian tổ chức"),
    STAGE_REPORT: _("Chưa báo cáo kết quả"),
}


@dataclass(frozen=True)
class UnitDeadlines:
    """The dates one unit must meet, with what it has done so far."""

    plan_deadline: date
    window_start: date
    window_end: date
    plan_submitted: bool | None  # None: plans are not tracked (no plan data)
    event_date: date | None  # None: no event registered
    event_held: bool
    event_reported: bool
    report_due_days: int

    @property
    def report_due(self) -> date | None:
        if self.event_date is None:
            return None
        return self.event_date + timedelta(days=self.report_due_days)


def overdue_stages(facts: UnitDeadlines, *, today: date) -> tuple[str, ...]:
    """The stages a unit has not met although their deadline has passed (strictly before today)."""
    stages: list[str] = []
    if facts.plan_submitted is False and today > facts.plan_deadline:
        stages.append(STAGE_PLAN)
    if facts.event_date is None:
        if today > facts.window_start:
            stages.append(STAGE_REGISTER)
        if today > facts.window_end:
            stages.append(STAGE_HOLD)
        return tuple(stages)
    if not facts.event_held and not facts.event_reported and today > max(facts.event_date, facts.window_end):
        stages.append(STAGE_HOLD)
    due = facts.report_due
    if facts.event_held and not facts.event_reported and due is not None and today > due:
        stages.append(STAGE_REPORT)
    return tuple(stages)


def reminders_due(facts: UnitDeadlines, *, today: date, lead_days: int) -> tuple[str, ...]:
    """Reminder stages (ReminderSent.Stage values) due on `today` for one unit.

    "before": from `lead_days` before the deadline up to the deadline itself;
    "after": any day after it. Sending each stage once is the caller's job.
    """
    due: list[str] = []

    def window(deadline: date, prefix: str) -> None:
        if deadline - timedelta(days=lead_days) <= today <= deadline:
            due.append(f"{prefix}_before")
        elif today > deadline:
            due.append(f"{prefix}_after")

    if facts.plan_submitted is False:
        window(facts.plan_deadline, "plan")
    if facts.event_date is None:
        window(facts.window_start, "register")
    elif not facts.event_reported and facts.report_due is not None and today >= facts.event_date:
        window(facts.report_due, "report")
    return tuple(due)


# --- Charts rendered as SVG on the server ------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    percent: int = 0


def hbar_chart(
    items: Iterable[tuple[str, int]], *, total: int | None = None, width: float = 250, row_height: float = 28
) -> list[Bar]:
    """Horizontal bars scaled to the largest value (or to `total`, showing shares)."""
    rows = list(items)
    top = total if total else max((v for _, v in rows), default=0)
    bars = []
    for index, (label, value) in enumerate(rows):
        length = (value / top * width) if top else 0.0
        percent = round(value * 100 / total) if total else 0
        bars.append(Bar(label, value, 0.0, index * row_height, round(length, 1), 20.0, percent))
    return bars


def column_chart(points: Iterable[tuple[str, int]], *, width: float = 640, height: float = 150) -> list[Bar]:
    """Vertical columns of equal width across `width`, scaled to the tallest."""
    rows = list(points)
    if not rows:
        return []
    top = max(v for _, v in rows) or 1
    step = width / len(rows)
    bars = []
    for index, (label, value) in enumerate(rows):
        h = value / top * height
        bars.append(Bar(label, value, round(index * step + step * 0.15, 1), round(height - h, 1),
                        round(step * 0.7, 1), round(h, 1)))  # fmt: skip
    return bars


def week_counts(dates: Iterable[date], *, start: date, end: date) -> list[tuple[date, int]]:
    """Events per ISO week (Monday) from `start` to `end`, empty weeks included."""
    first = start - timedelta(days=start.weekday())
    counts: dict[date, int] = {}
    for value in dates:
        monday = value - timedelta(days=value.weekday())
        counts[monday] = counts.get(monday, 0) + 1
    weeks = []
    monday = first
    while monday <= end:
        weeks.append((monday, counts.get(monday, 0)))
        monday += timedelta(days=7)
    return weeks


def month_counts(dates: Iterable[date]) -> list[tuple[str, int]]:
    """Events per month ("MM/YYYY"), from the first month with one to the last."""
    values = sorted(dates)
    if not values:
        return []
    counts: dict[tuple[int, int], int] = {}
    for value in values:
        counts[(value.year, value.month)] = counts.get((value.year, value.month), 0) + 1
    year, month = values[0].year, values[0].month
    out = []
    while (year, month) <= (values[-1].year, values[-1].month):
        out.append((f"{month:02d}/{year}", counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# --- Money and spreadsheets ---------------------------------------------------


@dataclass(frozen=True)
class BudgetTotals:
    by_category: tuple[tuple[str, int], ...]
    total: int


def budget_totals(lines: Iterable[tuple[str, int, int]], *, categories: Iterable[str]) -> BudgetTotals:
    """(category, quantity, unit price) lines -> totals per category (in the given order) and overall."""
    sums = {c: 0 for c in categories}
    for category, quantity, unit_price in lines:
        sums[category] = sums.get(category, 0) + quantity * unit_price
    return BudgetTotals(tuple(sums.items()), sum(sums.values()))


# --- Attachments: judged by their content, not their name ---------------------

ATTACHMENT_KINDS = {"pdf": "PDF", "png": "Ảnh PNG", "jpeg": "Ảnh JPEG", "docx": "Word", "doc": "Word (cũ)"}


def attachment_kind(head: bytes, *, zip_names: Iterable[str] = ()) -> str | None:
    """The kind of an uploaded file from its first bytes (and, for a zip, its members)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"PK\x03\x04") and "word/document.xml" in set(zip_names):
        return "docx"
    return None


@dataclass(frozen=True)
class ReportDecision:
    allowed: bool
    reason: str = ""


def check_result_report(
    *, event_status: str, held_on: date, today: date, sends_upward: bool = True, delegation: int = 0
) -> ReportDecision:
    """A results report follows a held event, tells of a day that has come, and names a
    delegation for the upper congress only where the tier sends one."""
    if event_status not in ("held", "reported"):
        return ReportDecision(
            False, gettext("Sự kiện chưa được ghi nhận là đã tổ chức, chưa thể báo cáo kết quả.")
        )
    if held_on > today:
        return ReportDecision(
            False, gettext("Ngày tổ chức %(held_on)s chưa đến, không thể báo cáo.") % {"held_on": _d(held_on)}
        )
    if delegation and not sends_upward:
        return ReportDecision(
            False, gettext("Cấp này không bầu đoàn đại biểu dự Đại hội cấp trên: số đại biểu phải là 0.")
        )
    return ReportDecision(True)


def check_attachment(*, kind: str | None, size: int, max_bytes: int) -> ReportDecision:
    if size == 0:
        return ReportDecision(False, gettext("Tệp rỗng."))
    if size > max_bytes:
        return ReportDecision(
            False,
            gettext("Tệp quá lớn (%(value)s KB); tối đa %(value2)s MB mỗi tệp.")
            % {"value": size // 1024, "value2": max_bytes // (1024 * 1024)},
        )
    if kind is None:
        return ReportDecision(False, gettext("Chỉ nhận tệp PDF, ảnh (PNG, JPEG) hoặc Word (DOC, DOCX)."))
    return ReportDecision(True)

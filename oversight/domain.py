"""Oversight: domain (moved from congresses/domain.py)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import format_percent, format_thousands, format_vnd  # noqa: F401 (the one Vietnamese number format, re-exported)

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


# --- The narrative sections of the province's summary to the Central Council (issue 11) ------
# Assembled from the units' results reports and the pilots' lessons, then edited by Sở Nội vụ
# before issuing. A section left empty (or saved exactly as assembled) follows the reports.

SECTION_RESULTS = "results"
SECTION_EVALUATION = "evaluation"
SECTION_LESSONS = "lessons"
SECTION_RECOMMENDATIONS = "recommendations"
NARRATIVE_SECTIONS = (SECTION_RESULTS, SECTION_EVALUATION, SECTION_LESSONS, SECTION_RECOMMENDATIONS)
NARRATIVE_TITLES = {
    SECTION_RESULTS: "Kết quả đạt được",
    SECTION_EVALUATION: "Đánh giá",
    SECTION_LESSONS: "Bài học kinh nghiệm từ đơn vị làm điểm",
    SECTION_RECOMMENDATIONS: "Kiến nghị, đề xuất",
}


@dataclass(frozen=True)
class TierFacts:
    """One tier's figures against the plan: units that should hold an event, events held (on time,
    late), delegates on the held events' rosters and exemplars among them, the minimum share."""

    label: str
    planned: int
    held: int
    on_time: int
    late: int
    delegates: int
    exemplars: int
    min_share_percent: int


@dataclass(frozen=True)
class UnitText:
    """What one unit wrote (its name first): achievements, shortcomings or lessons."""

    unit: str
    text: str


@dataclass(frozen=True)
class NarrativeInputs:
    tiers: tuple[TierFacts, ...]
    attended: int
    exemplars_honoured: int
    delegation_approved: int
    reports: int
    achievements: tuple[UnitText, ...]
    shortcomings: tuple[UnitText, ...]
    pilot_lessons: tuple[UnitText, ...]
    pilot_comments: tuple[UnitText, ...]


def _lines(items: Iterable[UnitText]) -> list[str]:
    return [f"- {item.unit}: {' '.join(item.text.split())}" for item in items if item.text.strip()]


def _share_text(part: int, whole: int) -> str:
    return format_percent(part / whole if whole else 0)


def narrative_draft(facts: NarrativeInputs) -> dict[str, str]:
    """Each section's text as assembled from the reports (plain text, one paragraph a line)."""
    held = sum(t.held for t in facts.tiers)
    planned = sum(t.planned for t in facts.tiers)
    delegates = sum(t.delegates for t in facts.tiers)
    exemplars = sum(t.exemplars for t in facts.tiers)
    results = [
        f"Toàn tỉnh đã tổ chức {format_thousands(held)} hội nghị, đại hội điển hình tiên tiến; "
        f"{format_thousands(facts.reports)} đơn vị đã gửi báo cáo kết quả với "
        f"{format_thousands(facts.attended)} đại biểu dự, {format_thousands(facts.exemplars_honoured)} "
        f"điển hình được biểu dương, khen thưởng và {format_thousands(facts.delegation_approved)} đại biểu "
        "được thông qua dự Đại hội cấp trên.",
        *_lines(facts.achievements),
    ]
    evaluation = [
        f"Số sự kiện đã tổ chức so với kế hoạch: {format_thousands(held)}/{format_thousands(planned)} "
        f"đơn vị ({_share_text(held, planned)}).",
    ]
    for t in facts.tiers:
        evaluation.append(
            f"- {t.label}: {format_thousands(t.held)}/{format_thousands(t.planned)} đơn vị đã tổ chức "
            f"({_share_text(t.held, t.planned)}), {format_thousands(t.on_time)} đúng thời gian, "
            f"{format_thousands(t.late)} muộn; {format_thousands(t.delegates)} đại biểu, điển hình chiếm "
            f"{_share_text(t.exemplars, t.delegates)} (tối thiểu {t.min_share_percent} %)."
        )
    evaluation.append(
        f"Tổng số đại biểu của các sự kiện đã tổ chức: {format_thousands(delegates)}, trong đó "
        f"{format_thousands(exemplars)} điển hình tiên tiến ({_share_text(exemplars, delegates)})."
    )
    shortcomings = _lines(facts.shortcomings)
    if shortcomings:
        evaluation += ["Tồn tại, hạn chế:", *shortcomings]
    lessons = _lines(facts.pilot_lessons) or ["Chưa có bài học kinh nghiệm từ đơn vị làm điểm."]
    comments = _lines(facts.pilot_comments)
    if comments:
        lessons += ["Ý kiến chỉ đạo của Hội đồng Thi đua - Khen thưởng tỉnh:", *comments]
    not_held = planned - held
    recommendations = [
        "Đề nghị Hội đồng Thi đua - Khen thưởng Trung ương xem xét, biểu dương, khen thưởng các tập thể, "
        "cá nhân điển hình tiên tiến tiêu biểu của tỉnh được giới thiệu dự Đại hội Thi đua yêu nước toàn quốc.",
    ]
    if not_held > 0:
        recommendations.append(
            f"Tỉnh tiếp tục chỉ đạo {format_thousands(not_held)} đơn vị chưa tổ chức hoàn thành hội nghị, "
            "đại hội điển hình tiên tiến theo kế hoạch."
        )
    return {
        SECTION_RESULTS: "\n".join(results),
        SECTION_EVALUATION: "\n".join(evaluation),
        SECTION_LESSONS: "\n".join(lessons),
        SECTION_RECOMMENDATIONS: "\n".join(recommendations),
    }


def narrative_text(*, draft: str, edited: str) -> str:
    """The text a section prints: Sở Nội vụ's edit when saved, else the assembled draft."""
    return edited if edited.strip() else draft


def paragraphs(text: str) -> tuple[str, ...]:
    """A section's paragraphs, one per non-empty line, white space folded."""
    return tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())


# --- A unit's results report as a document (báo cáo kết quả, PDF and Word, issue 11) ----------


@dataclass(frozen=True)
class ReportTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ReportSection:
    title: str
    paragraphs: tuple[str, ...] = ()
    table: ReportTable | None = None


@dataclass(frozen=True)
class ResultDocument:
    title: str
    subtitle: str
    addressee: str
    intro: str
    sections: tuple[ReportSection, ...]


@dataclass(frozen=True)
class ResultFacts:
    """What the unit reported, as plain values."""

    unit_name: str  # in a sentence: "Thị trấn Chợ Rã" -> "thị trấn Chợ Rã" is the caller's choice
    event_name: str
    venue: str
    held_on: date
    addressee: str
    individuals: int
    collectives: int
    leaders: int
    guests: int
    honoured: int
    delegation: int
    sends_delegation: bool
    achievements: str
    shortcomings: str
    lessons: str


def result_document(facts: ResultFacts) -> ResultDocument:
    """The words of a unit's results report, the same in the PDF and in its Word twin."""
    attended = facts.individuals + facts.collectives + facts.leaders + facts.guests
    attendance = ReportTable(
        ("Thành phần", "Số người dự"),
        (
            ("Cá nhân điển hình tiên tiến", facts.individuals),
            ("Đại diện tập thể điển hình tiên tiến", facts.collectives),
            ("Lãnh đạo các cấp, các ngành", facts.leaders),
            ("Khách mời", facts.guests),
            ("Tổng số đại biểu dự", attended),
        ),
    )
    exemplars = facts.individuals + facts.collectives
    honours = [
        f"Số điển hình tiên tiến được biểu dương, khen thưởng tại sự kiện: {format_thousands(facts.honoured)}."
    ]
    if facts.sends_delegation:
        honours.append(
            f"Số đại biểu được thông qua dự Đại hội cấp trên: {format_thousands(facts.delegation)}."
        )
    sections = [
        ReportSection(
            "Thời gian, địa điểm",
            (f"Sự kiện được tổ chức ngày {facts.held_on:%d/%m/%Y} tại {facts.venue}.",),
        ),
        ReportSection(
            "Thành phần đại biểu dự",
            (f"Đại biểu điển hình tiên tiến chiếm {_share_text(exemplars, attended)} tổng số đại biểu dự.",),
            attendance,
        ),
        ReportSection("Biểu dương, khen thưởng", tuple(honours)),
        ReportSection("Kết quả đạt được", paragraphs(facts.achievements) or ("Không có.",)),
        ReportSection("Tồn tại, hạn chế", paragraphs(facts.shortcomings) or ("Không có.",)),
        ReportSection("Bài học kinh nghiệm", paragraphs(facts.lessons) or ("Không có.",)),
    ]
    return ResultDocument(
        title=f"Báo cáo kết quả {facts.event_name}",
        subtitle=f"Kết quả tổ chức {facts.event_name}",
        addressee=facts.addressee,
        intro=f"{facts.unit_name} báo cáo kết quả tổ chức {facts.event_name} như sau:",
        sections=tuple(sections),
    )

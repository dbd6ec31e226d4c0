"""Pure rules of a campaign's tiers. No ORM: values in, values out."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

from delegates.domain import vietnamese_sort_key


class TierLike(Protocol):
    unit_kinds: list[str]


T = TypeVar("T", bound=TierLike)


def tier_for_kind(tiers: Iterable[T], kind: str) -> T | None:
    """The tier whose rules cover a unit of this kind, or None."""
    for tier in tiers:
        if kind in tier.unit_kinds:
            return tier
    return None


def shift_years(value: date, years: int) -> date:
    """Move a date by whole years; 29 February falls back to 28 February."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


@dataclass(frozen=True)
class KindCoverage:
    uncovered: tuple[str, ...]
    duplicated: tuple[str, ...]


def check_kind_coverage(tier_kinds: Iterable[Iterable[str]], all_kinds: Iterable[str]) -> KindCoverage:
    """Each unit kind should be covered by exactly one tier of a campaign."""
    seen: dict[str, int] = {}
    for kinds in tier_kinds:
        for kind in kinds:
            seen[kind] = seen.get(kind, 0) + 1
    return KindCoverage(
        uncovered=tuple(k for k in all_kinds if k not in seen),
        duplicated=tuple(k for k, n in seen.items() if n > 1),
    )


_ADMINISTRATIVE_PREFIXES = ("Thành phố", "Thị trấn", "Phường", "Huyện", "Tỉnh", "Xã")


def event_full_name(*, event_name: str, unit_name: str) -> str:
    """The official name of a unit's event (plan, section II.4.c).

    Administrative prefixes are written in lower case inside a name
    ("Hội nghị tuyên dương điển hình tiên tiến xã Dương Quang"); provincial
    bodies keep their own capitalisation ("Hội nghị điển hình tiên tiến Sở Y tế").
    """
    for prefix in _ADMINISTRATIVE_PREFIXES:
        if unit_name.startswith(prefix + " "):
            unit_name = prefix.lower() + unit_name[len(prefix) :]
            break
    return f"{event_name} {unit_name}"


# --- Unit plans -----------------------------------------------------------------

PLAN_MAX_BYTES = 10 * 1024 * 1024
"""Largest plan or programme file accepted (10 MB): a scanned plan of a few pages fits easily."""

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_MAIN_PART = "word/document.xml"


@dataclass(frozen=True)
class DocumentFacts:
    """What was read from an uploaded file's bytes (never from its name).

    `zip_names` is None when the file is not a readable zip archive;
    `zip_intact` is False when a zip's members fail their checksums;
    `has_word_stream` tells whether an OLE file holds a "WordDocument" stream.
    """

    size: int
    head: bytes
    zip_names: tuple[str, ...] | None = None
    zip_intact: bool = True
    has_word_stream: bool = False


@dataclass(frozen=True)
class FileCheck:
    allowed: bool
    file_type: str  # "pdf", "docx", "doc" or "" when refused
    reason: str = ""

    @property
    def extension(self) -> str:
        return f".{self.file_type}" if self.file_type else ""


def check_plan_file(facts: DocumentFacts, *, max_bytes: int = PLAN_MAX_BYTES) -> FileCheck:
    """Accept a PDF or a Word document, judged from its content and size only."""
    if facts.size <= 0:
        return FileCheck(False, "", "Tệp tải lên trống (0 byte). Vui lòng chọn lại tệp kế hoạch.")
    if facts.size > max_bytes:
        return FileCheck(
            False,
            "",
            f"Tệp quá lớn ({format_file_size(facts.size)}); dung lượng tối đa là "
            f"{format_file_size(max_bytes)}. Vui lòng nén hoặc chia nhỏ tệp.",
        )
    if facts.head.startswith(PDF_MAGIC):
        return FileCheck(True, "pdf")
    if facts.head.startswith(ZIP_MAGIC):
        if facts.zip_names is None or not facts.zip_intact:
            return FileCheck(
                False, "", "Tệp Word (.docx) bị hỏng, không mở được. Vui lòng lưu lại tệp và tải lên lần nữa."
            )
        if DOCX_MAIN_PART not in facts.zip_names:
            return FileCheck(
                False,
                "",
                "Tệp nén này không phải văn bản Word (.docx). Chỉ chấp nhận tệp PDF hoặc Word (.docx, .doc).",
            )
        return FileCheck(True, "docx")
    if facts.head.startswith(OLE_MAGIC):
        if not facts.has_word_stream:
            return FileCheck(
                False,
                "",
                "Tệp Office này không phải văn bản Word (.doc). Chỉ chấp nhận tệp PDF hoặc Word (.docx, .doc).",
            )
        return FileCheck(True, "doc")
    return FileCheck(
        False,
        "",
        "Nội dung tệp không phải PDF hoặc Word (.docx, .doc), dù tên tệp là gì. "
        "Vui lòng tải lên đúng tệp kế hoạch.",
    )


def format_file_size(size: int) -> str:
    """Human size in Vietnamese style: "850 KB", "10 MB", "10,5 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB" if size else "0 KB"
    value = size / (1024 * 1024)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} MB"


@dataclass(frozen=True)
class Timeliness:
    on_time: bool
    reason: str


def plan_timeliness(*, deadline: date, submitted_on: date) -> Timeliness:
    """Was a plan submitted in time?

    The plan says "trước ngày 01/8/2024" and the campaign stores that day as its
    deadline ("hạn nộp"). We read it as the last day accepted: a plan submitted
    at any time on the deadline day (local time) is on time, one submitted the
    next day is late. Lateness is judged on the FIRST submission: a plan sent in
    time and returned for changes does not become late when re-submitted.
    """
    if submitted_on <= deadline:
        return Timeliness(True, "Nộp đúng hạn.")
    days = (submitted_on - deadline).days
    return Timeliness(False, f"Nộp muộn {days} ngày so với hạn {deadline:%d/%m/%Y}.")


class PlanState:
    MISSING = "missing"
    LATE = "late"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    LABELS = {
        MISSING: "Chưa nộp",
        LATE: "Nộp muộn / quá hạn",
        SUBMITTED: "Chờ xem xét",
        RETURNED: "Trả lại để sửa",
        APPROVED: "Đã duyệt",
    }
    ORDER = (MISSING, LATE, SUBMITTED, RETURNED, APPROVED)


@dataclass(frozen=True)
class PlanStatus:
    """The state of one unit's plan as the staff list shows it.

    `state` is the review state (missing, submitted, returned, approved); `late`
    is set for a plan first submitted after the deadline, or for a missing plan
    once the deadline has passed. Filtering by "late" selects on `late`.
    """

    state: str
    late: bool
    reason: str

    def matches(self, wanted: str) -> bool:
        if not wanted:
            return True
        if wanted == PlanState.LATE:
            return self.late
        return self.state == wanted


def plan_status(
    *, review_status: str | None, first_submitted_on: date | None, deadline: date, today: date
) -> PlanStatus:
    if review_status is None or first_submitted_on is None:
        overdue = today > deadline
        reason = f"Quá hạn nộp ({deadline:%d/%m/%Y})." if overdue else f"Hạn nộp {deadline:%d/%m/%Y}."
        return PlanStatus(PlanState.MISSING, overdue, reason)
    timeliness = plan_timeliness(deadline=deadline, submitted_on=first_submitted_on)
    return PlanStatus(review_status, not timeliness.on_time, timeliness.reason)


@dataclass(frozen=True)
class ReviewDecision:
    allowed: bool
    reason: str = ""


def check_plan_review(*, current_status: str, action: str, comment: str) -> ReviewDecision:
    """Sở Nội vụ approves a submitted plan, or returns it with a comment."""
    if action not in ("approve", "return"):
        return ReviewDecision(False, "Thao tác xem xét không hợp lệ.")
    if action == "return" and not comment.strip():
        return ReviewDecision(False, "Khi trả lại, vui lòng ghi rõ ý kiến cần chỉnh sửa, bổ sung.")
    if current_status != "submitted":
        return ReviewDecision(
            False, "Chỉ xem xét được tài liệu đang chờ xem xét; đơn vị cần nộp lại trước khi xem xét tiếp."
        )
    return ReviewDecision(True)


# --- Events ---------------------------------------------------------------------


@dataclass(frozen=True)
class DateDecision:
    allowed: bool
    reason: str = ""


def check_event_date(
    *, day: date | None, window_start: date, window_end: date, window_label: str
) -> DateDecision:
    """The event must be held inside its tier's window (both ends included)."""
    allowed_window = f"{window_label} (từ {window_start:%d/%m/%Y} đến {window_end:%d/%m/%Y})"
    if day is None:
        return DateDecision(False, f"Vui lòng chọn ngày tổ chức trong {allowed_window}.")
    if window_start <= day <= window_end:
        return DateDecision(True)
    return DateDecision(False, f"Ngày tổ chức phải trong {allowed_window}.")


class CapSetter:
    """Who may set an event's own delegate number (TierRule.cap_setter)."""

    NOBODY = ""  # the tier's cap applies as it is
    UNIT = "unit"  # the unit may set a lower number for itself
    STAFF = "staff"  # Sở Nội vụ sets the number within the tier's cap


@dataclass(frozen=True)
class CapChoice:
    allowed: bool
    effective_cap: int
    reason: str = ""


def check_event_cap(
    *, tier_cap: int, requested: int | None, setter: str, by_staff: bool, current_delegates: int = 0
) -> CapChoice:
    """May this event's own delegate number be `requested` (None = the tier's cap)?"""
    if requested is None:
        return CapChoice(True, tier_cap)
    if setter == CapSetter.NOBODY:
        return CapChoice(
            False,
            tier_cap,
            f"Số đại biểu của cấp này theo kế hoạch là tối đa {tier_cap}; đơn vị không tự đặt.",
        )
    if setter == CapSetter.STAFF and not by_staff:
        return CapChoice(False, tier_cap, "Số đại biểu của sự kiện này do Sở Nội vụ quyết định.")
    if requested < 1:
        return CapChoice(False, tier_cap, "Số đại biểu tối đa phải từ 1 trở lên.")
    if requested > tier_cap:
        return CapChoice(False, tier_cap, f"Số đại biểu tối đa không được vượt quá {tier_cap} theo kế hoạch.")
    if requested < current_delegates:
        return CapChoice(
            False,
            tier_cap,
            f"Danh sách đã có {current_delegates} đại biểu; không đặt mức tối đa thấp hơn "
            f"({requested}) được. Hãy bớt đại biểu trước.",
        )
    return CapChoice(True, requested)


def vietnamese_date_line(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2025": days below 10 and months 1, 2 get a leading zero
    (Nghị định 30/2020/NĐ-CP, phụ lục I)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def normalise_ordinal(value: str) -> str:
    """ "lần thứ ii" / " II " -> "II"; Arabic numbers stay as typed."""
    text = " ".join(value.split())
    lowered = text.lower()
    for prefix in ("lần thứ", "lan thu"):
        if lowered.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return text.upper()


@dataclass(frozen=True)
class TitleBlock:
    name: str
    ordinal_line: str
    place_date_line: str

    @property
    def lines(self) -> tuple[str, str, str]:
        return (self.name, self.ordinal_line, self.place_date_line)


def event_title_block(*, name: str, ordinal: str, venue: str, day: date) -> TitleBlock:
    """The three lines of the event's title as the plan fixes them (section II.4.c)."""
    return TitleBlock(
        name=name,
        ordinal_line=f"Lần thứ {normalise_ordinal(ordinal)}",
        place_date_line=f"{venue.strip()}, {vietnamese_date_line(day)}",
    )


@dataclass(frozen=True)
class TransitionDecision:
    allowed: bool
    reason: str = ""


EVENT_TRANSITIONS = {"planned": ("held",), "held": ("reported",), "reported": ()}
NEXT_STATUS_BUTTONS = {"held": "Xác nhận đã tổ chức", "reported": "Xác nhận đã báo cáo kết quả"}


def next_event_status(current: str) -> str | None:
    """The one status an event can move to next, or None once it is reported."""
    following = EVENT_TRANSITIONS.get(current, ())
    return following[0] if following else None


def check_event_transition(*, current: str, target: str, event_date: date, today: date) -> TransitionDecision:
    """planned -> held (on or after the event's day) -> reported; never backwards."""
    if target not in EVENT_TRANSITIONS.get(current, ()):
        return TransitionDecision(False, "Không chuyển được sang trạng thái này từ trạng thái hiện tại.")
    if target == "held" and today < event_date:
        return TransitionDecision(
            False, f"Sự kiện diễn ra ngày {event_date:%d/%m/%Y}; chỉ xác nhận đã tổ chức từ ngày đó trở đi."
        )
    return TransitionDecision(True)


def event_is_editable(status: str) -> bool:
    """Name, date, venue and session may change only while the event is still planned."""
    return status == "planned"


def unit_sort_key(name: str) -> tuple[str, ...]:
    """Sort unit names word by word in Vietnamese alphabet order ("Xã Đồng Phúc" after "Xã Dương Quang")."""
    return tuple(vietnamese_sort_key(word) for word in name.split())


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
    RULE_PLAN: "Kế hoạch",
    RULE_WINDOW: "Thời gian tổ chức",
    RULE_SESSIONS: "Số buổi",
    RULE_CAP: "Số đại biểu tối đa",
    RULE_SHARE: "Tỷ lệ điển hình",
    RULE_QUOTA: "Chỉ tiêu đoàn đại biểu",
    RULE_PRESENTERS: "Tham luận của điển hình",
}


def check_plan(*, deadline: date, submitted_on: date | None, today: date) -> RuleResult:
    """No plan after the deadline, or a plan submitted after it."""
    if submitted_on is None:
        if today > deadline:
            return RuleResult(RULE_PLAN, True, f"Chưa nộp kế hoạch (hạn {_d(deadline)})")
        return RuleResult(RULE_PLAN, False)
    if submitted_on > deadline:
        late = (submitted_on - deadline).days
        return RuleResult(
            RULE_PLAN, True, f"Nộp kế hoạch muộn {late} ngày (nộp {_d(submitted_on)}, hạn {_d(deadline)})"
        )
    return RuleResult(RULE_PLAN, False)


def check_event_window(*, event_date: date, window_start: date, window_end: date, label: str) -> RuleResult:
    if window_start <= event_date <= window_end:
        return RuleResult(RULE_WINDOW, False)
    return RuleResult(
        RULE_WINDOW,
        True,
        f"Tổ chức ngày {_d(event_date)}, ngoài thời gian của cấp ({label}: {_d(window_start)} – {_d(window_end)})",
    )


def sessions_used(*, session: str, agenda_hours: Iterable[int]) -> int:
    """Half-days an event takes: its own session plus any half-day its programme runs into."""
    halves = {session}
    for hour in agenda_hours:
        halves.add("morning" if hour < 12 else "afternoon")
    return len(halves)


def check_sessions(*, allowed: int, used: int) -> RuleResult:
    if used <= allowed:
        return RuleResult(RULE_SESSIONS, False)
    return RuleResult(RULE_SESSIONS, True, f"Tổ chức {used} buổi, quá số buổi cho phép ({allowed} buổi)")


def check_roster_cap(*, cap: int | None, total: int) -> RuleResult:
    if cap is None or total <= cap:
        return RuleResult(RULE_CAP, False)
    return RuleResult(RULE_CAP, True, f"Danh sách đại biểu {total} người, vượt mức tối đa {cap} người")


def check_exemplar_share(*, min_percent: int, exemplars: int, total: int) -> RuleResult:
    """Exact integer arithmetic: broken when exemplars / total < min_percent / 100."""
    if total == 0 or exemplars * 100 >= min_percent * total:
        return RuleResult(RULE_SHARE, False)
    return RuleResult(
        RULE_SHARE,
        True,
        f"Đại biểu điển hình tiên tiến {exemplars}/{total} người, dưới tỷ lệ tối thiểu {min_percent}%",
    )


def check_delegation_quota(*, quota: int | None, sent: int) -> RuleResult:
    if quota is None or sent <= quota:
        return RuleResult(RULE_QUOTA, False)
    return RuleResult(
        RULE_QUOTA, True, f"Đoàn đại biểu dự Đại hội cấp trên {sent} người, vượt chỉ tiêu {quota}"
    )


def check_presenters(*, presenters: int | None) -> RuleResult:
    """An event must give the floor to at least one exemplar (None: not known yet)."""
    if presenters is None or presenters > 0:
        return RuleResult(RULE_PRESENTERS, False)
    return RuleResult(RULE_PRESENTERS, True, "Chưa có điển hình tiên tiến báo cáo tham luận tại sự kiện")


# --- Deadlines: what is overdue today, which reminders are due ---------------

STAGE_PLAN = "plan"
STAGE_REGISTER = "register"
STAGE_HOLD = "hold"
STAGE_REPORT = "report"

OVERDUE_LABELS = {
    STAGE_PLAN: "Chưa nộp kế hoạch",
    STAGE_REGISTER: "Chưa đăng ký sự kiện",
    STAGE_HOLD: "Quá thời gian tổ chức",
    STAGE_REPORT: "Chưa báo cáo kết quả",
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


def format_thousands(value: int) -> str:
    """35027 -> "35.027" (Vietnamese thousands separator)."""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,}".replace(",", ".")


def format_vnd(amount: int | None) -> str:
    """12500000 -> "12.500.000 đ"."""
    if amount is None:
        return ""
    return format_thousands(amount) + " đ"


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


_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


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
        return ReportDecision(False, "Sự kiện chưa được ghi nhận là đã tổ chức, chưa thể báo cáo kết quả.")
    if held_on > today:
        return ReportDecision(False, f"Ngày tổ chức {_d(held_on)} chưa đến, không thể báo cáo.")
    if delegation and not sends_upward:
        return ReportDecision(
            False, "Cấp này không bầu đoàn đại biểu dự Đại hội cấp trên: số đại biểu phải là 0."
        )
    return ReportDecision(True)


def check_attachment(*, kind: str | None, size: int, max_bytes: int) -> ReportDecision:
    if size == 0:
        return ReportDecision(False, "Tệp rỗng.")
    if size > max_bytes:
        return ReportDecision(
            False, f"Tệp quá lớn ({size // 1024} KB); tối đa {max_bytes // (1024 * 1024)} MB mỗi tệp."
        )
    if kind is None:
        return ReportDecision(False, "Chỉ nhận tệp PDF, ảnh (PNG, JPEG) hoặc Word (DOC, DOCX).")
    return ReportDecision(True)

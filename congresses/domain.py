"""Pure rules of a campaign's tiers. No ORM: values in, values out."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import vietnamese_sort_key
from units.domain import unit_name_in_sentence


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


def event_full_name(*, event_name: str, unit_name: str) -> str:
    """The official name of a unit's event (plan, section II.4.c).

    Administrative prefixes are written in lower case inside a name
    ("Hội nghị tuyên dương điển hình tiên tiến xã Dương Quang"); provincial
    bodies keep their own capitalisation ("Hội nghị điển hình tiên tiến Sở Y tế").
    """
    return f"{event_name} {unit_name_in_sentence(unit_name)}"


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
        return FileCheck(False, "", gettext("Tệp tải lên trống (0 byte). Vui lòng chọn lại tệp kế hoạch."))
    if facts.size > max_bytes:
        return FileCheck(
            False,
            "",
            gettext(
                "Tệp quá lớn (%(size)s); dung lượng tối đa là %(max_size)s. Vui lòng nén hoặc chia nhỏ tệp."
            )
            % {
                "size": format_file_size(facts.size),
                "max_size": format_file_size(max_bytes),
            },
        )
    if facts.head.startswith(PDF_MAGIC):
        return FileCheck(True, "pdf")
    if facts.head.startswith(ZIP_MAGIC):
        if facts.zip_names is None or not facts.zip_intact:
            return FileCheck(
                False,
                "",
                gettext("Tệp Word (.docx) bị hỏng, không mở được. Vui lòng lưu lại tệp và tải lên lần nữa."),
            )
        if DOCX_MAIN_PART not in facts.zip_names:
            return FileCheck(
                False,
                "",
                gettext(
                    "Tệp nén này không phải văn bản Word (.docx). Chỉ chấp nhận tệp PDF hoặc Word (.docx, .doc)."
                ),
            )
        return FileCheck(True, "docx")
    if facts.head.startswith(OLE_MAGIC):
        if not facts.has_word_stream:
            return FileCheck(
                False,
                "",
                gettext(
                    "Tệp Office này không phải văn bản Word (.doc). Chỉ chấp nhận tệp PDF hoặc Word (.docx, .doc)."
                ),
            )
        return FileCheck(True, "doc")
    return FileCheck(
        False,
        "",
        gettext(
            "Nội dung tệp không phải PDF hoặc Word (.docx, .doc), dù tên tệp là gì. "
            "Vui lòng tải lên đúng tệp kế hoạch."
        ),
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
        return Timeliness(True, gettext("Nộp đúng hạn."))
    days = (submitted_on - deadline).days
    return Timeliness(
        False,
        gettext("Nộp muộn %(days)s ngày so với hạn %(deadline)s.")
        % {"days": days, "deadline": format(deadline, "%d/%m/%Y")},
    )


class PlanState:
    MISSING = "missing"
    LATE = "late"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    LABELS = {
        MISSING: _("Chưa nộp"),
        LATE: _("Nộp muộn / quá hạn"),
        SUBMITTED: _("Chờ xem xét"),
        RETURNED: _("Trả lại để sửa"),
        APPROVED: _("Đã duyệt"),
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
        reason = (
            gettext("Quá hạn nộp (%(deadline)s).") % {"deadline": format(deadline, "%d/%m/%Y")}
            if overdue
            else gettext("Hạn nộp %(deadline)s.") % {"deadline": format(deadline, "%d/%m/%Y")}
        )
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
        return ReviewDecision(False, gettext("Thao tác xem xét không hợp lệ."))
    if action == "return" and not comment.strip():
        return ReviewDecision(False, gettext("Khi trả lại, vui lòng ghi rõ ý kiến cần chỉnh sửa, bổ sung."))
    if current_status != "submitted":
        return ReviewDecision(
            False,
            gettext("Chỉ xem xét được tài liệu đang chờ xem xét; đơn vị cần nộp lại trước khi xem xét tiếp."),
        )
    return ReviewDecision(True)


# --- Events ---------------------------------------------------------------------


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
NEXT_STATUS_BUTTONS = {"held": _("Xác nhận đã tổ chức"), "reported": _("Xác nhận đã báo cáo kết quả")}


def next_event_status(current: str) -> str | None:
    """The one status an event can move to next, or None once it is reported."""
    following = EVENT_TRANSITIONS.get(current, ())
    return following[0] if following else None


def check_event_transition(*, current: str, target: str, event_date: date, today: date) -> TransitionDecision:
    """planned -> held (on or after the event's day) -> reported; never backwards."""
    if target not in EVENT_TRANSITIONS.get(current, ()):
        return TransitionDecision(
            False, gettext("Không chuyển được sang trạng thái này từ trạng thái hiện tại.")
        )
    if target == "held" and today < event_date:
        return TransitionDecision(
            False,
            gettext("Sự kiện diễn ra ngày %(event_date)s; chỉ xác nhận đã tổ chức từ ngày đó trở đi.")
            % {"event_date": format(event_date, "%d/%m/%Y")},
        )
    return TransitionDecision(True)


def event_is_editable(status: str) -> bool:
    """Name, date, venue and session may change only while the event is still planned."""
    return status == "planned"


def unit_sort_key(name: str) -> tuple[str, ...]:
    """Sort unit names word by word in Vietnamese alphabet order ("Xã Đồng Phúc" after "Xã Dương Quang")."""
    return tuple(vietnamese_sort_key(word) for word in name.split())

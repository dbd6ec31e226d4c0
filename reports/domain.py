"""Pure rules of the documents: which agenda items apply, how a document is addressed
and dated (Decree 30/2020/NĐ-CP), whether an event was on time. No ORM, no request."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

from django.utils.translation import gettext

from congresses import rules
from core.text import Percent, format_thousands, vnd_in_words

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Decree30Layout:
    """The layout of an administrative document, Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I.

    Each value is an inclusive (low, high) range: millimetres for the page and its margins
    (mục 2: A4, 210 mm x 297 mm; lề trên, lề dưới 20-25 mm, lề trái 30-35 mm, lề phải 15-20 mm),
    points for the type (mục 3, 4 and 10). The print CSS (templates/reports/pdf/_base.html)
    chooses values inside them; tests/reports/test_decree30.py measures every PDF against them.
    """

    page_mm: tuple[float, float] = (210.0, 297.0)
    margin_top_mm: tuple[float, float] = (20.0, 25.0)
    margin_bottom_mm: tuple[float, float] = (20.0, 25.0)
    margin_left_mm: tuple[float, float] = (30.0, 35.0)
    margin_right_mm: tuple[float, float] = (15.0, 20.0)
    national_title_pt: tuple[float, float] = (12.0, 13.0)  # Quốc hiệu: capitals, bold, upright
    motto_pt: tuple[float, float] = (13.0, 14.0)  # Tiêu ngữ: bold, over a rule as long as itself
    issuer_pt: tuple[float, float] = (12.0, 13.0)  # tên cơ quan ban hành: capitals, the issuer bold
    date_line_pt: tuple[float, float] = (13.0, 14.0)  # địa danh, ngày tháng: italic
    signature_pt: tuple[float, float] = (13.0, 14.0)  # quyền hạn, chức vụ, họ tên người ký: bold
    page_number_pt: tuple[float, float] = (13.0, 14.0)  # centred in the top margin, from page 2


DECREE_30 = Decree30Layout()


class AgendaTemplateLike(Protocol):
    order: int
    title: str
    only_at_congress: bool
    only_with_upper_delegation: bool
    default_minutes: int


@dataclass(frozen=True)
class PlannedItem:
    order: int
    title: str
    start_time: time
    minutes: int


@dataclass(frozen=True)
class SkippedItem:
    title: str
    reason: str


@dataclass(frozen=True)
class AgendaPlan:
    items: tuple[PlannedItem, ...]
    skipped: tuple[SkippedItem, ...]


# When a session begins: the rulebook's (congresses.rules.schedule), shared with the answer page.
SESSION_START = rules.SESSION_START
session_start = rules.session_start


def has_upper_delegation(*, upper_tier_exists: bool, sends_delegation_upward: bool) -> bool:
    """A tier sends a delegation upward only where there is an upper congress and the rule says so."""
    return upper_tier_exists and sends_delegation_upward


def choose_agenda_items(
    templates: Sequence[AgendaTemplateLike],
    *,
    is_congress: bool,
    sends_upper_delegation: bool,
    start: time,
    next_period_label: str = "",
) -> AgendaPlan:
    """The programme of an event from the plan's template (section II.3).

    The flag salute belongs only to a congress; approving the delegation to the
    upper congress only where the tier sends one. Times run on from `start`.
    """
    items: list[PlannedItem] = []
    skipped: list[SkippedItem] = []
    clock = datetime.combine(date(2000, 1, 1), start)
    for template in sorted(templates, key=lambda t: t.order):
        title = template.title.replace("{next_period_label}", next_period_label)
        if template.only_at_congress and not is_congress:
            skipped.append(SkippedItem(title, gettext("Chỉ có tại Đại hội, sự kiện này là Hội nghị.")))
            continue
        if template.only_with_upper_delegation and not sends_upper_delegation:
            skipped.append(SkippedItem(title, gettext("Cấp này không cử đoàn đại biểu dự Đại hội cấp trên.")))
            continue
        items.append(PlannedItem(len(items) + 1, title, clock.time(), template.default_minutes))
        clock += timedelta(minutes=template.default_minutes)
    return AgendaPlan(tuple(items), tuple(skipped))


def honorific(gender: str) -> str:
    """Ông / Bà as a letter addresses a person; neutral when the gender is not recorded."""
    return {"male": "Ông", "female": "Bà"}.get(gender, "Ông/Bà")


def addressee(*, gender: str, full_name: str, position: str = "", workplace: str = "") -> str:
    """ "Bà Nông Thị Hoa, Trưởng thôn, Thôn Nà Làng"."""
    parts = [f"{honorific(gender)} {full_name}".strip()]
    parts += [p for p in (position, workplace) if p]
    return ", ".join(parts)


def _two(value: int, pad: bool) -> str:
    return f"{value:02d}" if pad else str(value)


def date_words(value: date | None) -> str:
    """ "ngày 05 tháng 3 năm 2025": days below 10 and months 1, 2 take a leading zero (Decree 30)."""
    if value is None:
        return "ngày … tháng … năm …"
    return (
        f"ngày {_two(value.day, value.day < 10)} tháng {_two(value.month, value.month < 3)} năm {value.year}"
    )


def place_date_line(place: str, value: date | None) -> str:
    return f"{place}, {date_words(value)}"


def session_words(session: str) -> str:
    return {"morning": "buổi sáng", "afternoon": "buổi chiều"}.get(session, "")


@dataclass(frozen=True)
class Timeliness:
    code: str  # "on_time" | "late" | "early" | "not_held"
    label: str


def event_timeliness(
    *, held: bool, event_date: date | None, window_start: date, window_end: date
) -> Timeliness:
    """Whether a unit held its event inside its tier's window (the rulebook's window rule)."""
    if not held or event_date is None:
        return Timeliness("not_held", gettext("Chưa tổ chức"))
    outside = rules.date_in_window(
        day=event_date, window_start=window_start, window_end=window_end, window_label=""
    ).value
    if outside is not None and outside > 0:
        return Timeliness("late", gettext("Muộn so với kế hoạch"))
    if outside is not None and outside < 0:
        return Timeliness("early", gettext("Sớm hơn kế hoạch"))
    return Timeliness("on_time", gettext("Đúng thời gian"))


def progress_percent(done: int, total: int) -> int:
    """Whole percent, never 100 before the file is saved (the last step is the save)."""
    if total <= 0:
        return 0
    return max(0, min(99, done * 100 // total))


def chunk_bounds(total: int, size: int) -> list[tuple[int, int]]:
    """Slices of a batch rendered as one document each, then joined into one PDF."""
    if total <= 0:
        return []
    size = max(1, size)
    return [(start, min(total, start + size)) for start in range(0, total, size)]


def share_percent(part: int, whole: int) -> Percent:
    """A share as the documents write it: 101 of 200 -> Percent(0.505), printed "50,5 %" (core.text)."""
    return Percent(part / whole if whole > 0 else 0)


def certificate_heading(award_name: str) -> str:
    """The big word of a certificate: "Bằng khen của Chủ tịch UBND tỉnh" -> "Bằng khen"."""
    head, sep, _ = award_name.partition(" của ")
    return head if sep and head else award_name


# --- Certificates printed on the pre-printed blank (phôi Giấy khen / Bằng khen, A4 landscape) ------


@dataclass(frozen=True)
class BlankField:
    """Where one variable line of a certificate goes on the blank: its box's top-left corner and
    width, in millimetres from the sheet's top-left corner (before the body's calibrated shift)."""

    name: str
    label: str
    x_mm: float
    y_mm: float
    width_mm: float
    size_pt: float
    bold: bool = False
    italic: bool = False


# The blank's printed parts (Quốc hiệu, the form's word, the border) are left alone; these are the
# lines an office fills in, placed for the common 297 x 210 mm blank.
BLANK_FIELDS: tuple[BlankField, ...] = (
    BlankField("grantor", "Người tặng", 33.5, 58.0, 230.0, 15, bold=True),
    BlankField("recipient", "Người, tập thể được tặng", 33.5, 96.0, 230.0, 22, bold=True),
    BlankField("position", "Chức vụ, đơn vị", 33.5, 109.0, 230.0, 14),
    BlankField("merit", "Thành tích", 48.5, 119.0, 200.0, 14, italic=True),
    BlankField("decision", "Số, ngày quyết định", 30.0, 168.0, 110.0, 12),
    BlankField("date_line", "Địa danh, ngày tháng", 150.0, 146.0, 120.0, 13, italic=True),
    BlankField("signature", "Chức vụ người ký", 150.0, 153.0, 120.0, 13, bold=True),
    BlankField("signer", "Họ tên người ký", 150.0, 183.0, 120.0, 13, bold=True),
)


def blank_position(field: BlankField, offset_mm: tuple[float, float]) -> tuple[float, float]:
    """The field's corner on the sheet after the body's calibrated shift (x right, y down)."""
    return round(field.x_mm + offset_mm[0], 1), round(field.y_mm + offset_mm[1], 1)


def decision_words(number: str, issued_on: date | None) -> str:
    """ "Quyết định số 12/QĐ-UBND ngày 20/4/2025" as a certificate cites its decision."""
    if issued_on is None:
        return f"Quyết định số {number}"
    return f"Quyết định số {number} ngày {issued_on.day:02d}/{issued_on.month:02d}/{issued_on.year}"


# --- Amounts and proposals as a decision and a submission write them -------------------------


def amount_with_words(amount: int) -> str:
    """ "2.340.000 đồng (Bằng chữ: Hai triệu ba trăm bốn mươi nghìn đồng)"."""
    return f"{format_thousands(amount)} đồng (Bằng chữ: {vnd_in_words(amount)})"


def decision_proposers(
    *, issuing_unit_id: int | None, event_unit: tuple[int, str], exemplar_units: Sequence[tuple[int, str]]
) -> tuple[str, ...]:
    """Who proposed the honours a decision grants, as (unit id, name in a sentence) pairs in: the
    event's organising unit when another body decides (its Tờ trình went up), else the exemplars'
    own units below the deciding body; () when the deciding body honours its own."""
    if issuing_unit_id is None or event_unit[0] != issuing_unit_id:
        return (event_unit[1],)
    return tuple(dict.fromkeys(name for unit_id, name in exemplar_units if unit_id != issuing_unit_id))


def proposal_line(*, proposers: Sequence[str], organiser: str, submission: str = "") -> str:
    """The "Xét đề nghị của …" line after the "Căn cứ" lines; the organising committee proposes
    when nobody else did."""
    who = ", ".join(proposers) or f"Ban Tổ chức {organiser}"
    return f"Xét đề nghị của {who}{f' tại {submission}' if submission else ''}."

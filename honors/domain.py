"""Pure rules of exemplars, nominations and presenters. No ORM: values in, dataclass out."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

# Fields (lĩnh vực) an exemplar is filed under: the plan asks to represent them all.
FIELDS: tuple[str, ...] = (
    "Nông nghiệp, nông thôn",
    "Công nghiệp, xây dựng, giao thông",
    "Thương mại, dịch vụ, du lịch",
    "Giáo dục và đào tạo",
    "Y tế",
    "Văn hóa, thể thao",
    "Khoa học, công nghệ, chuyển đổi số",
    "Quốc phòng, an ninh",
    "Quản lý nhà nước",
    "Xây dựng Đảng, đoàn thể",
    "Xã hội, từ thiện, nhân đạo",
    "Bảo vệ môi trường, tài nguyên",
)
FIELD_CHOICES = [(name, name) for name in FIELDS]

LEVEL_CHOICES = [
    (1, "Cấp xã"),
    (2, "Cấp huyện, sở, ngành"),
    (3, "Cấp tỉnh"),
    (4, "Chính phủ, Thủ tướng Chính phủ"),
    (5, "Nhà nước"),
]

# Unit kinds whose proposals the district-level unit above reviews; every other
# kind (district, city, department, mass organisation, enterprise, province) is
# reviewed by Sở Nội vụ.
BASE_KINDS = frozenset({"commune", "ward", "town"})
DISTRICT_KINDS = frozenset({"district", "city"})
# Bodies whose own event is about their own field (no field variety expected).
SECTOR_KINDS = frozenset({"department", "mass_org", "enterprise"})
MAJORITY_ETHNIC_GROUP = "Kinh"

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
BOTH = "both"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


OK = Decision(True)


def reviewer_is_home_affairs(proposer_kind: str) -> bool:
    """True when Sở Nội vụ reviews proposals of a unit of this kind."""
    return proposer_kind not in BASE_KINDS


def may_review(
    *, reviewer_role: str, reviewer_unit_id: int | None, proposer_kind: str, proposer_parent_id: int | None
) -> Decision:
    """Who reviews whom: a district for its communes, Sở Nội vụ for every other unit."""
    if reviewer_role == "leadership":
        return Decision(False, "Tài khoản lãnh đạo chỉ được xem, không xét đề nghị.")
    if reviewer_is_home_affairs(proposer_kind):
        if reviewer_role == "staff":
            return OK
        return Decision(False, "Đề nghị của đơn vị này do Sở Nội vụ xét.")
    if reviewer_role == "officer" and reviewer_unit_id is not None and reviewer_unit_id == proposer_parent_id:
        return OK
    return Decision(False, "Đề nghị của cấp xã do huyện, thành phố quản lý xét.")


def check_nomination_target(
    *,
    target: str,
    exemplar_unit_id: int,
    exemplar_unit_kind: str,
    exemplar_parent_id: int | None,
    event_unit_id: int,
    event_unit_kind: str,
) -> Decision:
    """A unit honours at its own event, or proposes to the event of the level above."""
    if target == "own":
        if event_unit_id == exemplar_unit_id:
            return OK
        return Decision(False, "Sự kiện được chọn không phải của đơn vị có điển hình.")
    if exemplar_unit_kind in BASE_KINDS:
        if event_unit_id == exemplar_parent_id:
            return OK
        return Decision(False, "Cấp xã chỉ đề nghị lên sự kiện của huyện, thành phố quản lý.")
    if exemplar_unit_kind == "province":
        return Decision(False, "Cấp tỉnh không có cấp trên trong chiến dịch này.")
    if event_unit_kind == "province":
        return OK
    return Decision(False, "Huyện, sở, ngành chỉ đề nghị lên Đại hội Thi đua yêu nước cấp tỉnh.")


def award_fits_recipient(*, award_recipient: str, exemplar_kind: str) -> Decision:
    if award_recipient == BOTH or award_recipient == exemplar_kind:
        return OK
    if award_recipient == INDIVIDUAL:
        return Decision(False, "Danh hiệu, hình thức này chỉ dành cho cá nhân.")
    return Decision(False, "Danh hiệu, hình thức này chỉ dành cho tập thể.")


def check_raise(*, proposed_level: int, new_level: int | None) -> Decision:
    """Raising a proposal must choose a form of a strictly higher level."""
    if new_level is None:
        return Decision(False, "Hãy chọn hình thức khen thưởng mức cao hơn.")
    if new_level <= proposed_level:
        return Decision(False, "Hình thức nâng mức phải cao hơn hình thức đơn vị đề nghị.")
    return OK


def check_review(*, status: str, reason: str) -> Decision:
    if status == "rejected" and not reason.strip():
        return Decision(False, "Không đồng ý thì phải ghi rõ lý do.")
    if status == "pending":
        return Decision(False, "Hãy chọn kết quả xét.")
    return OK


def check_award_period(
    *, decision_year: int, period_start: int, period_end: int, is_earlier_history: bool
) -> Decision:
    """An award counts for the campaign only inside its period, unless marked earlier history."""
    if is_earlier_history:
        return OK
    if period_start <= decision_year <= period_end:
        return OK
    return Decision(
        False,
        f"Quyết định năm {decision_year} nằm ngoài giai đoạn {period_start} - {period_end}; "
        "hãy đánh dấu “thành tích trước giai đoạn” nếu vẫn muốn ghi nhận.",
    )


# --- Presenters' spread -----------------------------------------------------


@dataclass(frozen=True)
class PresenterFacts:
    kind: str  # individual / collective
    field: str
    unit_kind: str
    is_woman: bool
    ethnic_group: str
    is_direct_worker: bool

    @property
    def is_minority(self) -> bool:
        return bool(self.ethnic_group) and self.ethnic_group != MAJORITY_ETHNIC_GROUP


@dataclass(frozen=True)
class SpreadReport:
    total: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def presenter_spread(
    presenters: Iterable[PresenterFacts],
    *,
    dominance_percent: int = 60,
    check_field_variety: bool = True,
    kind_labels: dict[str, str] | None = None,
    unit_kind_labels: dict[str, str] | None = None,
) -> SpreadReport:
    """Counts of the chosen presenters by field, component and balance facts, with warnings.

    A group dominates when its share is strictly above `dominance_percent` (and at
    least two presenters are chosen); women, minorities and direct workers are
    each expected at least once. A department's own event is about its own field,
    so `check_field_variety=False` skips the field check there.
    """
    chosen = list(presenters)
    total = len(chosen)
    kind_labels = kind_labels or {}
    unit_kind_labels = unit_kind_labels or {}
    if total == 0:
        return SpreadReport(total=0, counts={}, warnings=("Chưa chọn báo cáo tham luận nào.",))
    fields = Counter(p.field for p in chosen)
    kinds = Counter(kind_labels.get(p.kind, p.kind) for p in chosen)
    unit_kinds = Counter(unit_kind_labels.get(p.unit_kind, p.unit_kind) for p in chosen)
    women = sum(p.is_woman for p in chosen)
    minorities = sum(p.is_minority for p in chosen)
    workers = sum(p.is_direct_worker for p in chosen)
    counts = {
        "Lĩnh vực": dict(fields.most_common()),
        "Thành phần": dict(kinds.most_common()),
        "Loại đơn vị": dict(unit_kinds.most_common()),
        "Cân đối": {
            "Nữ": women,
            "Dân tộc thiểu số": minorities,
            "Người trực tiếp lao động, sản xuất": workers,
        },
    }
    warnings: list[str] = []
    if total >= 2:
        top_field, top_count = fields.most_common(1)[0]
        if check_field_variety and _percent(top_count, total) > dominance_percent:
            warnings.append(
                f"Lĩnh vực “{top_field}” chiếm {_percent(top_count, total)}% số báo cáo "
                f"(quá {dominance_percent}%): nên chọn thêm lĩnh vực khác."
            )
        top_kind, kind_count = kinds.most_common(1)[0]
        if _percent(kind_count, total) > dominance_percent and len(kinds) == 1:
            warnings.append(f"Tất cả báo cáo đều của {top_kind.lower()}: nên có cả cá nhân và tập thể.")
    if women == 0:
        warnings.append("Chưa có báo cáo của nữ.")
    if minorities == 0:
        warnings.append("Chưa có báo cáo của người dân tộc thiểu số.")
    if workers == 0:
        warnings.append("Chưa có báo cáo của người trực tiếp lao động, sản xuất.")
    return SpreadReport(total=total, counts=counts, warnings=tuple(warnings))

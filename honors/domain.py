"""Pure reference values and the presenters' spread of the honours app. No ORM: values in, dataclass out."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from units.reference import FIELD_CHOICES, FIELDS  # noqa: F401 (the one list of fields, re-exported)

LEVEL_CHOICES = [
    (1, "Cấp xã"),
    (2, "Cấp huyện, sở, ngành"),
    (3, "Cấp tỉnh"),
    (4, "Chính phủ, Thủ tướng Chính phủ"),
    (5, "Nhà nước"),
]

# Bodies whose own event is about their own field (no field variety expected).
SECTOR_KINDS = frozenset({"department", "mass_org", "enterprise"})
MAJORITY_ETHNIC_GROUP = "Kinh"

# Who proposes, grants, reviews and publishes are campaign rules: congresses/rules.py, sections 6-7.


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

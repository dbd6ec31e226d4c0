"""Pure reference values and the presenters' spread of the honours app. No ORM: values in, dataclass out."""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, Decimal

from django.utils.translation import gettext

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
        return SpreadReport(total=0, counts={}, warnings=(gettext("Chưa chọn báo cáo tham luận nào."),))
    fields = Counter(p.field for p in chosen)
    kinds = Counter(kind_labels.get(p.kind, p.kind) for p in chosen)
    unit_kinds = Counter(unit_kind_labels.get(p.unit_kind, p.unit_kind) for p in chosen)
    women = sum(p.is_woman for p in chosen)
    minorities = sum(p.is_minority for p in chosen)
    workers = sum(p.is_direct_worker for p in chosen)
    counts = {
        gettext("Lĩnh vực"): dict(fields.most_common()),
        gettext("Thành phần"): dict(kinds.most_common()),
        gettext("Loại đơn vị"): dict(unit_kinds.most_common()),
        gettext("Cân đối"): {
            gettext("Nữ"): women,
            gettext("Dân tộc thiểu số"): minorities,
            gettext("Người trực tiếp lao động, sản xuất"): workers,
        },
    }
    warnings: list[str] = []
    if total >= 2:
        top_field, top_count = fields.most_common(1)[0]
        if check_field_variety and _percent(top_count, total) > dominance_percent:
            warnings.append(
                gettext(
                    "Lĩnh vực “%(top_field)s” chiếm %(percent)s%% số báo cáo (quá %(dominance_percent)s%%): nên chọn thêm lĩnh vực khác."
                )
                % {
                    "top_field": top_field,
                    "percent": _percent(top_count, total),
                    "dominance_percent": dominance_percent,
                }
            )
        top_kind, kind_count = kinds.most_common(1)[0]
        if _percent(kind_count, total) > dominance_percent and len(kinds) == 1:
            warnings.append(
                gettext("Tất cả báo cáo đều của %(lower)s: nên có cả cá nhân và tập thể.")
                % {"lower": top_kind.lower()}
            )
    if women == 0:
        warnings.append(gettext("Chưa có báo cáo của nữ."))
    if minorities == 0:
        warnings.append(gettext("Chưa có báo cáo của người dân tộc thiểu số."))
    if workers == 0:
        warnings.append(gettext("Chưa có báo cáo của người trực tiếp lao động, sản xuất."))
    return SpreadReport(total=total, counts=counts, warnings=tuple(warnings))


# --- Reward money (tiền thưởng) ------------------------------------------------------
# The amount of an honour = its form's coefficient (hệ số, data on AwardType, from Nghị định
# 152/2025/NĐ-CP Điều 50-54) x the base salary (mức lương cơ sở, the dated BaseSalary table)
# in force on the decision date, rounded UP to the ten thousand đồng. The rounding and the
# "in force on the decision date" rule are the decree's principles of reward money, as
# Nghị định 98/2023/NĐ-CP wrote them ("Tiền thưởng ... được tính trên cơ sở mức lương cơ sở ...
# đang có hiệu lực vào thời điểm ban hành quyết định ...; Tiền thưởng sau khi nhân với hệ số
# mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng tiền Việt Nam"); kept by 152/2025
# (its text of that article could not be checked when this was written).

REWARD_ROUNDING_STEP = 10_000


@dataclass(frozen=True)
class RewardAmount:
    coefficient: Decimal | None
    base_salary: int | None
    amount: int | None  # None: the form carries no money, or no base salary was in force
    reason: str = ""


def base_salary_on(rates: Iterable[tuple[date, int]], on: date) -> int | None:
    """The base salary in force on `on`: the rate with the latest start not after that day."""
    in_force = [(start, amount) for start, amount in rates if start <= on]
    return max(in_force)[1] if in_force else None


def reward_coefficient(
    *, individual: Decimal | None, collective: Decimal | None, kind: str
) -> Decimal | None:
    """The coefficient for an individual or a collective ("individual" / "collective")."""
    return collective if kind == "collective" else individual


def reward_amount(*, coefficient: Decimal | None, base_salary: int | None) -> RewardAmount:
    """coefficient x base salary, rounded up to the ten thousand đồng (None when either is missing)."""
    if coefficient is None:
        return RewardAmount(
            None, base_salary, None, gettext("Hình thức này không kèm tiền thưởng theo hệ số.")
        )
    if base_salary is None:
        return RewardAmount(
            coefficient, None, None, gettext("Chưa có mức lương cơ sở áp dụng vào ngày quyết định.")
        )
    raw = Decimal(coefficient) * base_salary
    steps = (raw / REWARD_ROUNDING_STEP).to_integral_value(rounding=ROUND_CEILING)
    return RewardAmount(coefficient, base_salary, int(steps) * REWARD_ROUNDING_STEP)


@dataclass(frozen=True)
class BudgetRow:
    award: str
    count: int
    amount: int


@dataclass(frozen=True)
class RewardBudget:
    rows: tuple[BudgetRow, ...]
    count: int
    total: int
    without_amount: int  # honours whose amount is unknown (no coefficient or no base salary)


def reward_budget(lines: Iterable[tuple[str, int | None]]) -> RewardBudget:
    """(award form, amount) per honour -> count and sum per form (in first-seen order) and overall."""
    counts: dict[str, int] = {}
    sums: dict[str, int] = {}
    missing = 0
    for award, amount in lines:
        counts[award] = counts.get(award, 0) + 1
        sums[award] = sums.get(award, 0) + (amount or 0)
        missing += amount is None
    rows = tuple(BudgetRow(a, counts[a], sums[a]) for a in counts)
    return RewardBudget(rows, sum(counts.values()), sum(sums.values()), missing)


# --- The register of documents (sổ đăng ký văn bản) --------------------------------------------


def register_number(*, seq: int, kind: str, symbol: str) -> str:
    """The number printed on the document: 12, "QĐ", "UBND" -> "12/QĐ-UBND" (Nghị định 30/2020/NĐ-CP,
    Phụ lục I, mục 4: số, ký hiệu = số thứ tự / tên loại văn bản - chữ viết tắt cơ quan ban hành)."""
    return f"{seq}/{kind}-{symbol}" if symbol else f"{seq}/{kind}"


_LEADING_NUMBER = re.compile(r"^\s*0*(\d{1,9})\s*(?:/|$)")


def typed_register_seq(number: str) -> int | None:
    """The running number of a number typed by hand ("15/QĐ-UBND" -> 15, "07/TTr-UBND" -> 7), or None."""
    match = _LEADING_NUMBER.match(number)
    return int(match[1]) if match and int(match[1]) > 0 else None


@dataclass(frozen=True)
class RegisterDecision:
    allowed: bool
    seq: int | None
    last_number: int
    reason: str = ""


def register_allocate(
    *, last_number: int, typed_number: str, typed_seq: int | None, taken: bool, register_label: str
) -> RegisterDecision:
    """The number a document takes from its register: the next one, or the one typed by hand kept
    (the register then runs on after it) unless that number is already in the register."""
    if not typed_number:
        return RegisterDecision(True, last_number + 1, last_number + 1)
    if taken:
        return RegisterDecision(
            False, typed_seq, last_number,
            f"Số {typed_number} đã có trong {register_label}; mỗi số chỉ cấp cho một văn bản. "
            "Hãy để trống ô số để lấy số tiếp theo, hoặc nhập số khác.",
        )  # fmt: skip
    return RegisterDecision(True, typed_seq, max(last_number, typed_seq or 0))


# --- The submission's figures (Tờ trình đề nghị khen thưởng) ----------------------------------


@dataclass(frozen=True)
class ProposalRow:
    award: str
    individuals: int
    collectives: int
    amount: int


@dataclass(frozen=True)
class ProposalTally:
    rows: tuple[ProposalRow, ...]
    individuals: int
    collectives: int
    total: int
    without_amount: int


def proposal_tally(lines: Iterable[tuple[str, str, int | None]]) -> ProposalTally:
    """(award form, "individual"/"collective", amount) per proposal -> individuals, collectives and
    money per form (first-seen order) and overall."""
    seen: dict[str, list[int]] = {}
    missing = 0
    for award, kind, amount in lines:
        row = seen.setdefault(award, [0, 0, 0])
        row[1 if kind == "collective" else 0] += 1
        row[2] += amount or 0
        missing += amount is None
    rows = tuple(ProposalRow(a, i, c, m) for a, (i, c, m) in seen.items())
    return ProposalTally(rows, sum(r.individuals for r in rows), sum(r.collectives for r in rows),
                         sum(r.amount for r in rows), missing)  # fmt: skip

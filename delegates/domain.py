"""Pure rules of rosters: caps, the exemplar share, composition. No ORM."""

from dataclasses import dataclass

# --- Caps, the exemplar share, composition and delegation quotas ---------------

YOUTH_MAX_AGE = 35
"""A delegate counts as young when (event year − birth year) ≤ 35: the Youth Union's
age limit (Điều lệ Đoàn TNCS Hồ Chí Minh), computed in the year the event is held."""


@dataclass(frozen=True)
class CapDecision:
    allowed: bool
    remaining: int | None  # seats left before the request; None = no cap
    reason: str


def check_delegate_cap(cap: int | None, current: int, requested: int) -> CapDecision:
    """May `requested` more delegates join a roster that has `current` under `cap`?"""
    if requested < 0 or current < 0:
        raise ValueError("current and requested must not be negative")
    if cap is None:
        return CapDecision(True, None, "Không giới hạn số đại biểu.")
    remaining = max(cap - current, 0)
    if requested <= remaining:
        return CapDecision(True, remaining, f"Còn {remaining} chỗ trong tối đa {cap} đại biểu.")
    if remaining == 0:
        reason = f"Danh sách đã đủ {cap} đại biểu (mức tối đa), không thể thêm."
    else:
        reason = (
            f"Chỉ còn {remaining} chỗ trong tối đa {cap} đại biểu, "
            f"không thể thêm {requested} đại biểu (vượt {requested - remaining})."
        )
    return CapDecision(False, remaining, reason)


@dataclass(frozen=True)
class ShareDecision:
    ok: bool
    exemplars_to_add: int
    others_to_remove: int
    reason: str


def check_exemplar_share(exemplars: int, total: int, min_percent: int) -> ShareDecision:
    """Is exemplars/total ≥ min_percent %? Exact integer arithmetic, no rounding.

    When not, says how many exemplars to add (others unchanged) or how many
    other delegates to remove (exemplars unchanged) to reach the minimum.
    """
    if not 0 <= exemplars <= total or not 0 <= min_percent <= 100:
        raise ValueError("need 0 ≤ exemplars ≤ total and 0 ≤ min_percent ≤ 100")
    if total == 0:
        return ShareDecision(False, 0, 0, "Danh sách chưa có đại biểu nào.")
    if exemplars * 100 >= min_percent * total:
        return ShareDecision(
            True, 0, 0, f"Đại biểu điển hình đạt {exemplars}/{total}, đủ tối thiểu {min_percent}%."
        )
    others = total - exemplars
    gap = min_percent * total - exemplars * 100  # > 0 here, so min_percent > 0
    # Add a exemplars: (e + a)·100 ≥ p·(t + a)  ⇔  a·(100 − p) ≥ gap.
    to_add = -(-gap // (100 - min_percent)) if min_percent < 100 else 0
    # Remove r others: e·100 ≥ p·(t − r)  ⇔  r·p ≥ gap (always ≤ others when e > 0).
    to_remove = -(-gap // min_percent) if exemplars > 0 else 0
    if to_add and to_remove:
        advice = (
            f"thêm {to_add} đại biểu điển hình tiên tiến hoặc bớt {to_remove} đại biểu khách mời, lãnh đạo"
        )
    elif to_add:
        advice = f"thêm {to_add} đại biểu điển hình tiên tiến"
    elif to_remove:
        advice = f"bớt {to_remove} đại biểu khách mời, lãnh đạo"
    else:  # 100 % required and no exemplar yet
        to_add, to_remove = 1, others
        advice = f"bớt {others} đại biểu khách mời, lãnh đạo và thêm đại biểu điển hình tiên tiến"
    reason = (
        f"Đại biểu điển hình tiên tiến mới có {exemplars}/{total}, chưa đủ tối thiểu {min_percent}%: "
        f"cần {advice}."
    )
    return ShareDecision(False, to_add, to_remove, reason)


def effective_cap(event_cap: int | None, tier_cap: int | None) -> int | None:
    """The event's own (lower) cap when set, else the tier's."""
    return event_cap if event_cap is not None else tier_cap


@dataclass(frozen=True)
class CapChangeDecision:
    allowed: bool
    reason: str


def check_event_cap_change(*, tier_cap: int, new_cap: int | None, current: int) -> CapChangeDecision:
    """A unit may lower its own cap (never above the tier's, never below its headcount)."""
    if new_cap is None:
        return CapChangeDecision(True, f"Dùng mức tối đa của cấp: {tier_cap} đại biểu.")
    if new_cap > tier_cap:
        return CapChangeDecision(False, f"Số đại biểu tối đa không được vượt mức của cấp ({tier_cap}).")
    if new_cap < current:
        return CapChangeDecision(
            False, f"Danh sách đang có {current} đại biểu, không thể đặt mức tối đa {new_cap}."
        )
    return CapChangeDecision(True, f"Mức tối đa mới: {new_cap} đại biểu.")


def is_young(*, birth_year: int, event_year: int) -> bool:
    return event_year - birth_year <= YOUTH_MAX_AGE


@dataclass(frozen=True)
class QuotaDecision:
    allowed: bool
    reason: str


def check_quota_allocation(*, upper_cap: int | None, allocations: dict[int, int]) -> QuotaDecision:
    """Seats handed down by an upper unit must fit in its own congress's cap."""
    if any(seats < 0 for seats in allocations.values()):
        return QuotaDecision(False, "Số đại biểu phân bổ không được âm.")
    total = sum(allocations.values())
    if upper_cap is not None and total > upper_cap:
        return QuotaDecision(
            False,
            f"Tổng số đại biểu phân bổ ({total}) vượt số đại biểu tối đa của Đại hội cấp trên ({upper_cap}).",
        )
    return QuotaDecision(True, f"Đã phân bổ {total} đại biểu.")


def check_delegation_size(*, quota: int | None, chosen: int) -> QuotaDecision:
    """A delegation to the upper congress must fit the quota the upper level allocated."""
    if quota is None:
        return QuotaDecision(False, "Cấp trên chưa phân bổ số đại biểu cho đơn vị, chưa thể thông qua đoàn.")
    if chosen == 0:
        return QuotaDecision(False, "Chưa chọn đại biểu nào cho đoàn.")
    if chosen > quota:
        return QuotaDecision(
            False, f"Đoàn có {chosen} đại biểu, vượt số được phân bổ ({quota}): cần bớt {chosen - quota}."
        )
    return QuotaDecision(True, f"Đoàn {chosen}/{quota} đại biểu theo phân bổ.")

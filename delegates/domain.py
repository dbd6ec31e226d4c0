"""Pure rules of rosters: caps, the exemplar share, Vietnamese names. No ORM."""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Vietnamese alphabet order: base letters (with their shape marks ă â đ ê ô ơ ư)
# first, tone marks only break ties (secondary weight).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPE_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}  # fmt: skip


def normalise_text(value: str) -> str:
    """NFC, trimmed, inner runs of white space folded to one space."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def _letters_and_tones(word: str) -> tuple[list[str], list[int]]:
    letters: list[str] = []
    tones: list[int] = []
    for char in word.lower():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if mark in _TONE_MARKS:
                tone = _TONE_MARKS[mark]
            elif (base, mark) in _SHAPE_MARKS:
                base = _SHAPE_MARKS[(base, mark)]
        letters.append(base)
        tones.append(tone)
    return letters, tones


def _primary(letter: str) -> str:
    index = _ALPHABET.find(letter)
    if index < 0:
        return "~" + letter  # digits and punctuation after letters
    return chr(ord("A") + index)


def vietnamese_sort_key(full_name: str) -> str:
    """A string that sorts names the Vietnamese way: given name, then the rest.

    "Nguyễn Văn An" sorts under "An", then "Nguyễn Văn"; letters follow the
    Vietnamese alphabet (a < ă < â < b ...), and tone marks only break ties.
    """
    words = normalise_text(full_name).split(" ")
    ordered = words[-1:] + words[:-1] if words else []
    keys = [_word_key(word) for word in ordered]
    return " ".join(k[0] for k in keys) + "|" + " ".join(k[1] for k in keys)


@lru_cache(maxsize=8192)
def _word_key(word: str) -> tuple[str, str]:
    """(primary letters, tone digits) of one syllable; names reuse few syllables, so cached."""
    letters, tones = _letters_and_tones(word)
    return "".join(_primary(letter) for letter in letters), "".join(str(t) for t in tones)


def fold_for_search(value: str) -> str:
    """Lower-case, without diacritics ("Nguyễn Văn Đức" -> "nguyen van duc")."""
    return " ".join(_fold_word(word) for word in normalise_text(value).lower().split(" "))


@lru_cache(maxsize=8192)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


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

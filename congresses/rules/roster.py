"""Rules of a roster: the cap that applies, who may change it, seats left, the exemplar share."""

from django.utils.translation import gettext

from .decision import Decision

# --- 2. Delegate caps ---------------------------------------------------------------


class CapSetter:
    """Who may set an event's own delegate number (TierRule.cap_setter)."""

    NOBODY = ""  # the tier's cap applies as it is
    UNIT = "unit"  # the unit (or Sở Nội vụ acting for it) may set a lower number
    STAFF = "staff"  # only Sở Nội vụ sets the number, within the tier's cap


def effective_cap(*, own_cap: int | None, tier_cap: int | None) -> Decision:
    """The cap that applies: the event's own number when set (0 included), else the tier's.

    `value` is the cap (None: no cap at all).
    """
    cap = own_cap if own_cap is not None else tier_cap
    if cap is None:
        return Decision(True, gettext("Không giới hạn số đại biểu."), None)
    if own_cap is not None and tier_cap is not None and own_cap != tier_cap:
        return Decision(
            True,
            gettext("Tối đa %(cap)s đại biểu (mức riêng của đơn vị; mức của cấp: %(tier_cap)s).")
            % {"cap": cap, "tier_cap": tier_cap},
            cap,
        )
    return Decision(True, gettext("Tối đa %(cap)s đại biểu.") % {"cap": cap}, cap)


def may_set_cap(*, setter: str, by_staff: bool) -> Decision:
    """May this user set an event's own cap at all? Only where the tier allows, only by whom it names.

    `by_staff` tells whether the user is Sở Nội vụ staff; the caller has already
    checked that the user may change the unit.
    """
    if setter == CapSetter.UNIT:
        return Decision(True)
    if setter == CapSetter.STAFF:
        if by_staff:
            return Decision(True)
        return Decision(False, gettext("Số đại biểu tối đa của sự kiện này do Sở Nội vụ quyết định."))
    return Decision(
        False, gettext("Số đại biểu tối đa của cấp này áp dụng theo kế hoạch; đơn vị không tự đặt.")
    )


def cap_change(
    *,
    tier_cap: int,
    setter: str,
    by_staff: bool,
    requested: int | None,
    headcount: int,
    handed_down: int = 0,
) -> Decision:
    """May an event's own cap become `requested` (None: back to the tier's cap)?

    Never 0, never above the tier's cap, never below the roster's headcount nor
    below the seats a congress has already handed down as delegation quotas;
    only where the tier allows it and only by whom it names. Going back to the
    tier's cap is always allowed (it is the plan's own number). `value` is the
    cap that will apply.
    """
    if requested is None:
        return Decision(
            True,
            gettext("Dùng mức tối đa của cấp: %(tier_cap)s đại biểu.") % {"tier_cap": tier_cap},
            tier_cap,
        )
    who = may_set_cap(setter=setter, by_staff=by_staff)
    if not who:
        return Decision(False, who.reason, tier_cap)
    if requested < 1:
        return Decision(False, gettext("Số đại biểu tối đa phải từ 1 trở lên."), tier_cap)
    if requested > tier_cap:
        return Decision(
            False,
            gettext("Số đại biểu tối đa không được vượt quá %(tier_cap)s (mức của cấp theo kế hoạch).")
            % {"tier_cap": tier_cap},
            tier_cap,
        )
    if requested < headcount:
        return Decision(
            False,
            gettext(
                "Danh sách đã có %(headcount)s đại biểu; không đặt mức tối đa thấp hơn (%(requested)s) được. Hãy bớt đại biểu trước."
            )
            % {"headcount": headcount, "requested": requested},
            tier_cap,
        )
    if requested < handed_down:
        return Decision(
            False,
            gettext(
                "Đã phân bổ %(handed_down)s đại biểu cho các đơn vị cấp dưới; không đặt mức tối đa thấp hơn (%(requested)s) được. Hãy giảm số phân bổ trước."
            )
            % {"handed_down": handed_down, "requested": requested},
            tier_cap,
        )
    return Decision(
        True, gettext("Mức tối đa mới: %(requested)s đại biểu.") % {"requested": requested}, requested
    )


def seats_left(*, cap: int | None, headcount: int, requested: int = 1) -> Decision:
    """May `requested` more delegates join a roster of `headcount` under `cap` (None: no cap)?

    `value` is the seats left before the request (never negative; None: no cap).
    With `requested=0` it judges the roster as it stands (over the cap or not).
    """
    if headcount < 0 or requested < 0:
        return Decision(False, gettext("Số đại biểu không hợp lệ."), 0)
    if cap is None:
        return Decision(True, gettext("Không giới hạn số đại biểu."), None)
    left = max(cap - headcount, 0)
    if requested == 0:
        if headcount > cap:
            return Decision(
                False,
                gettext("Danh sách đại biểu %(headcount)s người, vượt mức tối đa %(cap)s người")
                % {"headcount": headcount, "cap": cap},
                left,
            )
        return Decision(
            True,
            gettext("Còn %(left)s chỗ trong tối đa %(cap)s đại biểu.") % {"left": left, "cap": cap},
            left,
        )
    if requested <= left:
        return Decision(
            True,
            gettext("Còn %(left)s chỗ trong tối đa %(cap)s đại biểu.") % {"left": left, "cap": cap},
            left,
        )
    if left == 0:
        return Decision(
            False,
            gettext("Danh sách đã đủ %(cap)s đại biểu (mức tối đa), không thể thêm.") % {"cap": cap},
            left,
        )
    return Decision(
        False,
        gettext(
            "Chỉ còn %(left)s chỗ trong tối đa %(cap)s đại biểu, không thể thêm %(requested)s đại biểu (vượt %(value)s)."
        )
        % {"left": left, "cap": cap, "requested": requested, "value": requested - left},
        left,
    )


# --- 3. The exemplar share ----------------------------------------------------------


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def exemplar_share(*, exemplars: int, total: int, min_percent: int, cap: int | None = None) -> Decision:
    """Is exemplars / total ≥ min_percent %? Exact integers; when not, advice that is always doable.

    An empty roster has NOT reached the share: nothing can be finalised from it,
    and compliance reports it like any other roster below the share ("chưa có
    đại biểu"). This is the one meaning of an empty roster everywhere.

    The advice (each option alone fixes the share, and keeps the roster within `cap`):
    - `exemplars_to_add`: add that many exemplars, only when they fit in the seats left;
    - `others_to_convert`: change that many guests/leaders into an exemplar category;
    - `others_to_remove`: remove that many guests/leaders.
    An option that is not doable is 0. `value` is the exemplar percent, rounded down.
    """
    if not 0 <= exemplars <= total or not 0 <= min_percent <= 100:
        return Decision(False, gettext("Số liệu đại biểu không hợp lệ."))
    left = None if cap is None else max(cap - total, 0)
    if total == 0:
        if left is None or left >= 1:
            return Decision(
                False,
                gettext(
                    "Danh sách chưa có đại biểu nào: cần ít nhất %(min_percent)s%% đại biểu điển hình tiên tiến, hãy thêm đại biểu điển hình tiên tiến."
                )
                % {"min_percent": min_percent},
                0,
                exemplars_to_add=1,
            )
        return Decision(
            False,
            gettext("Danh sách chưa có đại biểu nào và mức tối đa là 0 đại biểu: hãy đặt lại mức tối đa."),
            0,
        )
    percent = exemplars * 100 // total
    if exemplars * 100 >= min_percent * total:
        return Decision(
            True,
            gettext(
                "Đại biểu điển hình tiên tiến đạt %(exemplars)s/%(total)s, đủ tối thiểu %(min_percent)s%%."
            )
            % {"exemplars": exemplars, "total": total, "min_percent": min_percent},
            percent,
        )
    others = total - exemplars
    gap = min_percent * total - exemplars * 100  # > 0, so min_percent > 0 and others > 0
    within_cap = left is None or total <= cap  # type: ignore[operator]
    # Add a exemplars: (e + a)·100 ≥ p·(t + a) ⇔ a·(100 − p) ≥ gap; only within the seats left.
    to_add = _ceil_div(gap, 100 - min_percent) if min_percent < 100 else 0
    if not within_cap or (left is not None and to_add > left):
        to_add = 0
    # Convert n others: (e + n)·100 ≥ p·t ⇔ n·100 ≥ gap; n ≤ others since p ≤ 100.
    to_convert = _ceil_div(gap, 100) if within_cap else 0
    # Remove r others: e·100 ≥ p·(t − r) ⇔ r·p ≥ gap. Removing more others only raises the share,
    # so a roster over its cap removes down to the cap; never all delegates (e > 0), never an exemplar.
    to_remove = _ceil_div(gap, min_percent) if exemplars > 0 else 0
    if to_remove and cap is not None and total - to_remove > cap:
        to_remove = total - cap
    if to_remove > others:
        to_remove = 0
    options = []
    if to_add:
        options.append(gettext("thêm %(to_add)s đại biểu điển hình tiên tiến") % {"to_add": to_add})
    if to_remove:
        options.append(gettext("bớt %(to_remove)s đại biểu khách mời, lãnh đạo") % {"to_remove": to_remove})
    if to_convert:
        options.append(
            gettext(
                "chuyển %(to_convert)s đại biểu khách mời, lãnh đạo sang thành phần điển hình tiên tiến (nếu đúng là điển hình)"
            )
            % {"to_convert": to_convert}
        )
    advice = (
        gettext(" hoặc ").join(options)
        if options
        else gettext("bớt đại biểu để về trong mức tối đa %(cap)s") % {"cap": cap}
    )
    full = ""
    if not to_add and left is not None and within_cap:
        full = (
            gettext(" (danh sách chỉ còn %(left)s chỗ trong tối đa %(cap)s)") % {"left": left, "cap": cap}
            if left
            else gettext(" (danh sách đã đủ %(cap)s)") % {"cap": cap}
        )
    return Decision(
        False,
        gettext(
            "Đại biểu điển hình tiên tiến mới có %(exemplars)s/%(total)s, dưới tỷ lệ tối thiểu %(min_percent)s%%: cần %(advice)s%(full)s."
        )
        % {
            "exemplars": exemplars,
            "total": total,
            "min_percent": min_percent,
            "advice": advice,
            "full": full,
        },
        percent,
        exemplars_to_add=to_add,
        others_to_convert=to_convert,
        others_to_remove=to_remove,
    )

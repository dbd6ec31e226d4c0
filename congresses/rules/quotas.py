"""Rules of delegations to the upper congress: quotas handed down, delegation size, removals."""

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext

from .decision import Decision

# --- 5. Delegation quotas -----------------------------------------------------------


def quota_change(
    *, cap: int | None, before: Mapping[int, int], after: Mapping[int, int], approved: Mapping[int, int]
) -> Decision:
    """May an upper unit hand down `after` (unit id -> seats) instead of `before`?

    Seats handed down never exceed the upper congress's cap, except that a
    reduction (no quota rises, none is added) is always accepted, so a unit
    whose quotas already exceed its cap can bring them back down. A quota never
    falls below the delegation its unit has already approved. `value` is the total after.
    """
    if any(seats < 0 for seats in after.values()):
        return Decision(False, gettext("Số đại biểu phân bổ không được âm."))
    for unit_id, size in approved.items():
        if unit_id in before and after.get(unit_id, -1) < size:
            return Decision(
                False,
                gettext(
                    "Không thể giảm số phân bổ xuống dưới số đại biểu của đoàn đã được thông qua (%(size)s đại biểu): hãy để đơn vị hủy thông qua đoàn trước."
                )
                % {"size": size},
            )
    total = sum(after.values())
    reduction = all(seats <= before.get(unit_id, -1) for unit_id, seats in after.items())
    if cap is not None and total > cap and not reduction:
        return Decision(
            False,
            gettext(
                "Tổng số đại biểu phân bổ (%(total)s) vượt số đại biểu tối đa của Đại hội cấp trên (%(cap)s)."
            )
            % {"total": total, "cap": cap},
            total,
        )
    return Decision(True, gettext("Đã phân bổ %(total)s đại biểu.") % {"total": total}, total)


def delegation_size(*, quota: int | None, chosen: int, roster_finalised: bool) -> Decision:
    """A delegation to the upper congress comes from a finalised roster and fits its quota.

    `value` is the seats of the quota left unused (None: no quota).
    """
    if quota is None:
        return Decision(
            False, gettext("Cấp trên chưa phân bổ số đại biểu cho đơn vị, chưa thể thông qua đoàn.")
        )
    if not roster_finalised:
        return Decision(
            False,
            gettext(
                "Danh sách đại biểu của đơn vị chưa được chốt: hãy chốt danh sách trước khi thông qua "
                "đoàn đại biểu dự Đại hội cấp trên."
            ),
            max(quota - chosen, 0),
        )
    if chosen == 0:
        return Decision(False, gettext("Chưa chọn đại biểu nào cho đoàn."), quota)
    if chosen > quota:
        return Decision(
            False,
            gettext(
                "Đoàn đại biểu dự Đại hội cấp trên %(chosen)s người, vượt số được phân bổ (%(quota)s): cần bớt %(value)s."
            )
            % {"chosen": chosen, "quota": quota, "value": chosen - quota},
            0,
        )
    return Decision(
        True,
        gettext("Đoàn %(chosen)s/%(quota)s đại biểu theo phân bổ.") % {"chosen": chosen, "quota": quota},
        quota - chosen,
    )


def delegate_removal(*, copied_to: Sequence[str]) -> Decision:
    """A delegate already on an upper congress's roster (copied from this one) cannot vanish from below."""
    if copied_to:
        names = ", ".join(copied_to)
        return Decision(
            False,
            gettext(
                "Đại biểu này đã được đưa vào danh sách %(names)s; không thể xóa khỏi danh sách của đơn vị. Hãy đề nghị cấp trên bỏ đại biểu khỏi danh sách Đại hội trước."
            )
            % {"names": names},
        )
    return Decision(True)

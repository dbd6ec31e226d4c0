"""Pure rules of who may see and change which unit. No ORM, no request."""

from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class Access(IntEnum):
    NONE = 0
    READ = 1
    WRITE = 2


@dataclass(frozen=True)
class UnitScope:
    """What a user may do, decided once from their role and unit.

    `root_unit_id` is the unit an officer belongs to: they see and change it and
    its direct children (a district's communes). Staff of Sở Nội vụ see and change
    everything; leadership see everything and change nothing.
    """

    sees_all: bool
    changes_anything: bool
    root_unit_id: int | None

    def access_to(self, *, unit_id: int, parent_id: int | None) -> Access:
        if self.sees_all:
            return Access.WRITE if self.changes_anything else Access.READ
        if self.root_unit_id is not None and self.root_unit_id in (unit_id, parent_id):
            return Access.WRITE if self.changes_anything else Access.READ
        return Access.NONE


NO_SCOPE = UnitScope(sees_all=False, changes_anything=False, root_unit_id=None)


def day_label(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def unit_period_label(*, valid_from: date, valid_to: date | None, epoch: date) -> str:
    """How long a unit existed, as its page and its successors' pages show it."""
    start = "" if valid_from <= epoch else day_label(valid_from)
    if valid_to is None:
        return f"từ {start}" if start else "đang hoạt động"
    return f"{start} – {day_label(valid_to)}" if start else f"đến {day_label(valid_to)}"


def basis_label(*, number: str, issued_on: date | None) -> str:
    if not number:
        return ""
    return f"{number} ngày {day_label(issued_on)}" if issued_on else number

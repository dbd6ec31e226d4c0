"""Pure rules of a reorganisation of the map: plain values in, a decision with Vietnamese reasons out."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext

from .domain import day_label


@dataclass(frozen=True)
class UnitSpan:
    id: int
    name: str
    valid_from: date
    valid_to: date | None

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class MappingRow:
    """One row of the mapping; `successor` None means the row names no successor."""

    predecessor: UnitSpan
    successor: UnitSpan | None
    share: Decimal | None = None


@dataclass(frozen=True)
class ReorganisationDecision:
    allowed: bool
    reasons: tuple[str, ...]


def check_reorganisation(
    *, effective_date: date, rows: Sequence[MappingRow], ended_elsewhere: Mapping[int, str]
) -> ReorganisationDecision:
    """May this reorganisation be applied? Every offending row is named.

    `ended_elsewhere` maps the id of a unit ended by another applied reorganisation
    to that reorganisation's name (two reorganisations may not end the same unit).
    """
    if not rows:
        return ReorganisationDecision(False, (gettext("Đợt sắp xếp chưa có dòng nào."),))
    reasons: list[str] = []
    last_day = effective_date - timedelta(days=1)
    ending = {row.predecessor.id for row in rows}
    with_successor = {row.predecessor.id for row in rows if row.successor is not None}
    shares: dict[int, Decimal] = {}
    seen: set[int] = set()
    for row in rows:
        old = row.predecessor
        if old.id not in with_successor and old.id not in seen:
            reasons.append(
                gettext("%(name)s: đơn vị kết thúc nhưng không có đơn vị kế thừa.") % {"name": old.name}
            )
        if old.id not in seen:
            if old.id in ended_elsewhere:
                reasons.append(
                    gettext("%(name)s: đã kết thúc theo đợt sắp xếp khác (%(value)s).")
                    % {"name": old.name, "value": ended_elsewhere[old.id]}
                )
            elif not old.is_valid_on(last_day):
                reasons.append(
                    gettext("%(name)s: không còn hoạt động vào ngày %(day_label)s.")
                    % {"name": old.name, "day_label": day_label(last_day)}
                )
        seen.add(old.id)
        new = row.successor
        if new is not None:
            if not new.is_valid_on(effective_date):
                reasons.append(
                    gettext("%(name)s → %(name2)s: đơn vị kế thừa không tồn tại vào ngày %(day_label)s.")
                    % {"name": old.name, "name2": new.name, "day_label": day_label(effective_date)}
                )
            if new.id in ending:
                reasons.append(
                    gettext("%(name)s → %(name2)s: đơn vị kế thừa cũng kết thúc trong đợt này.")
                    % {"name": old.name, "name2": new.name}
                )
        if row.share is not None:
            shares[old.id] = shares.get(old.id, Decimal(0)) + row.share
            if shares[old.id] > 100:
                reasons.append(
                    gettext("%(name)s: tổng tỷ lệ chuyển sang vượt quá 100 %%.") % {"name": old.name}
                )
    return ReorganisationDecision(not reasons, tuple(dict.fromkeys(reasons)))


def primary_successor(rows: Sequence[MappingRow]) -> UnitSpan | None:
    """Where an ending unit's officer accounts and exemplars go: its only successor, else the
    one given the largest share, else the first listed."""
    successors = [row for row in rows if row.successor is not None]
    if not successors:
        return None
    best = max(successors, key=lambda row: (row.share or Decimal(0), -successors.index(row)))
    return best.successor

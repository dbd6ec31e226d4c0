"""Pure rules of a campaign's tiers. No ORM: values in, values out."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar


class TierLike(Protocol):
    unit_kinds: list[str]


T = TypeVar("T", bound=TierLike)


def tier_for_kind(tiers: Iterable[T], kind: str) -> T | None:
    """The tier whose rules cover a unit of this kind, or None."""
    for tier in tiers:
        if kind in tier.unit_kinds:
            return tier
    return None


def shift_years(value: date, years: int) -> date:
    """Move a date by whole years; 29 February falls back to 28 February."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


@dataclass(frozen=True)
class KindCoverage:
    uncovered: tuple[str, ...]
    duplicated: tuple[str, ...]


def check_kind_coverage(tier_kinds: Iterable[Iterable[str]], all_kinds: Iterable[str]) -> KindCoverage:
    """Each unit kind should be covered by exactly one tier of a campaign."""
    seen: dict[str, int] = {}
    for kinds in tier_kinds:
        for kind in kinds:
            seen[kind] = seen.get(kind, 0) + 1
    return KindCoverage(
        uncovered=tuple(k for k in all_kinds if k not in seen),
        duplicated=tuple(k for k, n in seen.items() if n > 1),
    )


_ADMINISTRATIVE_PREFIXES = ("Thành phố", "Thị trấn", "Phường", "Huyện", "Tỉnh", "Xã")


def event_full_name(*, event_name: str, unit_name: str) -> str:
    """The official name of a unit's event (plan, section II.4.c).

    Administrative prefixes are written in lower case inside a name
    ("Hội nghị tuyên dương điển hình tiên tiến xã Dương Quang"); provincial
    bodies keep their own capitalisation ("Hội nghị điển hình tiên tiến Sở Y tế").
    """
    for prefix in _ADMINISTRATIVE_PREFIXES:
        if unit_name.startswith(prefix + " "):
            unit_name = prefix.lower() + unit_name[len(prefix) :]
            break
    return f"{event_name} {unit_name}"

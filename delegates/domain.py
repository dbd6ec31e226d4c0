"""Pure facts of rosters: composition. No ORM.

Caps, the exemplar share and delegation quotas are campaign rules: they live once,
in congresses/rules.py.
"""

from core.text import fold_for_search
from units.reference import ETHNIC_GROUP_OTHER_NAMES

YOUTH_MAX_AGE = 35
"""A delegate counts as young when (event year − birth year) ≤ 35: the Youth Union's
age limit (Điều lệ Đoàn TNCS Hồ Chí Minh), computed in the year the event is held."""


def is_young(*, birth_year: int, event_year: int) -> bool:
    return event_year - birth_year <= YOUTH_MAX_AGE


def delegate_search_text(
    *, full_name: str, collective_name: str, position: str, workplace: str, ethnic_group: str
) -> str:
    """What roster search matches, folded: the name, collective, position, workplace and ethnicity
    ("mong" finds a Mông delegate, "h’mong" too)."""
    ethnicity = " ".join((ethnic_group, *ETHNIC_GROUP_OTHER_NAMES.get(ethnic_group, ())))
    return fold_for_search(" ".join((full_name, collective_name, position, workplace, ethnicity)))[:600]
